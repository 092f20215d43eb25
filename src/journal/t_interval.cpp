#include "journal/t_interval.h"

#include <cmath>
#include <limits>

namespace calmlegs {
namespace {

/// The continued fraction of the incomplete beta (Numerical Recipes' betacf), by the modified
/// Lentz method; it converges quickly for x < (a + 1) / (a + b + 2).
double beta_fraction(double x, double a, double b) {
    constexpr int max_terms = 10000;
    constexpr double epsilon = 1e-15;
    constexpr double tiny = 1e-300;
    const double qab = a + b;
    const double qap = a + 1;
    const double qam = a - 1;
    // cppcheck-suppress variableScope ; c carries from one iteration of the loop to the next
    double c = 1;
    double d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= max_terms; ++m) {
        const double m2 = 2.0 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double step = d * c;
        h *= step;
        if (std::fabs(step - 1) < epsilon) break;
    }
    return h;
}

} // namespace

double regularized_incomplete_beta(double x, double a, double b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    // x^a (1-x)^b / (a B(a, b)), in logarithms so that large a and b do not overflow.
    const double log_front =
        std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    const double front = std::exp(log_front);
    if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(x, a, b) / a;
    return 1 - front * beta_fraction(1 - x, b, a) / b;
}

double student_t_cdf(double t, double df) {
    // P(|T| > |t|) = I_{df / (df + t²)}(df / 2, 1 / 2).
    const double tail = 0.5 * regularized_incomplete_beta(df / (df + t * t), df / 2, 0.5);
    return t > 0 ? 1 - tail : tail;
}

double student_t_quantile(double p, double df) {
    if (!(p > 0 && p < 1) || !(df > 0)) return std::numeric_limits<double>::quiet_NaN();
    if (p == 0.5) return 0;
    if (p < 0.5) return -student_t_quantile(1 - p, df);
    // Bracket the quantile, then halve the bracket until it is as narrow as a double allows.
    double low = 0;
    double high = 1;
    while (student_t_cdf(high, df) < p && high < 1e300)
        high *= 2;
    for (int i = 0; i < 200 && high - low > 1e-13 * high; ++i) {
        const double middle = (low + high) / 2;
        (student_t_cdf(middle, df) < p ? low : high) = middle;
    }
    return (low + high) / 2;
}

std::optional<WelchInterval> welch_interval(const SampleSummary& a, const SampleSummary& b,
                                            double level) {
    if (a.n < 2 || b.n < 2) return std::nullopt;
    const double va = a.sd * a.sd / a.n;
    const double vb = b.sd * b.sd / b.n;
    const double variance = va + vb;
    if (!(variance > 0)) return std::nullopt;
    WelchInterval interval;
    interval.difference = a.mean - b.mean;
    interval.standard_error = std::sqrt(variance);
    interval.df = variance * variance / (va * va / (a.n - 1) + vb * vb / (b.n - 1));
    const double t = student_t_quantile(1 - (1 - level) / 2, interval.df);
    interval.low = interval.difference - t * interval.standard_error;
    interval.high = interval.difference + t * interval.standard_error;
    return interval;
}

} // namespace calmlegs
