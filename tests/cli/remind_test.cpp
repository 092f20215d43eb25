// calmlegs remind through the command line: a FakeSystem whose clock is moved minute by
// minute, a temporary XDG_STATE_HOME, and configs that put reminders where each test needs
// them.

#include "cli/remind_machine.h"

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
    // Worked out by the run at 21:45 (1773179100); the one at 21:50 found the same answer.
    CHECK(read_file(machine.state_dir() + "/remind.next")
              .starts_with("calmlegs-remind-next 2 1773179100 1773180000 "));
}

TEST_CASE(
    "remind: the shortcut of remind.next gives way to any change of what it was worked out from") {
    Machine machine(k_evening);
    const std::string next_file = machine.state_dir() + "/remind.next";
    CHECK(machine.remind(at(k_day, 21, 0)).out.empty());
    // Nothing before the wind-down at 21:45 (1773179100).
    // Worked out at 21:00 (1773176400).
    const std::string next = read_file(next_file);
    CHECK(next.starts_with("calmlegs-remind-next 2 1773176400 1773179100 "));
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
    SUBCASE("the clock ran two hours ahead, then is set right") {
        // At a wrong 23:00 the evening's reminders look missed: the wind-down and the cool
        // room dropped, lights out (22:30) shown within the grace.
        CHECK(titles(machine.remind(at(k_day, 23, 0)).out) ==
              std::vector<std::string>{"Lights out"});
        // Set right: each of them is still to come, at its time, once.
        CHECK(machine.remind(at(k_day, 21, 1)).out.empty());
        CHECK(titles(machine.remind(at(k_day, 21, 45)).out) ==
              std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(machine.remind(at(k_day, 21, 46)).out.empty());
        // No run between: the cool room (22:00) comes half an hour late, with lights out.
        CHECK(titles(machine.remind(at(k_day, 22, 30)).out) ==
              std::vector<std::string>{"Cool, dark room", "Lights out"});
    }
    SUBCASE("remind.next itself is damaged") {
        machine.dir.write("state/calmlegs/remind.next", "calmlegs-remind-next 1 garbage\n");
        const Ran ran = machine.remind(at(k_day, 21, 6));
        CHECK(ran.status == 0);
        CHECK(ran.err.empty());
        // Worked out again at 21:06 (1773176760), with the same answer.
        CHECK(read_file(next_file) ==
              "calmlegs-remind-next 2 1773176760" + next.substr(next.find(" 1773179100 ")));
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
    // Damaged again within the same second: kept beside the first, never over it.
    { std::ofstream(machine.state_file(), std::ios::binary) << "[days\n"; }
    { std::ofstream(machine.state_file() + ".corrupt-20260310T220000") << "older"; }
    CHECK(machine.remind(at(k_day, 22, 0)).status == 2);
    CHECK(read_file(machine.state_file() + ".corrupt-20260310T220000") == "older");
    CHECK(read_file(machine.state_file() + ".corrupt-20260310T220000-2") == "[days\n");
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
        CHECK(contains(ran.err, "notify-send is not on PATH (Debian and Ubuntu: sudo apt install "
                                "libnotify-bin)"));
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

TEST_CASE("remind: reminders that could not be printed come on the next run, once") {
    Machine machine(k_evening);
    CHECK(machine.remind(at(k_day, 21, 40)).out.empty());
    machine.system.out_.fail_with = ENOSPC;
    const Ran full = machine.remind(at(k_day, 21, 45));
    CHECK(full.status == 74);
    CHECK(contains(full.err, "No space left on device"));
    machine.system.out_.recover();
    // The disk has room again: the two reminders come a minute late, then never again.
    const Ran next = machine.remind(at(k_day, 21, 46));
    CHECK(next.status == 0);
    CHECK(titles(next.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
    CHECK(contains(next.out, "(due 1 minute ago)"));
    CHECK(machine.remind(at(k_day, 21, 47)).out.empty());
}
