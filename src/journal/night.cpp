#include "journal/night.h"

#include <algorithm>
#include <array>

namespace calmlegs {
namespace {

constexpr int k_minutes_per_day = 24 * 60;

/// Minutes from clock time `from` to clock time `to`, taking `to` to be on the next day when
/// it is earlier on the clock (a time equal to `from` is the same moment).
int minutes_after(LocalTime from, LocalTime to) {
    return (to.minutes() - from.minutes() + k_minutes_per_day) % k_minutes_per_day;
}

} // namespace

std::optional<SleepFigures> sleep_figures(const SleepDiary& diary) {
    if (!diary.into_bed || !diary.final_wake || !diary.out_of_bed) return std::nullopt;
    const int to_sleep = diary.minutes_to_sleep.value_or(0);
    const int awake = diary.minutes_awake.value_or(0);
    if (to_sleep < 0 || awake < 0) return std::nullopt;
    // Into bed, then the final wake, then out of bed: each on the clock after the one before.
    const int until_wake = minutes_after(*diary.into_bed, *diary.final_wake);
    const int in_bed = until_wake + minutes_after(*diary.final_wake, *diary.out_of_bed);
    if (in_bed <= 0 || in_bed > k_minutes_per_day) return std::nullopt;
    const int asleep = until_wake - to_sleep - awake;
    if (asleep < 0) return std::nullopt;
    return SleepFigures{in_bed, asleep, static_cast<double>(asleep) / in_bed};
}

namespace {
constexpr std::array k_outcomes{
    std::pair{RunOutcome::finished, std::string_view("finished")},
    std::pair{RunOutcome::quit, std::string_view("quit")},
    std::pair{RunOutcome::interrupted, std::string_view("interrupted")}};
} // namespace

std::string_view to_string(RunOutcome outcome) {
    for (const auto& [value, word] : k_outcomes)
        if (value == outcome) return word;
    return "finished"; // not reached: every outcome is listed
}

std::optional<RunOutcome> run_outcome_named(std::string_view word) {
    for (const auto& [value, name] : k_outcomes)
        if (name == word) return value;
    return std::nullopt;
}

bool NightSummary::did(std::string_view id) const {
    return std::find(finished.begin(), finished.end(), id) != finished.end();
}

bool counts_as_done(const RoutineRun& run) {
    return run.outcome == RunOutcome::finished && run.steps_done * 2 >= run.steps_total;
}

} // namespace calmlegs
