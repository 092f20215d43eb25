#pragma once
// The next time a clock reading comes round ("finish by 00:30" at 23:50 is 40 minutes away),
// and the reading an instant shows: what `tonight --finish-by` counts with.

#include "remind/time_zone.h"

namespace calmlegs {

/// The first instant after `now` at which `zone`'s clocks show `time`: today's, or
/// tomorrow's when today's has come. A reading in the skipped hour is the first valid minute
/// after the gap (as resolve_local has it); in the repeated hour, the first of its two
/// occurrences still to come (at 01:40 in the second pass of New York's 01:00 to 02:00,
/// 01:50 is 10 minutes away).
Resolved next_clock_time(const TimeZone& zone, Instant now, LocalTime time);

/// The clock reading `local` shows, to the minute (seconds dropped): 21:38:40 is 21:38.
LocalTime clock_reading(LocalSeconds local);

} // namespace calmlegs
