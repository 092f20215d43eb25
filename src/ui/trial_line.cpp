#include "ui/trial_line.h"

#include <cctype>

namespace calmlegs {

std::string trial_night_words(const TrialNight& night, int nights) {
    return std::string(night.on ? "ON" : "OFF") + " night " + std::to_string(night.index + 1) +
           " of " + std::to_string(nights);
}

std::string name_mid_sentence(std::string_view name) {
    std::string text(name);
    if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
        std::islower(static_cast<unsigned char>(text[1])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string trial_night_line(const TrialNight& night, int nights, TrialSubject kind,
                             std::string_view name, std::string_view how) {
    const std::string subject = name_mid_sentence(name);
    std::string line = trial_night_words(night, nights) + ": ";
    if (!night.on) return line + "no " + subject + " tonight";
    if (kind == TrialSubject::supplement)
        return line + "take " + subject + (how.empty() ? "" : ", " + std::string(how));
    return line + "run the " + subject + (how.empty() ? "" : " (" + std::string(how) + ")");
}

} // namespace calmlegs
