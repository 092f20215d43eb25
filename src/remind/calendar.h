#pragma once
// The person's reminders as recurring calendar events: each at its usual wall-clock time,
// every day, or, when the weekend nights have other times, one event for the week nights and
// one for the weekend nights. Pure: what an iCalendar file (remind/ics.h) is written from.

#include "remind/schedule.h"

#include <chrono>
#include <string>
#include <vector>

namespace calmlegs {

/// Which nights a calendar event is for.
enum class Nights {
    every,   ///< every day: the reminder's time is the same on all nights
    week,    ///< the nights that are not weekend nights
    weekend, ///< the weekend nights of [schedule.weekend] days
};

/// A reminder as a recurring calendar event.
struct CalendarEvent {
    const PlannedReminder* reminder = nullptr; ///< into the PersonSchedule it was made from
    Nights nights = Nights::every;
    /// "wind-down@calmlegs", or "wind-down-weekend@calmlegs" for the weekend nights' event:
    /// stable, so that importing a new file updates the events rather than adding copies
    /// (and a schedule that gains weekend times turns the every-day event into the week
    /// nights' one).
    std::string uid;
    LocalSeconds start; ///< the first occurrence, as the clocks read then
    /// The days of the week it occurs on, Sunday first: the dates the clocks show then, so a
    /// reminder after midnight falls on the day after its evening. Empty for every day.
    std::vector<std::chrono::weekday> days;
    /// What the event's text says: filled by the caller, as a notification says it.
    std::string description;
};

/// When a reminder at `time` comes on the reminder day of a night with the times `night`, in
/// minutes from the midnight that starts that day: 720 (noon) to 2159 (11:59 the next
/// morning), or beyond for an offset that reaches past noon. Wall-clock arithmetic: 45
/// minutes before bedtime 00:30 is 1425 (23:45).
int minutes_into_day(const ReminderTime& time, const NightTimes& night);

/// The reminders of `schedule` as events that start on reminder day `first_day` (noon to
/// noon) and recur: every day, or weekly on the days of the week nights and of the weekend
/// nights when [schedule.weekend] moves a reminder counted from bedtime or waking. In the
/// order they come on a week night, each weekend event after its week-night one.
std::vector<CalendarEvent> calendar_events(const PersonSchedule& schedule, Date first_day);

} // namespace calmlegs
