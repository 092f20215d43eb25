#pragma once
// The names `calmlegs log` and `calmlegs compare` take: supplements (resolved as in
// `calmlegs supplement`), triggers and routines, typed by any of their names.

#include "cli/context.h"
#include "content/lookup.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::cli {

/// What a typed name resolved to, whatever kind of entry it names.
struct NameMatch {
    Resolution::Status status = Resolution::Status::not_found;
    std::string id;    ///< found: the entry's id
    std::string name;  ///< found: its name as shown
    bool exact = true; ///< found by a name in full, not by a prefix or a close spelling
    std::optional<std::string> suggestion; ///< not found: the id probably meant
    std::vector<std::string> candidates;   ///< ambiguous: the ids it could mean
};

/// A look-up's result as a NameMatch.
template <typename Entry> NameMatch name_match(const Lookup<Entry>& lookup) {
    NameMatch match;
    match.status = lookup.status;
    match.exact = lookup.match == MatchKind::exact;
    if (lookup.found != nullptr) {
        match.id = lookup.found->id;
        match.name = lookup.found->name;
    }
    if (lookup.suggestion != nullptr) match.suggestion = lookup.suggestion->id;
    for (const Entry* entry : lookup.candidates)
        match.candidates.push_back(entry->id);
    return match;
}

/// Words of a list option split at commas, trimmed, empty items dropped: "--took mag,valerian"
/// and "--took mag --took valerian" give the same.
std::vector<std::string> split_list(const std::vector<std::string>& words);

/// Resolves each name of a list `option` ("--took") with `find`; "none" alone is the empty
/// list. A name found by a prefix or a close spelling is said ("'valeria' is valerian"). nullopt
/// after reporting the first name that names nothing or several things, with the line as typed,
/// corrected, when a likely name is known. `what` is "supplement".
std::optional<std::vector<std::string>>
resolve_list(Context& context, const std::vector<std::string>& names, std::string_view option,
             std::string_view what, std::string_view listing,
             const std::function<NameMatch(std::string_view)>& find);

} // namespace calmlegs::cli
