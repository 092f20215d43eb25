#pragma once
// Student's t distribution and the Welch t-interval for a difference of two means: what
// `calmlegs compare` states its uncertainty with. Pure numbers, no journal.

#include <optional>

namespace calmlegs {

/// I_x(a, b), the regularized incomplete beta function, for 0 <= x <= 1 and a, b > 0; by its
/// continued fraction (Lentz's method), accurate to about 1e-14.
double regularized_incomplete_beta(double x, double a, double b);

/// P(T <= t) for Student's t distribution with `df` degrees of freedom (df > 0, fractional
/// allowed, as Welch's approximation gives).
double student_t_cdf(double t, double df);

/// The t with P(T <= t) = p (0 < p < 1) for `df` degrees of freedom: 12.706 for p 0.975, df 1.
double student_t_quantile(double p, double df);

/// A sample as the interval needs it: its size, mean and standard deviation (n - 1).
struct SampleSummary {
    int n = 0;
    double mean = 0;
    double sd = 0;
};

/// A confidence interval for the difference a.mean - b.mean.
struct WelchInterval {
    double difference = 0;
    double low = 0;
    double high = 0;
    double df = 0; ///< Welch-Satterthwaite degrees of freedom
    double standard_error = 0;
};

/// The Welch t-interval at `level` (0.95) for a.mean - b.mean, without assuming equal
/// variances; nullopt when either sample has fewer than 2 values or both have no variance
/// (the standard error is 0, and no interval can be given).
std::optional<WelchInterval> welch_interval(const SampleSummary& a, const SampleSummary& b,
                                            double level);

} // namespace calmlegs
