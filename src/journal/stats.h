#pragma once
// The figures of `calmlegs stats`: the wind-down's streaks and completion rate, mean RLS
// severity over recent nights, and sleep efficiency where the diary allows it. Each mean
// carries how many nights it is taken over, so that no page states a figure without it.

#include "journal/night.h"

#include <optional>
#include <vector>

namespace calmlegs {

/// A mean and the number of nights that had a value (0: no mean; `mean` is then 0).
struct Mean {
    int nights = 0;
    double mean = 0;
};

/// A mean being summed up, one value at a time (the statistics' and the pictures').
struct MeanSum {
    int nights = 0;
    double sum = 0;
    /// Counts `value`.
    void add(double value) {
        ++nights;
        sum += value;
    }
    /// Counts `value` when there is one.
    void add(const std::optional<int>& value) {
        if (value) add(static_cast<double>(*value));
    }
    /// The mean so far, with the number of values it is over.
    Mean mean() const { return nights == 0 ? Mean{} : Mean{nights, sum / nights}; }
};

/// What the statistics page shows, for the night `today`.
struct JournalStats {
    Date today;                      ///< the current night
    std::optional<Date> first_night; ///< the first night with a log or a run, up to today
    bool today_done = false;         ///< today's wind-down is already finished
    /// Nights in a row with the wind-down (k_wind_down_routine) finished, ending at today, or
    /// at the night before when today has none yet.
    int current_streak = 0;
    /// The longest such run up to today (the latest of equally long ones), with its nights.
    int longest_streak = 0;
    std::optional<Date> longest_from, longest_to;
    /// From the first night with a log or run up to today; tonight only once its wind-down is
    /// done (an evening not yet over is no miss).
    int nights_tracked = 0;
    int nights_done = 0; ///< of those, with the wind-down finished
    /// The same over the last 30 of those nights, counting only nights since the journal
    /// began.
    int last30_tracked = 0, last30_done = 0;
    /// Mean RLS severity over the last 7 nights (today included), the last 30, and the 30
    /// before those, over the nights that have one.
    Mean severity_7, severity_30, severity_prev_30;
    Mean efficiency_30, efficiency_all; ///< sleep efficiency (0..1) where the diary allows it
    Mean total_sleep_30;                ///< total sleep in minutes, last 30 nights
};

/// The statistics of `nights` (sorted by date, with gaps where nothing was recorded; nights
/// after `today` are left out) as of night `today`.
JournalStats compute_stats(const std::vector<NightSummary>& nights, Date today);

/// How many nights "the last 30" and "the 30 before" are, and "the last 7".
inline constexpr int k_recent_nights = 30;
inline constexpr int k_week_nights = 7;

} // namespace calmlegs
