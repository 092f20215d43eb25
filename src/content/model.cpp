#include "content/model.h"

#include "content/names.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace calmlegs {
namespace {

constexpr std::array<std::string_view, 3> k_times = {"morning", "evening", "bedtime"};
constexpr std::array<std::string_view, 6> k_kinds = {"mineral", "vitamin",  "amino-acid",
                                                     "herb",    "mushroom", "essential-oil"};

constexpr std::array<std::string_view, 2> k_origins = {"guide", "added"};
constexpr std::array<std::string_view, 3> k_units = {"mg", "mcg", "IU"};
constexpr std::array<std::string_view, 19> k_audiences = {
    "everyone",      "pregnancy",     "breastfeeding",    "children",  "kidney-disease",
    "liver-disease", "heart-disease", "lung-disease",     "diabetes",  "thyroid",
    "autoimmune",    "allergy",       "anticoagulants",   "sedatives", "alcohol",
    "driving",       "surgery",       "haemochromatosis", "medicines"};
constexpr std::array<std::string_view, 19> k_audience_words = {"everyone",
                                                               "pregnancy",
                                                               "breastfeeding",
                                                               "children",
                                                               "kidney disease",
                                                               "liver disease",
                                                               "heart disease",
                                                               "lung disease",
                                                               "diabetes",
                                                               "thyroid",
                                                               "autoimmune disease",
                                                               "allergy",
                                                               "anticoagulants",
                                                               "sedatives",
                                                               "alcohol",
                                                               "driving",
                                                               "surgery",
                                                               "haemochromatosis",
                                                               "other medicines"};

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// The unit word right after position `i` (spaces skipped), lower-cased; "µ" is kept.
std::string unit_after(std::string_view text, std::size_t i) {
    while (i < text.size() && text[i] == ' ')
        ++i;
    std::string word;
    for (; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (!(std::isalpha(c) != 0 || c >= 0x80)) break;
        word += static_cast<char>(std::tolower(c));
    }
    return word;
}

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

std::string_view to_string(ReferenceOrigin origin) {
    return k_origins[static_cast<std::size_t>(origin)];
}

std::optional<ReferenceOrigin> parse_reference_origin(std::string_view text) {
    return parse_enum<ReferenceOrigin>(k_origins, text);
}

const std::vector<std::string>& reference_origin_names() {
    static const std::vector<std::string> names = to_strings(k_origins);
    return names;
}

std::string_view to_string(Audience who) {
    return k_audiences[static_cast<std::size_t>(who)];
}

std::optional<Audience> parse_audience(std::string_view text) {
    return parse_enum<Audience>(k_audiences, text);
}

const std::vector<std::string>& audience_names() {
    static const std::vector<std::string> names = to_strings(k_audiences);
    return names;
}

std::string_view audience_words(Audience who) {
    return k_audience_words[static_cast<std::size_t>(who)];
}

std::string_view to_string(DoseUnit unit) {
    return k_units[static_cast<std::size_t>(unit)];
}

std::optional<DoseUnit> parse_dose_unit(std::string_view text) {
    return parse_enum<DoseUnit>(k_units, text);
}

const std::vector<std::string>& dose_unit_names() {
    static const std::vector<std::string> names = to_strings(k_units);
    return names;
}

std::vector<DoseRange> dose_ranges(const std::vector<std::string>& dose, DoseUnit unit) {
    std::vector<DoseRange> ranges;
    for (std::string_view text : dose) {
        // The number before the one read now, when no unit followed it: the start of a range
        // ("200–400 mg") if only a dash or "to" stands between the two.
        // (A flag and a value rather than std::optional: GCC 12 at -O2 warns, wrongly, that
        // an optional's value may be read uninitialised here.)
        bool has_pending = false;
        double pending = 0;
        std::size_t pending_end = 0;
        std::size_t i = 0;
        while (i < text.size()) {
            // A number starts at a digit that does not continue a word or another number.
            if (!is_digit(text[i]) ||
                (i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0 ||
                           text[i - 1] == '.' || text[i - 1] == ','))) {
                ++i;
                continue;
            }
            const std::size_t start = i;
            std::string digits;
            for (; i < text.size(); ++i) {
                const bool joins = (text[i] == ',' || text[i] == '.') && i + 1 < text.size() &&
                                   is_digit(text[i + 1]);
                if (is_digit(text[i]) || (joins && text[i] == '.'))
                    digits += text[i];
                else if (!joins)
                    break;
            }
            const double amount = std::stod(digits);
            const std::string word = unit_after(text, i);
            // No unit after it, or a dash or "to" that goes on to one: maybe a range's start.
            if (word.empty() || word == "\xe2\x80\x93" || word == "to") {
                pending = amount;
                has_pending = true;
                pending_end = i;
                continue;
            }
            const bool same = unit == DoseUnit::mg    ? word == "mg"
                              : unit == DoseUnit::mcg ? (word == "mcg" || word == "\xc2\xb5g")
                                                      : word == "iu";
            std::string between(has_pending ? text.substr(pending_end, start - pending_end) : "");
            between.erase(std::remove(between.begin(), between.end(), ' '), between.end());
            const bool range =
                has_pending && (between == "\xe2\x80\x93" || between == "-" || between == "to");
            if (same) ranges.push_back({range ? pending : amount, amount});
            has_pending = false;
        }
    }
    return ranges;
}

std::optional<double> largest_amount(const std::vector<std::string>& dose, DoseUnit unit) {
    std::optional<double> best;
    for (const DoseRange& range : dose_ranges(dose, unit))
        if (!best || range.high > *best) best = range.high;
    return best;
}

std::optional<double> smallest_amount(const std::vector<std::string>& dose, DoseUnit unit) {
    std::optional<double> least;
    for (const DoseRange& range : dose_ranges(dose, unit))
        if (!least || range.low < *least) least = range.low;
    return least;
}

std::string Reference::citation() const {
    std::string out = authors + " (" + std::to_string(year) + "). " + title;
    if (!out.empty() && out.back() != '.' && out.back() != '?') out += '.';
    if (!source.empty()) out += " " + source + ".";
    if (!doi.empty())
        out += " doi:" + doi;
    else if (!url.empty())
        out += " " + url;
    return out;
}

std::string Reference::short_tag() const {
    if (!short_name.empty()) return short_name + (year > 0 ? " " + std::to_string(year) : "");
    std::string_view head = authors;
    for (std::string_view stop : {",", " et al", " &", " and "})
        head = head.substr(0, head.find(stop));
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < head.size()) {
        std::size_t end = head.find(' ', start);
        if (end == std::string_view::npos) end = head.size();
        if (end > start) words.emplace_back(head.substr(start, end - start));
        start = end + 1;
    }
    std::string name;
    if (words.size() <= 2) {
        name = std::string(head);
    } else { // an organisation: its acronyms as they are, other capitalised words by initial
        std::string initials;
        for (const auto& word : words) {
            const bool acronym =
                word.size() > 1 && std::none_of(word.begin(), word.end(), [](char c) {
                    return std::islower(static_cast<unsigned char>(c)) != 0;
                });
            if (acronym) {
                if (!initials.empty()) name += (name.empty() ? "" : " ") + initials;
                initials.clear();
                name += (name.empty() ? "" : " ") + word;
            } else if (std::isupper(static_cast<unsigned char>(word.front())) != 0) {
                initials += word.front();
            }
        }
        if (!initials.empty()) name += (name.empty() ? "" : " ") + initials;
    }
    return name + " " + std::to_string(year);
}

} // namespace calmlegs
