#include "remind/schedule.h"

#include "content/temp_dir.h"
#include "support/check_lines.h"
#include "support/paths.h"
#include "support/zones.h"

#include <doctest/doctest.h>

#include <memory>

using namespace calmlegs;
using namespace std::chrono;

// The shipped schedule.toml, in its order: caffeine (12:00), morning-supplements (vitamin-d,
// at waking, else 08:00), iron (iron, the same), ashwagandha (180 minutes before bed),
// screens (60), wind-down (45), magnesium (magnesium, 45), cool-room (30), lights-out (0).

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

/// The UTC instant of `time` on `on` at a zone `offset_hours` ahead of UTC.
Instant at(Date on, int hour, int minute, int offset_hours = 0) {
    return Instant{sys_days{on}} + hours{hour - offset_hours} + minutes{minute};
}

/// A config.toml's schedule, planned against the shipped content.
struct Planned {
    RealFileSystem files;
    std::unique_ptr<ContentStore> store;
    Config config;
    PersonSchedule schedule;
    std::vector<std::string> problems;

    explicit Planned(const std::string& config_text) {
        Diagnostics parse_problems;
        auto parsed = parse_config(config_text, "config.toml", parse_problems);
        REQUIRE(parsed.has_value());
        REQUIRE(parse_problems.empty());
        config = std::move(*parsed);
        store = std::make_unique<ContentStore>(files,
                                               std::vector<std::string>{test::k_shipped_content});
        Diagnostics diags;
        schedule = plan_schedule(*store, config, diags);
        problems = test::formatted(diags);
        CHECK(store->diagnostics().empty());
    }

    std::vector<std::string> ids() const {
        std::vector<std::string> out;
        for (const auto& reminder : schedule.reminders)
            out.push_back(reminder.id);
        return out;
    }
};

/// "id HH:MM YYYY-MM-DD" for each placed reminder, in the order given.
std::vector<std::string> placed_lines(const std::vector<DayReminder>& placed) {
    std::vector<std::string> out;
    for (const auto& reminder : placed) {
        const auto local_day = floor<days>(reminder.local);
        const auto minute = duration_cast<minutes>(reminder.local - local_day).count();
        out.push_back(
            reminder.reminder->id + " " +
            format_local_time({static_cast<int>(minute / 60), static_cast<int>(minute % 60)}) +
            " " + format_date(Date{local_day}));
    }
    return out;
}

const FixedZone k_utc{seconds{0}};

} // namespace

TEST_CASE("plan_schedule: without a plan, no reminder of a supplement is on") {
    const Planned planned("");
    CHECK(planned.problems.empty());
    CHECK_FALSE(planned.schedule.has_plan);
    test::check_lines(planned.ids(),
                      {"caffeine", "screens", "wind-down", "cool-room", "lights-out"});
    test::check_lines(planned.schedule.not_in_plan,
                      {"morning-supplements", "iron", "ashwagandha", "magnesium"});
    CHECK(planned.schedule.off.empty());
    for (const auto& reminder : planned.schedule.reminders) {
        CHECK(reminder.doses.empty());
        CHECK_FALSE(reminder.own);
    }
}

TEST_CASE("plan_schedule: the plan's supplements turn their reminders on, with the doses") {
    const Planned planned("[plan]\nsupplements = [\"mag\", \"Vitamin D\"]\n");
    CHECK(planned.problems.empty());
    CHECK(planned.schedule.has_plan);
    test::check_lines(planned.ids(), {"caffeine", "morning-supplements", "screens", "wind-down",
                                      "magnesium", "cool-room", "lights-out"});
    test::check_lines(planned.schedule.not_in_plan, {"iron", "ashwagandha"});
    const PlannedReminder& magnesium = planned.schedule.reminders[4];
    // The dose from supplements/magnesium.toml, under the supplement's name.
    test::check_lines(magnesium.doses, {"Magnesium: 200–400 mg"});
    CHECK(magnesium.steps == std::vector<int>{1, 8, 9});
    const PlannedReminder& morning = planned.schedule.reminders[1];
    test::check_lines(morning.doses, {"Vitamin D: 2000–4000 IU vitamin D3"});
    CHECK(planned.schedule.reminders[3].command == "calmlegs tonight");
}

TEST_CASE("plan_schedule: [reminders] off, and an id it does not know") {
    const Planned off("[reminders]\noff = [\"screens\", \"caffeine\"]\n");
    CHECK(off.problems.empty());
    test::check_lines(off.schedule.off, {"screens", "caffeine"});
    test::check_lines(off.ids(), {"wind-down", "cool-room", "lights-out"});

    const Planned typo("[reminders]\noff = [\"screen\"]\n");
    test::check_lines(typo.problems, {"config.toml:2:8: 'off': no reminder has the id \"screen\"; "
                                      "did you mean \"screens\"?"});
    CHECK(typo.schedule.off.empty());
}

TEST_CASE("plan_schedule: the person's own reminders come after the shipped ones") {
    const Planned planned(R"([plan]
supplements = ["iron"]

[[reminders.own]]
id = "walk"
title = "Evening walk"
before_bedtime = 120
text = "A short walk."

[[reminders.own]]
id = "iron-check"
at = "09:00"
supplements = ["iron", "magnesium"]
text = "Iron with orange juice."
)");
    CHECK(planned.problems.empty());
    test::check_lines(planned.ids(), {"caffeine", "iron", "screens", "wind-down", "cool-room",
                                      "lights-out", "walk", "iron-check"});
    const PlannedReminder& walk = planned.schedule.reminders[6];
    CHECK(walk.own);
    CHECK(walk.title == "Evening walk");
    CHECK(walk.time == ReminderTime{Anchor::bedtime, {}, 120});
    // Only the supplements of the plan are listed; the title defaults to the text.
    const PlannedReminder& check = planned.schedule.reminders[7];
    test::check_lines(check.doses, {"Iron: 25–65 mg"});
    CHECK(check.title == "Iron with orange juice.");
}

TEST_CASE("plan_schedule: an own reminder with a shipped id or an unknown supplement") {
    const Planned planned(R"([[reminders.own]]
id = "caffeine"
at = "13:00"
text = "Mine."

[[reminders.own]]
id = "mystery"
at = "13:00"
supplements = ["unobtainium"]
text = "?"
)");
    test::check_lines(planned.problems,
                      {"config.toml:1:1: [[reminders.own]] \"caffeine\" has the id of a shipped "
                       "reminder; choose another id, or turn the shipped one off with "
                       "[reminders] off",
                       "config.toml:9:16: 'supplements': no supplement has the id "
                       "\"unobtainium\""});
}

TEST_CASE("place_on_day: the evening in firing order, ties in the schedule's order") {
    const Planned planned("[plan]\nsupplements = [\"magnesium\", \"vitamin-d\"]\n"
                          "[schedule]\nbedtime = \"22:30\"\nwake = \"07:00\"\n");
    const Date tuesday = date(2026, 3, 10);
    const auto placed = place_on_day(planned.schedule, k_utc, tuesday);
    test::check_lines(placed_lines(placed),
                      {"caffeine 12:00 2026-03-10", "screens 21:30 2026-03-10",
                       "wind-down 21:45 2026-03-10", "magnesium 21:45 2026-03-10",
                       "cool-room 22:00 2026-03-10", "lights-out 22:30 2026-03-10",
                       "morning-supplements 07:00 2026-03-11"});
    for (const auto& reminder : placed) {
        CHECK(reminder.day == tuesday);
        CHECK(reminder.kind == LocalKind::unique);
    }
    CHECK(placed[2].at == at(tuesday, 21, 45));
    // Without a wake time, the morning reminder takes its own 'at' (08:00).
    const Planned no_wake("[plan]\nsupplements = [\"vitamin-d\"]\n");
    const auto morning = place_on_day(no_wake.schedule, k_utc, tuesday);
    CHECK(placed_lines(morning).back() == "morning-supplements 08:00 2026-03-11");
}

TEST_CASE("place_on_day: a bedtime after midnight keeps the evening on its reminder day") {
    const Planned planned("[schedule]\nbedtime = \"00:30\"\n");
    const Date day = date(2026, 3, 10);
    const auto placed = place_on_day(planned.schedule, k_utc, day);
    test::check_lines(placed_lines(placed),
                      {"caffeine 12:00 2026-03-10", "screens 23:30 2026-03-10",
                       "wind-down 23:45 2026-03-10", "cool-room 00:00 2026-03-11",
                       "lights-out 00:30 2026-03-11"});
    for (const auto& reminder : placed)
        CHECK(reminder.day == day);
}

TEST_CASE("place_on_day: weekend nights take the weekend times on the evenings named") {
    const std::string weekend = "[schedule]\nbedtime = \"22:30\"\nwake = \"07:00\"\n"
                                "[schedule.weekend]\nbedtime = \"23:30\"\nwake = \"09:00\"\n"
                                "[plan]\nsupplements = [\"vitamin-d\"]\n";
    const Planned planned(weekend);
    // 2026-03-13 is a Friday: its night is a weekend night (Friday and Saturday by default).
    const auto friday = placed_lines(place_on_day(planned.schedule, k_utc, date(2026, 3, 13)));
    CHECK(friday[4] == "lights-out 23:30 2026-03-13");
    CHECK(friday[5] == "morning-supplements 09:00 2026-03-14");
    // Sunday evening is a school night again, though Sunday morning was a weekend morning.
    const auto sunday = placed_lines(place_on_day(planned.schedule, k_utc, date(2026, 3, 15)));
    CHECK(sunday[4] == "lights-out 22:30 2026-03-15");
    CHECK(sunday[5] == "morning-supplements 07:00 2026-03-16");
    // Days of one's own: only Sunday's evening.
    const Planned days("[schedule]\nbedtime = \"22:30\"\n[schedule.weekend]\nbedtime = \"23:30\"\n"
                       "days = [\"sunday\"]\n");
    CHECK(placed_lines(place_on_day(days.schedule, k_utc, date(2026, 3, 13)))[4] ==
          "lights-out 22:30 2026-03-13");
    CHECK(placed_lines(place_on_day(days.schedule, k_utc, date(2026, 3, 15)))[4] ==
          "lights-out 23:30 2026-03-15");
}

TEST_CASE("place_on_day: offsets from bedtime are real time across a clock change") {
    // New York, the night of 2026-11-01 (clocks go back at 02:00 EDT to 01:00 EST): a bedtime
    // of 02:00 is after the repeat (EST, 07:00 UTC); 45 minutes before it is 06:15 UTC, which
    // the clocks show as 01:15 for the second time.
    const auto zone = test::system_zone("America/New_York");
    const Planned planned("[schedule]\nbedtime = \"02:00\"\n");
    const auto placed = place_on_day(planned.schedule, zone, date(2026, 10, 31));
    const DayReminder& wind_down = placed[2];
    REQUIRE(wind_down.reminder->id == "wind-down");
    CHECK(wind_down.at == at(date(2026, 11, 1), 6, 15));
    CHECK(placed_lines({wind_down})[0] == "wind-down 01:15 2026-11-01");
}

TEST_CASE("due_in_minute: the one-minute window of remind --at") {
    const Planned planned("[plan]\nsupplements = [\"magnesium\"]\n"
                          "[schedule]\nbedtime = \"22:30\"\n");
    const auto ids_at = [&](const TimeZone& zone, Date on, LocalTime time) {
        std::vector<std::string> ids;
        for (const auto& reminder : due_in_minute(planned.schedule, zone, local_at(on, time)))
            ids.push_back(reminder.reminder->id);
        return ids;
    };
    const Date day = date(2026, 3, 10);
    test::check_lines(ids_at(k_utc, day, {21, 45}), {"wind-down", "magnesium"});
    CHECK(ids_at(k_utc, day, {21, 47}).empty());
    CHECK(ids_at(k_utc, day, {21, 44}).empty());
    test::check_lines(ids_at(k_utc, day, {12, 0}), {"caffeine"});
    // The small hours belong to the evening before.
    const Planned late("[schedule]\nbedtime = \"00:30\"\n");
    const auto lights_out =
        due_in_minute(late.schedule, k_utc, local_at(date(2026, 3, 11), {0, 30}));
    REQUIRE(lights_out.size() == 1);
    CHECK(lights_out[0].reminder->id == "lights-out");
    CHECK(lights_out[0].day == day);
}

TEST_CASE("due_in_minute: a skipped reading is the first minute after the gap") {
    const auto zone = test::system_zone("America/New_York");
    const Planned planned(
        "[[reminders.own]]\nid = \"gap\"\nat = \"02:30\"\ntext = \"In the gap.\"\n"
        "[[reminders.own]]\nid = \"three\"\nat = \"03:00\"\ntext = \"At three.\"\n");
    const auto ids_at = [&](LocalTime time) {
        std::vector<std::string> ids;
        for (const auto& reminder :
             due_in_minute(planned.schedule, zone, local_at(date(2026, 3, 8), time)))
            ids.push_back(reminder.reminder->id);
        return ids;
    };
    // 02:30 does not exist on 2026-03-08: both fire at 03:00 EDT.
    test::check_lines(ids_at({2, 30}), {"gap", "three"});
    test::check_lines(ids_at({3, 0}), {"gap", "three"});
    CHECK(ids_at({3, 1}).empty());
    // The day before, 02:30 is a plain minute.
    std::vector<std::string> before;
    for (const auto& reminder :
         due_in_minute(planned.schedule, zone, local_at(date(2026, 3, 7), {2, 30})))
        before.push_back(reminder.reminder->id);
    test::check_lines(before, {"gap"});
}

TEST_CASE("due_in_minute: a minute of the repeated hour finds what fires at either showing") {
    // New York, 2026-11-01: a reminder at 01:30 fires at its first showing (EDT, 05:30 UTC);
    // the cool room 30 minutes before a 02:00 bedtime (EST, 07:00 UTC) at the second showing
    // of 01:30 (06:30 UTC), and the wind-down at the second showing of 01:15.
    const auto zone = test::system_zone("America/New_York");
    const Planned planned("[schedule]\nbedtime = \"02:00\"\n[[reminders.own]]\nid = \"repeat\"\n"
                          "at = \"01:30\"\ntext = \"In the repeated hour.\"\n");
    const auto due_at = [&](LocalTime time) {
        return due_in_minute(planned.schedule, zone, local_at(date(2026, 11, 1), time));
    };
    const auto both = due_at({1, 30});
    REQUIRE(both.size() == 2);
    CHECK(both[0].reminder->id == "repeat");
    CHECK(both[0].kind == LocalKind::ambiguous);
    CHECK(both[0].at == at(date(2026, 11, 1), 5, 30));
    CHECK(both[1].reminder->id == "cool-room");
    CHECK(both[1].at == at(date(2026, 11, 1), 6, 30));
    const auto wind_down = due_at({1, 15});
    REQUIRE(wind_down.size() == 1);
    CHECK(wind_down[0].reminder->id == "wind-down");
    CHECK(wind_down[0].at == at(date(2026, 11, 1), 6, 15));
}

TEST_CASE("plan_times: the same reminders at the same times, with no supplement entry read") {
    const std::string config = "[plan]\nsupplements = [\"Magnesium\", \"vitamin-d\"]\n"
                               "[schedule]\nbedtime = \"23:00\"\nwake = \"07:00\"\n";
    const Planned full(config);
    // A layer whose magnesium entry is broken: reading it would leave a warning.
    test::TempDir layer;
    layer.write("supplements/magnesium.toml", "id = \"magnesium\"\nbroken = [\n");
    RealFileSystem files;
    ContentStore store(files, {test::k_shipped_content, layer.path()});
    Diagnostics diags;
    const auto quick = plan_times(store, full.config, diags);
    REQUIRE(quick.has_value());
    CHECK(diags.empty());
    const Date day = date(2026, 3, 10);
    CHECK(placed_lines(place_on_day(*quick, k_utc, day)) ==
          placed_lines(place_on_day(full.schedule, k_utc, day)));
    CHECK(quick->not_in_plan == full.schedule.not_in_plan);
    for (const auto& reminder : quick->reminders)
        CHECK(reminder.doses.empty());
    // No supplement entry was read.
    CHECK(store.diagnostics().empty());
    CHECK(store.warnings().empty());
    Diagnostics full_diags;
    (void)plan_schedule(store, full.config, full_diags);
    CHECK_FALSE(store.warnings().empty());
    // A name that is no id ("mag" is an alias) needs resolve_plan.
    Diagnostics alias_diags;
    const Planned alias("[plan]\nsupplements = [\"mag\"]\n");
    CHECK_FALSE(plan_times(store, alias.config, alias_diags).has_value());
    // Without a plan it always works.
    const Planned none("");
    CHECK(plan_times(store, none.config, alias_diags).has_value());
}
