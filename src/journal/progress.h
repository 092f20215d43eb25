#pragma once
// What the pictures of progress draw (`history --chart`, `stats --chart`, `report`): each
// night's severity and sleep quality over a period, their 7-night moving means, where the
// plan's supplements started and stopped, the triggers by how often they were logged, and the
// means of each week. Plain values with no terminal and no HTML: the chart (ui/render_chart.h)
// and the report draw them.

#include "journal/night.h"
#include "journal/stats.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// The moving mean of a night is over the k_moving_window nights that end with it, and is
/// given only when at least k_moving_min of them have a value, so that one logged night in a
/// week is not drawn as a trend (calmlegs' choice).
inline constexpr int k_moving_window = 7;
inline constexpr int k_moving_min = 4;

/// One night of the period, logged or not.
struct ProgressNight {
    Date date;
    bool logged = false;                 ///< the person logged this night
    std::optional<int> severity;         ///< RLS severity, 0 to 10, when logged with one
    std::optional<int> sleep;            ///< sleep quality, 1 to 5, when logged with one
    std::optional<double> severity_mean; ///< the moving mean of severity ending this night
    std::optional<double> sleep_mean;    ///< the moving mean of sleep quality
    bool wind_down = false;              ///< the nightly wind-down was done (counts_as_done)
    std::vector<std::string> triggers;   ///< trigger ids logged, sorted
};

/// A supplement of the plan started or stopped: taken on a logged night when the logged night
/// before it did not have it (started), or the reverse (stopped). `night` is the first night
/// of the change; nights not logged say nothing either way.
struct SupplementChange {
    std::string id;
    Date night;
    bool started = true;

    friend bool operator==(const SupplementChange&, const SupplementChange&) = default;
};

/// A trigger and on how many logged nights of the period it was logged.
struct TriggerCount {
    std::string id;
    int nights = 0;

    friend bool operator==(const TriggerCount&, const TriggerCount&) = default;
};

/// A calendar week (Monday to Sunday) of the period, cut to the period at its ends.
struct WeekMeans {
    Date from, to;
    int nights = 0;       ///< nights of the week inside the period
    int logged = 0;       ///< of those, logged
    int wind_down = 0;    ///< of those, with the wind-down done
    Mean severity, sleep; ///< over the logged nights that have one
};

/// The pictures' data for the nights from `from` to `to`.
struct Progress {
    Date from, to;
    std::vector<ProgressNight> nights; ///< every night from `from` to `to`, in order
    int logged = 0;                    ///< nights logged in the period
    int wind_down = 0;                 ///< nights with the wind-down done in the period
    Mean severity, sleep;              ///< over the period's logged nights that have one
    /// The plan's supplements (as given), and their changes inside the period, by night and
    /// then in the plan's order.
    std::vector<std::string> plan;
    std::vector<SupplementChange> changes;
    /// The plan's supplements (in the plan's order) taken when the period began: on the last
    /// logged night before `from`, or, when no night was logged before it (the journal began
    /// inside the period), on the period's first logged night. Neither has a start marker:
    /// their start is before the period, or not known.
    std::vector<std::string> taken_at_start;
    /// The logged night `taken_at_start` is read from: before `from`, or the period's first
    /// logged night (then the journal's first); nullopt when no night is logged up to `to`.
    std::optional<Date> start_night;
    std::vector<TriggerCount> triggers; ///< most nights first, then by id
    std::vector<WeekMeans> weeks;       ///< in order, covering the period
};

/// How far before `from` the nights given to compute_progress should begin, so that the
/// period's first nights have their moving mean: the window less one night.
inline Date progress_reading_from(Date from) {
    return add_days(from, 1 - k_moving_window);
}

/// The progress of the nights from `from` to `to` (`from` <= `to`).
/// - `nights`: the journal's nights by date, with their supplement and trigger lists; nights
///   outside [progress_reading_from(from), to] may be given and only serve the moving means
///   and the changes.
/// - `before`: the last logged night before the first of `nights`, if any (JournalStore::
///   night_before), so that a change on the first night given is seen and the state when
///   the period began is known; nullopt when the journal has none before the nights given.
/// - `plan`: the ids of the plan's supplements whose starts and stops are wanted.
Progress compute_progress(const std::vector<NightSummary>& nights, Date from, Date to,
                          const std::vector<std::string>& plan, const std::optional<Night>& before);

} // namespace calmlegs
