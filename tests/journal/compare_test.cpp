// compare_nights: which nights fall on each side, the supplement's start and its settling
// nights, confounding starts, too few nights, and the interval, each counted by hand.

#include "journal/compare.h"

#include "journal/journal_builder.h"
#include "journal/t_interval.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace calmlegs;
using calmlegs::test::journal_today;

namespace {

Date day(int n) {
    return add_days(journal_today(), n);
}

/// A journal of consecutive nights from day(0), one per severity (-1: logged without one).
struct Journal {
    std::vector<NightSummary> nights;

    NightSummary& add(int severity) {
        NightSummary night;
        night.date = day(static_cast<int>(nights.size()));
        test::logged(night, severity < 0 ? std::nullopt : std::optional<int>(severity));
        nights.push_back(night);
        return nights.back();
    }
    /// Adds nights, each with `supplements` and `triggers` logged.
    void add(const std::vector<int>& severities, const std::vector<std::string>& supplements = {},
             const std::vector<std::string>& triggers = {}) {
        for (int severity : severities) {
            NightSummary& night = add(severity);
            night.log->supplements = supplements;
            std::sort(night.log->supplements.begin(), night.log->supplements.end());
            night.log->triggers = triggers;
        }
    }
};

Subject supplement(std::string id) {
    return {SubjectKind::supplement, id, id};
}
Subject trigger(std::string id) {
    return {SubjectKind::trigger, id, id};
}

/// n for day(n).
int night_number(Date date) {
    return static_cast<int>((std::chrono::sys_days{date} - std::chrono::sys_days{day(0)}).count());
}

std::vector<int> repeat(int value, int times) {
    return std::vector<int>(static_cast<std::size_t>(times), value);
}

} // namespace

TEST_CASE("compare_nights: too few nights at 6 on a side, enough at 7") {
    SUBCASE("6 with") {
        Journal j;
        j.add({5, 6, 5, 6, 5, 6}, {}, {"caffeine"});
        j.add({3, 4, 3, 4, 3, 4, 3});
        const auto c = compare_nights(j.nights, trigger("caffeine"));
        CHECK(c.with.nights == 6);
        CHECK(c.without.nights == 7);
        CHECK(c.too_few);
        // The figures are still there for whoever wants them.
        REQUIRE(c.difference);
        CHECK(*c.difference == doctest::Approx(5.5 - 24.0 / 7));
    }
    SUBCASE("7 with and 7 without") {
        Journal j;
        j.add({5, 6, 5, 6, 5, 6, 5}, {}, {"caffeine"});
        j.add({3, 4, 3, 4, 3, 4, 3});
        const auto c = compare_nights(j.nights, trigger("caffeine"));
        CHECK_FALSE(c.too_few);
    }
    SUBCASE("6 without") {
        Journal j;
        j.add({5, 6, 5, 6, 5, 6, 5}, {}, {"caffeine"});
        j.add({3, 4, 3, 4, 3, 4});
        CHECK(compare_nights(j.nights, trigger("caffeine")).too_few);
    }
}

TEST_CASE("compare_nights: the means, sds and interval against a hand computation") {
    // With the trigger: 4, 6, 4, 6, 4, 6, 4, 6 (mean 5, variance 8/7); without: 1, 3, 5 three
    // times (mean 3, variance 3). se² = 1/7 + 1/3 = 10/21; df = 13.4939759 (by hand in
    // t_interval_test); t(0.975, 13.494) = 2.1523569.
    Journal j;
    j.add({4, 6, 4, 6}, {}, {"alcohol"});
    j.add({1, 3, 5, 1, 3, 5, 1, 3, 5});
    j.add({4, 6, 4, 6}, {}, {"alcohol", "stress"});
    j.add({-1, -1}, {}, {"alcohol"}); // no severity: left out
    NightSummary unlogged;            // a run only, no log: left out
    unlogged.date = day(30);
    unlogged.runs = 1;
    j.nights.push_back(unlogged);
    const auto c = compare_nights(j.nights, trigger("alcohol"));
    CHECK(c.subject.id == "alcohol");
    CHECK(c.with.nights == 8);
    CHECK(c.with.mean == doctest::Approx(5));
    CHECK(c.with.sd == doctest::Approx(std::sqrt(8.0 / 7)));
    CHECK(c.without.nights == 9);
    CHECK(c.without.mean == doctest::Approx(3));
    CHECK(c.without.sd == doctest::Approx(std::sqrt(3.0)));
    REQUIRE(c.difference);
    CHECK(*c.difference == doctest::Approx(2));
    CHECK(c.df == doctest::Approx(13.4939759036).epsilon(1e-9));
    REQUIRE(c.low);
    REQUIRE(c.high);
    CHECK(*c.low == doctest::Approx(2 - 2.15235689948433 * std::sqrt(10.0 / 21)).epsilon(1e-9));
    CHECK(*c.high == doctest::Approx(2 + 2.15235689948433 * std::sqrt(10.0 / 21)).epsilon(1e-9));
    CHECK(c.method == "Welch t-interval, 95%");
    CHECK_FALSE(c.too_few);
    // Triggers have no start and no settling.
    CHECK_FALSE(c.started);
    CHECK(c.settling_left_out == 0);
    CHECK(c.confounders.empty());
}

TEST_CASE("compare_nights: no variance on either side gives a difference but no interval") {
    Journal j;
    j.add(repeat(5, 7), {}, {"sugar"});
    j.add(repeat(3, 7));
    const auto c = compare_nights(j.nights, trigger("sugar"));
    REQUIRE(c.difference);
    CHECK(*c.difference == doctest::Approx(2));
    CHECK(c.with.sd == 0);
    CHECK(c.without.sd == 0);
    CHECK_FALSE(c.low);
    CHECK_FALSE(c.high);
    CHECK(c.df == 0);
}

TEST_CASE("compare_nights: one night on a side gives no difference") {
    Journal j;
    j.add({5}, {}, {"sugar"});
    j.add({3, 4, 5});
    const auto c = compare_nights(j.nights, trigger("sugar"));
    CHECK(c.with.nights == 1);
    CHECK(c.with.mean == 5);
    CHECK(c.with.sd == 0);
    CHECK_FALSE(c.difference);
    CHECK_FALSE(c.low);
    CHECK(c.too_few);
}

TEST_CASE("compare_nights: a routine is 'with' on the nights it was finished") {
    Journal j;
    j.add({2, 3, 2, 3});
    j.add({6, 7, 6});
    for (std::size_t i = 0; i < 4; ++i)
        test::finished(j.nights[i], "tonight");
    NightSummary& quit = j.nights[4];
    ++quit.runs; // started, not finished
    const auto c = compare_nights(j.nights, {SubjectKind::routine, "tonight", "Tonight"});
    CHECK(c.with.nights == 4);
    CHECK(c.with.mean == doctest::Approx(2.5));
    CHECK(c.without.nights == 3);
    CHECK(c.without.mean == doctest::Approx(19.0 / 3));
    CHECK_FALSE(c.started);
}

TEST_CASE("compare_nights: a supplement's first 7 nights from its start are left out") {
    // Days 0-9 without magnesium; from day 10 on with it, through day 29.
    Journal j;
    j.add(repeat(6, 10));
    j.add({5, 5, 5, 5, 5, 5, 5}, {"magnesium"}); // days 10-16: settling
    j.add(repeat(3, 13), {"magnesium"});         // days 17-29
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.started == day(10));
    CHECK_FALSE(c.taken_from_start);
    CHECK(c.settling_left_out == 7);
    CHECK(c.with.nights == 13);
    CHECK(c.with.mean == doctest::Approx(3));
    CHECK(c.without.nights == 10);
    CHECK(c.without.mean == doctest::Approx(6));
}

TEST_CASE("compare_nights: settling counts calendar nights, and only nights with it") {
    // Started on day 3; day 5 skipped (it counts as without); no severity on day 6.
    Journal j;
    j.add({6, 6, 6});
    j.add({5, 5}, {"magnesium"});    // days 3, 4: settling
    j.add({7});                      // day 5: without
    j.add({-1}, {"magnesium"});      // day 6: no severity
    j.add({4, 4}, {"magnesium"});    // days 7, 8: settling
    j.add({2, 2, 2}, {"magnesium"}); // days 9, 10, 11: 9 is the last settling night
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.started == day(3));
    // Days 3 to 9 are the settling nights: 3, 4, 7, 8, 9 had it and a severity.
    CHECK(c.settling_left_out == 5);
    CHECK(c.with.nights == 2);
    CHECK(c.without.nights == 4);
    CHECK(c.without.mean == doctest::Approx(25.0 / 4));
}

TEST_CASE("compare_nights: a supplement taken since the first logged night has no start") {
    Journal j;
    j.add(repeat(4, 10), {"magnesium"});
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.taken_from_start);
    CHECK_FALSE(c.started);
    CHECK(c.settling_left_out == 0);
    CHECK(c.with.nights == 10);
    CHECK(c.without.nights == 0);
    CHECK(c.too_few);
    CHECK_FALSE(c.difference);
}

TEST_CASE("compare_nights: a first night logged without a severity still dates the start") {
    Journal j;
    j.add({-1});
    j.add(repeat(4, 3), {"magnesium"});
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK_FALSE(c.taken_from_start);
    CHECK(c.started == day(1));
}

TEST_CASE("compare_nights: a supplement never taken") {
    Journal j;
    j.add(repeat(4, 8), {"iron"});
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.with.nights == 0);
    CHECK(c.without.nights == 8);
    CHECK_FALSE(c.started);
    CHECK_FALSE(c.taken_from_start);
    CHECK(c.too_few);
}

TEST_CASE("compare_nights: supplements started within 14 days of each other are confounded") {
    // Magnesium starts on day 20. Others start 13, 14 and 15 days after it, and 14 and 15
    // days before it; valerian the same night.
    const std::vector<std::pair<std::string, int>> starts{
        {"magnesium", 20}, {"valerian", 20}, {"iron", 33}, {"zinc", 34},
        {"vitamin-d", 35}, {"folate", 6},    {"b12", 5},   {"omega-3", 0}};
    Journal j;
    for (int n = 0; n < 40; ++n) {
        std::vector<std::string> taken;
        for (const auto& [id, from] : starts)
            if (n >= from) taken.push_back(id);
        j.add({5}, taken);
    }
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.started == day(20));
    std::vector<std::pair<std::string, Date>> found;
    for (const auto& other : c.confounders) {
        CHECK(other.started == day(20));
        found.emplace_back(other.id, other.other_started);
    }
    // By their start: folate 14 days before, valerian the same night, iron 13 days after and
    // zinc 14 after. b12 (15 before), vitamin D (15 after) and omega-3 (taken from the first
    // night, 20 before) are not.
    const std::vector<std::pair<std::string, Date>> expected{
        {"folate", day(6)}, {"valerian", day(20)}, {"iron", day(33)}, {"zinc", day(34)}};
    CHECK(found == expected);
    // Seen from iron (day 33): magnesium and valerian (13 days before), zinc (1 after),
    // vitamin D (2 after); folate (27 before) is not.
    const auto iron = compare_nights(j.nights, supplement("iron"));
    std::vector<std::string> ids;
    for (const auto& other : iron.confounders)
        ids.push_back(other.id);
    CHECK(ids == std::vector<std::string>{"magnesium", "valerian", "zinc", "vitamin-d"});
    // omega-3 was taken from the first logged night: as far as the journal can tell it started
    // then (day 0), with b12 (5 days after) and folate (6 after); magnesium (20 after) is not.
    const auto omega = compare_nights(j.nights, supplement("omega-3"));
    CHECK(omega.taken_from_start);
    ids.clear();
    for (const auto& other : omega.confounders) {
        CHECK(other.started == day(0));
        ids.push_back(other.id);
    }
    CHECK(ids == std::vector<std::string>{"b12", "folate"});
}

TEST_CASE("SubjectKind words") {
    CHECK(to_string(SubjectKind::supplement) == "supplement");
    CHECK(to_string(SubjectKind::trigger) == "trigger");
    CHECK(to_string(SubjectKind::routine) == "routine");
}

TEST_CASE("compare_nights on a generated journal, recounted another way") {
    // 200 nights from day(0). Magnesium from night 50 on, skipped every 9th night; valerian
    // from night 120; every 11th night has no log and every 13th no severity. The severity
    // follows a fixed pseudo-random sequence, 2 lower with magnesium.
    std::vector<NightSummary> nights;
    unsigned state = 12345;
    const auto next = [&] {
        state = state * 1103515245u + 12345u;
        return static_cast<int>((state >> 16) % 4);
    };
    for (int n = 0; n < 200; ++n) {
        const int noise = next();
        if (n % 11 == 5) continue;
        NightSummary night;
        night.date = day(n);
        const bool magnesium = n >= 50 && n % 9 != 0;
        test::logged(night, n % 13 == 7 ? std::nullopt
                                        : std::optional<int>(6 + noise - (magnesium ? 2 : 0)));
        if (magnesium) night.log->supplements.push_back("magnesium");
        if (n >= 120) night.log->supplements.push_back("valerian");
        nights.push_back(night);
    }
    const auto c = compare_nights(nights, supplement("magnesium"));
    // Night 50 is logged (50 % 11 = 6) and not a 9th night: the start. Nights 50 to 56 settle.
    CHECK(c.started == day(50));
    // Recount: each side's severities straight from the rule that made them.
    std::vector<double> with, without;
    int settling = 0;
    for (const auto& night : nights) {
        const int n = night_number(night.date);
        if (!night.log->severity) continue;
        const bool magnesium = n >= 50 && n % 9 != 0;
        if (magnesium && n < 57)
            ++settling;
        else
            (magnesium ? with : without).push_back(*night.log->severity);
    }
    CHECK(c.settling_left_out == settling);
    const auto mean = [](const std::vector<double>& v) {
        double sum = 0;
        for (double x : v)
            sum += x;
        return sum / static_cast<double>(v.size());
    };
    const auto variance = [&](const std::vector<double>& v) {
        const double m = mean(v);
        double sum = 0;
        for (double x : v)
            sum += (x - m) * (x - m);
        return sum / static_cast<double>(v.size() - 1);
    };
    CHECK(c.with.nights == static_cast<int>(with.size()));
    CHECK(c.without.nights == static_cast<int>(without.size()));
    CHECK(c.with.mean == doctest::Approx(mean(with)));
    CHECK(c.without.mean == doctest::Approx(mean(without)));
    CHECK(c.with.sd * c.with.sd == doctest::Approx(variance(with)));
    const double a = variance(with) / static_cast<double>(with.size());
    const double b = variance(without) / static_cast<double>(without.size());
    const double df = (a + b) * (a + b) /
                      (a * a / static_cast<double>(with.size() - 1) +
                       b * b / static_cast<double>(without.size() - 1));
    CHECK(c.df == doctest::Approx(df));
    const double t = student_t_quantile(0.975, df);
    REQUIRE(c.low);
    CHECK(*c.low == doctest::Approx(mean(with) - mean(without) - t * std::sqrt(a + b)));
    CHECK(*c.high == doctest::Approx(mean(with) - mean(without) + t * std::sqrt(a + b)));
    // Valerian started 70 nights later: not a confounder.
    CHECK(c.confounders.empty());
}

TEST_CASE("compare_nights: two supplements taken from the first night are confounded") {
    // The plan's magnesium and valerian, logged together from the first night: the journal
    // cannot tell their effects apart.
    Journal j;
    for (int n = 0; n < 20; ++n)
        j.add({5}, {"magnesium", "valerian"});
    const auto c = compare_nights(j.nights, supplement("magnesium"));
    CHECK(c.taken_from_start);
    REQUIRE(c.confounders.size() == 1);
    CHECK(c.confounders[0].id == "valerian");
    CHECK(c.confounders[0].started == day(0));
    CHECK(c.confounders[0].other_started == day(0));
}
