// compute_progress: the nights of a period with their moving means, the plan's starts and
// stops, the triggers by count and the weekly means, each worked out by hand in its case.

#include "journal/progress.h"

#include "journal/journal_builder.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace calmlegs;
using calmlegs::test::journal_today;

namespace {

/// journal_today() (Friday 2026-03-20) moved by `n` nights.
Date day(int n) {
    return add_days(journal_today(), n);
}

/// A night `n` days from journal_today() logged with `severity` (nullopt: without one),
/// `supplements` and `triggers`.
NightSummary night_at(int n, std::optional<int> severity, std::vector<std::string> supplements = {},
                      std::vector<std::string> triggers = {}) {
    NightSummary night;
    night.date = day(n);
    test::logged(night, severity);
    std::sort(supplements.begin(), supplements.end());
    std::sort(triggers.begin(), triggers.end());
    night.log->supplements = std::move(supplements);
    night.log->triggers = std::move(triggers);
    return night;
}

const ProgressNight& on(const Progress& progress, int n) {
    const auto it = std::find_if(progress.nights.begin(), progress.nights.end(),
                                 [&](const ProgressNight& night) { return night.date == day(n); });
    REQUIRE(it != progress.nights.end());
    return *it;
}

} // namespace

TEST_CASE("compute_progress: one night a day from `from` to `to`, gaps where nothing was logged") {
    std::vector<NightSummary> nights = {night_at(0, 4), night_at(2, std::nullopt)};
    NightSummary run_only;
    run_only.date = day(3);
    test::finished(run_only, "tonight");
    nights.push_back(run_only);
    const Progress progress = compute_progress(nights, day(0), day(4), {}, std::nullopt);
    REQUIRE(progress.nights.size() == 5);
    CHECK(progress.nights.front().date == day(0));
    CHECK(progress.nights.back().date == day(4));
    CHECK(on(progress, 0).severity == 4);
    CHECK(on(progress, 0).logged);
    // Not logged: a gap, not a zero.
    CHECK_FALSE(on(progress, 1).logged);
    CHECK_FALSE(on(progress, 1).severity);
    // Logged without a severity.
    CHECK(on(progress, 2).logged);
    CHECK_FALSE(on(progress, 2).severity);
    // A wind-down with no log.
    CHECK_FALSE(on(progress, 3).logged);
    CHECK(on(progress, 3).wind_down);
    CHECK(progress.logged == 2);
    CHECK(progress.wind_down == 1);
    CHECK(progress.severity.nights == 1);
    CHECK(progress.severity.mean == 4);
}

TEST_CASE("compute_progress: the moving mean needs 4 of the 7 nights that end with it") {
    // Severities on days 0, 1, 2, 4 (3 missing): the mean first appears on day 4, over
    // 2, 4, 6, 8 = 5. On day 7 the window is days 1..7: 4, 6, 8 and day 7's 10 = 7. On day 8
    // (days 2..8) it is 6, 8, 10 and day 8's nothing: 3 values, no mean.
    const std::vector<NightSummary> nights = {night_at(0, 2), night_at(1, 4), night_at(2, 6),
                                              night_at(4, 8), night_at(7, 10)};
    const Progress progress = compute_progress(nights, day(0), day(8), {}, std::nullopt);
    for (int n : {0, 1, 2, 3})
        CHECK_FALSE(on(progress, n).severity_mean);
    CHECK(on(progress, 4).severity_mean == doctest::Approx(5));
    CHECK(on(progress, 6).severity_mean == doctest::Approx(5));
    CHECK(on(progress, 7).severity_mean == doctest::Approx(7));
    CHECK_FALSE(on(progress, 8).severity_mean);
}

TEST_CASE("compute_progress: nights before the period serve its first moving means only") {
    // Days -6..-1 have severity 9; the period is days 0..1 with 3 and nothing.
    std::vector<NightSummary> nights;
    for (int n = -6; n <= -1; ++n)
        nights.push_back(night_at(n, 9));
    nights.push_back(night_at(0, 3));
    const Progress progress = compute_progress(nights, day(0), day(1), {}, std::nullopt);
    REQUIRE(progress.nights.size() == 2);
    // (6 x 9 + 3) / 7, then days -5..1: (5 x 9 + 3) / 6.
    CHECK(on(progress, 0).severity_mean == doctest::Approx(57.0 / 7));
    CHECK(on(progress, 1).severity_mean == doctest::Approx(48.0 / 6));
    // The counts are the period's.
    CHECK(progress.logged == 1);
    CHECK(progress.severity.nights == 1);
    CHECK(progress.severity.mean == 3);
    REQUIRE(progress.weeks.size() == 1);
    CHECK(progress.weeks[0].logged == 1);
}

TEST_CASE("compute_progress: the sleep quality has its own moving mean") {
    std::vector<NightSummary> nights;
    for (int n = 0; n < 4; ++n) {
        nights.push_back(night_at(n, std::nullopt));
        nights.back().log->sleep = n + 1;
    }
    const Progress progress = compute_progress(nights, day(0), day(3), {}, std::nullopt);
    CHECK_FALSE(on(progress, 2).sleep_mean);
    CHECK(on(progress, 3).sleep_mean == doctest::Approx(2.5));
    CHECK(on(progress, 3).sleep == 4);
    CHECK_FALSE(on(progress, 3).severity_mean);
    CHECK(progress.sleep.nights == 4);
    CHECK(progress.sleep.mean == doctest::Approx(2.5));
}

TEST_CASE("compute_progress: a plan supplement starts and stops between logged nights") {
    // Day 0 without, day 1 with (started), day 2 not logged, day 3 with (no change), day 4
    // without (stopped), day 5 with (started again). Valerian is taken on day 3 only.
    const std::vector<NightSummary> nights = {
        night_at(0, 5),
        night_at(1, 5, {"magnesium"}),
        night_at(3, 5, {"magnesium", "valerian"}),
        night_at(4, 5),
        night_at(5, 5, {"magnesium", "iron"}),
    };
    const Progress progress =
        compute_progress(nights, day(0), day(5), {"magnesium", "valerian"}, std::nullopt);
    REQUIRE(progress.changes.size() == 5);
    CHECK(progress.changes[0] == SupplementChange{"magnesium", day(1), true});
    CHECK(progress.changes[1] == SupplementChange{"valerian", day(3), true});
    CHECK(progress.changes[2] == SupplementChange{"magnesium", day(4), false});
    CHECK(progress.changes[3] == SupplementChange{"valerian", day(4), false});
    CHECK(progress.changes[4] == SupplementChange{"magnesium", day(5), true});
    // Iron is not in the plan: no marker. Nothing was taken on the journal's first night.
    CHECK(progress.taken_at_start.empty());
    CHECK(progress.start_night == day(0));
}

TEST_CASE("compute_progress: taken from the journal's first night has no start") {
    const std::vector<NightSummary> nights = {night_at(0, 5, {"magnesium"}),
                                              night_at(1, 5, {"magnesium"}), night_at(2, 5)};
    const Progress progress = compute_progress(nights, day(0), day(2), {"magnesium"}, std::nullopt);
    CHECK(progress.taken_at_start == std::vector<std::string>{"magnesium"});
    CHECK(progress.start_night == day(0));
    REQUIRE(progress.changes.size() == 1);
    CHECK(progress.changes[0] == SupplementChange{"magnesium", day(2), false});
}

TEST_CASE("compute_progress: the logged night before the nights given decides the first change") {
    Night before;
    before.date = day(-30);
    before.supplements = {"magnesium"};
    SUBCASE("taken before, not on the first night: taken at the start, then stopped") {
        const Progress progress =
            compute_progress({night_at(0, 5)}, day(0), day(0), {"magnesium"}, before);
        CHECK(progress.taken_at_start == std::vector<std::string>{"magnesium"});
        CHECK(progress.start_night == day(-30));
        REQUIRE(progress.changes.size() == 1);
        CHECK(progress.changes[0] == SupplementChange{"magnesium", day(0), false});
    }
    SUBCASE("taken before and on the first night: no change") {
        const Progress progress = compute_progress({night_at(0, 5, {"magnesium"})}, day(0), day(0),
                                                   {"magnesium"}, before);
        CHECK(progress.changes.empty());
        CHECK(progress.taken_at_start == std::vector<std::string>{"magnesium"});
    }
    SUBCASE("stopped inside the lead-in: not taken at the start, and no change in the period") {
        // Day -3 is before the period (day 0) but inside the nights read for its first mean.
        const Progress progress = compute_progress({night_at(-3, 5), night_at(0, 5)}, day(0),
                                                   day(0), {"magnesium"}, before);
        CHECK(progress.taken_at_start.empty());
        CHECK(progress.start_night == day(-3));
        CHECK(progress.changes.empty());
    }
    SUBCASE("nothing logged in the period: the state of the night before it") {
        const Progress progress = compute_progress({}, day(0), day(1), {"magnesium"}, before);
        CHECK(progress.taken_at_start == std::vector<std::string>{"magnesium"});
        CHECK(progress.start_night == day(-30));
    }
}

TEST_CASE("compute_progress: changes before the period are not the period's") {
    // Started on day -3 (inside the moving mean's reading window, before the period).
    const std::vector<NightSummary> nights = {night_at(-4, 5), night_at(-3, 5, {"magnesium"}),
                                              night_at(0, 5, {"magnesium"}), night_at(1, 5)};
    const Progress progress = compute_progress(nights, day(0), day(1), {"magnesium"}, std::nullopt);
    REQUIRE(progress.changes.size() == 1);
    CHECK(progress.changes[0] == SupplementChange{"magnesium", day(1), false});
    // Taken on day -3, the last logged night before the period.
    CHECK(progress.taken_at_start == std::vector<std::string>{"magnesium"});
    CHECK(progress.start_night == day(-3));
}

TEST_CASE("compute_progress: a supplement stopped before the period was not taken at its start") {
    // The review's journal: magnesium on its first night (day -5) only, none after; the period
    // is days 0 to 4, so day -5 is inside the nights read for the first mean (from day -6).
    std::vector<NightSummary> nights = {night_at(-5, 5, {"magnesium"})};
    for (int n = -4; n <= 4; ++n)
        nights.push_back(night_at(n, 5));
    const Progress progress = compute_progress(nights, day(0), day(4), {"magnesium"}, std::nullopt);
    CHECK(progress.taken_at_start.empty());
    CHECK(progress.start_night == day(-1));
    CHECK(progress.changes.empty());
}

TEST_CASE("compute_progress: a journal begun inside the period starts from its first night") {
    // Nothing before day 2: what day 2 has was taken at the start, with no start of its own.
    const std::vector<NightSummary> nights = {night_at(2, 5, {"magnesium", "valerian"}),
                                              night_at(3, 5, {"magnesium"})};
    const Progress progress =
        compute_progress(nights, day(0), day(4), {"valerian", "magnesium"}, std::nullopt);
    // In the plan's order.
    CHECK(progress.taken_at_start == std::vector<std::string>{"valerian", "magnesium"});
    CHECK(progress.start_night == day(2));
    REQUIRE(progress.changes.size() == 1);
    CHECK(progress.changes[0] == SupplementChange{"valerian", day(3), false});
}

TEST_CASE("compute_progress: triggers by the number of nights, then by id") {
    const std::vector<NightSummary> nights = {
        night_at(-1, 5, {}, {"alcohol", "alcohol-before-period"}), // before: not counted
        night_at(0, 5, {}, {"stress", "caffeine"}),
        night_at(1, 5, {}, {"caffeine"}),
        night_at(2, 5, {}, {"alcohol"}),
        night_at(3, 5, {}, {"stress", "caffeine"}),
    };
    const Progress progress = compute_progress(nights, day(0), day(3), {}, std::nullopt);
    const std::vector<TriggerCount> expected = {{"caffeine", 3}, {"stress", 2}, {"alcohol", 1}};
    CHECK(progress.triggers == expected);
    CHECK(on(progress, 3).triggers == std::vector<std::string>{"caffeine", "stress"});
}

TEST_CASE("compute_progress: weeks run Monday to Sunday, cut to the period") {
    // journal_today() is a Friday: days 0..10 are Fri 20 March to Mon 30 March 2026.
    REQUIRE(weekday_of(day(0)) == std::chrono::Friday);
    std::vector<NightSummary> nights = {night_at(0, 2), night_at(1, 4), night_at(3, 6),
                                        night_at(4, std::nullopt), night_at(10, 1)};
    NightSummary done = night_at(5, 8);
    test::finished(done, "tonight");
    nights.insert(nights.begin() + 4, done);
    test::by_date(nights);
    const Progress progress = compute_progress(nights, day(0), day(10), {}, std::nullopt);
    REQUIRE(progress.weeks.size() == 3);
    // Friday to Sunday: 2 and 4 logged.
    CHECK(progress.weeks[0].from == day(0));
    CHECK(progress.weeks[0].to == day(2));
    CHECK(progress.weeks[0].nights == 3);
    CHECK(progress.weeks[0].logged == 2);
    CHECK(progress.weeks[0].severity.mean == doctest::Approx(3));
    // Monday 23 to Sunday 29: 6, logged without a severity, and 8 with the wind-down.
    CHECK(progress.weeks[1].from == day(3));
    CHECK(progress.weeks[1].to == day(9));
    CHECK(progress.weeks[1].nights == 7);
    CHECK(progress.weeks[1].logged == 3);
    CHECK(progress.weeks[1].severity.nights == 2);
    CHECK(progress.weeks[1].severity.mean == doctest::Approx(7));
    CHECK(progress.weeks[1].wind_down == 1);
    // Monday 30: one night.
    CHECK(progress.weeks[2].from == day(10));
    CHECK(progress.weeks[2].to == day(10));
    CHECK(progress.weeks[2].nights == 1);
    CHECK(progress.weeks[2].severity.mean == 1);
}
