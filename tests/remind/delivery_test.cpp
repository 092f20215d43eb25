#include "remind/delivery.h"

#include "support/check_lines.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

/// `time` on `on`, UTC.
Instant at(Date on, int hour, int minute, int second = 0) {
    return Instant{sys_days{on}} + hours{hour} + minutes{minute} + seconds{second};
}

/// A schedule of reminders at clock times, each with its time as its id ("21:45").
PersonSchedule clock_schedule(const std::vector<LocalTime>& times) {
    PersonSchedule schedule;
    for (const auto& time : times) {
        PlannedReminder reminder;
        reminder.id = format_local_time(time);
        reminder.title = reminder.id;
        reminder.text = "At " + reminder.id + ".";
        reminder.time = {Anchor::clock, time, 0};
        schedule.reminders.push_back(reminder);
    }
    return schedule;
}

/// "YYYY-MM-DD id" for each reminder.
std::vector<std::string> lines(const std::vector<DayReminder>& reminders) {
    std::vector<std::string> out;
    for (const auto& reminder : reminders)
        out.push_back(format_date(reminder.day) + " " + reminder.reminder->id);
    return out;
}

const FixedZone k_utc{seconds{0}};
const Date k_day = date(2026, 3, 10);

} // namespace

TEST_CASE("due_now: what fired within the grace is delivered, older within a day dropped") {
    const PersonSchedule schedule = clock_schedule({{21, 0}, {21, 45}, {22, 30}});
    const DueNow due = due_now(schedule, k_utc, at(k_day, 21, 45), k_default_grace, {});
    test::check_lines(lines(due.deliver), {"2026-03-10 21:45"});
    // 21:45 of the day before is a whole day ago: no longer looked at; 22:30 of it is not.
    test::check_lines(lines(due.dropped), {"2026-03-09 22:30", "2026-03-10 21:00"});
    CHECK(due.deliver[0].at == at(k_day, 21, 45));
}

TEST_CASE("due_now: what is handled stays handled, and nothing comes before its time") {
    const PersonSchedule schedule = clock_schedule({{21, 0}, {21, 45}, {22, 30}});
    DeliveryState state;
    state.days["2026-03-09"]["22:30"] = Outcome::delivered;
    state.days["2026-03-10"]["21:00"] = Outcome::dropped;
    const DueNow due = due_now(schedule, k_utc, at(k_day, 21, 45), k_default_grace, state);
    test::check_lines(lines(due.deliver), {"2026-03-10 21:45"});
    CHECK(due.dropped.empty());
    state.days["2026-03-10"]["21:45"] = Outcome::delivered;
    const DueNow later = due_now(schedule, k_utc, at(k_day, 22, 29, 59), k_default_grace, state);
    CHECK(later.deliver.empty());
    CHECK(later.dropped.empty());
    CHECK(state.handled(k_day, "21:45"));
    CHECK_FALSE(state.handled(k_day, "22:30"));
}

TEST_CASE("due_now: the grace counts whole minutes late") {
    const PersonSchedule schedule = clock_schedule({{21, 0}});
    DeliveryState state;
    state.days["2026-03-09"]["21:00"] = Outcome::delivered;
    // 30 minutes and 59 seconds late is 30 whole minutes: still delivered.
    CHECK(lines(due_now(schedule, k_utc, at(k_day, 21, 30, 59), minutes{30}, state).deliver) ==
          std::vector<std::string>{"2026-03-10 21:00"});
    const DueNow late = due_now(schedule, k_utc, at(k_day, 21, 31), minutes{30}, state);
    CHECK(late.deliver.empty());
    CHECK(lines(late.dropped) == std::vector<std::string>{"2026-03-10 21:00"});
    // A grace of 0 delivers within the reminder's own minute, however late cron starts.
    CHECK(due_now(schedule, k_utc, at(k_day, 21, 0, 59), minutes{0}, state).deliver.size() == 1);
    CHECK(due_now(schedule, k_utc, at(k_day, 21, 1), minutes{0}, state).deliver.empty());
}

TEST_CASE("due_now: the small hours belong to the reminder day before") {
    // 07:00 of reminder day 2026-03-09 fires on 2026-03-10, before that day's noon.
    const PersonSchedule schedule = clock_schedule({{7, 0}, {12, 0}});
    DeliveryState state;
    state.days["2026-03-09"]["12:00"] = Outcome::delivered;
    const DueNow due = due_now(schedule, k_utc, at(k_day, 7, 0), k_default_grace, state);
    test::check_lines(lines(due.deliver), {"2026-03-09 07:00"});
    CHECK(due.dropped.empty());
}

TEST_CASE("next_due: the next reminder not yet handled, or the next noon") {
    const PersonSchedule schedule = clock_schedule({{21, 0}, {21, 45}, {22, 30}});
    DeliveryState state;
    state.days["2026-03-10"]["21:00"] = Outcome::delivered;
    CHECK(next_due(schedule, k_utc, at(k_day, 21, 10), state) == at(k_day, 21, 45));
    state.days["2026-03-10"]["21:45"] = Outcome::dropped;
    CHECK(next_due(schedule, k_utc, at(k_day, 21, 10), state) == at(k_day, 22, 30));
    state.days["2026-03-10"]["22:30"] = Outcome::delivered;
    // All of tonight's handled: the next reminder day starts at noon, and with it new ones.
    CHECK(next_due(schedule, k_utc, at(k_day, 22, 31), state) == at(date(2026, 3, 11), 12, 0));
    // What fires at `now` itself counts as handled by the run that asks.
    CHECK(next_due(schedule, k_utc, at(k_day, 21, 0), {}) == at(k_day, 21, 45));
    // A reminder of the small hours comes before the next noon.
    const PersonSchedule morning = clock_schedule({{7, 0}});
    CHECK(next_due(morning, k_utc, at(k_day, 21, 0), {}) == at(date(2026, 3, 11), 7, 0));
    // An empty schedule: once a day.
    CHECK(next_due({}, k_utc, at(k_day, 11, 0), {}) == at(k_day, 12, 0));
}

TEST_CASE("record: outcomes by day, and days older than two before today forgotten") {
    const PersonSchedule schedule = clock_schedule({{21, 0}, {21, 45}});
    DeliveryState state;
    state.days["2026-03-07"]["21:00"] = Outcome::delivered;
    state.days["2026-03-08"]["21:00"] = Outcome::delivered;
    state.days["2026-03-09"]["21:00"] = Outcome::dropped;
    const DueNow due = due_now(schedule, k_utc, at(k_day, 21, 45), k_default_grace, state);
    record(state, due, k_day);
    // 21:45 of 2026-03-09 is a whole day ago: out of the window, so not recorded.
    DeliveryState expected;
    expected.days["2026-03-08"]["21:00"] = Outcome::delivered;
    expected.days["2026-03-09"]["21:00"] = Outcome::dropped;
    expected.days["2026-03-10"]["21:00"] = Outcome::dropped;
    expected.days["2026-03-10"]["21:45"] = Outcome::delivered;
    CHECK(state == expected);
    // Nothing due: only the forgetting.
    DeliveryState old;
    old.days["2025-12-31"]["x"] = Outcome::delivered;
    record(old, {}, k_day);
    CHECK(old.days.empty());
}

TEST_CASE("format_state and parse_state: a round trip") {
    DeliveryState state;
    state.days["2026-03-09"]["lights-out"] = Outcome::delivered;
    state.days["2026-03-09"]["wind-down"] = Outcome::dropped;
    state.days["2026-03-10"]["caffeine"] = Outcome::delivered;
    state.days["2026-03-10"]["odd \"id\" \\"] = Outcome::delivered;
    // A hand-edited state may name one with a control character (fuzz/remind_state found a
    // newline): TOML takes none raw in a string, so it is written escaped.
    state.days["2026-03-10"]["line\nbreak\t\x7f \xC3\xA9"] = Outcome::dropped;
    const std::string text = format_state(state);
    CHECK(text.find("dropped = [\"line\\u000Abreak\\u0009\\u007F \xC3\xA9\"]\n") !=
          std::string::npos);
    CHECK(text.find("format = \"calmlegs-remind-state\"\nversion = 1\n") != std::string::npos);
    CHECK(text.find("[days.\"2026-03-09\"]\ndelivered = [\"lights-out\"]\n"
                    "dropped = [\"wind-down\"]\n") != std::string::npos);
    std::string why;
    const auto parsed = parse_state(text, why);
    REQUIRE_MESSAGE(parsed.has_value(), why);
    CHECK(*parsed == state);
    const auto empty = parse_state(format_state({}), why);
    REQUIRE(empty.has_value());
    CHECK(empty->days.empty());
}

TEST_CASE("parse_state: what is broken or foreign is said, with its place") {
    const auto why_of = [](const std::string& text) {
        std::string why;
        CHECK_FALSE(parse_state(text, why).has_value());
        return why;
    };
    const std::string head = "format = \"calmlegs-remind-state\"\nversion = 1\n";
    CHECK(why_of("format = \"calmlegs-remind-state\"\ndays = [\n").starts_with("line 2, column "));
    CHECK(why_of("") == "not calmlegs' reminder state (no format = \"calmlegs-remind-state\")");
    CHECK(why_of("[user]\nname = \"x\"\n").starts_with("not calmlegs' reminder state"));
    CHECK(why_of("format = \"calmlegs-remind-state\"\nversion = 2\n")
              .starts_with("line 2, column 11: "));
    CHECK(why_of("format = \"calmlegs-remind-state\"\n").starts_with("line 1, column 1: "));
    CHECK(why_of(head + "[days.\"2026-02-30\"]\ndelivered = []\n").starts_with("line 3, column "));
    CHECK(
        why_of(head + "[days.\"2026-03-10\"]\nsent = [\"x\"]\n").starts_with("line 4, column 1: "));
    CHECK(
        why_of(head + "[days.\"2026-03-10\"]\ndelivered = \"x\"\n").starts_with("line 4, column "));
    CHECK(why_of(head + "days = 3\n").starts_with("line 3, column "));
    // Found by fuzz_remind_state (fuzz/regressions/remind_state/non-ascii-outside-string): bytes
    // that are not ASCII in a key, which toml++ 3.3 mishandles, are an error with its place.
    CHECK(why_of("format = \"calmlegs-remind-state\"\nversi\xcc\x91 \xdf\x91"
                 "0\n")
              .starts_with("line 2, column 6: "));
}

TEST_CASE("forget_after: what was handled 'in the future' comes again, and days past tomorrow go") {
    // k_day's 21:00 and 21:45 were handled by a clock that ran ahead; it now says 21:30.
    const PersonSchedule schedule = clock_schedule({{21, 0}, {21, 45}});
    DeliveryState state;
    state.days["2026-03-10"]["21:00"] = Outcome::delivered;
    state.days["2026-03-10"]["21:45"] = Outcome::dropped;
    state.days["2026-03-12"]["21:00"] = Outcome::dropped; // a clock two days ahead
    forget_after(state, schedule, k_utc, at(k_day, 21, 30));
    CHECK(state.handled(k_day, "21:00"));       // fired before now: stays handled
    CHECK_FALSE(state.handled(k_day, "21:45")); // after now: to come again
    CHECK(state.days.count("2026-03-12") == 0);
    // At exactly its time, a reminder handled then stays handled.
    state.days["2026-03-10"]["21:45"] = Outcome::delivered;
    forget_after(state, schedule, k_utc, at(k_day, 21, 45));
    CHECK(state.handled(k_day, "21:45"));
}
