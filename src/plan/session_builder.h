#pragma once
// Turns content into sessions: a routine (with its included routines, exercises, breathing
// patterns and supplements looked up), or a breathing pattern on its own.

#include "content/store.h"
#include "plan/session.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// A supplement trial's night (cli/trial_tonight.h), as the ritual's supplement step follows it.
struct SessionTrial {
    std::string subject; ///< the supplement's id
    bool on = false;     ///< an ON night: take it; OFF: leave it out
    std::string line;    ///< "ON night 9 of 42: take magnesium, 200–400 mg"
};

/// What a person's config says that changes a session.
struct SessionSettings {
    /// The supplements the person takes; unset when they have not said (no plan yet).
    std::optional<std::vector<std::string>> plan_supplements;
    /// Tonight is a night of a supplement trial: an evening supplement step says its line
    /// first, and takes the subject on an ON night even when the plan does not, and leaves it
    /// out on an OFF night (the step then says the line alone when nothing else is left).
    std::optional<SessionTrial> trial;
};

/// Resolves a routine. Problems reading the content it needs go to store.diagnostics(); a
/// reference that cannot be resolved is left out of the session.
Session build_session(ContentStore& store, const Routine& routine, const SessionSettings& settings);

/// A session of one breathing pattern: `cycles` when given (> 0), else about `minutes` (in
/// whole cycles), else the pattern's default. `hold_note` is shown first when the breath is
/// held.
Session breathing_session(const BreathingPattern& pattern, int cycles, double minutes,
                          const std::string& hold_note);

/// A pattern typed on the command line: 2 to 4 numbers of seconds joined by '-' ("5-5" in and
/// out, "4-7-8" in, hold and out, "4-4-4-4" with a hold after breathing out). nullopt, with
/// `error` set to what was expected, when it is not one.
std::optional<BreathingPattern> parse_custom_pattern(std::string_view text, std::string& error);

/// The number of whole cycles of `pattern` closest to `minutes` (at least one).
int cycles_for_minutes(const BreathingPattern& pattern, double minutes);

} // namespace calmlegs
