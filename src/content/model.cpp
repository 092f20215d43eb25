#include "content/model.h"

#include "content/names.h"

#include <array>

namespace calmlegs {
namespace {

constexpr std::array<std::string_view, 3> k_times = {"morning", "evening", "bedtime"};
constexpr std::array<std::string_view, 6> k_kinds = {"mineral", "vitamin",  "amino-acid",
                                                     "herb",    "mushroom", "essential-oil"};

template <typename Enum, std::size_t N>
std::optional<Enum> parse_enum(const std::array<std::string_view, N>& names,
                               std::string_view text) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}

template <std::size_t N>
std::vector<std::string> to_strings(const std::array<std::string_view, N>& names) {
    return {names.begin(), names.end()};
}

} // namespace

std::string_view to_string(TimeOfDay when) {
    return k_times[static_cast<std::size_t>(when)];
}

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    return parse_enum<TimeOfDay>(k_times, to_lower_ascii(text));
}

const std::vector<std::string>& time_of_day_names() {
    static const std::vector<std::string> names = to_strings(k_times);
    return names;
}

std::string_view to_string(SupplementKind kind) {
    return k_kinds[static_cast<std::size_t>(kind)];
}

std::optional<SupplementKind> parse_supplement_kind(std::string_view text) {
    return parse_enum<SupplementKind>(k_kinds, text);
}

const std::vector<std::string>& supplement_kind_names() {
    static const std::vector<std::string> names = to_strings(k_kinds);
    return names;
}

std::string Reference::citation() const {
    std::string out = authors + " (" + std::to_string(year) + "). " + title;
    if (!out.empty() && out.back() != '.' && out.back() != '?') out += '.';
    if (!source.empty()) out += " " + source + ".";
    return out;
}

} // namespace calmlegs
