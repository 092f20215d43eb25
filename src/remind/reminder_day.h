#pragma once
// The reminder day runs from noon to noon, so that a bedtime after midnight (00:30) and the
// reminders planned back from it belong to the evening before, not to the next day.

#include "remind/time_zone.h"

#include <chrono>

namespace calmlegs {

/// The hour at which one reminder day ends and the next begins, local time.
inline constexpr int k_reminder_day_start_hour = 12;

/// The reminder day `instant` belongs to in `zone`: its local date from noon on, the date
/// before until noon (00:30 on March 9 belongs to March 8's evening).
Date reminder_day(const TimeZone& zone, Instant instant);

/// When a reminder at clock time `time` fires on reminder day `day`: on `day` itself from
/// noon on, on the next date before noon (a 07:00 reminder of March 8 fires on March 9).
/// Resolved through resolve_local, so a time in a skipped or repeated hour fires once.
Resolved at_clock_time(const TimeZone& zone, Date day, LocalTime time);

/// When a reminder `before` bedtime fires on reminder day `day` (negative `before` is after
/// bedtime): bedtime resolved as at_clock_time does, then moved by real elapsed time, so
/// "45 minutes before bed" is 45 minutes however the clocks change. Bedtime 00:30 less 45
/// minutes is 23:45 the evening before. `kind` is the bedtime's when `before` is 0, else unique.
Resolved before_bedtime(const TimeZone& zone, Date day, LocalTime bedtime,
                        std::chrono::minutes before);

} // namespace calmlegs
