#include "remind/calendar.h"

#include "remind/reminder_day.h"

#include <algorithm>

namespace calmlegs {
namespace {

constexpr int k_minutes_per_day = 24 * 60;

/// A wall-clock time as minutes from the midnight that starts its reminder day: a time before
/// noon belongs to the next morning.
int on_reminder_day(LocalTime time) {
    const int minutes = time.minutes();
    return minutes < k_reminder_day_start_hour * 60 ? minutes + k_minutes_per_day : minutes;
}

/// Whether `day` is one of `days`.
bool among(const std::vector<std::chrono::weekday>& days, std::chrono::weekday day) {
    return std::find(days.begin(), days.end(), day) != days.end();
}

/// The event of `reminder` at `minutes` into the reminder day, on the evenings of `evenings`
/// (all of them when empty), from the first such evening on or after `first_day`.
CalendarEvent event_at(const PlannedReminder& reminder, Nights nights, int minutes,
                       const std::vector<std::chrono::weekday>& evenings, Date first_day) {
    Date evening = first_day;
    while (!evenings.empty() && !among(evenings, weekday_of(evening)))
        evening = add_days(evening, 1);
    // Whole days past the evening (1 after midnight), and the minutes into that date.
    const int later = minutes >= 0 ? minutes / k_minutes_per_day
                                   : -((-minutes + k_minutes_per_day - 1) / k_minutes_per_day);
    const int clock = minutes - later * k_minutes_per_day;
    CalendarEvent event;
    event.reminder = &reminder;
    event.nights = nights;
    event.uid = reminder.id + (nights == Nights::weekend ? "-weekend" : "") + "@calmlegs";
    event.start = local_at(add_days(evening, later), LocalTime{clock / 60, clock % 60});
    for (const auto day : evenings)
        event.days.push_back(day + std::chrono::days{later});
    std::sort(event.days.begin(), event.days.end(),
              [](auto a, auto b) { return a.c_encoding() < b.c_encoding(); });
    return event;
}

} // namespace

int minutes_into_day(const ReminderTime& time, const NightTimes& night) {
    switch (time.anchor) {
    case Anchor::clock:
        break;
    case Anchor::bedtime:
        return on_reminder_day(night.bedtime) - time.minutes;
    case Anchor::wake:
        if (night.wake) return on_reminder_day(*night.wake) + time.minutes;
        break;
    }
    return on_reminder_day(time.at);
}

std::vector<CalendarEvent> calendar_events(const PersonSchedule& schedule, Date first_day) {
    const ScheduleConfig& times = schedule.times;
    std::vector<std::chrono::weekday> weekend, week;
    for (unsigned day = 0; day < 7; ++day) {
        const std::chrono::weekday weekday{day};
        if (among(times.weekend_days, weekday))
            weekend.push_back(weekday);
        else
            week.push_back(weekday);
    }
    struct Timed {
        CalendarEvent event;
        int minutes = 0; ///< on a week night, for the order
    };
    std::vector<Timed> timed;
    for (const auto& reminder : schedule.reminders) {
        const int usual = minutes_into_day(reminder.time, times.nights);
        const int on_weekend =
            times.weekend ? minutes_into_day(reminder.time, *times.weekend) : usual;
        if (usual == on_weekend || weekend.empty()) {
            timed.push_back({event_at(reminder, Nights::every, usual, {}, first_day), usual});
        } else if (week.empty()) {
            timed.push_back(
                {event_at(reminder, Nights::every, on_weekend, {}, first_day), on_weekend});
        } else {
            timed.push_back({event_at(reminder, Nights::week, usual, week, first_day), usual});
            timed.push_back(
                {event_at(reminder, Nights::weekend, on_weekend, weekend, first_day), usual});
        }
    }
    std::stable_sort(timed.begin(), timed.end(),
                     [](const Timed& a, const Timed& b) { return a.minutes < b.minutes; });
    std::vector<CalendarEvent> out;
    for (auto& entry : timed)
        out.push_back(std::move(entry.event));
    return out;
}

} // namespace calmlegs
