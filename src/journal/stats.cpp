#include "journal/stats.h"

#include <algorithm>
#include <chrono>

namespace calmlegs {
namespace {

bool has_anything(const NightSummary& night) {
    return night.log || night.runs > 0 || !night.finished.empty();
}

} // namespace

JournalStats compute_stats(const std::vector<NightSummary>& nights, Date today) {
    JournalStats stats;
    stats.today = today;
    MeanSum severity_7, severity_30, severity_prev_30, efficiency_30, efficiency_all, sleep_30;
    // The streak being counted: its first and last night.
    std::optional<Date> run_from, run_to;
    int run_length = 0;
    const auto end_run = [&] {
        if (run_length > 0 && run_length >= stats.longest_streak) {
            stats.longest_streak = run_length;
            stats.longest_from = run_from;
            stats.longest_to = run_to;
        }
        run_length = 0;
    };
    // Tonight counts towards the completion rate once its wind-down is done; until then the
    // last 30 nights are the 30 before it, so that an evening not yet over is not a miss.
    for (const NightSummary& night : nights)
        if (night.date == today && night.did(k_wind_down_routine)) stats.today_done = true;
    const int skip = stats.today_done ? 0 : 1;
    for (const NightSummary& night : nights) {
        const int back = days_between(night.date, today); // 0 today, 1 last night
        if (back < 0) continue;
        if (!stats.first_night && has_anything(night)) stats.first_night = night.date;
        const bool recent = back < k_recent_nights;
        const bool done = night.did(k_wind_down_routine);
        if (done) {
            if (run_length > 0 && run_to && days_between(*run_to, night.date) == 1) {
                ++run_length;
            } else {
                end_run();
                run_from = night.date;
                run_length = 1;
            }
            run_to = night.date;
            ++stats.nights_done;
            if (back >= skip && back < skip + k_recent_nights) ++stats.last30_done;
        }
        if (!night.log) continue;
        if (const auto severity = night.log->severity) {
            if (back < k_week_nights) severity_7.add(*severity);
            if (recent)
                severity_30.add(*severity);
            else if (back < 2 * k_recent_nights)
                severity_prev_30.add(*severity);
        }
        if (const auto figures = sleep_figures(night.log->diary)) {
            efficiency_all.add(figures->efficiency);
            if (recent) {
                efficiency_30.add(figures->efficiency);
                sleep_30.add(figures->total_sleep);
            }
        }
    }
    // The current streak is the run that ends tonight, or last night when tonight has none yet.
    if (run_length > 0 && run_to && days_between(*run_to, today) <= (stats.today_done ? 0 : 1))
        stats.current_streak = run_length;
    end_run();
    if (stats.first_night) {
        stats.nights_tracked = days_between(*stats.first_night, today) + 1 - skip;
        stats.last30_tracked = std::min(stats.nights_tracked, k_recent_nights);
    }
    stats.severity_7 = severity_7.mean();
    stats.severity_30 = severity_30.mean();
    stats.severity_prev_30 = severity_prev_30.mean();
    stats.efficiency_30 = efficiency_30.mean();
    stats.efficiency_all = efficiency_all.mean();
    stats.total_sleep_30 = sleep_30.mean();
    return stats;
}

} // namespace calmlegs
