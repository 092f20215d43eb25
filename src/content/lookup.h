#pragma once
// Finding what a person typed: a supplement by any of its names, a guide step by number or
// name. Exact ids are opened directly, so the common look-up parses a single file.

#include "content/resolve.h"
#include "content/store.h"

#include <string_view>
#include <vector>

namespace calmlegs {

/// The outcome of looking up an entry by what a person typed.
template <typename Entry> struct Lookup {
    Resolution::Status status = Resolution::Status::not_found;
    MatchKind match = MatchKind::exact;
    const Entry* found = nullptr;
    std::vector<const Entry*> candidates; ///< when ambiguous
    const Entry* suggestion = nullptr;    ///< when not found: the one probably meant
};

using SupplementLookup = Lookup<Supplement>;

/// A supplement by its id, name, an alias, "name form" (magnesium glycinate), a prefix or a
/// close misspelling.
SupplementLookup find_supplement(ContentStore& store, std::string_view query);
/// A routine by its id, name or an alias (or a prefix or close misspelling of one).
Lookup<Routine> find_routine(ContentStore& store, std::string_view query);
/// A breathing pattern by its id, name or an alias (or a prefix or close misspelling).
Lookup<BreathingPattern> find_pattern(ContentStore& store, std::string_view query);

/// What a guide look-up can show.
struct GuidePart {
    enum class Kind { intro, step, closing };
    Kind kind = Kind::step;
    const Step* step = nullptr; ///< for Kind::step
};

/// The outcome of looking up a part of the guide.
struct GuideLookup {
    Resolution::Status status = Resolution::Status::not_found;
    MatchKind match = MatchKind::exact;
    GuidePart found;
    std::vector<GuidePart> candidates;   ///< when ambiguous
    std::optional<GuidePart> suggestion; ///< when not found: the part probably meant
};

/// Finds "4", "step 4", "breathwork", "sleep", "intro" or "closing", or a step by the
/// title of one of its sections ("iron", "lavender").
GuideLookup find_guide_part(ContentStore& store, std::string_view query);

} // namespace calmlegs
