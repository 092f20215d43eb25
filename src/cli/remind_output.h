#pragma once
// How `calmlegs remind` hands reminders over: as text (a terminal, or cron's mail), as desktop
// notifications through notify-send, and as JSON.

#include "cli/context.h"
#include "remind/delivery.h"

#include <string>
#include <vector>

namespace calmlegs::cli {

/// The reminders as printed, each as render_reminder lays it out, a blank line between; each
/// fired before `now` says how many whole minutes ago.
std::string reminders_text(const std::vector<DayReminder>& reminders, Instant now,
                           const RenderOptions& render);

/// What sending notifications did.
struct Notified {
    std::vector<DayReminder> shown;     ///< shown as notifications
    std::vector<DayReminder> not_shown; ///< to print instead
    std::string why;                    ///< why some were not shown ("" when all were)
};

/// Shows each reminder as a desktop notification (`notify-send --app-name=calmlegs -- TITLE
/// BODY`) when notify-send can run and a session bus is reachable ($DBUS_SESSION_BUS_ADDRESS,
/// or a socket `bus` in $XDG_RUNTIME_DIR); those it cannot show are handed back.
Notified notify(System& system, const std::vector<DayReminder>& reminders, Instant now);

/// The name of the zone in use, for JSON and messages ("Europe/Berlin", or the rule of $TZ).
std::string zone_name(const LocalZone& zone);

/// `remind --json`: the time, the zone, and the reminders delivered and dropped.
void write_due_json(JsonWriter& json, const DueNow& due, const Notified& notified, Instant now,
                    const LocalZone& zone);

/// `remind --at --json`: the minute asked about, the zone, and what fires in it.
void write_at_json(JsonWriter& json, Date date, LocalTime time, const std::vector<DayReminder>& due,
                   const LocalZone& zone);

} // namespace calmlegs::cli
