// `calmlegs history --chart` and `calmlegs stats --chart` as whole command lines on a fake
// system: ASCII when piped, Unicode and colour on a UTF-8 terminal, the width of the terminal,
// the plan's supplements keyed by their names, and the progress as JSON.

#include "content/temp_dir.h"
#include "support/fake_system.h"
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

bool ascii_only(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

int widest(const std::string& text) {
    int most = 0;
    for (const auto& line : split_lines(text))
        most = std::max(most, display_width(line));
    return most;
}

} // namespace

TEST_CASE("cli history --chart: piped, the chart in ASCII, as wide as $COLUMNS") {
    ThirtyNights journal;
    FakeSystem& system = journal.system;
    const Ran ran = run_cli({"history", "--chart", "--days", "30"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(contains(ran.out, "Severity, night by night: 2026-02-07 to 2026-03-08 (30 nights)"));
    CHECK(ascii_only(ran.out));
    CHECK_FALSE(contains(ran.out, "\x1b"));
    CHECK(contains(ran.out, " 0 |::::::::::::::::::::::::::::::"));
    // Magnesium, from the plan, started on the 16th night (2026-02-22), named from the content.
    CHECK(contains(ran.out, "Magnesium: ^ started 2026-02-22"));
    CHECK(contains(ran.out, "T  * nights with a trigger: Caffeine"));
    CHECK_FALSE(contains(ran.out, "Each column"));
    CHECK(widest(ran.out) <= 80);
    CHECK_FALSE(contains(ran.out, "Took")); // not the table
    SUBCASE("20 columns: two nights a column, and said") {
        system.vars["COLUMNS"] = "20";
        system.out_.text_.clear();
        const Ran narrow = run_cli({"history", "--chart", "--days", "30"}, system);
        CHECK(narrow.status == 0);
        CHECK(widest(narrow.out) <= 20);
        CHECK(contains(narrow.out, "Each column is 2"));
        CHECK(ascii_only(narrow.out));
    }
    SUBCASE("wider than prose: the chart takes the terminal's width, not 100 columns") {
        system.vars["COLUMNS"] = "200";
        system.out_.text_.clear();
        const Ran wide = run_cli({"history", "--chart", "--days", "180"}, system);
        CHECK(contains(wide.out, "(180 nights)"));
        CHECK_FALSE(contains(wide.out, "Each column"));
        CHECK(widest(wide.out) > 180);
        CHECK(widest(wide.out) <= 200);
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
        CHECK(ascii_only(ascii.out));
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
    CHECK(widest(ran.out) <= 80);
    CHECK(ascii_only(ran.out.substr(chart_at))); // piped: the chart in ASCII
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
