// analyse_trial (journal/trial.h), against figures worked out by hand and an independent
// computation in the test: block means, pair differences, the t-interval over pairs, the exact
// randomisation test over every sign vector, washout, missing nights, adherence, stopped and
// planned trials, the trend and the pairs a crossing interval might need.

#include "journal/trial.h"

#include "journal/journal_builder.h"
#include "journal/t_interval.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>

using namespace calmlegs;

namespace {

/// t_{0.975} for 1, 2, 10 and 11 degrees of freedom, from printed tables.
constexpr double k_t_1 = 12.706204736174698;
constexpr double k_t_2 = 4.302652729911275;
constexpr double k_t_10 = 2.228138851986274;
constexpr double k_t_11 = 2.200985160082949;

Date start_date() {
    return Date{std::chrono::year{2026}, std::chrono::month{1}, std::chrono::day{5}};
}

/// A trial of magnesium from 5 January 2026. Seed 0 orders its pairs ON-first, OFF-first,
/// OFF-first, ON-first (SplitMix64's first outputs; see trial_test.cpp).
Trial trial_of(int pairs, int block, int washout, TrialSubject kind = TrialSubject::supplement) {
    Trial trial;
    trial.id = 1;
    trial.design.kind = kind;
    trial.design.subject = kind == TrialSubject::routine ? "tonight" : "magnesium";
    trial.design.pairs = pairs;
    trial.design.block = block;
    trial.design.washout = washout;
    trial.design.start = start_date();
    trial.design.seed = 0;
    return trial;
}

Date night_date(int index) {
    return add_days(start_date(), index);
}

/// A journal of the trial's nights that `severity` gives a value for (-1: logged without a
/// severity; nullopt: not logged), with magnesium taken on ON nights (the schedule kept).
std::vector<NightSummary>
journal_of(const Trial& trial,
           const std::function<std::optional<int>(const TrialNight&)>& severity) {
    std::vector<NightSummary> nights;
    for (const TrialNight& night : trial_schedule(trial.design)) {
        const std::optional<int> value = severity(night);
        if (value == std::nullopt) continue;
        NightSummary summary;
        summary.date = night.date;
        test::logged(summary, *value < 0 ? std::nullopt : value);
        if (night.on) summary.log->supplements = {"magnesium"};
        nights.push_back(summary);
    }
    return nights;
}

/// Severities of the analysed nights (after a 2-night washout) of each pair's ON and OFF
/// block: ON about 2 points lower, with noise. Block means: ON 3, 3.2, 3; OFF 5, 5.4, 4.4.
constexpr int k_on[3][5] = {{3, 4, 3, 2, 3}, {4, 3, 3, 3, 3}, {2, 3, 3, 4, 3}};
constexpr int k_off[3][5] = {{5, 5, 6, 5, 4}, {5, 6, 5, 5, 6}, {4, 5, 4, 5, 4}};

/// Each night's severity in the 3-pair, 7-night trial with a 2-night washout. Washout nights
/// are extreme when `extreme_washout` (10 on ON nights, 0 on OFF nights), else unrated.
std::optional<int> main_severity(const TrialNight& night, bool extreme_washout) {
    if (night.washout) return extreme_washout ? (night.on ? 10 : 0) : std::optional<int>(-1);
    const auto pair = static_cast<std::size_t>(night.pair);
    const auto at = static_cast<std::size_t>(night.night_in_block - 2);
    return night.on ? k_on[pair][at] : k_off[pair][at];
}

/// The exact randomisation p, by its own loop: every sign vector of `d`, and the share whose
/// |mean| is at least the observed |mean|.
double enumerated_p(const std::vector<double>& d) {
    const int n = static_cast<int>(d.size());
    double observed = 0;
    for (double x : d)
        observed += x;
    observed = std::abs(observed / n);
    int count = 0, total = 0;
    for (int signs = 0; signs < (1 << n); ++signs) {
        double sum = 0;
        for (int i = 0; i < n; ++i)
            sum += (signs & (1 << i)) ? -d[std::size_t(i)] : d[std::size_t(i)];
        ++total;
        if (std::abs(sum / n) >= observed - 1e-9) ++count;
    }
    return static_cast<double>(count) / total;
}

double mean_of(const std::vector<double>& values) {
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / static_cast<double>(values.size());
}

double sd_of(const std::vector<double>& values) {
    const double mean = mean_of(values);
    double squares = 0;
    for (double v : values)
        squares += (v - mean) * (v - mean);
    return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

} // namespace

TEST_CASE("analyse_trial: 3 pairs of 7 nights, ON 2 points lower, against a computation by hand") {
    const Trial trial = trial_of(3, 7, 2);
    const auto nights =
        journal_of(trial, [](const TrialNight& night) { return main_severity(night, true); });
    const Date tonight = night_date(42); // the night after the last
    const TrialResult result = analyse_trial(trial, nights, tonight);

    CHECK(result.state == TrialState::finished);
    CHECK(result.nights == 42);
    CHECK(result.elapsed == 42);
    CHECK(result.logged == 42);
    CHECK(result.missing == 0);
    CHECK(result.washout_left_out == 12); // 2 of each of the 6 blocks
    CHECK(result.incomplete_pairs.empty());

    REQUIRE(result.blocks.size() == 6);
    // Seed 0: pair 0 ON first, pairs 1 and 2 OFF first.
    const bool on[6] = {true, false, false, true, false, true};
    const double means[6] = {3, 5, 5.4, 3.2, 4.4, 3};
    for (std::size_t b = 0; b < 6; ++b) {
        INFO("block ", b);
        const TrialBlock& block = result.blocks[b];
        CHECK(block.block == int(b));
        CHECK(block.pair == int(b) / 2);
        CHECK(block.on == on[b]);
        CHECK(block.first == night_date(int(b) * 7));
        CHECK(block.last == night_date(int(b) * 7 + 6));
        CHECK(block.nights == 7);
        CHECK(block.analysable == 5);
        CHECK(block.severity_nights == 5);
        REQUIRE(block.severity_mean);
        CHECK(*block.severity_mean == doctest::Approx(means[b]));
        CHECK(block.sleep_nights == 0);
        CHECK_FALSE(block.sleep_mean);
    }

    const TrialEffect& e = result.severity;
    CHECK(e.on_nights == 15);
    CHECK(e.off_nights == 15);
    CHECK(*e.on_mean == doctest::Approx((15 + 16 + 15) / 15.0));
    CHECK(*e.off_mean == doctest::Approx((25 + 27 + 22) / 15.0));
    const std::vector<double> d = {3 - 5.0, 3.2 - 5.4, 3 - 4.4};
    REQUIRE(e.pair_differences.size() == 3);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(*e.pair_differences[i] == doctest::Approx(d[i]));
    CHECK(e.pairs_used == 3);
    CHECK(*e.effect == doctest::Approx(-5.6 / 3));
    // Deviations from -1.8667: -0.1333, -0.3333, 0.4667; their squares add to 0.34667.
    CHECK(e.sd == doctest::Approx(std::sqrt(0.346666666666667 / 2)));
    CHECK(e.sd == doctest::Approx(sd_of(d)));
    const double half = k_t_2 * sd_of(d) / std::sqrt(3.0);
    CHECK(*e.low == doctest::Approx(mean_of(d) - half));
    CHECK(*e.high == doctest::Approx(mean_of(d) + half));
    CHECK(*e.low == doctest::Approx(-2.9009).epsilon(1e-4)); // -1.86667 -/+ 1.03423
    CHECK(*e.high == doctest::Approx(-0.8324).epsilon(1e-4));
    CHECK(*e.low < -2);
    CHECK(*e.high > -2);
    CHECK(*e.low < *e.effect);
    CHECK(*e.effect < *e.high);
    // All three differences are negative: only the all-minus and all-plus sign vectors are
    // as extreme, 2 of 8.
    CHECK(e.orders == 8);
    CHECK(*e.p_value == doctest::Approx(enumerated_p(d)));
    CHECK(*e.p_value == doctest::Approx(0.25));
    CHECK(*e.min_p == doctest::Approx(0.25));
    CHECK_FALSE(e.pairs_needed); // the interval is clear of 0

    CHECK(result.sleep.pairs_used == 0);
    CHECK_FALSE(result.sleep.effect);
    CHECK_FALSE(result.sleep.p_value);
    CHECK(result.sleep.orders == 0);
    CHECK(result.adherence.on_known == 21);
    CHECK(result.adherence.on_kept == 21);
    CHECK(result.adherence.off_known == 21);
    CHECK(result.adherence.off_kept == 21);
}

TEST_CASE("analyse_trial: washout nights do not move the result") {
    const Trial trial = trial_of(3, 7, 2);
    const Date tonight = night_date(42);
    const TrialResult extreme = analyse_trial(
        trial, journal_of(trial, [](const TrialNight& n) { return main_severity(n, true); }),
        tonight);
    const TrialResult unrated = analyse_trial(
        trial, journal_of(trial, [](const TrialNight& n) { return main_severity(n, false); }),
        tonight);
    CHECK(*extreme.severity.effect == doctest::Approx(*unrated.severity.effect));
    CHECK(*extreme.severity.on_mean == doctest::Approx(*unrated.severity.on_mean));
    CHECK(*extreme.severity.off_mean == doctest::Approx(*unrated.severity.off_mean));
    CHECK(*extreme.severity.low == doctest::Approx(*unrated.severity.low));
    CHECK(*extreme.trend == doctest::Approx(*unrated.trend));
    CHECK(unrated.incomplete_pairs.empty()); // washout nights are not missing from the analysis
    CHECK(unrated.washout_left_out == 12);
}

TEST_CASE("analyse_trial: differences of mixed sign, an interval across 0 and the pairs needed") {
    const Trial trial = trial_of(3, 7, 0);
    // Constant blocks: ON 2, 6, 3 against OFF 5 in pairs 0, 1, 2: differences -3, +1, -2.
    const auto nights = journal_of(trial, [](const TrialNight& night) -> std::optional<int> {
        const int on[3] = {2, 6, 3};
        return night.on ? on[night.pair] : 5;
    });
    const TrialResult result = analyse_trial(trial, nights, night_date(42));
    const TrialEffect& e = result.severity;
    const std::vector<double> d = {-3, 1, -2};
    CHECK(*e.effect == doctest::Approx(-4.0 / 3));
    CHECK(e.sd == doctest::Approx(std::sqrt(13.0 / 3))); // squares 25/9 + 49/9 + 4/9 = 78/9
    const double half = k_t_2 * std::sqrt(13.0 / 3) / std::sqrt(3.0);
    CHECK(*e.low == doctest::Approx(-4.0 / 3 - half));
    CHECK(*e.high == doctest::Approx(-4.0 / 3 + half));
    CHECK(*e.low < 0);
    CHECK(*e.high > 0);
    // |±3 ±1 ±2| >= 4 for (3, 1, 2), (3, -1, 2) and their negatives: 4 of 8.
    CHECK(*e.p_value == doctest::Approx(enumerated_p(d)));
    CHECK(*e.p_value == doctest::Approx(0.5));
    CHECK(*e.min_p == doctest::Approx(0.25));

    // With sd 2.0817 and effect 1.3333: 11 pairs give a half-width of 2.2281 * 2.0817 / 3.3166
    // = 1.3985 (too wide), 12 pairs 2.2010 * 2.0817 / 3.4641 = 1.3227 (narrow enough), and
    // 2 / 2^12 < 0.05.
    REQUIRE(e.pairs_needed);
    CHECK(*e.pairs_needed == 12);
    CHECK(k_t_11 * e.sd / std::sqrt(12.0) < std::abs(*e.effect));
    CHECK(k_t_10 * e.sd / std::sqrt(11.0) >= std::abs(*e.effect));
    const int m = *e.pairs_needed;
    const auto fits = [&](int pairs) {
        return student_t_quantile(0.975, pairs - 1) * e.sd / std::sqrt(pairs) <
                   std::abs(*e.effect) &&
               2.0 / std::pow(2.0, pairs) < 0.05;
    };
    CHECK(fits(m));
    CHECK_FALSE(fits(m - 1));
}

TEST_CASE("analyse_trial: sign vectors as extreme as the observed one count, despite rounding") {
    // 5-night blocks, no washout. Block sums ON 10, 17, 15 and OFF 33, 26, 6 give means 2, 3.4,
    // 3 and 6.6, 5.2, 1.2: differences -4.6, -1.8, +1.8. Of the 8 sign vectors, |sum| is 8.2
    // twice, 4.6 four times (the observed one among them) and 1.0 twice: p = 6 / 8. In
    // floating point 3.4 - 5.2 and 3 - 1.2 are not exact opposites.
    const Trial trial = trial_of(3, 5, 0);
    const auto nights = journal_of(trial, [](const TrialNight& night) -> std::optional<int> {
        // By block (seed 0: ON, OFF, OFF, ON, OFF, ON), night by night.
        const int severities[6][5] = {{2, 2, 2, 2, 2}, {7, 7, 7, 6, 6}, {5, 5, 5, 5, 6},
                                      {3, 3, 3, 4, 4}, {1, 1, 1, 1, 2}, {3, 3, 3, 3, 3}};
        return severities[night.block][night.night_in_block];
    });
    const TrialEffect e = analyse_trial(trial, nights, night_date(30)).severity;
    CHECK(*e.pair_differences[0] == doctest::Approx(-4.6));
    CHECK(*e.pair_differences[1] == doctest::Approx(-1.8));
    CHECK(*e.pair_differences[2] == doctest::Approx(1.8));
    CHECK(*e.p_value == doctest::Approx(0.75));
    CHECK(*e.p_value == doctest::Approx(enumerated_p({-4.6, -1.8, 1.8})));
}

TEST_CASE("analyse_trial: sleep quality, and no interval when every pair gives the same") {
    const Trial trial = trial_of(3, 7, 0);
    auto nights = journal_of(trial, [](const TrialNight&) { return 5; });
    for (NightSummary& night : nights)
        night.log->sleep = trial_night(trial.design, night.date)->on ? 4 : 3;
    const TrialResult result = analyse_trial(trial, nights, night_date(42));
    CHECK(*result.sleep.on_mean == doctest::Approx(4));
    CHECK(*result.sleep.off_mean == doctest::Approx(3));
    CHECK(result.sleep.on_nights == 21);
    CHECK(*result.sleep.effect == doctest::Approx(1));
    CHECK(result.sleep.sd == 0);
    CHECK_FALSE(result.sleep.low);
    CHECK_FALSE(result.sleep.high);
    CHECK(*result.sleep.p_value == doctest::Approx(0.25));
    CHECK_FALSE(result.sleep.pairs_needed);
    CHECK(*result.blocks[0].sleep_mean == doctest::Approx(4));
    CHECK(result.blocks[0].sleep_nights == 7);
    // No difference in severity at all: an effect of 0, every sign vector as extreme.
    CHECK(*result.severity.effect == doctest::Approx(0));
    CHECK(*result.severity.p_value == doctest::Approx(1));
    CHECK_FALSE(result.severity.pairs_needed);
}

TEST_CASE("analyse_trial: missing nights, and a pair with a whole block missing not used") {
    const Trial trial = trial_of(3, 7, 2);
    const Date tonight = night_date(42);
    auto nights =
        journal_of(trial, [](const TrialNight& night) { return main_severity(night, true); });

    SUBCASE("a night without a severity and a night without a log: incomplete pairs") {
        nights[17].log->severity.reset(); // night 17: pair 1's first block (OFF), analysed
        nights.erase(nights.begin() + 3); // night 3: pair 0, analysed
        const TrialResult result = analyse_trial(trial, nights, tonight);
        CHECK(result.logged == 41);
        CHECK(result.missing == 1);
        CHECK(result.incomplete_pairs == std::vector<int>{0, 1});
        CHECK(result.severity.pairs_used == 3);
        CHECK(result.blocks[0].analysable == 5);
        CHECK(result.blocks[0].severity_nights == 4);
        CHECK(result.blocks[2].severity_nights == 4);
        CHECK(result.blocks[3].severity_nights == 5);
        CHECK(result.severity.on_nights == 14);
        CHECK(result.severity.off_nights == 14);
        // Block 0 without night 3 (its second analysed night, 4): (3 + 3 + 2 + 3) / 4.
        CHECK(*result.blocks[0].severity_mean == doctest::Approx(11.0 / 4));
    }
    SUBCASE("pair 2's OFF block (nights 28 to 34) not logged at all") {
        nights.erase(nights.begin() + 28, nights.begin() + 35);
        const TrialResult result = analyse_trial(trial, nights, tonight);
        CHECK(result.missing == 7);
        CHECK(result.incomplete_pairs == std::vector<int>{2});
        CHECK(result.blocks[4].analysable == 5);
        CHECK(result.blocks[4].severity_nights == 0);
        CHECK_FALSE(result.blocks[4].severity_mean);
        const TrialEffect& e = result.severity;
        CHECK_FALSE(e.pair_differences[2]);
        CHECK(e.pairs_used == 2);
        CHECK(e.orders == 4);
        CHECK(*e.min_p == doctest::Approx(0.5));
        CHECK(*e.p_value == doctest::Approx(0.5)); // -2 and -2.2: 2 of 4 sign vectors
        CHECK(e.off_nights == 10);
        CHECK(*e.effect == doctest::Approx(-2.1));
        CHECK(e.sd == doctest::Approx(std::sqrt(0.02)));
        // -2.1 -/+ 12.7062 * 0.14142 / 1.41421 = 1.27062
        CHECK(*e.low == doctest::Approx(-2.1 - k_t_1 * std::sqrt(0.02) / std::sqrt(2.0)));
        CHECK(*e.high == doctest::Approx(-0.82938).epsilon(1e-4));
    }
}

TEST_CASE("analyse_trial: adherence on ON and OFF nights, and nights not known") {
    // 2 pairs of 5 nights, washout 1, seed 0: ON nights 0-4 and 15-19, OFF nights 5-14.
    const Trial trial = trial_of(2, 5, 1);
    std::vector<NightSummary> nights;
    const auto add = [&](int index, bool took) {
        NightSummary night;
        night.date = night_date(index);
        test::logged(night, 5);
        if (took)
            night.log->supplements = {"magnesium", "vitamin-d"};
        else
            night.log->supplements = {"vitamin-d"};
        nights.push_back(night);
    };
    for (int i : {0, 1, 2, 3, 15, 16})
        add(i, true); // ON, taken (0 and 15: washout, counted)
    for (int i : {4, 17})
        add(i, false); // ON, not taken
    for (int i : {5, 6, 7, 8, 10, 11, 12})
        add(i, false); // OFF, not taken
    add(9, true);      // OFF, taken
    NightSummary ran;  // night 18: a run, but no log
    ran.date = night_date(18);
    test::finished(ran, "tonight");
    nights.push_back(ran);
    NightSummary before; // before the trial: left out
    before.date = night_date(-1);
    test::logged(before, 9);
    before.log->supplements = {"magnesium"};
    nights.push_back(before);
    // Nights 13, 14 (OFF) and 18, 19 (ON) have no log: not known.

    const TrialResult result = analyse_trial(trial, nights, night_date(20));
    CHECK(result.adherence.on_known == 8);
    CHECK(result.adherence.on_kept == 6);
    CHECK(*result.adherence.on_rate() == doctest::Approx(0.75));
    CHECK(result.adherence.off_known == 8);
    CHECK(result.adherence.off_kept == 7);
    CHECK(*result.adherence.off_rate() == doctest::Approx(0.875));
    CHECK(result.elapsed == 20);
    CHECK(result.logged == 16);
    CHECK(result.missing == 4);
    CHECK(result.washout_left_out == 4); // nights 0, 5, 10, 15
    CHECK(result.incomplete_pairs == std::vector<int>{1});
}

TEST_CASE("analyse_trial: a routine trial's adherence from the runs finished") {
    // The wind-down ("tonight") against none; 2 pairs of 5, seed 0: ON 0-4 and 15-19.
    const Trial trial = trial_of(2, 5, 0, TrialSubject::routine);
    std::vector<NightSummary> nights;
    for (int i : {0, 1, 2, 5}) {
        NightSummary night;
        night.date = night_date(i);
        test::finished(night, "tonight");
        nights.push_back(night);
    }
    NightSummary other; // another routine finished on ON night 16 is not the wind-down
    other.date = night_date(16);
    test::finished(other, "breathe-4-7-8");
    nights.push_back(other);

    const TrialResult result = analyse_trial(trial, nights, night_date(20));
    // Every night is known: a night with no run is a night without the routine.
    CHECK(result.adherence.on_known == 10);
    CHECK(result.adherence.on_kept == 3);
    CHECK(result.adherence.off_known == 10);
    CHECK(result.adherence.off_kept == 9);
    CHECK(result.logged == 0);
    CHECK(result.missing == 20);
    CHECK(result.incomplete_pairs == std::vector<int>{0, 1});
    CHECK_FALSE(result.severity.effect);
}

TEST_CASE("analyse_trial: stopped, running and planned trials, and tonight not yet over") {
    Trial trial = trial_of(3, 7, 2);
    const auto nights =
        journal_of(trial, [](const TrialNight& night) { return main_severity(night, true); });

    SUBCASE("running: nights before tonight only, logs still to come ignored") {
        auto unrated = nights;
        unrated[9].log->severity.reset(); // tonight (night 9) logged without its rating yet
        const TrialResult result = analyse_trial(trial, unrated, night_date(9));
        CHECK(result.state == TrialState::running);
        CHECK(result.elapsed == 9);
        CHECK(result.logged == 9);
        CHECK(result.washout_left_out == 4); // nights 0, 1, 7, 8
        CHECK(result.blocks[1].analysable == 0);
        CHECK(result.blocks[2].analysable == 0);
        CHECK(result.severity.pairs_used == 0);
        CHECK(result.adherence.on_known == 7);
        CHECK(result.adherence.off_known == 2);
    }
    SUBCASE("tonight rated in the morning: over, though noon has not come") {
        const TrialResult result = analyse_trial(trial, nights, night_date(9));
        CHECK(result.state == TrialState::running);
        CHECK(result.elapsed == 10);
        CHECK(result.blocks[1].analysable == 1); // night 9
        // The last night rated: finished.
        const TrialResult last = analyse_trial(trial, nights, night_date(41));
        CHECK(last.state == TrialState::finished);
        CHECK(last.elapsed == 42);
        CHECK(last.severity.pairs_used == 3);
        // Not rated: still running, its last night to come.
        auto unrated = nights;
        unrated[41].log->severity.reset();
        CHECK(analyse_trial(trial, unrated, night_date(41)).state == TrialState::running);
    }
    SUBCASE("stopped on night 10: the nights before it, whatever tonight is") {
        trial.stopped = night_date(10);
        const TrialResult result = analyse_trial(trial, nights, night_date(30));
        CHECK(result.state == TrialState::stopped);
        CHECK(result.elapsed == 10);
        CHECK(result.logged == 10);
        CHECK(result.blocks[1].analysable == 1); // night 9 (7 and 8 are washout)
        const TrialEffect& e = result.severity;
        CHECK(e.pairs_used == 1);
        CHECK(*e.pair_differences[0] == doctest::Approx(3 - 5)); // block 1 so far: night 9, 5
        CHECK(*e.effect == doctest::Approx(-2));
        CHECK_FALSE(e.low);
        CHECK(e.orders == 2);
        CHECK(*e.p_value == doctest::Approx(1));
        CHECK(*e.min_p == doctest::Approx(1));
        CHECK_FALSE(e.pairs_needed); // no spread to go on
        CHECK(result.trend);         // 6 nights with a severity
    }
    SUBCASE("planned: nothing has passed") {
        const TrialResult result = analyse_trial(trial, nights, night_date(-3));
        CHECK(result.state == TrialState::planned);
        CHECK(result.nights == 42);
        CHECK(result.elapsed == 0);
        CHECK(result.logged == 0);
        CHECK(result.missing == 0);
        CHECK(result.blocks.size() == 6);
        CHECK(result.blocks[5].last == night_date(41));
        CHECK(result.severity.pair_differences ==
              std::vector<std::optional<double>>(3, std::nullopt));
        CHECK_FALSE(result.severity.effect);
        CHECK_FALSE(result.severity.p_value);
        CHECK_FALSE(result.severity.min_p);
        CHECK(result.severity.orders == 0);
        CHECK_FALSE(result.trend);
        CHECK(result.incomplete_pairs.empty());
        CHECK(result.adherence.on_known + result.adherence.off_known == 0);
    }
}

TEST_CASE("analyse_trial: the trend, up and down, over analysed nights with a severity") {
    const Trial trial = trial_of(2, 5, 0);
    const auto with = [&](const std::vector<int>& severities) {
        return journal_of(trial, [&](const TrialNight& night) -> std::optional<int> {
            return night.index < int(severities.size()) ? severities[std::size_t(night.index)]
                                                        : std::optional<int>{};
        });
    };
    // Slope 1 a night over nights 0 to 3: 3 points in all.
    CHECK(*analyse_trial(trial, with({1, 2, 3, 4}), night_date(4)).trend == doctest::Approx(3));
    // Slope -2: -6.
    CHECK(*analyse_trial(trial, with({8, 6, 4, 2}), night_date(4)).trend == doctest::Approx(-6));
    // (0,1) (1,3) (2,2) (3,4): Sxy 4, Sxx 5, slope 0.8 over 3 nights.
    CHECK(*analyse_trial(trial, with({1, 3, 2, 4}), night_date(4)).trend == doctest::Approx(2.4));
    // Below 4 nights: none; tonight's night counts once rated.
    CHECK_FALSE(analyse_trial(trial, with({1, 2, 3}), night_date(4)).trend);
    CHECK(*analyse_trial(trial, with({1, 2, 3, 4}), night_date(3)).trend == doctest::Approx(3));

    // Washout 1: nights 0 and 5 left out; night 2 logged without a severity. (1,2) (3,4) (4,5)
    // (6,7) lie on a line of slope 1: 5 points from night 1 to night 6.
    const Trial washed = trial_of(2, 5, 1);
    const auto nights = journal_of(washed, [](const TrialNight& night) -> std::optional<int> {
        const int severities[7] = {0, 2, -1, 4, 5, 10, 7};
        return night.index < 7 ? severities[night.index] : std::optional<int>{};
    });
    CHECK(*analyse_trial(washed, nights, night_date(7)).trend == doctest::Approx(5));
}

TEST_CASE("analyse_trial: a design out of bounds is not analysed") {
    for (const auto& [pairs, block] : {std::pair{0, 7}, std::pair{3, 0}, std::pair{40, 7}}) {
        INFO(pairs, " pairs of ", block);
        const Trial trial = trial_of(pairs, block, 0);
        const TrialResult result = analyse_trial(trial, {}, night_date(400));
        CHECK(result.blocks.empty());
        CHECK(result.elapsed == 0);
        CHECK_FALSE(result.severity.effect);
    }
}
