#pragma once
// Reminders as a person reads them (in a terminal, a cron mail or a notification) and as JSON:
// one format shared by `remind` and `schedule`.

#include "remind/schedule.h"
#include "ui/json.h"
#include "ui/page.h"

#include <string>

namespace calmlegs {

/// "21:45": the clock reading a placed reminder fires at.
std::string reminder_clock(const DayReminder& reminder);

/// A placed reminder's lines: "21:45  Wind-down", then a trial night's line, what it asks, the doses of the plan's
/// supplements it names and the command to run, each wrapped under the title. `late_by`
/// (minutes, when delivered after its time) adds "(due 12 minutes ago)". A time moved
/// by a daylight-saving change says so.
void render_reminder(Page& page, const DayReminder& reminder, long late_by_minutes = 0);

/// The body of a desktop notification: what it asks, doses and command, one per line.
std::string notification_body(const DayReminder& reminder);

/// The reminder as a JSON object: id, title, text, command (null when none), doses, steps,
/// own, day (the reminder day), time (HH:MM local), at (UTC, RFC 3339), local (the clock
/// reading with its UTC offset), resolved ("unique", "skipped" or "ambiguous") and trial
/// (null, or the trial night's line, on, night, nights, subject and replaces). Text, doses
/// and command are what the reminder says on a trial night (remind/trial_evening.h).
void write_reminder(JsonWriter& json, const DayReminder& reminder, const TimeZone& zone);

} // namespace calmlegs
