#pragma once
// Exactly once: which reminders of the last days were delivered (or dropped as too late), and
// which are due now. Pure; the state file's reading, writing and locking are the caller's.

#include "remind/schedule.h"

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// How long after its time a reminder missed (a laptop asleep, cron late) is still delivered.
inline constexpr std::chrono::minutes k_default_grace{30};
/// How many reminder days the state remembers: today, and the one before for the reminders
/// of the small hours.
inline constexpr int k_state_days = 2;

/// What became of a reminder on a reminder day.
enum class Outcome { delivered, dropped };

/// The reminders handled, by reminder day ("2026-03-08") and id.
struct DeliveryState {
    std::map<std::string, std::map<std::string, Outcome>> days;

    /// Whether the reminder `id` of `day` was delivered or dropped already.
    bool handled(Date day, const std::string& id) const;
    bool operator==(const DeliveryState&) const = default;
};

/// Whole minutes from `reminder`'s time to `now` (0 when on time or before it): how late it
/// is counted against the grace, and said when it comes late.
std::chrono::minutes minutes_late(const DayReminder& reminder, Instant now);

/// What `remind` does now.
struct DueNow {
    std::vector<DayReminder> deliver; ///< fired at most `grace` ago: print them
    std::vector<DayReminder> dropped; ///< fired longer ago, never delivered: too late
};

/// The reminders of the reminder days around `now` that fired at or before it (within the last
/// day) and were not yet handled, split by `grace`: late by at most `grace` whole minutes (so
/// 21:45:59 is on time for 21:45, and a grace of 0 still delivers within the minute).
DueNow due_now(const PersonSchedule& schedule, const TimeZone& zone, Instant now,
               std::chrono::minutes grace, const DeliveryState& state);

/// The first instant after `now` at which a run can find something due: the time of the next
/// reminder not yet handled, or the start of the next reminder day if that comes first (its
/// reminders are placed only from then on). Until then, for the same schedule and zone, every
/// run finds nothing due: what lets `remind` skip reading them. Asked once what is due at `now`
/// is recorded, so a reminder at `now` itself is taken as handled.
Instant next_due(const PersonSchedule& schedule, const TimeZone& zone, Instant now,
                 const DeliveryState& state);

/// Forgets what `state` says was handled of the reminders that fire after `now`, and every
/// day after the next: a reminder is handled at or after its time, so one handled "in the
/// future" means the clock has gone back since (a clock that ran ahead, then set right), or
/// that the schedule moved it later. Forgotten, it comes again at its time, not never.
void forget_after(DeliveryState& state, const PersonSchedule& schedule, const TimeZone& zone,
                  Instant now);

/// Records `due` in `state` and forgets the days older than k_state_days before `today`.
void record(DeliveryState& state, const DueNow& due, Date today);

/// The state as the text of its file (TOML, with a header naming the program and format).
std::string format_state(const DeliveryState& state);

/// Reads a state file; nullopt with `why` ("line 3, column 7: ...", or "not calmlegs' reminder
/// state") when it is corrupt or foreign: the caller sets it aside rather than starting over
/// silently, which would deliver today's reminders twice.
std::optional<DeliveryState> parse_state(std::string_view text, std::string& why);

} // namespace calmlegs
