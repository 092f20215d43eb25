#pragma once
// Time zones as values handed to the reminder code, never the process's TZ or localtime():
// a test can run a whole New York spring-forward day in a process whose TZ is UTC.

#include "remind/civil.h"

#include <chrono>
#include <string>

namespace calmlegs {

/// A point in time, to the second (UTC, no leap seconds): what the clock and the state hold.
using Instant = std::chrono::sys_seconds;
/// A wall-clock reading in some zone, to the second: what a person sees on the clock.
using LocalSeconds = std::chrono::local_seconds;

/// Local civil time <-> UTC for one place. Implementations only say which UTC offset is in
/// force at an instant; the conversions below are built on that, the same for every zone.
class TimeZone {
public:
    virtual ~TimeZone() = default;
    /// Local time minus UTC at `instant` (New York in winter: -5 h).
    virtual std::chrono::seconds offset_at(Instant instant) const = 0;
    /// The zone's name as given ("America/New_York", "UTC+02:00"), for messages.
    virtual std::string name() const = 0;
};

/// A zone whose offset never changes: UTC, or a fixed offset for simple tests.
class FixedZone final : public TimeZone {
public:
    explicit FixedZone(std::chrono::seconds offset);
    std::chrono::seconds offset_at(Instant instant) const override;
    std::string name() const override;

private:
    std::chrono::seconds m_offset;
};

/// The wall-clock reading in `zone` at `instant`.
LocalSeconds to_local(const TimeZone& zone, Instant instant);

/// How a wall-clock time maps to instants on its day.
enum class LocalKind {
    unique,    ///< exactly one instant shows it
    ambiguous, ///< two do (the repeated hour when clocks go back); the first is taken
    skipped,   ///< none does (the hour skipped when clocks go forward)
};

/// A wall-clock time resolved to the one instant a reminder at it fires.
struct Resolved {
    Instant instant;
    LocalKind kind = LocalKind::unique;
};

/// The instant at which `zone`'s clocks show `local`. In the repeated hour: its first
/// occurrence. In the skipped hour: the first valid minute after the gap (02:30 on New
/// York's spring-forward day gives 03:00 EDT). Assumes at most one offset change within a
/// day either side of `local`, which holds for every real zone.
Resolved resolve_local(const TimeZone& zone, LocalSeconds local);

/// `date` at `time` as a wall-clock reading.
LocalSeconds local_at(Date date, LocalTime time);

/// "2026-03-08T21:45:00": a wall-clock reading, from the calendar alone. (fmt 9 formats a
/// time_point through the C library's localtime(), which the process's TZ would shift.)
std::string format_local_seconds(LocalSeconds reading);

/// A UTC offset as "+HH" `separator` "MM" ("+05:30", "-0500"), the seconds dropped: how
/// zones are named, reminders' JSON is dated and iCalendar writes TZOFFSETTO.
std::string format_utc_offset(std::chrono::seconds offset, std::string_view separator);

/// "2026-03-08T20:45:00Z": an instant in UTC, as format_local_seconds spells it.
std::string format_instant(Instant instant);

/// "2026-03-08T21:45:00+01:00": an instant as the wall clock read it at UTC offset `offset`
/// (RFC 3339), so that both the instant and the offset can be read back; an offset with
/// seconds, as some historical zones have, gets ":SS" so that it is kept.
std::string format_instant_at(Instant instant, std::chrono::seconds offset);

} // namespace calmlegs
