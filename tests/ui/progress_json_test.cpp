// write_progress_json: the pictures' data for scripts, read back with the project's strict
// JSON reader, each value checked against the hand-made progress it was written from.

#include "journal/json_value.h"
#include "ui/render_journal.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

Date day(unsigned d) {
    return Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{d}};
}

} // namespace

TEST_CASE("write_progress_json: nights with nulls for what is missing, changes, triggers, weeks") {
    Progress progress;
    progress.from = day(2); // a Monday
    progress.to = day(3);
    progress.logged = 1;
    progress.wind_down = 1;
    progress.severity = Mean{1, 4};
    progress.plan = {"magnesium", "valerian"};
    progress.taken_at_start = {"magnesium"};
    progress.start_night = day(1);
    ProgressNight logged;
    logged.date = day(2);
    logged.logged = true;
    logged.severity = 4;
    logged.severity_mean = 4.567;
    logged.wind_down = true;
    logged.triggers = {"caffeine"};
    ProgressNight gap;
    gap.date = day(3);
    progress.nights = {logged, gap};
    progress.changes = {{"magnesium", day(3), false}};
    progress.triggers = {{"caffeine", 1}};
    WeekMeans week;
    week.from = day(2);
    week.to = day(3);
    week.nights = 2;
    week.logged = 1;
    week.severity = Mean{1, 4};
    progress.weeks = {week};

    JsonWriter json;
    write_progress_json(json, progress);
    JsonError error;
    const auto root = parse_json(json.str(), error);
    REQUIRE_MESSAGE(root, error.message);
    CHECK(root->find("from")->text == "2026-03-02");
    CHECK(root->find("to")->text == "2026-03-03");
    CHECK(root->find("nights_logged")->text == "1");
    CHECK(root->find("severity")->find("mean")->text == "4");
    CHECK(root->find("sleep")->find("mean")->kind == JsonValue::Kind::null);
    CHECK(root->find("moving_mean")->find("window")->text == "7");
    CHECK(root->find("moving_mean")->find("min_nights")->text == "4");
    const auto& nights = root->find("nights")->items;
    REQUIRE(nights.size() == 2);
    CHECK(nights[0].find("severity")->text == "4");
    // Two decimals for a mean.
    CHECK(nights[0].find("severity_mean")->text == "4.57");
    CHECK(nights[0].find("wind_down")->boolean);
    REQUIRE(nights[0].find("triggers")->items.size() == 1);
    // A night not logged: nulls, never zeros.
    CHECK_FALSE(nights[1].find("logged")->boolean);
    for (const char* key : {"severity", "severity_mean", "sleep", "sleep_mean"})
        CHECK(nights[1].find(key)->kind == JsonValue::Kind::null);
    REQUIRE(root->find("taken_at_start")->items.size() == 1);
    CHECK(root->find("taken_at_start")->items[0].text == "magnesium");
    CHECK(root->find("start_night")->text == "2026-03-01");
    CHECK(root->find("taken_from_start") == nullptr);
    const auto& changes = root->find("changes")->items;
    REQUIRE(changes.size() == 1);
    CHECK(changes[0].find("supplement")->text == "magnesium");
    CHECK(changes[0].find("night")->text == "2026-03-03");
    CHECK(changes[0].find("change")->text == "stopped");
    CHECK(root->find("triggers")->items[0].find("nights")->text == "1");
    const auto& weeks = root->find("weeks")->items;
    REQUIRE(weeks.size() == 1);
    CHECK(weeks[0].find("nights")->text == "2");
    CHECK(weeks[0].find("logged")->text == "1");
    CHECK(weeks[0].find("severity")->find("nights")->text == "1");
    SUBCASE("nothing logged up to the period's end: no start night") {
        progress.start_night.reset();
        JsonWriter none;
        write_progress_json(none, progress);
        const auto read = parse_json(none.str(), error);
        REQUIRE(read);
        CHECK(read->find("start_night")->kind == JsonValue::Kind::null);
    }
}
