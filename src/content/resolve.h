#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// One name under which an entry can be found (its id, display name, an alias or a form).
struct NameKey {
    std::string text;  ///< as written in the content, for suggestions
    std::size_t entry; ///< index of the entry this name belongs to
    /// Matched only when typed in full: a label naming several entries ("Valerian or
    /// Passionflower"), or a step's section title, must not make a prefix ambiguous.
    bool exact_only = false;
    /// Which variant of its entry this name is, for the caller to tell apart (a supplement's
    /// forms: "magnesium oxide" is Magnesium as oxide); -1 for the entry's own names.
    int variant = -1;
};

/// How a query matched.
enum class MatchKind { exact, prefix, close };

/// The outcome of looking a typed name up among the keys.
struct Resolution {
    enum class Status { found, ambiguous, not_found };
    Status status = Status::not_found;
    /// found: the one entry; ambiguous: every candidate, in key order, without repeats.
    std::vector<std::size_t> entries;
    MatchKind match = MatchKind::exact;
    /// not_found: the entry the person probably meant (one of its names contains what was
    /// typed, or is spelled within a third of its length), so they can be told what to type
    /// instead.
    std::optional<std::size_t> suggestion;
    /// found: the variant the matching names point to when they all point to the same one
    /// ("magnesium ox" names oxide); -1 when none does, or several do ("magn" begins them all).
    int variant = -1;
};

/// Resolves a typed name: an exact match (ignoring case, spaces and punctuation) wins, then a
/// unique prefix of at least three characters, then a unique close misspelling. More than one
/// entry at the same stage is ambiguous; nothing at all yields a likely name as a suggestion.
Resolution resolve_name(std::string_view query, const std::vector<NameKey>& keys);

} // namespace calmlegs
