#include "remind/calendar.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace calmlegs;
using namespace std::chrono;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

LocalSeconds at(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return local_at(date(y, m, d), LocalTime{hour, minute});
}

ReminderTime clock_at(int hour, int minute) {
    return {Anchor::clock, LocalTime{hour, minute}, 0};
}

ReminderTime before_bed(int minutes) {
    return {Anchor::bedtime, {}, minutes};
}

ReminderTime after_wake(int minutes, LocalTime fallback) {
    return {Anchor::wake, fallback, minutes};
}

PlannedReminder reminder(const std::string& id, ReminderTime time) {
    return {id, id, "text", "", time, {}, {}, false};
}

/// The uids of `events`, in order.
std::vector<std::string> uids(const std::vector<CalendarEvent>& events) {
    std::vector<std::string> out;
    for (const auto& event : events)
        out.push_back(event.uid);
    return out;
}

} // namespace

TEST_CASE("minutes_into_day: wall-clock times on the noon-to-noon day") {
    NightTimes night{LocalTime{22, 30}, LocalTime{6, 45}};
    CHECK(minutes_into_day(clock_at(12, 0), night) == 12 * 60);
    CHECK(minutes_into_day(clock_at(7, 0), night) == 24 * 60 + 7 * 60); // the next morning
    CHECK(minutes_into_day(before_bed(45), night) == 21 * 60 + 45);
    CHECK(minutes_into_day(after_wake(0, {8, 0}), night) == 24 * 60 + 6 * 60 + 45);
    CHECK(minutes_into_day(after_wake(30, {8, 0}), night) == 24 * 60 + 7 * 60 + 15);
    // Bedtime after midnight: 45 minutes before 00:30 is 23:45 of the evening.
    night.bedtime = LocalTime{0, 30};
    CHECK(minutes_into_day(before_bed(45), night) == 23 * 60 + 45);
    CHECK(minutes_into_day(before_bed(0), night) == 24 * 60 + 30);
    CHECK(minutes_into_day(before_bed(-30), night) == 24 * 60 + 60); // 30 minutes after
    // No wake time: the reminder's own clock time.
    night.wake.reset();
    CHECK(minutes_into_day(after_wake(0, {8, 0}), night) == 24 * 60 + 8 * 60);
}

TEST_CASE("calendar_events: one daily event per reminder, from the first day, in time order") {
    PersonSchedule schedule;
    schedule.reminders = {
        reminder("caffeine", clock_at(12, 0)), reminder("morning", after_wake(0, {8, 0})),
        reminder("wind-down", before_bed(45)), reminder("lights-out", before_bed(0))};
    const auto events = calendar_events(schedule, date(2026, 3, 8));
    CHECK(uids(events) == std::vector<std::string>{"caffeine@calmlegs", "wind-down@calmlegs",
                                                   "lights-out@calmlegs", "morning@calmlegs"});
    REQUIRE(events.size() == 4);
    CHECK(events[0].start == at(2026, 3, 8, 12));
    CHECK(events[1].start == at(2026, 3, 8, 21, 45)); // bedtime 22:30, the default
    CHECK(events[2].start == at(2026, 3, 8, 22, 30));
    CHECK(events[3].start == at(2026, 3, 9, 8)); // the next morning: no wake time is set
    for (const auto& event : events) {
        CHECK(event.nights == Nights::every);
        CHECK(event.days.empty());
        CHECK(event.reminder != nullptr);
    }
    CHECK(events[1].reminder->id == "wind-down");
}

TEST_CASE("calendar_events: weekend bedtimes split a reminder into week and weekend nights") {
    PersonSchedule schedule;
    schedule.reminders = {reminder("caffeine", clock_at(12, 0)),
                          reminder("wind-down", before_bed(45)),
                          reminder("lights-out", before_bed(0))};
    schedule.times.nights = NightTimes{LocalTime{22, 30}, std::nullopt};
    schedule.times.weekend = NightTimes{LocalTime{0, 30}, std::nullopt};
    // 2026-03-11 is a Wednesday.
    const auto events = calendar_events(schedule, date(2026, 3, 11));
    CHECK(uids(events) == std::vector<std::string>{"caffeine@calmlegs", "wind-down@calmlegs",
                                                   "wind-down-weekend@calmlegs",
                                                   "lights-out@calmlegs",
                                                   "lights-out-weekend@calmlegs"});
    REQUIRE(events.size() == 5);
    CHECK(events[0].days.empty()); // a clock time is the same every day
    const std::vector<weekday> week_nights = {Sunday, Monday, Tuesday, Wednesday, Thursday};
    CHECK(events[1].nights == Nights::week);
    CHECK(events[1].days == week_nights);
    CHECK(events[1].start == at(2026, 3, 11, 21, 45));
    // Friday and Saturday evenings: 23:45, still on those days.
    CHECK(events[2].nights == Nights::weekend);
    CHECK(events[2].days == std::vector<weekday>{Friday, Saturday});
    CHECK(events[2].start == at(2026, 3, 13, 23, 45));
    CHECK(events[3].start == at(2026, 3, 11, 22, 30));
    // Lights out at 00:30 after Friday and Saturday evenings: on Saturdays and Sundays.
    CHECK(events[4].days == std::vector<weekday>{Sunday, Saturday});
    CHECK(events[4].start == at(2026, 3, 14, 0, 30));
}

TEST_CASE("calendar_events: a later weekend wake time moves the morning reminder of the weekend") {
    PersonSchedule schedule;
    schedule.reminders = {reminder("morning", after_wake(0, {8, 0})),
                          reminder("wind-down", before_bed(45))};
    schedule.times.nights = NightTimes{LocalTime{22, 30}, LocalTime{6, 30}};
    schedule.times.weekend = NightTimes{LocalTime{22, 30}, LocalTime{9, 0}};
    const auto events = calendar_events(schedule, date(2026, 3, 13)); // a Friday
    CHECK(uids(events) == std::vector<std::string>{"wind-down@calmlegs", "morning@calmlegs",
                                                   "morning-weekend@calmlegs"});
    REQUIRE(events.size() == 3);
    CHECK(events[0].days.empty()); // the same bedtime every night
    // Mornings after Sunday to Thursday evenings are Monday to Friday.
    CHECK(events[1].days == std::vector<weekday>{Monday, Tuesday, Wednesday, Thursday, Friday});
    CHECK(events[1].start == at(2026, 3, 16, 6, 30)); // after Sunday the 15th
    CHECK(events[2].days == std::vector<weekday>{Sunday, Saturday});
    CHECK(events[2].start == at(2026, 3, 14, 9, 0)); // after Friday the 13th
}

TEST_CASE("calendar_events: no weekend days, or every day a weekend day, is one daily event") {
    PersonSchedule schedule;
    schedule.reminders = {reminder("lights-out", before_bed(0))};
    schedule.times.nights = NightTimes{LocalTime{22, 30}, std::nullopt};
    schedule.times.weekend = NightTimes{LocalTime{23, 30}, std::nullopt};
    schedule.times.weekend_days.clear();
    auto events = calendar_events(schedule, date(2026, 3, 8));
    REQUIRE(events.size() == 1);
    CHECK(events[0].days.empty());
    CHECK(events[0].start == at(2026, 3, 8, 22, 30));
    schedule.times.weekend_days = {Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday};
    events = calendar_events(schedule, date(2026, 3, 8));
    REQUIRE(events.size() == 1);
    CHECK(events[0].uid == "lights-out@calmlegs");
    CHECK(events[0].start == at(2026, 3, 8, 23, 30));
}
