#pragma once
// What `calmlegs log` shares with its questions: the names it resolves and the questions it
// asks on a terminal.

#include "cli/context.h"
#include "cli/trial_tonight.h"
#include "journal/answers.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// Turns typed names (a comma list) into ids, or nullopt after reporting why it cannot.
using ListResolver =
    std::function<std::optional<std::vector<std::string>>(const std::vector<std::string>& names)>;

/// What the questions start from: the night as stored (when it is logged again), the night
/// before it (its answers are the defaults), the plan's supplements and the triggers known.
struct QuestionDefaults {
    const Night* stored = nullptr;
    const Night* previous = nullptr;
    std::vector<std::string> plan;
    std::vector<std::string> trigger_ids;
    /// The supplement trial the night belongs to, if any: whether its subject was taken is
    /// asked on its own, with no default unless the night is logged already.
    const TrialTonight* trial = nullptr;
};

/// What is wrong with a diary whose into-bed, final-wake and out-of-bed times are all given
/// but do not add up (the final wake after out of bed, more minutes awake than in bed); ""
/// when nothing is.
std::string diary_problem(const SleepDiary& diary);

/// Asks for a night's answers, one short question at a time, each with its default (Enter
/// keeps it). nullopt when the person stopped (Ctrl-C or the end of input): nothing is to be
/// saved; `interrupted` says it was Ctrl-C.
std::optional<NightAnswers> ask_night(Context& context, Date night,
                                      const QuestionDefaults& defaults,
                                      const ListResolver& supplements, const ListResolver& triggers,
                                      bool& interrupted);

} // namespace calmlegs::cli
