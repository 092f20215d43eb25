#pragma once
// A time zone as iCalendar's VTIMEZONE describes it (RFC 5545 section 3.6.5): observances,
// each an onset with the offsets either side, written once or as a yearly rule. Calendars
// compute the local times of events from these, so they must give the zone's own offsets.

#include "remind/posix_tz.h"
#include "remind/time_zone.h"

#include <chrono>
#include <string>
#include <vector>

namespace calmlegs {

/// One STANDARD or DAYLIGHT component of a VTIMEZONE.
struct Observance {
    bool daylight = false;
    std::chrono::seconds offset_from{0}; ///< the offset before the onset
    std::chrono::seconds offset_to{0};   ///< the offset from the onset on
    /// The onset, as the clocks read it just before (in `offset_from`): DTSTART.
    LocalSeconds start;
    /// "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" when the onset recurs every year from `start` on;
    /// "" for an onset that happens once.
    std::string rule;
    bool operator==(const Observance&) const = default;
};

/// The observances that give `zone`'s offset at every time from the start of the year before
/// `first_day` on: the listed changes of a tz database zone up to where its POSIX footer
/// rule takes over, then that rule as yearly recurrences ("BYDAY=2SU", or a weekday with
/// BYMONTHDAY for a rule whose wall time passes midnight). A rule that no yearly recurrence
/// can express is spelt out as single onsets up to 20 years past `first_day`. A zone whose
/// offset never changes (UTC, FixedZone) is one STANDARD observance from 1970.
std::vector<Observance> zone_observances(const TimeZone& zone, Date first_day);

/// The yearly recurrence of a POSIX rule day Mm.w.d/time, as an RRULE value whose
/// occurrences fall on the local dates the rule names (shifted by whole days when its time is
/// 24:00 or later, or negative); "" when no yearly recurrence can say it (Jn and n days, or a
/// shift that leaves the month).
std::string yearly_rule(const PosixRuleDay& day);

} // namespace calmlegs
