#pragma once
// What the journal holds: a night as the person logged it, and each routine run as it was
// recorded by itself. Plain values, with no storage and no terminal: the store (store.h) keeps
// them, the statistics (stats.h, compare.h) read them.

#include "remind/civil.h"
#include "remind/time_zone.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The lowest and highest RLS severity and sleep quality a night can be given.
inline constexpr int k_severity_min = 0;
inline constexpr int k_severity_max = 10;
inline constexpr int k_sleep_min = 1;
inline constexpr int k_sleep_max = 5;

/// Times in the manner of the Consensus Sleep Diary (Carney et al. 2012), each optional: the
/// person writes what they remember. Clock times are local wall-clock times of the night.
struct SleepDiary {
    std::optional<LocalTime> into_bed;   ///< got into bed
    std::optional<int> minutes_to_sleep; ///< how long it took to fall asleep
    std::optional<int> wakings;          ///< how many times they woke
    std::optional<int> minutes_awake;    ///< minutes awake in those wakings
    std::optional<LocalTime> final_wake; ///< the last waking of the morning
    std::optional<LocalTime> out_of_bed; ///< got up for the day

    bool empty() const {
        return !into_bed && !minutes_to_sleep && !wakings && !minutes_awake && !final_wake &&
               !out_of_bed;
    }
    friend bool operator==(const SleepDiary&, const SleepDiary&) = default;
};

/// What the diary's times give, in minutes: time in bed (into bed to out of bed), total sleep
/// (into bed to final wake, less the minutes to fall asleep and awake) and sleep efficiency
/// (total sleep over time in bed, 0 to 1).
struct SleepFigures {
    int time_in_bed = 0;
    int total_sleep = 0;
    double efficiency = 0;
};

/// The figures, when into bed, final wake and out of bed are all given (the minutes missing
/// count as 0); a time earlier on the clock than the one before it is on the next day.
/// nullopt when the times are missing or do not add up (more minutes awake than in bed).
std::optional<SleepFigures> sleep_figures(const SleepDiary& diary);

/// One night of the journal, keyed by `date`: the date of its evening. A night runs from noon
/// to noon (remind/reminder_day.h), so a log written at 07:00 is about the night before.
struct Night {
    Date date;
    std::optional<int> severity; ///< RLS severity, 0 (none) to 10 (worst)
    std::optional<int> sleep;    ///< sleep quality, 1 (very poor) to 5 (very good)
    SleepDiary diary;
    std::vector<std::string> supplements; ///< supplement ids taken, sorted, each once
    std::vector<std::string> triggers;    ///< trigger ids, sorted, each once
    std::string note;
    Instant logged{};  ///< when it was first logged (UTC)
    Instant updated{}; ///< when it was last changed (UTC)

    friend bool operator==(const Night&, const Night&) = default;
};

/// How a routine run ended: run to its end, quit with q, or stopped by a signal (Ctrl-C,
/// SIGTERM, SIGHUP).
enum class RunOutcome { finished, quit, interrupted };

/// "finished", "quit", "interrupted".
std::string_view to_string(RunOutcome outcome);
/// The outcome a word names; nullopt for any other word.
std::optional<RunOutcome> run_outcome_named(std::string_view word);

/// One run of a routine, recorded by itself when it ends.
struct RoutineRun {
    std::string uid;     ///< unique to this run, so that an import never adds it twice
    std::string routine; ///< the routine's id ("tonight", "breathe-4-7-8")
    Instant started{};   ///< wall clock, UTC
    std::chrono::seconds started_offset{0}; ///< the local UTC offset at the start
    Instant ended{};
    std::chrono::seconds ended_offset{0};
    Date night; ///< the night of the start, local (noon to noon)
    int steps_total = 0;
    int steps_done = 0;
    int steps_skipped = 0;
    RunOutcome outcome = RunOutcome::finished;
    int signal = 0; ///< the signal that interrupted it; 0 otherwise

    friend bool operator==(const RoutineRun&, const RoutineRun&) = default;
};

/// True when a run counts as the routine done that night: it was finished (not quit or
/// interrupted) with at least half its steps done rather than skipped, so that skipping
/// through a routine with `n` does not count. (The SQLite store's night_runs table applies the
/// same rule in SQL.)
bool counts_as_done(const RoutineRun& run);

/// What the journal knows of one night, for the history and the statistics: what was logged
/// (if anything) and the routines run, without loading every run.
struct NightSummary {
    Date date;
    std::optional<Night> log;
    /// ids of the routines done that night (counts_as_done), sorted
    std::vector<std::string> finished;
    int runs = 0; ///< runs started that night, however they ended

    /// True when routine `id` was finished that night.
    bool did(std::string_view id) const;
};

/// The routine whose completion makes a night's wind-down "done": the nightly ritual.
inline constexpr std::string_view k_wind_down_routine = "tonight";

} // namespace calmlegs
