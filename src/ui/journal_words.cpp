#include "ui/journal_words.h"

#include <array>
#include <cmath>

#include <fmt/format.h>

namespace calmlegs {

std::string date_words(Date date) {
    static constexpr std::array<std::string_view, 12> months{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                       months[(static_cast<unsigned>(date.month()) + 11) % 12],
                       static_cast<int>(date.year()));
}

std::string one_decimal(double value) {
    const double tenths = std::round(value * 10);
    return fmt::format("{:.1f}", tenths == 0 ? 0.0 : tenths / 10);
}

std::string signed_decimal(double value) {
    const std::string text = one_decimal(value);
    return text == "0.0" || text.front() == '-' ? text : "+" + text;
}

std::string nights_words(int nights) {
    return std::to_string(nights) + (nights == 1 ? " night" : " nights");
}

std::string percent_words(double fraction) {
    return std::to_string(std::lround(fraction * 100)) + "%";
}

} // namespace calmlegs
