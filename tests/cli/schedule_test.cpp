// calmlegs schedule: the day's reminders, --all, --json, --date and --ics, through the command
// line with a fake System (its clock at 2026-03-08 12:00 UTC, a Sunday) and a config.

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

const char* const k_magnesium = "[plan]\nsupplements = [\"magnesium\"]\n";

/// Runs calmlegs with `config` as its config.toml, in `zone`, on `system`.
Ran with_config(const std::string& config, std::vector<std::string> words, FakeSystem& system,
                const TempDir& dir, const std::string& zone = "UTC") {
    const std::string path = dir.write("config.toml", config);
    words.insert(words.begin(), {"--config", path});
    system.vars["TZ"] = zone;
    system.vars["COLUMNS"] = "1000"; // one line per paragraph, so that phrases are whole
    return run_cli(words, system);
}

Ran with_config(const std::string& config, std::vector<std::string> words,
                const std::string& zone = "UTC") {
    TempDir dir;
    FakeSystem system;
    return with_config(config, std::move(words), system, dir, zone);
}

/// Where `part` is in `text`, failing the test when it is not there.
std::size_t position(const std::string& text, const std::string& part) {
    const auto at = text.find(part);
    CHECK_MESSAGE(at != std::string::npos, "missing: ", part);
    return at;
}

/// `text` with each run of spaces and newlines as one space: prose checked across its wraps.
std::string flat(const std::string& text) {
    std::string out;
    for (const char c : text)
        if (c != ' ' && c != '\n')
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    return out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("schedule: today's reminders in time order, headed by the night and the zone") {
    const Ran ran = with_config(k_magnesium, {"schedule"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(ran.out.starts_with("Reminders for Sunday 2026-03-08 · UTC\n"));
    CHECK(contains(ran.out, "Bedtime 22:30 (the default: set yours with bedtime in [schedule] of "
                            "config.toml)."));
    CHECK(contains(ran.out, "From noon that day to noon the next"));
    // Bedtime 22:30: screens at 21:30, the wind-down and magnesium at 21:45, lights out 22:30.
    const std::size_t caffeine = position(ran.out, "\n12:00  Caffeine cut-off\n");
    const std::size_t screens = position(ran.out, "\n21:30  Screens away\n");
    const std::size_t wind_down = position(ran.out, "\n21:45  Wind-down\n");
    const std::size_t magnesium = position(ran.out, "\n21:45  Magnesium\n");
    const std::size_t lights_out = position(ran.out, "\n22:30  Lights out\n");
    CHECK(caffeine < screens);
    CHECK(screens < wind_down);
    CHECK(wind_down < magnesium); // a tie keeps the schedule's order
    CHECK(magnesium < lights_out);
    CHECK(contains(ran.out, "       Run: calmlegs tonight\n"));
    CHECK(contains(ran.out, "       Magnesium: 200–400 mg\n       The amounts are the guide's, "
                            "not a prescription"));
    // The note goes with doses only: the wind-down names none.
    const std::size_t note = ran.out.find("not a prescription");
    CHECK(note > magnesium);
    CHECK(ran.out.find("not a prescription", note + 1) == std::string::npos);
    // Only the supplements of the plan: no iron, no list of what is off.
    CHECK_FALSE(contains(ran.out, "Iron"));
    CHECK_FALSE(contains(ran.out, "\nOff\n"));
}

TEST_CASE("schedule: today is the reminder day, noon to noon, in the local zone") {
    TempDir dir;
    FakeSystem system;
    // 06:00 UTC on Monday is still Sunday's reminder day in UTC.
    system.now_ =
        Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 9} + std::chrono::hours{6}};
    CHECK(with_config("", {"schedule"}, system, dir)
              .out.starts_with("Reminders for Sunday "
                               "2026-03-08 · UTC\n"));
    // 12:00 UTC on Sunday is 08:00 in New York: Saturday's reminder day there.
    FakeSystem new_york;
    const Ran ran = with_config("[schedule]\nbedtime = \"00:30\"\n", {"schedule"}, new_york, dir,
                                "America/New_York");
    CHECK(ran.out.starts_with("Reminders for Saturday 2026-03-07 · America/New_York\n"));
    CHECK(contains(ran.out, "Bedtime 00:30."));
    // Bedtime after midnight: the wind-down is at 23:45 that evening.
    CHECK(contains(ran.out, "\n23:45  Wind-down\n"));
    CHECK(position(ran.out, "23:45  Wind-down") < position(ran.out, "00:30  Lights out"));
}

TEST_CASE("schedule --date: that day's reminders, with the weekend's bedtime on its nights") {
    const std::string config = "[schedule]\nbedtime = \"22:30\"\nwake = \"06:45\"\n\n"
                               "[schedule.weekend]\nbedtime = \"23:30\"\n";
    const Ran friday = with_config(config, {"schedule", "--date", "2026-03-13"});
    CHECK(friday.status == 0);
    CHECK(friday.out.starts_with("Reminders for Friday 2026-03-13 · UTC\n"));
    CHECK(contains(friday.out, "Bedtime 23:30, wake 06:45 (a weekend night)."));
    CHECK(contains(friday.out, "\n22:45  Wind-down\n"));
    const Ran monday = with_config(config, {"schedule", "-d", "2026-03-16"});
    CHECK(contains(monday.out, "Bedtime 22:30, wake 06:45.\n"));
    CHECK(contains(monday.out, "\n21:45  Wind-down\n"));
}

TEST_CASE("schedule --date: a day that is not a date is a usage error") {
    for (const char* bad : {"2026-02-30", "tomorrow", "2026-3-8", "", "1899-12-31"}) {
        CAPTURE(bad);
        const Ran ran = run_cli({"schedule", "--date", bad});
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        CHECK(contains(ran.err, "calmlegs: "));
    }
    CHECK(contains(run_cli({"schedule", "--date", "tomorrow"}).err, "YYYY-MM-DD"));
    CHECK(contains(run_cli({"schedule", "--date", "1899-12-31"}).err, "before 1900"));
    CHECK(run_cli({"schedule", "--date", "1900-01-01"}).status == 0);
}

TEST_CASE("schedule --all: the reminders that are off, each with why, and what to do") {
    SUBCASE("no [plan]: the supplements' reminders, and how to write one") {
        const Ran ran = with_config("", {"schedule", "--all"});
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "\nOff\n"));
        CHECK(contains(ran.out, "• Iron (iron): for Iron, and there is no [plan]\n"));
        CHECK(contains(ran.out, "• Magnesium (magnesium): for Magnesium, and there is no "
                                "[plan]\n"));
        CHECK(contains(flat(ran.out), "calmlegs config --init writes a starter file."));
        CHECK(contains(ran.out, "  [plan]\n  supplements = [\"magnesium\"]\n"));
    }
    SUBCASE("a [plan] without iron, and a reminder turned off") {
        const Ran ran = with_config(std::string(k_magnesium) + "\n[reminders]\noff = "
                                                               "[\"screens\"]\n",
                                    {"schedule", "-a"});
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "• Iron (iron): for Iron, which your [plan] does not list\n"));
        CHECK(contains(ran.out, "• Screens away (screens): turned off in [reminders] off\n"));
        CHECK(contains(flat(ran.out), "remove its id from [reminders] off"));
        CHECK(contains(flat(ran.out), "add it to [plan] supplements in config.toml"));
        CHECK_FALSE(contains(ran.out, "21:30  Screens away"));
        CHECK_FALSE(contains(ran.out, "Magnesium (magnesium)")); // it is on
        CHECK_FALSE(contains(ran.out, "there is no [plan]"));
    }
}

TEST_CASE("schedule --json: the day, the night, the zone and the reminders, and off with --all") {
    const Ran ran = with_config(k_magnesium, {"--json", "schedule"}, "Europe/Berlin");
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "\"day\": \"2026-03-08\""));
    CHECK(contains(ran.out, "\"zone\": \"Europe/Berlin\""));
    CHECK(contains(ran.out, "\"zone_source\": \"TZ=Europe/Berlin\""));
    CHECK(contains(ran.out, "\"bedtime\": \"22:30\""));
    CHECK(contains(ran.out, "\"wake\": null"));
    CHECK(contains(ran.out, "\"bedtime_set\": false"));
    CHECK(contains(ran.out, "\"weekend_night\": false"));
    CHECK(contains(ran.out, "\"off\": null"));
    // The wind-down at 21:45 CET is 20:45 UTC.
    CHECK(contains(ran.out, "\"at\": \"2026-03-08T20:45:00Z\""));
    CHECK(contains(ran.out, "\"local\": \"2026-03-08T21:45:00+01:00\""));
    CHECK(position(ran.out, "\"id\": \"caffeine\"") < position(ran.out, "\"id\": \"lights-out\""));
    const Ran all = with_config(k_magnesium, {"schedule", "--all", "--json"});
    CHECK(contains(all.out, "\"off\": ["));
    CHECK(contains(all.out, "\"why\": \"not_in_plan\""));
    CHECK(contains(all.out, "\"supplements\": [\n        \"iron\"\n      ]"));
    const Ran no_plan = with_config("", {"schedule", "--all", "--json"});
    CHECK(contains(no_plan.out, "\"why\": \"no_plan\""));
}

TEST_CASE("schedule --ics FILE: a calendar of every reminder, written whole, said on stdout") {
    TempDir dir;
    FakeSystem system;
    const std::string file = dir.path() + "/reminders.ics";
    const Ran ran =
        with_config(k_magnesium, {"schedule", "--ics", file}, system, dir, "Europe/Berlin");
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(contains(flat(ran.out), "Wrote 6 events of 6 reminders to " + file +
                                      ", in Europe/Berlin time, from 2026-03-08 on."));
    CHECK(contains(ran.out, "Import it into your calendar"));
    const std::string text = read_file(file);
    CHECK(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    CHECK(text.ends_with("END:VCALENDAR\r\n"));
    CHECK(contains(text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"));
    CHECK(contains(text, "UID:wind-down@calmlegs\r\nDTSTAMP:20260308T120000Z\r\n"
                         "DTSTART;TZID=Europe/Berlin:20260308T214500\r\n"));
    CHECK(contains(text, "UID:magnesium@calmlegs\r\n"));
    CHECK(contains(text, "SUMMARY:Cool\\, dark room\r\n"));
    CHECK_FALSE(contains(text, "UID:iron@calmlegs"));
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    // Written again later: the same events, a new DTSTAMP.
    system.now_ += std::chrono::hours{24};
    system.out_.text_.clear();
    CHECK(with_config(k_magnesium, {"schedule", "--ics", file}, system, dir, "Europe/Berlin")
              .status == 0);
    const std::string again = read_file(file);
    CHECK(contains(again, "DTSTAMP:20260309T120000Z"));
    CHECK(contains(again, "UID:wind-down@calmlegs\r\n"));
    // --json says what was written.
    system.out_.text_.clear();
    const Ran json = with_config(k_magnesium, {"--json", "schedule", "--ics", file}, system, dir,
                                 "Europe/Berlin");
    CHECK(contains(json.out, "\"file\": \"" + file + "\""));
    CHECK(contains(json.out, "\"events\": 6"));
}

TEST_CASE("schedule --ics -: the calendar on stdout, its own bytes") {
    FakeSystem system;
    system.vars["LANG"] = "C"; // not UTF-8: pages are respelt in ASCII, a calendar never
    TempDir dir;
    const Ran ran = with_config("", {"schedule", "--ics", "-"}, system, dir, "America/New_York");
    CHECK(ran.status == 0);
    CHECK(ran.out.starts_with("BEGIN:VCALENDAR\r\n"));
    // 12:00 UTC is 08:00 in New York: the events start on Saturday's reminder day.
    CHECK(contains(ran.out, "DTSTART;TZID=America/New_York:20260307T214500\r\n"));
    CHECK(contains(ran.out, "18–20 °C"));
    CHECK(contains(ran.out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"));
    CHECK(with_config("", {"--json", "schedule", "--ics", "-"}).status == 2);
}

TEST_CASE("schedule --ics: an unwritable file, a zone without a name, --all") {
    const Ran unwritable = with_config("", {"schedule", "--ics", "/nonexistent/dir/x.ics"});
    CHECK(unwritable.status == 74);
    CHECK(unwritable.out.empty());
    CHECK(contains(unwritable.err, "calmlegs: cannot write the calendar /nonexistent/dir/x.ics: "));
    CHECK(contains(unwritable.err, "Give --ics a file in a directory you can write to"));
    // A bare POSIX rule names no zone a calendar knows: refused, saying what to set.
    const Ran rule = with_config("", {"schedule", "--ics", "-"}, "CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(rule.status == 2);
    CHECK(rule.out.empty());
    CHECK(contains(rule.err, "calmlegs: cannot write a calendar in the time zone "
                             "TZ=CET-1CEST,M3.5.0,M10.5.0/3: it has no name"));
    CHECK(contains(rule.err, "TZ=Europe/Berlin calmlegs schedule --ics -"));
    // Listing the same zone works: only calendars need its name.
    CHECK(with_config("", {"schedule"}, "CET-1CEST,M3.5.0,M10.5.0/3").status == 0);
    CHECK(run_cli({"schedule", "--ics", "x.ics", "--all"}).status == 2);
    CHECK(run_cli({"schedule", "--ics", ""}).status == 2);
}

TEST_CASE("schedule: config problems and an unknown zone are reported, exit 2") {
    const Ran off = with_config("[reminders]\noff = [\"screen\"]\n", {"schedule"});
    CHECK(off.status == 2);
    CHECK(contains(off.err, "did you mean \"screens\"?"));
    const Ran zone = with_config("", {"schedule"}, "Mars/Olympus");
    CHECK(zone.status == 2);
    CHECK(contains(zone.err, "cannot tell the local time"));
}
