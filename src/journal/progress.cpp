#include "journal/progress.h"

#include <algorithm>
#include <map>

namespace calmlegs {
namespace {

bool has(const std::vector<std::string>& sorted, const std::string& id) {
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

/// The trailing moving means of `values` (one per night, in order), where enough of the
/// window has a value.
std::vector<std::optional<double>> moving_means(const std::vector<std::optional<int>>& values) {
    std::vector<std::optional<double>> means(values.size());
    double sum = 0;
    int count = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            sum += *values[i];
            ++count;
        }
        if (i >= static_cast<std::size_t>(k_moving_window)) {
            if (const auto& gone = values[i - k_moving_window]) {
                sum -= *gone;
                --count;
            }
        }
        if (count >= k_moving_min) means[i] = sum / count;
    }
    return means;
}

} // namespace

Progress compute_progress(const std::vector<NightSummary>& nights, Date from, Date to,
                          const std::vector<std::string>& plan,
                          const std::optional<Night>& before) {
    Progress progress;
    progress.from = from;
    progress.to = to;
    progress.plan = plan;

    // Every night from the start of the first window to `to`, one each, so that the moving
    // means run over calendar nights, not logged ones.
    const Date first = progress_reading_from(from);
    const int days = days_between(first, to) + 1;
    std::vector<const NightSummary*> by_day(static_cast<std::size_t>(std::max(days, 0)), nullptr);
    for (const NightSummary& night : nights) {
        const int i = days_between(first, night.date);
        if (i >= 0 && i < days) by_day[static_cast<std::size_t>(i)] = &night;
    }
    std::vector<std::optional<int>> severity(by_day.size()), sleep(by_day.size());
    for (std::size_t i = 0; i < by_day.size(); ++i)
        if (by_day[i] && by_day[i]->log) {
            severity[i] = by_day[i]->log->severity;
            sleep[i] = by_day[i]->log->sleep;
        }
    const auto severity_means = moving_means(severity);
    const auto sleep_means = moving_means(sleep);

    // The changes of the plan's supplements: each logged night against the logged one before
    // it, from the earliest night given (with `before` ahead of it); and what was taken when
    // the period began.
    const std::vector<std::string>* previous = before ? &before->supplements : nullptr;
    std::optional<Date> previous_night;
    if (before) previous_night = before->date;
    const auto set_start = [&](const std::vector<std::string>& taken, Date night) {
        progress.start_night = night;
        for (const std::string& id : plan)
            if (has(taken, id)) progress.taken_at_start.push_back(id);
    };
    std::map<std::string, int, std::less<>> trigger_nights;
    MeanSum severity_sum, sleep_sum;
    for (const NightSummary& night : nights) {
        if (!night.log || std::chrono::sys_days{night.date} > std::chrono::sys_days{to}) continue;
        const bool inside = std::chrono::sys_days{night.date} >= std::chrono::sys_days{from};
        const std::vector<std::string>& taken = night.log->supplements;
        if (inside && !progress.start_night) {
            if (previous != nullptr)
                set_start(*previous, *previous_night);
            else
                set_start(taken, night.date); // the journal's first night: no start marker
        }
        if (inside && previous != nullptr)
            for (const std::string& id : plan) {
                const bool now = has(taken, id);
                if (now != has(*previous, id)) progress.changes.push_back({id, night.date, now});
            }
        previous = &taken;
        previous_night = night.date;
        if (!inside) continue;
        ++progress.logged;
        severity_sum.add(night.log->severity);
        sleep_sum.add(night.log->sleep);
        for (const std::string& id : night.log->triggers)
            ++trigger_nights[id];
    }
    // No night logged in the period: the state when it began is that of the last one before.
    if (!progress.start_night && previous != nullptr) set_start(*previous, *previous_night);
    progress.severity = severity_sum.mean();
    progress.sleep = sleep_sum.mean();
    for (const auto& [id, count] : trigger_nights)
        progress.triggers.push_back({id, count});
    std::stable_sort(
        progress.triggers.begin(), progress.triggers.end(),
        [](const TriggerCount& a, const TriggerCount& b) { return a.nights > b.nights; });

    // The period's nights, and its weeks (Monday to Sunday).
    const int skip = days_between(first, from);
    WeekMeans week;
    MeanSum week_severity, week_sleep;
    const auto end_week = [&] {
        if (week.nights == 0) return;
        week.severity = week_severity.mean();
        week.sleep = week_sleep.mean();
        progress.weeks.push_back(week);
        week = WeekMeans{};
        week_severity = week_sleep = MeanSum{};
    };
    for (int i = skip; i < days; ++i) {
        const auto at = static_cast<std::size_t>(i);
        ProgressNight night;
        night.date = add_days(first, i);
        if (const NightSummary* summary = by_day[at]) {
            night.logged = summary->log.has_value();
            night.wind_down = summary->did(k_wind_down_routine);
            if (summary->log) night.triggers = summary->log->triggers;
        }
        night.severity = severity[at];
        night.sleep = sleep[at];
        night.severity_mean = severity_means[at];
        night.sleep_mean = sleep_means[at];
        if (night.wind_down) ++progress.wind_down;

        if (weekday_of(night.date) == std::chrono::Monday) end_week();
        if (week.nights == 0) week.from = night.date;
        week.to = night.date;
        ++week.nights;
        if (night.logged) ++week.logged;
        if (night.wind_down) ++week.wind_down;
        week_severity.add(night.severity);
        week_sleep.add(night.sleep);
        progress.nights.push_back(std::move(night));
    }
    end_week();
    return progress;
}

} // namespace calmlegs
