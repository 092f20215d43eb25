// The analysis of a trial (journal/trial.h): analyse_trial.

#include "journal/trial.h"

#include "journal/stats.h"
#include "journal/t_interval.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

namespace calmlegs {

namespace {

/// The confidence of the interval over pairs, and the p a randomisation test must go below.
constexpr double k_level = 0.95;
constexpr double k_alpha = 0.05;
/// Randomisation statistics this close to the observed one count as equal (rounding).
constexpr double k_tie = 1e-9;

/// A night of the schedule with what the journal holds of it.
struct Passed {
    const NightSummary* summary = nullptr; ///< nullptr: nothing recorded that night
    std::optional<double> severity() const {
        if (!summary || !summary->log || !summary->log->severity) return std::nullopt;
        return static_cast<double>(*summary->log->severity);
    }
    std::optional<double> sleep() const {
        if (!summary || !summary->log || !summary->log->sleep) return std::nullopt;
        return static_cast<double>(*summary->log->sleep);
    }
};

std::optional<double> mean_of(const MeanSum& sum) {
    if (sum.nights == 0) return std::nullopt;
    return sum.mean().mean;
}

/// The two-sided exact randomisation p: the share of the 2^n sign vectors whose |mean| is at
/// least the observed |mean| (n <= a few dozen; a trial has at most k_trial_max_pairs).
double randomisation_p(const std::vector<double>& differences) {
    const std::size_t n = differences.size();
    double observed = 0;
    for (double d : differences)
        observed += d;
    observed = std::abs(observed / static_cast<double>(n));
    const std::uint64_t orders = std::uint64_t{1} << n;
    std::uint64_t as_extreme = 0;
    for (std::uint64_t signs = 0; signs < orders; ++signs) {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i)
            sum += ((signs >> i) & 1U) != 0 ? -differences[i] : differences[i];
        if (std::abs(sum / static_cast<double>(n)) >= observed - k_tie) ++as_extreme;
    }
    return static_cast<double>(as_extreme) / static_cast<double>(orders);
}

/// The half-width of the 95% t-interval over `pairs` pairs with spread `sd`.
double half_width(double sd, int pairs) {
    return student_t_quantile(1 - (1 - k_level) / 2, pairs - 1) * sd / std::sqrt(pairs);
}

/// The fewest pairs, more than now, whose interval would clear 0 and whose randomisation test
/// could reach p < k_alpha if the effect and spread stayed as observed.
std::optional<int> pairs_needed(const TrialEffect& effect) {
    if (!effect.effect || *effect.effect == 0 || !(effect.sd > 0)) return std::nullopt;
    const bool crossing = effect.low && effect.high && *effect.low <= 0 && *effect.high >= 0;
    const bool too_few = !effect.low && effect.pairs_used < 2;
    if (!crossing && !too_few) return std::nullopt;
    for (int m = std::max(effect.pairs_used + 1, 2); m <= 4 * k_trial_max_pairs; ++m) {
        if (half_width(effect.sd, m) < std::abs(*effect.effect) &&
            2.0 / std::ldexp(1.0, m) < k_alpha)
            return m;
    }
    return std::nullopt;
}

/// One measure over the blocks whose means are given (ON and OFF pooled for on/off_mean).
TrialEffect measure_effect(const std::vector<TrialBlock>& blocks, const MeanSum& on,
                           const MeanSum& off, bool severity) {
    TrialEffect result;
    result.on_nights = on.nights;
    result.off_nights = off.nights;
    result.on_mean = mean_of(on);
    result.off_mean = mean_of(off);
    std::vector<double> used;
    for (std::size_t b = 0; b + 1 < blocks.size(); b += 2) {
        const TrialBlock& first = blocks[b];
        const TrialBlock& second = blocks[b + 1];
        const TrialBlock& on_block = first.on ? first : second;
        const TrialBlock& off_block = first.on ? second : first;
        const auto& on_mean = severity ? on_block.severity_mean : on_block.sleep_mean;
        const auto& off_mean = severity ? off_block.severity_mean : off_block.sleep_mean;
        std::optional<double> difference;
        if (on_mean && off_mean) {
            difference = *on_mean - *off_mean;
            used.push_back(*difference);
        }
        result.pair_differences.push_back(difference);
    }
    result.pairs_used = static_cast<int>(used.size());
    if (used.empty()) return result;
    const int n = result.pairs_used;
    double sum = 0;
    for (double d : used)
        sum += d;
    const double mean = sum / n;
    result.effect = mean;
    if (n >= 2) {
        double squares = 0;
        for (double d : used)
            squares += (d - mean) * (d - mean);
        result.sd = std::sqrt(squares / (n - 1));
        if (result.sd > 0) {
            const double half = half_width(result.sd, n);
            result.low = mean - half;
            result.high = mean + half;
        }
    }
    result.orders = 1 << n;
    result.min_p = 2.0 / result.orders;
    result.p_value = randomisation_p(used);
    result.pairs_needed = pairs_needed(result);
    return result;
}

/// The least-squares change of severity from the first to the last of `points` (index,
/// severity); nullopt below 4 points.
std::optional<double> severity_trend(const std::vector<std::pair<double, double>>& points) {
    if (points.size() < 4) return std::nullopt;
    const auto n = static_cast<double>(points.size());
    double mean_x = 0, mean_y = 0;
    for (const auto& [x, y] : points) {
        mean_x += x;
        mean_y += y;
    }
    mean_x /= n;
    mean_y /= n;
    double sxy = 0, sxx = 0;
    for (const auto& [x, y] : points) {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    if (sxx == 0) return std::nullopt;
    return sxy / sxx * (points.back().first - points.front().first);
}

} // namespace

TrialResult analyse_trial(const Trial& trial, const std::vector<NightSummary>& nights,
                          Date tonight) {
    const TrialDesign& design = trial.design;
    TrialResult result;
    result.trial = trial;
    result.state = trial_state(trial, tonight);
    result.nights = trial_length(design);
    // A design out of bounds (a journal edited by hand) has nothing to analyse: no blocks to
    // index, and no 2^pairs orders to enumerate.
    if (design.pairs < 1 || design.pairs > k_trial_max_pairs || design.block < 1) return result;

    // Tonight's night is over once its severity is logged (the morning's rating, before noon
    // ends the night on the clock); a night the trial was stopped on is not counted.
    Date cutoff = trial.stopped ? std::min(tonight, *trial.stopped) : tonight;
    if (!trial.stopped || tonight < *trial.stopped)
        for (const NightSummary& night : nights)
            if (night.date == tonight && night.log && night.log->severity)
                cutoff = add_days(tonight, 1);
    std::map<int, const NightSummary*> by_index;
    for (const NightSummary& night : nights) {
        const int index = days_between(design.start, night.date);
        if (index >= 0 && index < result.nights && night.date < cutoff)
            by_index.emplace(index, &night);
    }

    const std::vector<TrialNight> schedule = trial_schedule(design);
    for (int b = 0; b < 2 * design.pairs; ++b) {
        TrialBlock block;
        block.block = b;
        block.pair = b / 2;
        const TrialNight& first =
            schedule[static_cast<std::size_t>(b) * static_cast<std::size_t>(design.block)];
        block.on = first.on;
        block.first = first.date;
        block.last = add_days(first.date, design.block - 1);
        block.nights = design.block;
        result.blocks.push_back(block);
    }

    std::vector<MeanSum> block_severity(result.blocks.size()), block_sleep(result.blocks.size());
    MeanSum on_severity, off_severity, on_sleep, off_sleep;
    std::vector<std::pair<double, double>> trend_points;
    for (const TrialNight& night : schedule) {
        if (!(night.date < cutoff)) break;
        const auto found = by_index.find(night.index);
        const Passed passed{found == by_index.end() ? nullptr : found->second};
        ++result.elapsed;
        if (passed.summary && passed.summary->log) ++result.logged;

        NightSummary empty;
        empty.date = night.date;
        const std::optional<bool> took =
            took_subject(design, passed.summary ? *passed.summary : empty);
        if (took) {
            (night.on ? result.adherence.on_known : result.adherence.off_known) += 1;
            if (*took == night.on)
                (night.on ? result.adherence.on_kept : result.adherence.off_kept) += 1;
        }

        if (night.washout) {
            ++result.washout_left_out;
            continue;
        }
        const auto b = static_cast<std::size_t>(night.block);
        ++result.blocks[b].analysable;
        const std::optional<double> severity = passed.severity();
        if (severity) {
            block_severity[b].add(*severity);
            (night.on ? on_severity : off_severity).add(*severity);
            trend_points.emplace_back(night.index, *severity);
        } else if (std::find(result.incomplete_pairs.begin(), result.incomplete_pairs.end(),
                             night.pair) == result.incomplete_pairs.end()) {
            result.incomplete_pairs.push_back(night.pair);
        }
        if (const std::optional<double> sleep = passed.sleep()) {
            block_sleep[b].add(*sleep);
            (night.on ? on_sleep : off_sleep).add(*sleep);
        }
    }
    result.missing = result.elapsed - result.logged;
    // Its last night rated in the morning: finished, though the clock's night is not over.
    if (result.state == TrialState::running && result.elapsed == result.nights)
        result.state = TrialState::finished;

    for (std::size_t b = 0; b < result.blocks.size(); ++b) {
        result.blocks[b].severity_nights = block_severity[b].nights;
        result.blocks[b].sleep_nights = block_sleep[b].nights;
        result.blocks[b].severity_mean = mean_of(block_severity[b]);
        result.blocks[b].sleep_mean = mean_of(block_sleep[b]);
    }
    result.severity = measure_effect(result.blocks, on_severity, off_severity, true);
    result.sleep = measure_effect(result.blocks, on_sleep, off_sleep, false);
    result.trend = severity_trend(trend_points);
    return result;
}

} // namespace calmlegs
