// `calmlegs history --chart` and `calmlegs stats --chart` as whole command lines on a fake
// system: ASCII when piped, Unicode and colour on a UTF-8 terminal, the width of the terminal,
// the plan's supplements keyed by their names, and the progress as JSON.

#include "content/temp_dir.h"
#include "journal/json_value.h"
#include "support/fake_system.h"
#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// FakeSystem's tonight: 2026-03-08.
constexpr int k_nights = 30;
Date tonight() {
    return date(2026, 3, 8);
}

/// Logs a night straight into the fake journal.
void log_night(FakeSystem& system, Date night, int severity, std::vector<std::string> took,
               std::vector<std::string> triggers = {}) {
    bool replaced = false;
    std::string why;
    REQUIRE(system.journal->change_night(
        night,
        [&](const std::optional<Night>&) {
            Night logged;
            logged.date = night;
            logged.severity = severity;
            logged.supplements = took;
            logged.triggers = triggers;
            return logged;
        },
        replaced, why));
    system.journal_exists = true;
}

/// The 30 nights up to tonight: 15 without magnesium (severity 6), then 15 with it (4),
/// caffeine every third night; a [plan] of magnesium.
struct ThirtyNights {
    ThirtyNights() {
        system.vars["CALMLEGS_CONFIG"] =
            dir.write("config.toml", "[plan]\nsupplements = [\"magnesium\"]\n");
        for (int i = 0; i < k_nights; ++i) {
            const bool magnesium = i >= 15;
            log_night(
                system, add_days(tonight(), i + 1 - k_nights), magnesium ? 4 : 6,
                magnesium ? std::vector<std::string>{"magnesium"} : std::vector<std::string>{},
                i % 3 == 0 ? std::vector<std::string>{"caffeine"} : std::vector<std::string>{});
        }
    }
    TempDir dir;
    FakeSystem system;
};

/// A [plan] of magnesium.
std::string plan_config(TempDir& dir) {
    return dir.write("config.toml", "[plan]\nsupplements = [\"magnesium\"]\n");
}

/// The ids in `key` of the progress that `history --chart --json --days DAYS` writes.
std::vector<std::string> json_ids(FakeSystem& system, const char* days, const char* key) {
    system.out_.text_.clear();
    const Ran ran = run_cli({"history", "--chart", "--json", "--days", days}, system);
    REQUIRE(ran.status == 0);
    JsonError error;
    const auto root = parse_json(ran.out, error);
    REQUIRE_MESSAGE(root, error.message);
    const JsonValue* array = root->find(key);
    REQUIRE(array != nullptr);
    std::vector<std::string> ids;
    for (const JsonValue& item : array->items)
        ids.push_back(item.text);
    return ids;
}

} // namespace

TEST_CASE("cli history --chart: piped, the chart in ASCII, as wide as $COLUMNS") {
    ThirtyNights journal;
    FakeSystem& system = journal.system;
    const Ran ran = run_cli({"history", "--chart", "--days", "30"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(contains(ran.out, "Severity, night by night: 2026-02-07 to 2026-03-08 (30 nights)"));
    CHECK(is_ascii(ran.out));
    CHECK_FALSE(contains(ran.out, "\x1b"));
    CHECK(contains(ran.out, " 0 |::::::::::::::::::::::::::::::"));
    // Magnesium, from the plan, started on the 16th night (2026-02-22), named from the content.
    CHECK(contains(ran.out, "Magnesium: ^ started 2026-02-22"));
    CHECK(contains(ran.out, "T  * nights with a trigger: Caffeine"));
    CHECK_FALSE(contains(ran.out, "Each column"));
    CHECK(widest_line(ran.out) <= 80);
    CHECK_FALSE(contains(ran.out, "Took")); // not the table
    SUBCASE("20 columns: two nights a column, and said") {
        system.vars["COLUMNS"] = "20";
        system.out_.text_.clear();
        const Ran narrow = run_cli({"history", "--chart", "--days", "30"}, system);
        CHECK(narrow.status == 0);
        CHECK(widest_line(narrow.out) <= 20);
        CHECK(contains(narrow.out, "Each column is 2"));
        CHECK(is_ascii(narrow.out));
    }
    SUBCASE("wider than prose: the chart takes the terminal's width, not 100 columns") {
        system.vars["COLUMNS"] = "200";
        system.out_.text_.clear();
        const Ran wide = run_cli({"history", "--chart", "--days", "180"}, system);
        CHECK(contains(wide.out, "(180 nights)"));
        CHECK_FALSE(contains(wide.out, "Each column"));
        CHECK(widest_line(wide.out) > 180);
        CHECK(widest_line(wide.out) <= 200);
    }
}

TEST_CASE("cli history --chart: Unicode and colour on a UTF-8 terminal, ASCII with LANG=C") {
    ThirtyNights journal;
    FakeSystem& system = journal.system;
    system.on_terminal(80, 200); // tall: no pager
    const Ran ran = run_cli({"history", "--chart", "--days", "30"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "┤"));
    CHECK(contains(ran.out, "░"));
    CHECK(contains(ran.out, "▲ started 2026-02-22"));
    CHECK(contains(ran.out, "\x1b["));
    SUBCASE("NO_COLOR: no escape code") {
        system.vars["NO_COLOR"] = "1";
        system.out_.text_.clear();
        const Ran plain = run_cli({"history", "--chart"}, system);
        CHECK_FALSE(contains(plain.out, "\x1b"));
        CHECK(contains(plain.out, "░"));
    }
    SUBCASE("LANG=C: ASCII") {
        system.vars["LANG"] = "C";
        system.vars["NO_COLOR"] = "1";
        system.out_.text_.clear();
        const Ran ascii = run_cli({"history", "--chart", "--days", "30"}, system);
        CHECK(ascii.status == 0);
        CHECK(is_ascii(ascii.out));
        CHECK(contains(ascii.out, "^ started 2026-02-22"));
    }
}

TEST_CASE("cli history --chart --json: the progress of the nights") {
    ThirtyNights journal;
    const Ran ran = run_cli({"history", "--chart", "--days", "30", "--json"}, journal.system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "\"from\": \"2026-02-07\""));
    CHECK(contains(ran.out, "\"nights_logged\": 30"));
    CHECK(contains(ran.out, "\"moving_mean\""));
    CHECK(contains(ran.out, "\"supplement\": \"magnesium\""));
    CHECK(contains(ran.out, "\"change\": \"started\""));
    CHECK_FALSE(contains(ran.out, "\"runs\""));
}

TEST_CASE("cli stats --chart: the statistics, then the chart of the whole journal") {
    ThirtyNights journal;
    FakeSystem& system = journal.system;
    log_night(system, date(2025, 12, 1), 8, {}); // the journal's first night
    const Ran ran = run_cli({"stats", "--chart"}, system);
    CHECK(ran.status == 0);
    const auto stats_at = ran.out.find("Journal statistics");
    const auto chart_at = ran.out.find("Severity, night by night: 2025-12-01 to 2026-03-08");
    CHECK(stats_at != std::string::npos);
    REQUIRE(chart_at != std::string::npos);
    CHECK(stats_at < chart_at);
    CHECK(contains(ran.out, "(98 nights)"));
    CHECK(contains(ran.out, "Each column is 2 nights")); // 98 nights in 76 columns
    CHECK(widest_line(ran.out) <= 80);
    CHECK(is_ascii(ran.out.substr(chart_at))); // piped: the chart in ASCII
    SUBCASE("--json: both") {
        system.out_.text_.clear();
        const Ran json = run_cli({"stats", "--chart", "--json"}, system);
        CHECK(contains(json.out, "\"stats\": {"));
        CHECK(contains(json.out, "\"progress\": {"));
        CHECK(contains(json.out, "\"first_night\": \"2025-12-01\""));
    }
    SUBCASE("without --chart, no chart") {
        system.out_.text_.clear();
        CHECK_FALSE(contains(run_cli({"stats"}, system).out, "Severity, night by night"));
    }
}

TEST_CASE("cli history --chart: nothing logged says how to start, and creates no journal") {
    FakeSystem system;
    const Ran ran = run_cli({"history", "--chart"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "Nothing is logged for these nights"));
    CHECK(contains(ran.out, "calmlegs log"));
    CHECK_FALSE(system.journal_exists);
    system.out_.text_.clear();
    const Ran stats = run_cli({"stats", "--chart"}, system);
    CHECK(stats.status == 0);
    CHECK_FALSE(contains(stats.out, "Severity, night by night")); // the page says it already
}

TEST_CASE("cli history --chart: one's own trigger is shown by its name, never obeyed") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] =
        dir.write("config.toml", "[journal]\ntriggers = [\"\\u001b[31mred\"]\n");
    system.now_ = std::chrono::sys_days{tonight()} + std::chrono::hours{20};
    const Ran logged = run_cli({"log", "--severity", "3", "--trigger", "\x1b[31mred"}, system);
    REQUIRE(logged.status == 0);
    system.out_.text_.clear();
    system.on_terminal(80, 200);
    const Ran ran = run_cli({"history", "--chart"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "^[[31mred 1"));
    CHECK_FALSE(contains(ran.out, "\x1b[31m"));
}

TEST_CASE("cli history --chart: a plan that names no supplement is a config error") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] =
        dir.write("config.toml", "[plan]\nsupplements = [\"unobtainium\"]\n");
    log_night(system, tonight(), 3, {});
    const Ran ran = run_cli({"history", "--chart"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "unobtainium"));
    CHECK(ran.out.empty());
}

TEST_CASE("cli history --chart: what was taken when the nights began, whatever --days") {
    // The reviewer's journal, moved to FakeSystem's tonight: magnesium on 2026-02-27 only, then
    // nights without it from 2026-02-28 to tonight (2026-03-08).
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] = plan_config(dir);
    log_night(system, date(2026, 2, 27), 5, {"magnesium"});
    for (Date night = date(2026, 2, 28); night != add_days(tonight(), 1);
         night = add_days(night, 1))
        log_night(system, night, 5, {});
    for (const char* days : {"3", "5", "9"}) {
        CAPTURE(days);
        // --days 3 and 5: the period begins after the stop (2026-02-28), inside the reading
        // window or not; --days 9 begins on 2026-02-28, the night of the stop.
        system.out_.text_.clear();
        const Ran ran = run_cli({"history", "--chart", "--days", days}, system);
        REQUIRE(ran.status == 0);
        const bool stop_inside = std::string(days) == "9";
        CHECK(contains(ran.out, "Magnesium") == stop_inside);
        CHECK(json_ids(system, days, "taken_at_start") ==
              (stop_inside ? std::vector<std::string>{"magnesium"} : std::vector<std::string>{}));
        if (stop_inside)
            CHECK(contains(ran.out, "Magnesium: taken when these nights began, v stopped "
                                    "2026-02-28"));
    }
}

TEST_CASE("cli history --chart: a supplement taken since before the period is said") {
    // Magnesium every night from 2026-01-01: before the 14 nights and before their lead-in.
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] = plan_config(dir);
    for (Date night = date(2026, 1, 1); night != add_days(tonight(), 1); night = add_days(night, 1))
        log_night(system, night, 4, {"magnesium"});
    const Ran ran = run_cli({"history", "--chart", "--days", "14"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "taken throughout these nights: Magnesium"));
    CHECK_FALSE(contains(ran.out, "\n 1 ")); // no row of markers
    CHECK(json_ids(system, "14", "taken_at_start") == std::vector<std::string>{"magnesium"});
}

TEST_CASE("cli history --chart --help: the chart's rows, as the man page says them") {
    const Ran ran = run_cli({"history", "--help"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "and the nights with a"));
    const Ran stats = run_cli({"stats", "--help"});
    CHECK(contains(stats.out, "and the nights with a"));
}
