#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The form in which names are compared: ASCII letters lower-cased, digits kept, spaces and
/// punctuation dropped, other UTF-8 bytes kept. "Vit. D", "vit-d" and "VITD" all become "vitd".
std::string normalize_name(std::string_view name);

/// A copy of `text` with ASCII letters lower-cased (case-insensitive search).
std::string to_lower_ascii(std::string_view text);

/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters each cost 1, so "magnesuim" is 1 away from "magnesium".
int edit_distance(std::string_view a, std::string_view b);

/// The words of what a person typed, however the shell split it: every argument split at
/// ASCII whitespace, empty pieces dropped. {"caffeine noon", " tea"} gives caffeine, noon, tea.
std::vector<std::string> split_words(const std::vector<std::string>& arguments);

/// `items` with `separator` between each two: join({"in 4 s", "out 8 s"}, " · ") is
/// "in 4 s · out 8 s". The one join of the code base.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// A name, id or value as messages show it: in double quotes, as TOML writes a string
/// (`did you mean "magnesium"?`). Keys are shown in single quotes by their messages.
std::string quote(std::string_view text);

/// The words of `arguments` joined by single spaces, so " 2" reads as "2" and
/// {"vit", "d"} as "vit d".
std::string join_words(const std::vector<std::string>& arguments);

/// The parts of a name that tell one entry from a sibling: its one- or two-character words
/// and its words with a digit, lower-cased ("Vitamin D3 with K2" gives d3, k2; "vit c" gives
/// c). A misspelling never changes them: "vitamin c" is not a typo of "vitamin d".
std::vector<std::string> name_marks(std::string_view name);

/// How far a typed word may be from a known one and still count as a misspelling of it.
int typo_allowance(std::string_view normalized_word);

/// The candidate closest to `word` (compared normalized) within `max_distance`, if any;
/// used to suggest a fix for a typo.
std::optional<std::string>
nearest_name(std::string_view word, const std::vector<std::string>& candidates, int max_distance);

/// The id a name a person wrote stands for: its words (runs of what normalize_name keeps)
/// lower-cased and joined with '-'. "Cold feet!" gives "cold-feet", "Long  drive" gives
/// "long-drive"; a name with no letter or digit gives "". normalize_name of the id is that of
/// the name, so the two are found alike.
std::string id_from_name(std::string_view name);

/// True when `id` is a valid content id: lowercase ASCII letters, digits and single '-'
/// between them ("vitamin-d", "4-7-8").
bool is_valid_id(std::string_view id);

} // namespace calmlegs
