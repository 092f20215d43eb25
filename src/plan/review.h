#pragma once
// The plan review (`calmlegs plan check`): a person's [plan] read against what the content
// says of each supplement. Pure: it takes the resolved entries and the person's conditions.

#include "content/model.h"

#include <string>
#include <vector>

namespace calmlegs {

/// One thing the review found, in plain words, with where it comes from.
struct Finding {
    enum class Kind { sedatives, spacing, upper_limit, condition };
    Kind kind = Kind::condition;
    std::string text;
    std::string source;                   ///< "guide" or a reference id; "" when none is given
    std::vector<std::string> supplements; ///< the ids it concerns
};

/// "sedatives", "spacing", "upper-limit", "condition" (as --json writes them).
std::string_view to_string(Finding::Kind kind);

/// What was checked and what was found.
struct PlanReview {
    std::vector<const Supplement*> plan;
    std::vector<Audience> conditions;
    std::vector<Finding> findings; ///< in the order of the rules, then of the plan
    /// What to know that is no finding: a guide dose range whose top, not its bottom, is above
    /// an upper limit (the plan does not say which amount is taken).
    std::vector<Finding> notes;
};

/// Reviews `plan` (the person's supplements, resolved) for:
/// - more than one sedating supplement taken in the evening or at bedtime;
/// - two supplements of the plan taken at the same time of day that an entry's keep_apart rule
///   says to keep apart (each pair once);
/// - a guide dose above the entry's upper limit even at its smallest amount (when only the
///   top of the range is above it, that is a note, not a finding);
/// - every caution whose audience is one of `conditions`.
PlanReview review_plan(const std::vector<const Supplement*>& plan,
                       const std::vector<Audience>& conditions);

} // namespace calmlegs
