#pragma once
// Finding what a person typed: a supplement by any of its names, a guide step by number or
// name. Exact ids are opened directly, so the common look-up parses a single file.

#include "content/resolve.h"
#include "content/store.h"

#include <optional>
#include <string>
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

/// The form of a supplement a person named: "magnesium oxide" is Magnesium, as oxide.
struct FormMatch {
    std::string name; ///< as the content writes it ("oxide", "ferrous sulfate")
    std::string note; ///< what the guide says of it; empty when it says nothing
    /// False for one of the entry's other_forms, the forms sold that the guide does not discuss.
    bool in_guide = true;
};

/// A supplement look-up also tells which of the entry's forms was named, if one was.
struct SupplementLookup : Lookup<Supplement> {
    std::optional<FormMatch> form;
};

/// A supplement by its id, name, an alias, one of its forms alone ("ferrous sulfate") or after
/// its name ("magnesium oxide"), a prefix or a close misspelling. A form two entries share is
/// ambiguous, as any name two entries share.
SupplementLookup find_supplement(ContentStore& store, std::string_view query);
/// A medicine or substance that can make RLS worse, by its id, name, an alias (a brand name:
/// "benadryl"), a prefix or a close misspelling; its group's name ("sedating antihistamines")
/// typed in full names every entry of the group.
Lookup<Medicine> find_medicine(ContentStore& store, std::string_view query);
/// A routine by its id, name or an alias (or a prefix or close misspelling of one).
Lookup<Routine> find_routine(ContentStore& store, std::string_view query);
/// A breathing pattern by its id, name or an alias (or a prefix or close misspelling).
Lookup<BreathingPattern> find_pattern(ContentStore& store, std::string_view query);

/// A trigger of the content by its id, name or an alias ("phone" for screens before bed), a
/// prefix or a close misspelling. The result points into store.triggers().
Lookup<Trigger> find_trigger(ContentStore& store, std::string_view query);
/// A trigger of a person's list (person_triggers, config_triggers.h): first the content's by
/// an exact id, name or alias; then the person's own by an exact name or id ("Cold feet",
/// "cold-feet"); then a prefix or close misspelling of any of them. The result points into
/// `triggers`.
Lookup<Trigger> find_trigger(const std::vector<Trigger>& triggers, std::string_view query);

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
