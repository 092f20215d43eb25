// A trial's design and schedule (journal/trial.h). The analysis is in trial_analysis.cpp.

#include "journal/trial.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs {

std::string_view to_string(TrialSubject kind) {
    return kind == TrialSubject::routine ? "routine" : "supplement";
}

std::optional<TrialSubject> trial_subject_named(std::string_view word) {
    if (word == "supplement") return TrialSubject::supplement;
    if (word == "routine") return TrialSubject::routine;
    return std::nullopt;
}

std::string design_problem(const TrialDesign& design) {
    if (design.pairs < k_trial_min_pairs || design.pairs > k_trial_max_pairs)
        return fmt::format("a trial has {} to {} pairs of blocks, not {}", k_trial_min_pairs,
                           k_trial_max_pairs, design.pairs);
    if (design.block < k_trial_min_block || design.block > k_trial_max_block)
        return fmt::format("a block is {} to {} nights, not {}", k_trial_min_block,
                           k_trial_max_block, design.block);
    if (design.washout < 0 || design.washout + k_trial_min_analysed > design.block)
        return fmt::format("a washout of {} nights leaves fewer than {} of a {}-night block to "
                           "analyse; the washout can be 0 to {} nights",
                           design.washout, k_trial_min_analysed, design.block,
                           design.block - k_trial_min_analysed);
    if (design.seed > k_trial_max_seed)
        return fmt::format("a seed is 0 to {}, not {}", k_trial_max_seed, design.seed);
    return {};
}

namespace {

/// SplitMix64 (Steele, Lea and Flood 2014): a fixed, portable generator, so that a seed gives
/// the same schedule everywhere (std::uniform_int_distribution is not portable).
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

std::vector<bool> pair_orders(std::uint64_t seed, int pairs) {
    std::vector<bool> orders;
    std::uint64_t state = seed;
    for (int i = 0; i < pairs; ++i)
        orders.push_back((splitmix64(state) >> 63) != 0);
    return orders;
}

int trial_length(const TrialDesign& design) {
    return 2 * design.pairs * design.block;
}

Date trial_end(const TrialDesign& design) {
    return add_days(design.start, trial_length(design) - 1);
}

namespace {

TrialNight night_at(const TrialDesign& design, const std::vector<bool>& orders, int index) {
    TrialNight night;
    night.date = add_days(design.start, index);
    night.index = index;
    night.block = index / design.block;
    night.pair = night.block / 2;
    night.night_in_block = index % design.block;
    const bool second = night.block % 2 == 1;
    night.on = orders[static_cast<std::size_t>(night.pair)] != second;
    night.washout = night.night_in_block < design.washout;
    return night;
}

} // namespace

std::vector<TrialNight> trial_schedule(const TrialDesign& design) {
    const std::vector<bool> orders = pair_orders(design.seed, design.pairs);
    std::vector<TrialNight> nights;
    const int length = trial_length(design);
    nights.reserve(static_cast<std::size_t>(std::max(length, 0)));
    for (int i = 0; i < length; ++i)
        nights.push_back(night_at(design, orders, i));
    return nights;
}

std::optional<TrialNight> trial_night(const TrialDesign& design, Date date) {
    const int index = days_between(design.start, date);
    if (index < 0 || index >= trial_length(design)) return std::nullopt;
    return night_at(design, pair_orders(design.seed, design.pairs), index);
}

std::string_view to_string(TrialState state) {
    switch (state) {
    case TrialState::planned:
        return "planned";
    case TrialState::running:
        return "running";
    case TrialState::finished:
        return "finished";
    case TrialState::stopped:
        return "stopped";
    }
    return "running";
}

TrialState trial_state(const Trial& trial, Date tonight) {
    if (trial.stopped) return TrialState::stopped;
    if (tonight < trial.design.start) return TrialState::planned;
    if (tonight > trial_end(trial.design)) return TrialState::finished;
    return TrialState::running;
}

bool trial_pending(const Trial& trial, Date tonight) {
    const TrialState state = trial_state(trial, tonight);
    return state == TrialState::planned || state == TrialState::running;
}

std::optional<bool> took_subject(const TrialDesign& design, const NightSummary& night) {
    if (design.kind == TrialSubject::routine) return night.did(design.subject);
    if (!night.log) return std::nullopt;
    const auto& taken = night.log->supplements;
    return std::find(taken.begin(), taken.end(), design.subject) != taken.end();
}

std::optional<double> TrialAdherence::on_rate() const {
    if (on_known == 0) return std::nullopt;
    return static_cast<double>(on_kept) / on_known;
}

std::optional<double> TrialAdherence::off_rate() const {
    if (off_known == 0) return std::nullopt;
    return static_cast<double>(off_kept) / off_known;
}

int pairs_for_significance() {
    int pairs = 1;
    while (2.0 / static_cast<double>(1 << pairs) >= 0.05)
        ++pairs;
    return pairs;
}

} // namespace calmlegs
