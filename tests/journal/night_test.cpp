// The night model's own arithmetic: the sleep diary's figures, the run outcomes' words, and
// which routines a night's summary counts as done.

#include "journal/night.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

SleepDiary diary(LocalTime into_bed, LocalTime final_wake, LocalTime out_of_bed,
                 std::optional<int> to_sleep = {}, std::optional<int> awake = {}) {
    SleepDiary d;
    d.into_bed = into_bed;
    d.final_wake = final_wake;
    d.out_of_bed = out_of_bed;
    d.minutes_to_sleep = to_sleep;
    d.minutes_awake = awake;
    return d;
}

} // namespace

TEST_CASE("sleep_figures: time in bed, total sleep and efficiency across midnight") {
    // 23:00 to 07:00 is 8 h in bed; 23:00 to the final wake at 06:30 is 7 h 30, less 20
    // minutes to fall asleep and 30 awake: 6 h 40 asleep, 400 of 480 minutes.
    const auto figures = sleep_figures(diary({23, 0}, {6, 30}, {7, 0}, 20, 30));
    REQUIRE(figures);
    CHECK(figures->time_in_bed == 480);
    CHECK(figures->total_sleep == 400);
    CHECK(figures->efficiency == doctest::Approx(400.0 / 480.0));
}

TEST_CASE("sleep_figures: missing minutes count as 0, and a bedtime after midnight") {
    const auto whole = sleep_figures(diary({22, 0}, {6, 0}, {6, 0}));
    REQUIRE(whole);
    CHECK(whole->time_in_bed == 480);
    CHECK(whole->total_sleep == 480);
    CHECK(whole->efficiency == doctest::Approx(1.0));
    // 00:30 to 08:00 is 7 h 30 in bed; asleep 00:30 to 07:30 less 15 minutes.
    const auto late = sleep_figures(diary({0, 30}, {7, 30}, {8, 0}, 15));
    REQUIRE(late);
    CHECK(late->time_in_bed == 450);
    CHECK(late->total_sleep == 405);
    // In bed from 13:00 to 15:00 (a nap logged as the night) is still 2 hours.
    CHECK(sleep_figures(diary({13, 0}, {14, 30}, {15, 0}))->time_in_bed == 120);
}

TEST_CASE("sleep_figures: nothing when the times are missing or do not add up") {
    SleepDiary partial = diary({23, 0}, {6, 30}, {7, 0});
    partial.into_bed.reset();
    CHECK_FALSE(sleep_figures(partial));
    partial = diary({23, 0}, {6, 30}, {7, 0});
    partial.final_wake.reset();
    CHECK_FALSE(sleep_figures(partial));
    partial = diary({23, 0}, {6, 30}, {7, 0});
    partial.out_of_bed.reset();
    CHECK_FALSE(sleep_figures(partial));
    CHECK_FALSE(sleep_figures(SleepDiary{}));
    // 30 minutes from bed to the final wake, 40 of them falling asleep: less than no sleep.
    CHECK_FALSE(sleep_figures(diary({23, 0}, {23, 30}, {7, 0}, 40)));
    CHECK_FALSE(sleep_figures(diary({23, 0}, {6, 0}, {7, 0}, 200, 300)));
    // The final wake after getting up (06:30 out of bed, 07:00 final wake): more than 24 h.
    CHECK_FALSE(sleep_figures(diary({23, 0}, {7, 0}, {6, 30})));
    // No time in bed at all.
    CHECK_FALSE(sleep_figures(diary({23, 0}, {23, 0}, {23, 0})));
    CHECK_FALSE(sleep_figures(diary({23, 0}, {6, 30}, {7, 0}, -5)));
    // Exactly 24 hours in bed is the most there can be.
    const auto day = sleep_figures(diary({23, 0}, {7, 0}, {23, 0}));
    REQUIRE(day);
    CHECK(day->time_in_bed == 24 * 60);
    CHECK(day->total_sleep == 8 * 60);
}

TEST_CASE("RunOutcome names and their words") {
    CHECK(to_string(RunOutcome::finished) == "finished");
    CHECK(to_string(RunOutcome::quit) == "quit");
    CHECK(to_string(RunOutcome::interrupted) == "interrupted");
    for (auto outcome : {RunOutcome::finished, RunOutcome::quit, RunOutcome::interrupted})
        CHECK(run_outcome_named(to_string(outcome)) == outcome);
    CHECK_FALSE(run_outcome_named("Finished"));
    CHECK_FALSE(run_outcome_named(""));
    CHECK_FALSE(run_outcome_named("killed"));
}

TEST_CASE("NightSummary::did is true only for routines finished that night") {
    NightSummary night;
    night.finished = {"breathe-4-7-8", "tonight"};
    night.runs = 3;
    CHECK(night.did("tonight"));
    CHECK(night.did("breathe-4-7-8"));
    CHECK_FALSE(night.did("stretch"));
    CHECK_FALSE(night.did("tonigh"));
    CHECK_FALSE(NightSummary{}.did("tonight"));
}

TEST_CASE("counts_as_done: finished with at least half the steps done, not skipped through") {
    RoutineRun run;
    run.steps_total = 10;
    run.steps_done = 5;
    run.steps_skipped = 5;
    CHECK(counts_as_done(run));
    run.steps_done = 4;
    run.steps_skipped = 6;
    CHECK_FALSE(counts_as_done(run));
    run.steps_done = 10;
    run.steps_skipped = 0;
    run.outcome = RunOutcome::quit;
    CHECK_FALSE(counts_as_done(run));
    run.outcome = RunOutcome::interrupted;
    CHECK_FALSE(counts_as_done(run));
}
