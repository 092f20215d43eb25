#include "journal/store_rules.h"

#include "journal/answers.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string_view>

namespace calmlegs {
namespace {

bool in_range(std::string_view what, const std::optional<int>& value, int low, int high,
              std::string& why) {
    if (!value || (*value >= low && *value <= high)) return true;
    why = fmt::format("{} {} is out of range: {} to {}", what, *value, low, high);
    return false;
}

bool not_negative(std::string_view what, int value, std::string& why) {
    if (value >= 0) return true;
    why = fmt::format("{} {} is negative", what, value);
    return false;
}

bool not_negative(std::string_view what, const std::optional<int>& value, std::string& why) {
    return !value || not_negative(what, *value, why);
}

bool clock_time(std::string_view what, const std::optional<LocalTime>& time, std::string& why) {
    if (!time || (time->hour >= 0 && time->hour <= 23 && time->minute >= 0 && time->minute <= 59))
        return true;
    why = fmt::format("{} {}:{} is not a time of day", what, time->hour, time->minute);
    return false;
}

bool has_control_character(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

bool named(std::string_view what, const std::vector<std::string>& ids, std::string& why) {
    for (const std::string& id : ids) {
        if (id.empty()) {
            why = fmt::format("a {} with no id", what);
            return false;
        }
        if (has_control_character(id)) {
            why = fmt::format("the {} id \"{}\" has a control character", what, id);
            return false;
        }
    }
    return true;
}

bool real_date(std::string_view what, Date date, std::string& why) {
    if (date.ok() && static_cast<int>(date.year()) >= 0 && static_cast<int>(date.year()) <= 9999)
        return true;
    why = fmt::format("{} is not a real date", what);
    return false;
}

} // namespace

Night stored_form(Night night) {
    night.supplements = sorted_unique(std::move(night.supplements));
    night.triggers = sorted_unique(std::move(night.triggers));
    return night;
}

bool night_storable(const Night& night, std::string& why) {
    const SleepDiary& diary = night.diary;
    return real_date("the night's date", night.date, why) &&
           in_range("severity", night.severity, k_severity_min, k_severity_max, why) &&
           in_range("sleep quality", night.sleep, k_sleep_min, k_sleep_max, why) &&
           clock_time("into bed", diary.into_bed, why) &&
           not_negative("minutes to fall asleep", diary.minutes_to_sleep, why) &&
           not_negative("wakings", diary.wakings, why) &&
           not_negative("minutes awake", diary.minutes_awake, why) &&
           clock_time("final wake", diary.final_wake, why) &&
           clock_time("out of bed", diary.out_of_bed, why) &&
           named("supplement", night.supplements, why) && named("trigger", night.triggers, why);
}

bool run_storable(const RoutineRun& run, std::string& why) {
    if (run.uid.empty()) {
        why = "a routine run with no uid";
        return false;
    }
    if (run.routine.empty()) {
        why = fmt::format("run {} names no routine", run.uid);
        return false;
    }
    if (has_control_character(run.routine)) {
        why = fmt::format("run {} names a routine with a control character", run.uid);
        return false;
    }
    if (run.outcome != RunOutcome::finished && run.outcome != RunOutcome::quit &&
        run.outcome != RunOutcome::interrupted) {
        why = fmt::format("run {} has no known outcome", run.uid);
        return false;
    }
    return real_date("the run's night", run.night, why) &&
           not_negative("steps in all", run.steps_total, why) &&
           not_negative("steps done", run.steps_done, why) &&
           not_negative("steps skipped", run.steps_skipped, why) &&
           not_negative("signal", run.signal, why);
}

bool trial_storable(const Trial& trial, std::string& why) {
    if (trial.design.subject.empty() || has_control_character(trial.design.subject)) {
        why = "a trial's subject is empty or has a control character";
        return false;
    }
    if (!real_date("the trial's start", trial.design.start, why)) return false;
    if (trial.stopped && !real_date("the night the trial stopped", *trial.stopped, why))
        return false;
    why = design_problem(trial.design);
    return why.empty();
}

bool no_pending_trial(const std::vector<Trial>& trials, Date tonight, std::string& why) {
    for (const Trial& trial : trials) {
        if (!trial_pending(trial, tonight)) continue;
        const bool planned = trial_state(trial, tonight) == TrialState::planned;
        why = fmt::format("a trial of {} {} {} to {}: one thing at a time", trial.design.subject,
                          planned ? "is planned from" : "runs from",
                          format_date(trial.design.start), format_date(trial_end(trial.design)));
        return false;
    }
    return true;
}

bool stop_in(std::vector<Trial>& trials, std::int64_t id, Date night, std::string& why) {
    for (Trial& trial : trials) {
        if (trial.id != id) continue;
        if (trial.stopped) {
            why = fmt::format("the trial of {} was stopped on {} already", trial.design.subject,
                              format_date(*trial.stopped));
            return false;
        }
        trial.stopped = night;
        return true;
    }
    why = fmt::format("there is no trial {}", id);
    return false;
}

} // namespace calmlegs
