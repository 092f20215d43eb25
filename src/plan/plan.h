#pragma once
// The planner: a session becomes a plan, the ordered list of timed cues a runner fires.
// Pure: the same session and speed always give the same plan.

#include "plan/session.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace calmlegs {

using Millis = std::chrono::milliseconds;

/// What a cue marks.
enum class CueKind {
    start,    ///< the routine begins (offset 0)
    step,     ///< a step begins
    side,     ///< an exercise moves to its first or second side
    phase,    ///< a phase of a rhythm begins (inhale, hold, a repetition's movement...)
    tick,     ///< a whole second of a countdown passes
    step_end, ///< a step ends
    end,      ///< the routine ends
};

std::string_view to_string(CueKind kind);

/// One moment of a plan.
struct Cue {
    CueKind kind = CueKind::tick;
    Millis at{0};         ///< offset from the start of the routine, in real time
    std::size_t step = 0; ///< index of the step it belongs to (0 for start and end)
    std::string text;     ///< what is shown and said
    PhaseKind phase = PhaseKind::move;
    Millis length{0};  ///< phase: its length; step: the step's length
    int repeat = 0;    ///< phase: the 1-based cycle or repetition; 0 for the switch of sides
    int repeats = 0;   ///< phase: how many there are
    int side = 0;      ///< 1 or 2 on an exercise done on both sides, else 0
    int remaining = 0; ///< tick and step: whole nominal seconds left in the step

    /// Cues worth a sound (bell, spoken cue): the start of a step, a side or a phase.
    bool announced() const {
        return kind == CueKind::step || kind == CueKind::side || kind == CueKind::phase;
    }
    /// The pause to change sides of an exercise done on both ("Switch to the other side"): a
    /// phase that belongs to no repetition.
    bool switches_side() const { return kind == CueKind::phase && repeat == 0; }
};

/// A step with its place in time.
struct PlannedStep {
    SessionStep source;
    Millis at{0};              ///< when it starts
    Millis length{0};          ///< how long it lasts (nominal when it waits for Enter)
    std::size_t first_cue = 0; ///< index of its step cue
    std::size_t end_cue = 0;   ///< index of its step_end cue
};

/// The timed plan of a whole session.
struct Plan {
    std::string id;
    std::string title;
    std::vector<std::string> left_out;
    double speed = 1;
    std::vector<PlannedStep> steps;
    std::vector<Cue> cues; ///< in time order; a step_end comes before the next step's start
    Millis total{0};
};

/// Plans a session at `speed` (2 runs twice as fast): every offset is computed from the
/// session's nominal time and rounded to the millisecond once, so no rounding builds up.
Plan plan_session(const Session& session, double speed = 1);

} // namespace calmlegs
