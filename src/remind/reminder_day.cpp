#include "remind/reminder_day.h"

namespace calmlegs {

Date reminder_day(const TimeZone& zone, Instant instant) {
    // Shifting the reading back by twelve hours puts noon at the turn of the date.
    const LocalSeconds shifted =
        to_local(zone, instant) - std::chrono::hours{k_reminder_day_start_hour};
    return Date{std::chrono::floor<std::chrono::days>(shifted)};
}

Resolved at_clock_time(const TimeZone& zone, Date day, LocalTime time) {
    const bool next_date = time.hour < k_reminder_day_start_hour;
    return resolve_local(zone, local_at(next_date ? add_days(day, 1) : day, time));
}

Resolved before_bedtime(const TimeZone& zone, Date day, LocalTime bedtime,
                        std::chrono::minutes before) {
    Resolved resolved = at_clock_time(zone, day, bedtime);
    resolved.instant -= before;
    // Counted in real minutes from bedtime, the instant is one the clocks show: only bedtime
    // itself can fall in a skipped or repeated hour.
    if (before != std::chrono::minutes{0}) resolved.kind = LocalKind::unique;
    return resolved;
}

} // namespace calmlegs
