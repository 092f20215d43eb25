#pragma once
// What every journal store accepts, and the one shape it keeps a night in: the SQLite store and
// the memory store both go through these, so that they refuse and return the same things.

#include "journal/night.h"
#include "journal/trial.h"

#include <string>

namespace calmlegs {

/// `night` as a store keeps it: its supplements and triggers sorted, each once.
Night stored_form(Night night);

/// True when a store can keep `night`: a real date, severity and sleep in their ranges, diary
/// counts not negative, supplement and trigger ids neither empty nor with a control character.
/// Otherwise false, with `why` naming the field and its allowed values ("severity 11 is out of
/// range: 0 to 10").
bool night_storable(const Night& night, std::string& why);

/// True when a store can keep `run`: a uid, a routine id with no control character, real
/// dates, counts not negative, a known outcome. Otherwise false, with `why` saying what is wrong.
bool run_storable(const RoutineRun& run, std::string& why);

/// True when a store can keep `trial`: a subject id with no control character, a real start
/// and a design within its bounds (design_problem). Otherwise false, with `why`.
bool trial_storable(const Trial& trial, std::string& why);

/// True when `trials` hold none planned or running on `tonight` (trial_pending); otherwise
/// false, with `why` naming the one that is ("a trial of magnesium runs from 2026-01-05 to
/// 2026-02-15: one thing at a time").
bool no_pending_trial(const std::vector<Trial>& trials, Date tonight, std::string& why);

/// Stops the trial `id` of `trials` on `night`; false with `why` when there is none or it was
/// stopped already.
bool stop_in(std::vector<Trial>& trials, std::int64_t id, Date night, std::string& why);

} // namespace calmlegs
