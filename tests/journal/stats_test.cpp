// The statistics page's figures, from small hand-made journals whose answers are counted by
// hand in each case.

#include "journal/stats.h"

#include "journal/journal_builder.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::journal_today;
using calmlegs::test::night_back;

namespace {

/// The nights `backs` before today, each with the wind-down finished.
std::vector<NightSummary> wound_down(const std::vector<int>& backs) {
    std::vector<NightSummary> nights;
    for (int back : backs) {
        auto night = night_back(back);
        test::finished(night, std::string(k_wind_down_routine));
        nights.push_back(night);
    }
    test::by_date(nights);
    return nights;
}

/// A night `back` before today logged with `severity`.
NightSummary severity_night(int back, std::optional<int> severity) {
    auto night = night_back(back);
    test::logged(night, severity);
    return night;
}

Date back(int nights) {
    return add_days(journal_today(), -nights);
}

} // namespace

TEST_CASE("compute_stats of an empty journal") {
    const auto stats = compute_stats({}, journal_today());
    CHECK(stats.today == journal_today());
    CHECK_FALSE(stats.first_night);
    CHECK_FALSE(stats.today_done);
    CHECK(stats.current_streak == 0);
    CHECK(stats.longest_streak == 0);
    CHECK_FALSE(stats.longest_from);
    CHECK_FALSE(stats.longest_to);
    CHECK(stats.nights_tracked == 0);
    CHECK(stats.nights_done == 0);
    CHECK(stats.last30_tracked == 0);
    CHECK(stats.last30_done == 0);
    for (const Mean* mean : {&stats.severity_7, &stats.severity_30, &stats.severity_prev_30,
                             &stats.efficiency_30, &stats.efficiency_all, &stats.total_sleep_30})
        CHECK(mean->nights == 0);
}

TEST_CASE("compute_stats: a night missed breaks the streak") {
    // Done 10, 9, 8 nights ago; nothing 7 nights ago; done 6 to 1 nights ago; not yet today.
    const auto nights = wound_down({10, 9, 8, 6, 5, 4, 3, 2, 1});
    const auto stats = compute_stats(nights, journal_today());
    CHECK_FALSE(stats.today_done);
    CHECK(stats.current_streak == 6);
    CHECK(stats.longest_streak == 6);
    CHECK(stats.longest_from == back(6));
    CHECK(stats.longest_to == back(1));
    // From 10 nights ago to last night (tonight, not done yet, is no miss): 10 nights, 9 done.
    CHECK(stats.nights_tracked == 10);
    CHECK(stats.nights_done == 9);
    CHECK(stats.last30_tracked == 10);
    CHECK(stats.last30_done == 9);
}

TEST_CASE("compute_stats: a night logged but without the wind-down breaks it too") {
    auto nights = wound_down({5, 4, 2, 1});
    auto logged_only = severity_night(3, 4);
    // Another routine finished, and a wind-down run that was interrupted, count for nothing.
    test::finished(logged_only, "breathe-4-7-8");
    ++logged_only.runs;
    nights.push_back(logged_only);
    test::by_date(nights);
    const auto stats = compute_stats(nights, journal_today());
    CHECK(stats.current_streak == 2);
    CHECK(stats.longest_streak == 2);
    // Two runs of 2: the later one is the longest shown.
    CHECK(stats.longest_from == back(2));
    CHECK(stats.longest_to == back(1));
    CHECK(stats.nights_tracked == 5); // 5 nights ago to last night
    CHECK(stats.nights_done == 4);
}

TEST_CASE("compute_stats: the current streak ends tonight or last night, not before") {
    SUBCASE("tonight not done yet: the streak up to last night stands") {
        const auto stats = compute_stats(wound_down({3, 2, 1}), journal_today());
        CHECK_FALSE(stats.today_done);
        CHECK(stats.current_streak == 3);
    }
    SUBCASE("tonight done: it counts") {
        const auto stats = compute_stats(wound_down({3, 2, 1, 0}), journal_today());
        CHECK(stats.today_done);
        CHECK(stats.current_streak == 4);
        CHECK(stats.longest_to == journal_today());
    }
    SUBCASE("last night missed: no current streak, the longest remains") {
        const auto stats = compute_stats(wound_down({4, 3, 2}), journal_today());
        CHECK(stats.current_streak == 0);
        CHECK(stats.longest_streak == 3);
        CHECK(stats.longest_from == back(4));
        CHECK(stats.longest_to == back(2));
    }
    SUBCASE("only tonight") {
        const auto stats = compute_stats(wound_down({0}), journal_today());
        CHECK(stats.current_streak == 1);
        CHECK(stats.longest_streak == 1);
        CHECK(stats.longest_from == journal_today());
        CHECK(stats.nights_tracked == 1);
    }
}

TEST_CASE("compute_stats: nights after today are left out") {
    const auto stats = compute_stats(wound_down({2, 1, -1, -2}), journal_today());
    CHECK(stats.current_streak == 2);
    CHECK(stats.longest_streak == 2);
    CHECK(stats.nights_done == 2);
    CHECK(stats.nights_tracked == 2);
    // A journal holding only nights to come has nothing yet.
    const auto future = compute_stats(wound_down({-1}), journal_today());
    CHECK_FALSE(future.first_night);
    CHECK(future.nights_tracked == 0);
    CHECK(future.longest_streak == 0);
}

TEST_CASE("compute_stats: the last 30 nights, and tonight only once it is done") {
    // Wind-down done 29 nights ago (the 30th night counting today) and 30 nights ago (the
    // first night before them); the journal began 60 nights ago. Tonight's wind-down is not
    // done yet, so the completion rate's last 30 nights are the 30 before tonight: both count.
    auto nights = wound_down({30, 29});
    nights.push_back(severity_night(60, 10));
    nights.push_back(severity_night(59, 9));
    nights.push_back(severity_night(31, 8));
    nights.push_back(severity_night(7, 2));
    nights.push_back(severity_night(6, 4));
    nights.push_back(severity_night(0, 6));
    test::logged(nights[0], 7); // 30 nights ago
    test::logged(nights[1], 1); // 29 nights ago
    test::by_date(nights);
    const auto stats = compute_stats(nights, journal_today());
    CHECK(stats.first_night == back(60));
    CHECK(stats.nights_tracked == 60);
    CHECK(stats.nights_done == 2);
    CHECK(stats.last30_tracked == 30);
    CHECK(stats.last30_done == 2);
    SUBCASE("once tonight's is done, tonight is the 30th night and 30 nights ago drops out") {
        auto done = nights;
        test::finished(done.back(), std::string(k_wind_down_routine)); // the night of today
        const auto after = compute_stats(done, journal_today());
        CHECK(after.today_done);
        CHECK(after.nights_tracked == 61);
        CHECK(after.nights_done == 3);
        CHECK(after.last30_tracked == 30);
        CHECK(after.last30_done == 2); // tonight and 29 nights ago
    }
    // Last 7 (6 nights ago to today): 4 and 6.
    CHECK(stats.severity_7.nights == 2);
    CHECK(stats.severity_7.mean == doctest::Approx(5.0));
    // Last 30 (29 nights ago to today): 1, 2, 4, 6.
    CHECK(stats.severity_30.nights == 4);
    CHECK(stats.severity_30.mean == doctest::Approx(13.0 / 4));
    // The 30 before (59 to 30 nights ago): 9, 8, 7; 60 nights ago is in neither.
    CHECK(stats.severity_prev_30.nights == 3);
    CHECK(stats.severity_prev_30.mean == doctest::Approx(8.0));
}

TEST_CASE("compute_stats: a journal younger than 30 nights counts only its own nights") {
    std::vector<NightSummary> nights{severity_night(9, 3)};
    const auto stats = compute_stats(nights, journal_today());
    CHECK(stats.nights_tracked == 9); // tonight's wind-down is not done yet
    CHECK(stats.last30_tracked == 9);
    CHECK(stats.last30_done == 0);
    CHECK(stats.severity_prev_30.nights == 0);
}

TEST_CASE("compute_stats: severity means leave out nights logged without one") {
    std::vector<NightSummary> nights{severity_night(5, 8), severity_night(4, std::nullopt),
                                     severity_night(3, 0), severity_night(2, std::nullopt),
                                     severity_night(1, 5)};
    const auto stats = compute_stats(nights, journal_today());
    CHECK(stats.severity_7.nights == 3);
    CHECK(stats.severity_7.mean == doctest::Approx(13.0 / 3));
    CHECK(stats.severity_30.nights == 3);
    CHECK(stats.nights_tracked == 5);
}

TEST_CASE("compute_stats: sleep efficiency and total sleep where the diary allows it") {
    auto with_diary = [](int back, LocalTime into_bed, LocalTime final_wake, LocalTime out) {
        auto night = severity_night(back, 5);
        night.log->diary.into_bed = into_bed;
        night.log->diary.final_wake = final_wake;
        night.log->diary.out_of_bed = out;
        return night;
    };
    std::vector<NightSummary> nights{
        with_diary(40, {22, 0}, {4, 0}, {6, 0}), // 6 of 8 h: 0.75, 360 min
        with_diary(3, {23, 0}, {7, 0}, {7, 0}),  // 8 of 8 h: 1.0, 480 min
        with_diary(2, {0, 0}, {6, 0}, {8, 0}),   // 6 of 8 h: 0.75, 360 min
        severity_night(1, 4),                    // no diary
    };
    auto partial = severity_night(0, 4);
    partial.log->diary.into_bed = LocalTime{23, 0}; // not enough to count
    nights.push_back(partial);
    const auto stats = compute_stats(nights, journal_today());
    CHECK(stats.efficiency_30.nights == 2);
    CHECK(stats.efficiency_30.mean == doctest::Approx(0.875));
    CHECK(stats.efficiency_all.nights == 3);
    CHECK(stats.efficiency_all.mean == doctest::Approx((0.75 + 1 + 0.75) / 3));
    CHECK(stats.total_sleep_30.nights == 2);
    CHECK(stats.total_sleep_30.mean == doctest::Approx(420));
}
