// A trial's design and schedule (journal/trial.h): the orders a seed gives, the nights of the
// schedule, the bounds of a design, where a trial stands and whether a night kept to it.
// (The analysis is tested in trial_analysis_test.cpp.)

#include "journal/trial.h"

#include <doctest/doctest.h>

#include <array>
#include <cmath>

using namespace calmlegs;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TrialDesign design_from(Date start, int pairs = 3, int block = 7, int washout = 0,
                        std::uint64_t seed = 42) {
    TrialDesign design;
    design.subject = "magnesium";
    design.pairs = pairs;
    design.block = block;
    design.washout = washout;
    design.start = start;
    design.seed = seed;
    return design;
}

} // namespace

TEST_CASE("pair_orders: one bit of SplitMix64 per pair, the same for the same seed") {
    // SplitMix64's reference outputs from seed 0 are 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
    // 0x06c45d188009454f, 0xf88bb8a8724c81ec: their top bits are 1, 0, 0, 1.
    CHECK(pair_orders(0, 4) == std::vector<bool>{true, false, false, true});
    CHECK(pair_orders(0, 2) == std::vector<bool>{true, false}); // a prefix of the longer
    CHECK(pair_orders(42, 3) == pair_orders(42, 3));
    CHECK(pair_orders(42, 12).size() == 12);
    CHECK(pair_orders(42, 0).empty());

    bool another_differs = false;
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
        another_differs = another_differs || pair_orders(seed, 3) != pair_orders(0, 3);
    CHECK(another_differs);
}

TEST_CASE("pair_orders: a fair coin over seeds 0 to 9999") {
    constexpr int seeds = 10000;
    std::array<int, 3> on_first{};
    std::array<int, 8> patterns{};
    for (std::uint64_t seed = 0; seed < seeds; ++seed) {
        const std::vector<bool> orders = pair_orders(seed, 3);
        int pattern = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            on_first[i] += orders[i] ? 1 : 0;
            pattern = pattern * 2 + (orders[i] ? 1 : 0);
        }
        ++patterns[static_cast<std::size_t>(pattern)];
    }
    // A fair coin's share over 10000 seeds has a standard deviation of 0.005: 0.02 is 4 of them.
    for (int count : on_first) {
        INFO("ON first ", count, " of ", seeds);
        CHECK(std::abs(count / double(seeds) - 0.5) <= 0.02);
    }
    // Each of the 8 orders of 3 pairs about 1/8 of the time (standard deviation 0.0033).
    for (int count : patterns) {
        INFO("order seen ", count, " times of ", seeds);
        CHECK(std::abs(count / double(seeds) - 0.125) <= 0.02);
    }
}

TEST_CASE("trial_schedule: blocks, pairs, washout and one ON and one OFF block per pair") {
    const TrialDesign design = design_from(date(2026, 1, 5), 3, 7, 2, 42);
    const std::vector<TrialNight> nights = trial_schedule(design);
    REQUIRE(nights.size() == 42);
    CHECK(trial_length(design) == 42);
    CHECK(trial_end(design) == date(2026, 2, 15)); // 5 January + 41 nights
    const std::vector<bool> orders = pair_orders(42, 3);
    std::array<int, 3> on_blocks{}, off_blocks{};
    for (int i = 0; i < 42; ++i) {
        const TrialNight& night = nights[static_cast<std::size_t>(i)];
        INFO("night ", i);
        CHECK(night.index == i);
        CHECK(night.date == add_days(design.start, i));
        CHECK(night.block == i / 7);
        CHECK(night.pair == i / 14);
        CHECK(night.night_in_block == i % 7);
        CHECK(night.washout == (i % 7 < 2));
        const bool first_block = night.block % 2 == 0;
        CHECK(night.on ==
              (first_block ? orders[std::size_t(night.pair)] : !orders[std::size_t(night.pair)]));
        if (night.night_in_block == 0)
            ++(night.on ? on_blocks : off_blocks)[std::size_t(night.pair)];
        CHECK(trial_night(design, night.date) == night);
    }
    CHECK(on_blocks == std::array<int, 3>{1, 1, 1});
    CHECK(off_blocks == std::array<int, 3>{1, 1, 1});
    CHECK(trial_schedule(design) == nights); // the same design, the same schedule

    // Seed 0 gives ON-first, OFF-first, OFF-first (pair_orders above).
    const std::vector<TrialNight> zero = trial_schedule(design_from(date(2026, 1, 5), 3, 7, 0, 0));
    CHECK(zero[0].on);
    CHECK_FALSE(zero[7].on);
    CHECK_FALSE(zero[14].on);
    CHECK(zero[21].on);
    CHECK_FALSE(zero[28].on);
    CHECK(zero[35].on);
    CHECK_FALSE(zero[35].washout);
}

TEST_CASE("trial_night: nothing outside the trial") {
    const TrialDesign design = design_from(date(2026, 1, 5));
    CHECK_FALSE(trial_night(design, date(2026, 1, 4)));
    CHECK(trial_night(design, date(2026, 1, 5))->index == 0);
    CHECK(trial_night(design, date(2026, 2, 15))->index == 41);
    CHECK_FALSE(trial_night(design, date(2026, 2, 16)));
    CHECK_FALSE(trial_night(design, date(2025, 1, 5)));
}

TEST_CASE("trial_schedule: civil dates run on across a month end, a year end, a leap day and "
          "daylight-saving changes") {
    // 1 March 2026 to 11 April 2026: the US change (8 March), the EU change (29 March) and the
    // end of March. 20 December 2026 to 30 January 2027: the end of the year. 2028: 29 February.
    for (const Date start : {date(2026, 3, 1), date(2026, 12, 20), date(2028, 2, 10)}) {
        const std::vector<TrialNight> nights = trial_schedule(design_from(start));
        REQUIRE(nights.size() == 42);
        for (std::size_t i = 1; i < nights.size(); ++i) {
            INFO(format_date(nights[i].date));
            CHECK(days_between(nights[i - 1].date, nights[i].date) == 1);
        }
    }
    const TrialDesign spring = design_from(date(2026, 3, 1));
    CHECK(trial_night(spring, date(2026, 3, 8))->index == 7);
    CHECK(trial_night(spring, date(2026, 3, 29))->index == 28);
    CHECK(trial_night(spring, date(2026, 4, 1))->index == 31);
    CHECK(trial_end(spring) == date(2026, 4, 11));
    const TrialDesign winter = design_from(date(2026, 12, 20));
    CHECK(trial_night(winter, date(2026, 12, 31))->index == 11);
    CHECK(trial_night(winter, date(2027, 1, 1))->index == 12);
    CHECK(trial_end(winter) == date(2027, 1, 30));
    const TrialDesign leap = design_from(date(2028, 2, 10));
    CHECK(trial_night(leap, date(2028, 2, 29))->index == 19);
    CHECK(trial_night(leap, date(2028, 3, 1))->index == 20);
}

TEST_CASE("design_problem: each bound") {
    const Date start = date(2026, 1, 5);
    CHECK(design_problem(design_from(start)) == "");
    CHECK(design_problem(design_from(start, 2, 5, 2)) == "");    // the smallest design
    CHECK(design_problem(design_from(start, 12, 28, 25)) == ""); // the largest
    CHECK(design_problem(design_from(start, 1)).find("not 1") != std::string::npos);
    CHECK(design_problem(design_from(start, 13)).find("not 13") != std::string::npos);
    CHECK(design_problem(design_from(start, 3, 4)).find("not 4") != std::string::npos);
    CHECK(design_problem(design_from(start, 3, 29)).find("not 29") != std::string::npos);
    // A 7-night block keeps 3 nights after a washout of at most 4.
    CHECK(design_problem(design_from(start, 3, 7, 4)) == "");
    CHECK(design_problem(design_from(start, 3, 7, 5)).find("0 to 4") != std::string::npos);
    CHECK(design_problem(design_from(start, 3, 7, -1)) != "");
    CHECK(design_problem(design_from(start, 3, 7, 0, k_trial_max_seed)) == "");
    CHECK(design_problem(design_from(start, 3, 7, 0, k_trial_max_seed + 1)) != "");
    CHECK(pairs_for_significance() == 6); // 2/32 = 0.0625, 2/64 = 0.03125
}

TEST_CASE("trial_state and trial_pending: planned, running, finished, stopped") {
    Trial trial;
    trial.design = design_from(date(2026, 1, 5));
    CHECK(trial_state(trial, date(2026, 1, 4)) == TrialState::planned);
    CHECK(trial_state(trial, date(2026, 1, 5)) == TrialState::running);
    CHECK(trial_state(trial, date(2026, 2, 15)) == TrialState::running); // its last night
    CHECK(trial_state(trial, date(2026, 2, 16)) == TrialState::finished);
    CHECK(trial_pending(trial, date(2026, 1, 4)));
    CHECK(trial_pending(trial, date(2026, 2, 15)));
    CHECK_FALSE(trial_pending(trial, date(2026, 2, 16)));
    trial.stopped = date(2026, 1, 20);
    CHECK(trial_state(trial, date(2026, 1, 20)) == TrialState::stopped);
    CHECK_FALSE(trial_pending(trial, date(2026, 1, 20)));
    CHECK(to_string(TrialState::stopped) == "stopped");
    CHECK(trial_subject_named("routine") == TrialSubject::routine);
    CHECK(to_string(TrialSubject::supplement) == "supplement");
    CHECK_FALSE(trial_subject_named("herb"));
}

TEST_CASE("took_subject: the supplement in the log, or the routine finished") {
    TrialDesign supplement = design_from(date(2026, 1, 5));
    NightSummary night;
    night.date = date(2026, 1, 5);
    CHECK_FALSE(took_subject(supplement, night)); // no log: not known
    night.log.emplace();
    CHECK(took_subject(supplement, night) == false);
    night.log->supplements = {"iron", "magnesium"};
    CHECK(took_subject(supplement, night) == true);

    TrialDesign routine = supplement;
    routine.kind = TrialSubject::routine;
    routine.subject = "tonight";
    NightSummary bare;
    bare.date = night.date;
    CHECK(took_subject(routine, bare) == false); // a routine night is always known
    bare.finished = {"tonight"};
    CHECK(took_subject(routine, bare) == true);
}
