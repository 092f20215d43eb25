// Student's t: the incomplete beta it rests on, its quantiles against printed tables and an
// integration of the density written here, and the Welch interval against a hand computation.

#include "journal/t_interval.h"

#include <doctest/doctest.h>

#include <cmath>

using namespace calmlegs;

namespace {

const double pi = std::acos(-1.0);

/// The t density, integrated from 0 to `t` by Simpson's rule: P(0 <= T <= t), computed without
/// the incomplete beta, as an independent check of the quantiles.
double density_integral(double t, double df) {
    const double front =
        std::exp(std::lgamma((df + 1) / 2) - std::lgamma(df / 2)) / std::sqrt(df * pi);
    const auto density = [&](double x) { return front * std::pow(1 + x * x / df, -(df + 1) / 2); };
    const int steps = 20000; // even
    const double h = t / steps;
    double sum = density(0) + density(t);
    for (int i = 1; i < steps; ++i)
        sum += (i % 2 == 1 ? 4 : 2) * density(i * h);
    return sum * h / 3;
}

} // namespace

TEST_CASE("regularized_incomplete_beta against closed forms") {
    for (double x : {0.01, 0.2, 0.5, 0.77, 0.999}) {
        CAPTURE(x);
        CHECK(regularized_incomplete_beta(x, 1, 1) == doctest::Approx(x).epsilon(1e-12));
        CHECK(regularized_incomplete_beta(x, 3, 1) == doctest::Approx(x * x * x).epsilon(1e-12));
        CHECK(regularized_incomplete_beta(x, 1, 4) ==
              doctest::Approx(1 - std::pow(1 - x, 4)).epsilon(1e-12));
        // I_x(a, b) = 1 - I_{1-x}(b, a)
        CHECK(regularized_incomplete_beta(x, 2.5, 7.25) ==
              doctest::Approx(1 - regularized_incomplete_beta(1 - x, 7.25, 2.5)).epsilon(1e-12));
    }
    for (double a : {0.5, 2.0, 40.0, 500.0})
        CHECK(regularized_incomplete_beta(0.5, a, a) == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(regularized_incomplete_beta(0, 2, 3) == 0);
    CHECK(regularized_incomplete_beta(1, 2, 3) == 1);
}

TEST_CASE("student_t_cdf against the closed forms for 1 and 2 degrees of freedom") {
    for (double t : {-30.0, -2.0, -0.3, 0.0, 0.7, 1.0, 4.0, 100.0}) {
        CAPTURE(t);
        // df 1 is the Cauchy distribution; df 2 has 1/2 + t / (2 sqrt(2 + t²)).
        CHECK(student_t_cdf(t, 1) == doctest::Approx(0.5 + std::atan(t) / pi).epsilon(1e-12));
        CHECK(student_t_cdf(t, 2) ==
              doctest::Approx(0.5 + t / (2 * std::sqrt(2 + t * t))).epsilon(1e-12));
    }
}

TEST_CASE("student_t_quantile matches the printed t table (two-sided 95%)") {
    CHECK(student_t_quantile(0.975, 1) == doctest::Approx(12.706).epsilon(0.0005 / 12.706));
    CHECK(student_t_quantile(0.975, 2) == doctest::Approx(4.303).epsilon(0.0005 / 4.303));
    CHECK(student_t_quantile(0.975, 10) == doctest::Approx(2.228).epsilon(0.0005 / 2.228));
    CHECK(student_t_quantile(0.975, 30) == doctest::Approx(2.042).epsilon(0.0005 / 2.042));
    CHECK(student_t_quantile(0.975, 1000) == doctest::Approx(1.962).epsilon(0.0005 / 1.962));
    // Exact: tan(pi (p - 1/2)) for df 1, and (2p - 1) sqrt(2 / (4 p (1 - p))) for df 2.
    CHECK(student_t_quantile(0.975, 1) == doctest::Approx(std::tan(pi * 0.475)).epsilon(1e-10));
    CHECK(student_t_quantile(0.975, 2) ==
          doctest::Approx(0.95 * std::sqrt(2 / (4 * 0.975 * 0.025))).epsilon(1e-10));
    // Symmetric, and 0 at the median.
    CHECK(student_t_quantile(0.025, 10) == doctest::Approx(-student_t_quantile(0.975, 10)));
    CHECK(student_t_quantile(0.5, 3) == 0);
    CHECK(std::isnan(student_t_quantile(1, 3)));
    CHECK(std::isnan(student_t_quantile(0.9, 0)));
}

TEST_CASE("student_t_quantile for fractional degrees of freedom") {
    for (double df : {1.5, 7.5, 13.49, 61.3}) {
        CAPTURE(df);
        const double t = student_t_quantile(0.975, df);
        // The density from 0 to the quantile holds 47.5% of the distribution.
        CHECK(density_integral(t, df) == doctest::Approx(0.475).epsilon(1e-9));
        CHECK(student_t_cdf(t, df) == doctest::Approx(0.975).epsilon(1e-12));
    }
    // 2.3330396 for 7.5, as mpmath's quadrature of the density gives it (30 digits).
    CHECK(student_t_quantile(0.975, 7.5) == doctest::Approx(2.33303962686497).epsilon(1e-10));
    // Between the table's 7 (2.365) and 8 (2.306).
    CHECK(student_t_quantile(0.975, 7.5) < 2.365);
    CHECK(student_t_quantile(0.975, 7.5) > 2.306);
}

TEST_CASE("welch_interval against a hand computation") {
    // a: 4, 6, 4, 6, 4, 6, 4, 6: mean 5, variance 8 / 7.
    // b: 1, 3, 5 three times: mean 3, variance 24 / 8 = 3.
    // se² = (8/7)/8 + 3/9 = 1/7 + 1/3 = 10/21.
    // df = (10/21)² / ((1/7)²/7 + (1/3)²/8) = (100/441) / (415/24696) = 13.4939759...
    const SampleSummary a{8, 5, std::sqrt(8.0 / 7)};
    const SampleSummary b{9, 3, std::sqrt(3.0)};
    const auto interval = welch_interval(a, b, 0.95);
    REQUIRE(interval);
    const double df = (100.0 / 441) / (415.0 / 24696);
    CHECK(interval->df == doctest::Approx(df).epsilon(1e-12));
    CHECK(interval->df == doctest::Approx(13.4939759036).epsilon(1e-10));
    CHECK(interval->difference == doctest::Approx(2));
    CHECK(interval->standard_error == doctest::Approx(std::sqrt(10.0 / 21)).epsilon(1e-12));
    // t(0.975, 13.494) = 2.1523569 (mpmath); between the table's 13 (2.160) and 14 (2.145).
    const double t = 2.15235689948433;
    CHECK(interval->low == doctest::Approx(2 - t * std::sqrt(10.0 / 21)).epsilon(1e-9));
    CHECK(interval->high == doctest::Approx(2 + t * std::sqrt(10.0 / 21)).epsilon(1e-9));
}

TEST_CASE("welch_interval: none with fewer than 2 values or no variance at all") {
    CHECK_FALSE(welch_interval({1, 5, 0}, {9, 3, 1}, 0.95));
    CHECK_FALSE(welch_interval({9, 5, 1}, {0, 0, 0}, 0.95));
    CHECK_FALSE(welch_interval({7, 5, 0}, {7, 3, 0}, 0.95));
    // One side without variance: the degrees of freedom are the other side's n - 1.
    const auto one_sided = welch_interval({7, 5, 0}, {10, 3, 2}, 0.95);
    REQUIRE(one_sided);
    CHECK(one_sided->df == doctest::Approx(9));
    CHECK(one_sided->low ==
          doctest::Approx(2 - student_t_quantile(0.975, 9) * 2 / std::sqrt(10.0)));
}
