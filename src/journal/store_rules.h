#pragma once
// What every journal store accepts, and the one shape it keeps a night in: the SQLite store and
// the memory store both go through these, so that they refuse and return the same things.

#include "journal/night.h"

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

} // namespace calmlegs
