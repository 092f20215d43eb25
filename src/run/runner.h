#pragma once

#include "plan/plan.h"
#include "run/display.h"
#include "run/events.h"

namespace calmlegs {

/// Runs a plan: fires each cue at its absolute deadline on the steady clock (start + offset +
/// the time spent paused), so a late wake-up never delays the cues after it. Keys: space
/// pauses and resumes, n skips to the next step, q quits, ? toggles the key help, Enter ends a
/// step that waits for the person. Ctrl-Z counts as a pause, except during a step that waits
/// for the person: a stop there is part of the wait, which has no deadline to move.
RunResult run_plan(const Plan& plan, EventSource& events, Display& display, Announcer& announcer);

} // namespace calmlegs
