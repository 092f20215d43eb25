#include "plan/shorten.h"

#include <algorithm>
#include <cmath>

namespace calmlegs {
namespace {

/// `value` scaled by `factor` to a whole number, at least `floor` (or `value`, when it is
/// smaller) and at most `value`.
double scaled(double value, double factor, double floor) {
    const double lowest = std::min(value, floor);
    return std::clamp(std::round(value * factor), lowest, value);
}

/// A count (cycles, repetitions) scaled by `factor`: whole, at least one, at most `count`.
int scaled_count(int count, double factor) {
    return static_cast<int>(scaled(count, factor, 1));
}

void scale_step(SessionStep& step, double factor) {
    if (step.waits) return;
    if (!step.rhythm) {
        step.seconds = scaled(step.seconds, factor, k_shortest_prompt_seconds);
        return;
    }
    Rhythm& rhythm = *step.rhythm;
    if (rhythm.breathing || rhythm.repeats > 1) {
        rhythm.repeats = scaled_count(rhythm.repeats, factor);
    } else {
        for (auto& phase : rhythm.phases)
            phase.seconds = scaled(phase.seconds, factor, k_shortest_hold_seconds);
    }
    rhythm.description = rhythm.describe();
}

/// Halvings of the factor: far finer than a second of any routine a person would run.
constexpr int k_search_steps = 40;

} // namespace

double session_seconds(const Session& session) {
    double total = 0;
    for (const auto& step : session.steps)
        total += step.length_seconds();
    return total;
}

Session scale_session(const Session& session, double factor) {
    if (factor >= 1) return session;
    Session out = session;
    for (auto& step : out.steps)
        scale_step(step, std::max(0.0, factor));
    return out;
}

Shortened shorten_to_fit(const Session& session, double seconds) {
    const double full = session_seconds(session);
    if (full <= seconds) return {Fit::full, session, full};
    Session shortest = scale_session(session, 0);
    const double least = session_seconds(shortest);
    if (least > seconds) {
        shortest.title += " (shortest)";
        return {Fit::too_long, std::move(shortest), least};
    }
    // The length only grows with the factor: the largest factor that fits, by halving.
    double fits = 0;
    double too_big = 1;
    for (int i = 0; i < k_search_steps; ++i) {
        const double middle = (fits + too_big) / 2;
        if (session_seconds(scale_session(session, middle)) <= seconds)
            fits = middle;
        else
            too_big = middle;
    }
    Session shortened = scale_session(session, fits);
    const double length = session_seconds(shortened);
    shortened.title += " (shortened)";
    return {Fit::shortened, std::move(shortened), length};
}

} // namespace calmlegs
