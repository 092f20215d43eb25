// calmlegs remind run by a crontab line every minute of whole simulated days: each reminder
// exactly once, at its minute, on ordinary days, with a bedtime after midnight, and on the
// days the clocks change in New York, Berlin and Sydney (2026).

#include "cli/remind_machine.h"

#include <doctest/doctest.h>

#include <map>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

/// Runs remind at every minute in [from, to), as a crontab line `* * * * *` would; returns
/// each title printed with the instants it was printed at.
std::map<std::string, std::vector<Instant>> every_minute(Machine& machine, Instant from,
                                                         Instant to) {
    std::map<std::string, std::vector<Instant>> printed;
    for (Instant now = from; now < to; now += minutes{1}) {
        const Ran ran = machine.remind(now);
        if (ran.status != 0 || !ran.err.empty()) {
            CAPTURE(ran.err);
            FAIL("remind failed at ", format_date(Date{floor<days>(now)}), " ",
                 (now - floor<days>(now)).count(), " s UTC");
        }
        for (const auto& title : titles(ran.out))
            printed[title].push_back(now);
    }
    return printed;
}

/// Checks that each title was printed exactly once, at its expected instant, and no other.
void check_once(const std::map<std::string, std::vector<Instant>>& printed,
                const std::map<std::string, Instant>& expected) {
    // Plain references, not structured bindings: CAPTURE's lambda cannot take those in clang 14.
    for (const auto& entry : expected) {
        const std::string& title = entry.first;
        const Instant when = entry.second;
        CAPTURE(title);
        const auto found = printed.find(title);
        REQUIRE(found != printed.end());
        CHECK(found->second.size() == 1);
        CHECK(found->second.front() == when);
    }
    for (const auto& entry : printed) {
        const std::string& title = entry.first;
        CAPTURE(title);
        CHECK(expected.contains(title));
    }
}

/// The config of the simulated days: magnesium and vitamin D in the plan, bedtime 22:30,
/// waking at 07:00, a reminder at `clock` (in the hour the clocks skip or repeat) and one
/// four hours after bedtime (counted in real time across the change).
std::string dst_config(const std::string& clock) {
    return "[plan]\nsupplements = [\"magnesium\", \"vitamin-d\"]\n\n"
           "[schedule]\nbedtime = \"22:30\"\nwake = \"07:00\"\n\n"
           "[[reminders.own]]\nid = \"small-hours\"\ntitle = \"Small hours\"\nat = \"" +
           clock +
           "\"\ntext = \"A reminder in the hour the clocks change.\"\n\n"
           "[[reminders.own]]\nid = \"after-bed\"\ntitle = \"Four hours after bedtime\"\n"
           "before_bedtime = -240\ntext = \"Still awake? calmlegs breathe.\"\n";
}

/// A reminder day whose night has a clock change: the evening at `before` hours from UTC,
/// the morning after at `after`, and the instants of the two own reminders.
struct DstDay {
    const char* zone;
    Date day;
    int before;
    int after;
    std::string clock;
    Instant small_hours;
    Instant after_bed;
};

void simulate(const DstDay& c) {
    CAPTURE(c.zone);
    CAPTURE(format_date(c.day));
    Machine machine(dst_config(c.clock), c.zone);
    const Date next = add_days(c.day, 1);
    // Noon to noon: 1380 minutes when the clocks go forward, 1500 when they go back.
    const auto printed =
        every_minute(machine, at(c.day, 12, 0, c.before), at(next, 12, 0, c.after));
    check_once(printed, {
                            {"Caffeine cut-off", at(c.day, 12, 0, c.before)},
                            {"Screens away", at(c.day, 21, 30, c.before)},
                            {"Wind-down", at(c.day, 21, 45, c.before)},
                            {"Magnesium", at(c.day, 21, 45, c.before)},
                            {"Cool, dark room", at(c.day, 22, 0, c.before)},
                            {"Lights out", at(c.day, 22, 30, c.before)},
                            {"Small hours", c.small_hours},
                            {"Four hours after bedtime", c.after_bed},
                            {"Morning supplements", at(next, 7, 0, c.after)},
                        });
}

} // namespace

TEST_CASE("remind: every minute of a whole day delivers each reminder once, at its minute") {
    // Berlin in June (CEST, +2): no clock change.
    Machine machine(dst_config("02:30"), "Europe/Berlin");
    const Date day = date(2026, 6, 10);
    const auto printed = every_minute(machine, at(day, 12, 0, 2), at(day, 12, 0, 2) + days{1});
    check_once(printed, {
                            {"Caffeine cut-off", at(day, 12, 0, 2)},
                            {"Screens away", at(day, 21, 30, 2)},
                            {"Wind-down", at(day, 21, 45, 2)},
                            {"Magnesium", at(day, 21, 45, 2)},
                            {"Cool, dark room", at(day, 22, 0, 2)},
                            {"Lights out", at(day, 22, 30, 2)},
                            {"Small hours", at(date(2026, 6, 11), 2, 30, 2)},
                            {"Four hours after bedtime", at(date(2026, 6, 11), 2, 30, 2)},
                            {"Morning supplements", at(date(2026, 6, 11), 7, 0, 2)},
                        });
}

TEST_CASE("remind: a bedtime after midnight, every minute of its noon-to-noon day") {
    Machine machine("[plan]\nsupplements = [\"magnesium\", \"vitamin-d\"]\n"
                    "[schedule]\nbedtime = \"00:30\"\nwake = \"08:00\"\n",
                    "Europe/Berlin");
    const Date day = date(2026, 6, 10);
    const Date next = date(2026, 6, 11);
    const auto printed = every_minute(machine, at(day, 12, 0, 2), at(next, 12, 0, 2));
    check_once(printed, {
                            {"Caffeine cut-off", at(day, 12, 0, 2)},
                            {"Screens away", at(day, 23, 30, 2)},
                            {"Wind-down", at(day, 23, 45, 2)},
                            {"Magnesium", at(day, 23, 45, 2)},
                            {"Cool, dark room", at(next, 0, 0, 2)},
                            {"Lights out", at(next, 0, 30, 2)},
                            {"Morning supplements", at(next, 8, 0, 2)},
                        });
    // Asked statelessly, lights-out at 00:30 belongs to the reminder day of the evening before.
    const Ran json =
        machine.remind(at(next, 12, 0, 2), {"--json", "--at", "00:30", "--date", "2026-06-11"});
    CHECK(json.status == 0);
    CHECK(contains(json.out, "\"id\": \"lights-out\""));
    CHECK(contains(json.out, "\"day\": \"2026-06-10\""));
    CHECK(contains(json.out, "\"local\": \"2026-06-11T00:30:00+02:00\""));
}

// The days the clocks change, every minute, each reminder once. Spring forward: the reminder
// at 02:30 (a time that does not exist that night) comes at 03:00, the first valid minute;
// four hours after a 22:30 bedtime is 03:30 by the clock. Fall back: the reminder in the
// repeated hour comes at its first showing only; four hours after bedtime is an hour earlier
// by the clock. One test case per day, so that they run in parallel.

TEST_CASE("remind: every minute of New York's spring-forward day (2026-03-08, 02:00 EST)") {
    const Date next = date(2026, 3, 8);
    simulate({"America/New_York", date(2026, 3, 7), -5, -4, "02:30", at(next, 3, 0, -4),
              at(next, 3, 30, -4)});
}

TEST_CASE("remind: every minute of New York's fall-back day (2026-11-01, 02:00 EDT)") {
    const Date next = date(2026, 11, 1);
    simulate({"America/New_York", date(2026, 10, 31), -4, -5, "01:30", at(next, 1, 30, -4),
              at(next, 1, 30, -5)});
}

TEST_CASE("remind: every minute of Berlin's spring-forward day (2026-03-29, 02:00 CET)") {
    const Date next = date(2026, 3, 29);
    simulate(
        {"Europe/Berlin", date(2026, 3, 28), 1, 2, "02:30", at(next, 3, 0, 2), at(next, 3, 30, 2)});
}

TEST_CASE("remind: every minute of Berlin's fall-back day (2026-10-25, 03:00 CEST)") {
    const Date next = date(2026, 10, 25);
    simulate({"Europe/Berlin", date(2026, 10, 24), 2, 1, "02:30", at(next, 2, 30, 2),
              at(next, 2, 30, 2)});
}

TEST_CASE("remind: every minute of Sydney's fall-back day (2026-04-05, 03:00 AEDT)") {
    const Date next = date(2026, 4, 5);
    simulate({"Australia/Sydney", date(2026, 4, 4), 11, 10, "02:30", at(next, 2, 30, 11),
              at(next, 2, 30, 11)});
}

TEST_CASE("remind: every minute of Sydney's spring-forward day (2026-10-04, 02:00 AEST)") {
    const Date next = date(2026, 10, 4);
    simulate({"Australia/Sydney", date(2026, 10, 3), 10, 11, "02:30", at(next, 3, 0, 11),
              at(next, 3, 30, 11)});
}
