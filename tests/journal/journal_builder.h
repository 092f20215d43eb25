#pragma once
// Small hand-made journals for the statistics tests: nights by how many nights before a
// chosen "today" they are, with or without a log, a severity, supplements, triggers and runs.

#include "journal/night.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs::test {

/// 2026-03-20 (a Friday), the "today" of most cases.
inline Date journal_today() {
    return Date{std::chrono::year{2026}, std::chrono::month{3}, std::chrono::day{20}};
}

/// A night `back` nights before `today` (0 is today), with nothing in it yet.
inline NightSummary night_back(int back, Date today = journal_today()) {
    NightSummary night;
    night.date = add_days(today, -back);
    return night;
}

/// The night logged with `severity` (nullopt: logged without one).
inline NightSummary& logged(NightSummary& night, std::optional<int> severity) {
    if (!night.log) {
        night.log.emplace();
        night.log->date = night.date;
    }
    night.log->severity = severity;
    return night;
}

/// The night with routine `id` finished (one more run).
inline NightSummary& finished(NightSummary& night, const std::string& id) {
    night.finished.push_back(id);
    std::sort(night.finished.begin(), night.finished.end());
    ++night.runs;
    return night;
}

/// Sorts nights by date, as the store hands them over.
inline void by_date(std::vector<NightSummary>& nights) {
    std::sort(nights.begin(), nights.end(), [](const NightSummary& a, const NightSummary& b) {
        return std::chrono::sys_days{a.date} < std::chrono::sys_days{b.date};
    });
}

} // namespace calmlegs::test
