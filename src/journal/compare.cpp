#include "journal/compare.h"

#include "journal/t_interval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace calmlegs {
namespace {

bool contains(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

/// True when the night counts on the "with" side of `subject`.
bool night_with(const NightSummary& night, const Subject& subject) {
    switch (subject.kind) {
    case SubjectKind::supplement:
        return night.log && contains(night.log->supplements, subject.id);
    case SubjectKind::trigger:
        return night.log && contains(night.log->triggers, subject.id);
    case SubjectKind::routine:
        return night.did(subject.id);
    }
    return false;
}

/// When each supplement in the journal started: the first night it was taken after at least
/// one logged night without it; and whether the first logged night had it.
struct SupplementStart {
    int nights_with = 0; ///< logged nights so far that had it
    std::optional<Date> started;
    bool from_start = false;
};

std::map<std::string, SupplementStart, std::less<>>
supplement_starts(const std::vector<NightSummary>& nights) {
    std::map<std::string, SupplementStart, std::less<>> starts;
    int logged = 0; // logged nights before this one
    for (const NightSummary& night : nights) {
        if (!night.log) continue;
        for (const auto& id : night.log->supplements) {
            SupplementStart& start = starts[id];
            if (logged == 0) start.from_start = true;
            if (!start.started && logged - start.nights_with > 0) start.started = night.date;
            ++start.nights_with;
        }
        ++logged;
    }
    return starts;
}

Side side_of(const std::vector<double>& values) {
    Side side;
    side.nights = static_cast<int>(values.size());
    if (values.empty()) return side;
    double sum = 0;
    for (double value : values)
        sum += value;
    side.mean = sum / side.nights;
    if (side.nights < 2) return side;
    double squares = 0;
    for (double value : values)
        squares += (value - side.mean) * (value - side.mean);
    side.sd = std::sqrt(squares / (side.nights - 1));
    return side;
}

} // namespace

std::string_view to_string(SubjectKind kind) {
    switch (kind) {
    case SubjectKind::supplement:
        return "supplement";
    case SubjectKind::trigger:
        return "trigger";
    case SubjectKind::routine:
        return "routine";
    }
    return "supplement";
}

Comparison compare_nights(const std::vector<NightSummary>& nights, const Subject& subject) {
    Comparison c;
    c.subject = subject;
    c.method = std::string(k_interval_method);
    if (subject.kind == SubjectKind::supplement) {
        const auto starts = supplement_starts(nights);
        if (auto found = starts.find(subject.id); found != starts.end()) {
            c.started = found->second.started;
            c.taken_from_start = found->second.from_start;
        }
        // A supplement taken from the journal's first logged night started, as far as the
        // journal can tell, on that night: two of them taken from the start are together.
        std::optional<Date> first_logged;
        for (const NightSummary& night : nights)
            if (night.log) {
                first_logged = night.date;
                break;
            }
        const auto start_of = [&](const auto& start) -> std::optional<Date> {
            if (start.started) return start.started;
            return start.from_start ? first_logged : std::nullopt;
        };
        std::optional<Date> own_start = c.started;
        if (const auto found = starts.find(subject.id); !own_start && found != starts.end())
            own_start = start_of(found->second);
        if (own_start)
            for (const auto& [id, start] : starts) {
                const std::optional<Date> other = start_of(start);
                if (id != subject.id && other &&
                    std::abs(days_between(*own_start, *other)) <= k_confound_days)
                    c.confounders.push_back({id, *own_start, *other});
            }
        std::stable_sort(c.confounders.begin(), c.confounders.end(),
                         [](const Confounder& a, const Confounder& b) {
                             return std::chrono::sys_days{a.other_started} <
                                    std::chrono::sys_days{b.other_started};
                         });
    }
    std::vector<double> with, without;
    for (const NightSummary& night : nights) {
        if (!night.log || !night.log->severity) continue;
        const double severity = *night.log->severity;
        if (!night_with(night, subject)) {
            without.push_back(severity);
            continue;
        }
        if (c.started) {
            const int since = days_between(*c.started, night.date);
            if (since >= 0 && since < k_settling_nights) {
                ++c.settling_left_out;
                continue;
            }
        }
        with.push_back(severity);
    }
    c.with = side_of(with);
    c.without = side_of(without);
    c.too_few = c.with.nights < k_min_nights || c.without.nights < k_min_nights;
    if (c.with.nights >= 2 && c.without.nights >= 2) {
        c.difference = c.with.mean - c.without.mean;
        const auto interval =
            welch_interval({c.with.nights, c.with.mean, c.with.sd},
                           {c.without.nights, c.without.mean, c.without.sd}, k_interval_level);
        if (interval) {
            c.low = interval->low;
            c.high = interval->high;
            c.df = interval->df;
        }
    }
    return c;
}

} // namespace calmlegs
