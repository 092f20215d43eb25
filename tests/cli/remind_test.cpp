// calmlegs remind through the command line: a FakeSystem whose clock is moved minute by
// minute, a temporary XDG_STATE_HOME, and configs that put reminders where each test needs
// them.

#include "content/temp_dir.h"
#include "remind/civil.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/stat.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

/// `hour:minute` on `on` in a zone `offset_hours` ahead of UTC, as a UTC instant.
Instant at(Date on, int hour, int minute, int offset_hours = 0) {
    return Instant{sys_days{on}} + hours{hour - offset_hours} + minutes{minute};
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A person's machine: their config, a state directory of its own, a zone and a fake clock.
struct Machine {
    TempDir dir;
    FakeSystem system;
    std::string config;

    explicit Machine(const std::string& config_text, const std::string& tz = "UTC") {
        config = dir.write("config.toml", config_text);
        system.vars["XDG_STATE_HOME"] = dir.path() + "/state";
        system.vars["TZ"] = tz;
        system.vars["COLUMNS"] = "1000"; // a reminder's title on one line, never elided
    }

    std::string state_dir() const { return dir.path() + "/state/calmlegs"; }
    std::string state_file() const { return state_dir() + "/remind-state.toml"; }

    /// `calmlegs --config CONFIG remind WORDS...` at `now`.
    Ran remind(Instant now, std::vector<std::string> words = {}) {
        system.now_ = now;
        system.out_.text_.clear();
        system.err_.text_.clear();
        words.insert(words.begin(), {"--config", config, "remind"});
        return run_cli(words, system);
    }
};

/// The titles of the reminders in remind's text output ("21:45  Wind-down (due 3 ...)").
std::vector<std::string> titles(const std::string& out) {
    std::vector<std::string> found;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() < 8 || line[2] != ':' || line.substr(5, 2) != "  ") continue;
        std::string title = line.substr(7);
        title = title.substr(0, title.find(" (due "));
        found.push_back(title);
    }
    return found;
}

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
    for (const auto& [title, when] : expected) {
        CAPTURE(title);
        const auto found = printed.find(title);
        REQUIRE(found != printed.end());
        CHECK(found->second.size() == 1);
        CHECK(found->second.front() == when);
    }
    for (const auto& [title, when] : printed) {
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

namespace {

/// Bedtime 22:30 and magnesium in the plan; the screens reminder (21:30) off, so that the
/// evening has caffeine 12:00, wind-down and magnesium 21:45, cool-room 22:00, lights-out 22:30.
const std::string k_evening = "[plan]\nsupplements = [\"magnesium\"]\n"
                              "[reminders]\noff = [\"screens\"]\n"
                              "[schedule]\nbedtime = \"22:30\"\n";
const Date k_day = date(2026, 3, 10); // a Tuesday

} // namespace

TEST_CASE("remind: a laptop asleep for 20 minutes gets the missed reminders late, once") {
    Machine machine(k_evening);
    const Ran before = machine.remind(at(k_day, 21, 40));
    CHECK(before.status == 0);
    CHECK(before.out.empty());
    CHECK(before.err.empty());
    const Ran woke = machine.remind(at(k_day, 22, 0));
    CHECK(woke.status == 0);
    CHECK(woke.err.empty());
    CHECK(titles(woke.out) ==
          std::vector<std::string>{"Wind-down", "Magnesium", "Cool, dark room"});
    CHECK(contains(woke.out, "21:45  Wind-down (due 15 minutes ago)\n"));
    CHECK(contains(woke.out, "21:45  Magnesium (due 15 minutes ago)\n"));
    CHECK(contains(woke.out, "22:00  Cool, dark room\n"));
    CHECK(contains(woke.out, "Magnesium: 200–400 mg"));
    CHECK(contains(woke.out, "Run: calmlegs tonight"));
    const Ran again = machine.remind(at(k_day, 22, 1));
    CHECK(again.status == 0);
    CHECK(again.out.empty());
    CHECK(again.err.empty());
}

TEST_CASE("remind: a gap longer than the grace drops what it missed, and --json says so") {
    Machine machine(k_evening);
    CHECK(machine.remind(at(k_day, 21, 40)).out.empty());
    const Ran woke = machine.remind(at(k_day, 22, 20), {"--json"});
    CHECK(woke.status == 0);
    CHECK(woke.err.empty());
    CHECK(woke.out.starts_with("{\n  \"now\": \"2026-03-10T22:20:00Z\",\n  \"zone\": \"UTC\",\n"
                               "  \"delivered\": [\n    {\n      \"id\": \"cool-room\","));
    const auto dropped = woke.out.find("\"dropped\": [");
    REQUIRE(dropped != std::string::npos);
    CHECK(woke.out.find("\"id\": \"wind-down\"") > dropped);
    CHECK(woke.out.find("\"id\": \"magnesium\"") > dropped);
    CHECK(woke.out.find("\"id\": \"cool-room\"") < dropped);
    CHECK(contains(woke.out, "\"notified\": []"));
    // Dropped ones stay dropped; nothing more is due.
    const Ran next = machine.remind(at(k_day, 22, 21), {"--json"});
    CHECK(contains(next.out, "\"delivered\": []"));
    CHECK(contains(next.out, "\"dropped\": []"));
    // A wider grace would have delivered them late.
    Machine patient(k_evening);
    CHECK(patient.remind(at(k_day, 21, 40)).out.empty());
    const Ran late = patient.remind(at(k_day, 22, 20), {"--grace", "60"});
    CHECK(titles(late.out) ==
          std::vector<std::string>{"Wind-down", "Magnesium", "Cool, dark room"});
    CHECK(contains(late.out, "21:45  Wind-down (due 35 minutes ago)\n"));
}

TEST_CASE(
    "remind: nothing due prints nothing, and the state is private and written only on change") {
    Machine machine(k_evening);
    const Ran first = machine.remind(at(k_day, 21, 45));
    CHECK(titles(first.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
    struct stat dir {
    }, file{};
    REQUIRE(::stat(machine.state_dir().c_str(), &dir) == 0);
    REQUIRE(::stat(machine.state_file().c_str(), &file) == 0);
    CHECK((dir.st_mode & 0777) == 0700);
    CHECK((file.st_mode & 0777) == 0600);
    const std::string state = read_file(machine.state_file());
    CHECK(contains(state, "[days.\"2026-03-10\"]\ndelivered = [\"magnesium\", \"wind-down\"]\n"));
    // Earlier reminders of the last day, never seen, are recorded as dropped.
    CHECK(contains(state, "dropped = [\"caffeine\"]"));
    const Ran quiet = machine.remind(at(k_day, 21, 50));
    CHECK(quiet.status == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
    CHECK(read_file(machine.state_file()) == state);
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(machine.state_dir()))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"remind-state.toml", "remind.lock", "remind.next"});
    // Nothing is due before the cool room at 22:00 (1773180000): runs until then read no more.
    CHECK(read_file(machine.state_dir() + "/remind.next")
              .starts_with("calmlegs-remind-next 1 1773180000 "));
}

TEST_CASE(
    "remind: the shortcut of remind.next gives way to any change of what it was worked out from") {
    Machine machine(k_evening);
    const std::string next_file = machine.state_dir() + "/remind.next";
    CHECK(machine.remind(at(k_day, 21, 0)).out.empty());
    // Nothing before the wind-down at 21:45 (1773179100).
    const std::string next = read_file(next_file);
    CHECK(next.starts_with("calmlegs-remind-next 1 1773179100 "));
    CHECK(machine.remind(at(k_day, 21, 5)).out.empty());
    CHECK(read_file(next_file) == next);
    SUBCASE("the config gains a reminder before it") {
        machine.dir.write("config.toml", k_evening + "[[reminders.own]]\nid = \"tea\"\n"
                                                     "title = \"Tea\"\nat = \"21:10\"\n"
                                                     "text = \"A cup of chamomile.\"\n");
        CHECK(titles(machine.remind(at(k_day, 21, 10)).out) == std::vector<std::string>{"Tea"});
        CHECK(machine.remind(at(k_day, 21, 11)).out.empty());
        CHECK(contains(machine.remind(at(k_day, 21, 45)).out, "Wind-down"));
    }
    SUBCASE("the zone moves the wind-down to now") {
        // 20:45 UTC is 21:45 in Berlin (CET).
        machine.system.vars["TZ"] = "Europe/Berlin";
        CHECK(titles(machine.remind(at(k_day, 20, 45)).out) ==
              std::vector<std::string>{"Wind-down", "Magnesium"});
    }
    SUBCASE("the state file is changed by hand") {
        std::filesystem::remove(machine.state_file());
        // Started afresh: the wind-down is still to come, the caffeine was dropped again.
        CHECK(machine.remind(at(k_day, 21, 6)).out.empty());
        CHECK(contains(read_file(machine.state_file()), "dropped = [\"caffeine\"]"));
        CHECK(contains(machine.remind(at(k_day, 21, 45)).out, "Wind-down"));
    }
    SUBCASE("the clock is set back two days") {
        // The wind-down of 2026-03-08 was never handled: it comes, though remind.next says
        // 2026-03-10 21:45.
        CHECK(titles(machine.remind(at(date(2026, 3, 8), 21, 45)).out) ==
              std::vector<std::string>{"Wind-down", "Magnesium"});
    }
    SUBCASE("remind.next itself is damaged") {
        machine.dir.write("state/calmlegs/remind.next", "calmlegs-remind-next 1 garbage\n");
        const Ran ran = machine.remind(at(k_day, 21, 6));
        CHECK(ran.status == 0);
        CHECK(ran.err.empty());
        CHECK(read_file(next_file) == next);
        CHECK(contains(machine.remind(at(k_day, 21, 45)).out, "Wind-down"));
    }
}

TEST_CASE("remind --at: what fires in that one minute, without any state") {
    Machine machine(k_evening);
    const Ran wind_down = machine.remind(at(k_day, 9, 0), {"--at", "21:45"});
    CHECK(wind_down.status == 0);
    CHECK(wind_down.err.empty());
    CHECK(titles(wind_down.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
    CHECK(contains(wind_down.out, "Time to start the nightly ritual"));
    const Ran nothing = machine.remind(at(k_day, 9, 0), {"--at", "21:47"});
    CHECK(nothing.status == 0);
    CHECK(nothing.out.empty());
    CHECK(nothing.err.empty());
    CHECK_FALSE(std::filesystem::exists(machine.dir.path() + "/state"));
    // The same minute again: stateless, so the same answer.
    CHECK(machine.remind(at(k_day, 9, 0), {"--at", "21:45"}).out == wind_down.out);
    // --date: 2026-03-13 is a Friday; with weekend times the wind-down moves.
    Machine weekend(k_evening + "[schedule.weekend]\nbedtime = \"23:30\"\n");
    CHECK(weekend.remind(at(k_day, 9, 0), {"--at", "21:45", "--date", "2026-03-13"}).out.empty());
    CHECK(titles(weekend.remind(at(k_day, 9, 0), {"--at", "22:45", "--date", "2026-03-13"}).out) ==
          std::vector<std::string>{"Wind-down", "Magnesium"});
    // --json: always one object.
    const Ran json = machine.remind(at(k_day, 9, 0), {"--at", "21:47", "--json"});
    CHECK(json.out == "{\n  \"date\": \"2026-03-10\",\n  \"time\": \"21:47\",\n"
                      "  \"zone\": \"UTC\",\n  \"due\": []\n}\n");
}

TEST_CASE("remind --at: the default date is today in the local zone") {
    // 03:00 UTC on 2026-03-11 is still 2026-03-10 in New York (23:00 EDT).
    Machine machine(k_evening, "America/New_York");
    const Ran json = machine.remind(at(date(2026, 3, 11), 3, 0), {"--at", "21:45", "--json"});
    CHECK(json.status == 0);
    CHECK(contains(json.out, "\"date\": \"2026-03-10\""));
    CHECK(contains(json.out, "\"zone\": \"America/New_York\""));
    CHECK(contains(json.out, "\"at\": \"2026-03-11T01:45:00Z\""));
    CHECK(contains(json.out, "\"local\": \"2026-03-10T21:45:00-04:00\""));
}

TEST_CASE("remind --json: the times do not depend on the process's own TZ") {
    // fmt formats a time_point through localtime(): a process TZ other than the one calmlegs
    // was told must not leak into "at" or "local".
    const char* saved = std::getenv("TZ");
    const std::string previous = saved != nullptr ? saved : "";
    ::setenv("TZ", "Asia/Tokyo", 1);
    ::tzset();
    Machine machine(k_evening, "Europe/Berlin");
    const Ran json = machine.remind(at(k_day, 9, 0), {"--at", "21:45", "--json"});
    if (saved != nullptr)
        ::setenv("TZ", previous.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
    CHECK(contains(json.out, "\"at\": \"2026-03-10T20:45:00Z\""));
    CHECK(contains(json.out, "\"local\": \"2026-03-10T21:45:00+01:00\""));
    Machine stateful(k_evening, "Europe/Berlin");
    ::setenv("TZ", "Asia/Tokyo", 1);
    ::tzset();
    const Ran now = stateful.remind(at(k_day, 20, 45), {"--json"});
    if (saved != nullptr)
        ::setenv("TZ", previous.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
    CHECK(contains(now.out, "\"now\": \"2026-03-10T20:45:00Z\""));
}

TEST_CASE("remind: usage errors of --at, --date and --grace") {
    Machine machine(k_evening);
    const Ran date_alone = machine.remind(at(k_day, 9, 0), {"--date", "2026-03-10"});
    CHECK(date_alone.status == 2);
    CHECK(date_alone.out.empty());
    CHECK(contains(date_alone.err, "calmlegs: --date needs --at"));
    CHECK(contains(date_alone.err, "calmlegs remind --at 21:45 --date 2026-03-10"));
    const Ran bad_time = machine.remind(at(k_day, 9, 0), {"--at", "25:00"});
    CHECK(bad_time.status == 2);
    CHECK(contains(bad_time.err, "expects HH:MM"));
    const Ran bad_date = machine.remind(at(k_day, 9, 0), {"--at", "21:45", "--date", "2026-02-30"});
    CHECK(bad_date.status == 2);
    CHECK(contains(bad_date.err, "expects YYYY-MM-DD"));
    const Ran both = machine.remind(at(k_day, 9, 0), {"--at", "21:45", "--grace", "10"});
    CHECK(both.status == 2);
    const Ran long_grace = machine.remind(at(k_day, 9, 0), {"--grace", "1441"});
    CHECK(long_grace.status == 2);
    CHECK(contains(long_grace.err, "a whole number from 0 to 1440"));
    CHECK(machine.remind(at(k_day, 9, 0), {"--grace", "-5"}).status == 2);
    CHECK_FALSE(std::filesystem::exists(machine.dir.path() + "/state"));
}

TEST_CASE("remind under cron's bare environment: one line and 2, but --at works") {
    Machine machine(k_evening);
    machine.system.vars.erase("HOME");
    machine.system.vars.erase("XDG_STATE_HOME");
    machine.system.vars.erase("TZ");
    machine.system.vars.erase("LANG");
    const Ran bare = machine.remind(at(k_day, 21, 45));
    CHECK(bare.status == 2);
    CHECK(bare.out.empty());
    CHECK(std::count(bare.err.begin(), bare.err.end(), '\n') == 1);
    CHECK(bare.err.starts_with("calmlegs: neither XDG_STATE_HOME"));
    CHECK(contains(bare.err, "HOME"));
    CHECK(contains(bare.err, "calmlegs cron"));
    // A relative XDG_STATE_HOME is no place either (the XDG spec ignores it).
    machine.system.vars["XDG_STATE_HOME"] = "state";
    CHECK(machine.remind(at(k_day, 21, 45)).status == 2);
    machine.system.vars.erase("XDG_STATE_HOME");
    machine.system.vars["TZ"] = "UTC";
    const Ran asked = machine.remind(at(k_day, 21, 45), {"--at", "21:45"});
    CHECK(asked.status == 0);
    CHECK(titles(asked.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
}

TEST_CASE("remind: a corrupt state is set aside, and what was due is not delivered twice") {
    Machine machine(k_evening);
    CHECK(titles(machine.remind(at(k_day, 21, 45)).out) ==
          std::vector<std::string>{"Wind-down", "Magnesium"});
    // Damaged, as a disk error might leave it.
    {
        std::ofstream(machine.state_file(), std::ios::binary)
            << "format = \"calmlegs-remind-state\"\n[days\n";
    }
    const Ran ran = machine.remind(at(k_day, 21, 50));
    CHECK(ran.status == 2);
    CHECK(ran.out.empty());
    const std::string aside = machine.state_file() + ".corrupt-20260310T215000";
    CHECK(contains(ran.err, "calmlegs: the reminder state " + machine.state_file() +
                                " is damaged or not calmlegs' own (line 2, column "));
    CHECK(contains(ran.err, "it was set aside as " + aside + "."));
    CHECK(contains(ran.err, "recorded as handled without being shown, so that none comes twice"));
    CHECK(read_file(aside) == "format = \"calmlegs-remind-state\"\n[days\n");
    // The fresh state has the evening's reminders so far as handled: none comes again.
    const Ran after = machine.remind(at(k_day, 21, 51));
    CHECK(after.status == 0);
    CHECK(after.out.empty());
    CHECK(after.err.empty());
    CHECK(titles(machine.remind(at(k_day, 22, 0)).out) ==
          std::vector<std::string>{"Cool, dark room"});
}

TEST_CASE("remind: a foreign state is set aside too, and one that cannot be read is left") {
    Machine machine(k_evening);
    std::filesystem::create_directories(machine.state_dir());
    { std::ofstream(machine.state_file()) << "[user]\nname = \"someone else's\"\n"; }
    const Ran ran = machine.remind(at(k_day, 21, 45), {"--json"});
    CHECK(ran.status == 2);
    CHECK(ran.out.empty());
    CHECK(contains(ran.err, "(not calmlegs' reminder state"));
    CHECK(std::filesystem::exists(machine.state_file() + ".corrupt-20260310T214500"));
    // The wind-down was due at this very minute: recorded, not shown, as the message says.
    CHECK(machine.remind(at(k_day, 21, 46)).out.empty());

    Machine odd(k_evening);
    std::filesystem::create_directories(odd.state_file()); // a directory where the file goes
    const Ran unreadable = odd.remind(at(k_day, 21, 45));
    CHECK(unreadable.status == 2);
    CHECK(unreadable.out.empty());
    CHECK(contains(unreadable.err,
                   "cannot read the reminder state " + odd.state_file() + ": it is a directory"));
    CHECK(std::filesystem::is_directory(odd.state_file()));
}

TEST_CASE("remind: a state directory that cannot be made is said, with 74") {
    Machine machine(k_evening);
    machine.dir.write("state", "a file where the directory goes");
    const Ran ran = machine.remind(at(k_day, 21, 45));
    CHECK(ran.status == 74);
    CHECK(ran.out.empty());
    CHECK(contains(ran.err, "cannot create the state directory " + machine.state_dir()));
}

TEST_CASE("remind --notify: through notify-send when it can run and a bus is reachable") {
    Machine machine(k_evening);
    machine.system.runnable.insert("notify-send");
    machine.system.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus";
    machine.system.programs["notify-send"] = [](const std::vector<std::string>&, std::string_view) {
        return cli::ProgramResult{0, "", ""};
    };
    const Ran ran = machine.remind(at(k_day, 21, 47), {"--notify"});
    CHECK(ran.status == 0);
    CHECK(ran.out.empty());
    CHECK(ran.err.empty());
    REQUIRE(machine.system.ran_programs.size() == 2);
    const auto& argv = machine.system.ran_programs[0].argv;
    REQUIRE(argv.size() == 5);
    CHECK(argv[0] == "notify-send");
    CHECK(argv[1] == "--app-name=calmlegs");
    CHECK(argv[2] == "--");
    CHECK(argv[3] == "Wind-down (due 2 minutes ago)");
    CHECK(argv[4] == "Time to start the nightly ritual: the guide begins it 30–60 minutes before "
                     "bed.\nRun: calmlegs tonight");
    CHECK(machine.system.ran_programs[1].argv[3] == "Magnesium (due 2 minutes ago)");
    // Recorded: the next run sends nothing.
    CHECK(machine.remind(at(k_day, 21, 48), {"--notify"}).out.empty());
    CHECK(machine.system.ran_programs.size() == 2);
    // --json lists what was shown as a notification.
    const Ran json = machine.remind(at(k_day, 22, 0), {"--notify", "--json"});
    CHECK(contains(json.out, "\"notified\": [\n    \"cool-room\"\n  ]"));
}

TEST_CASE("remind --notify: a socket 'bus' in XDG_RUNTIME_DIR is a reachable bus") {
    Machine machine(k_evening);
    machine.system.runnable.insert("notify-send");
    machine.dir.write("runtime/bus", ""); // stands for the socket
    machine.system.vars["XDG_RUNTIME_DIR"] = machine.dir.path() + "/runtime";
    machine.system.programs["notify-send"] = [](const std::vector<std::string>&, std::string_view) {
        return cli::ProgramResult{0, "", ""};
    };
    CHECK(machine.remind(at(k_day, 21, 45), {"--notify"}).out.empty());
    CHECK(machine.system.ran_programs.size() == 2);
}

TEST_CASE("remind --notify: printed instead, once, when notifications cannot be shown") {
    SUBCASE("no session bus: notify-send is not even tried") {
        Machine machine(k_evening);
        machine.system.runnable.insert("notify-send");
        const Ran ran = machine.remind(at(k_day, 21, 45), {"--notify"});
        CHECK(ran.status == 0);
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(contains(ran.err, "--notify: no session bus"));
        CHECK(machine.system.ran_programs.empty());
        CHECK(machine.remind(at(k_day, 21, 46), {"--notify"}).out.empty());
    }
    SUBCASE("notify-send not on PATH") {
        Machine machine(k_evening);
        machine.system.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus";
        const Ran ran = machine.remind(at(k_day, 21, 45), {"--notify"});
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(contains(ran.err, "notify-send is not on PATH"));
    }
    SUBCASE("notify-send fails") {
        Machine machine(k_evening);
        machine.system.runnable.insert("notify-send");
        machine.system.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nowhere";
        machine.system.programs["notify-send"] = [](const std::vector<std::string>&,
                                                    std::string_view) {
            return cli::ProgramResult{1, "", "Failed to connect to bus\nmore\n"};
        };
        const Ran ran = machine.remind(at(k_day, 21, 45), {"--notify"});
        CHECK(ran.status == 0);
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(contains(ran.err, "notify-send failed (exit status 1): Failed to connect to bus;"));
        CHECK(machine.system.ran_programs.size() == 2);
        CHECK(machine.remind(at(k_day, 21, 46), {"--notify"}).out.empty());
    }
}
