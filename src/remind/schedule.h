#pragma once
// The person's schedule: the content's reminders and their own, with the plan applied, placed
// on a reminder day in a time zone. Pure: the content and config are read by the caller.

#include "content/config.h"
#include "content/diagnostics.h"
#include "content/schedule_model.h"
#include "content/store.h"
#include "remind/reminder_day.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// A reminder that is on, ready to be placed on any day.
struct PlannedReminder {
    std::string id;
    std::string title;
    std::string text;
    std::string command; ///< a calmlegs command line to suggest; empty when none
    ReminderTime time;
    /// "Magnesium: 200–400 mg" for each supplement it names that is in the plan.
    std::vector<std::string> doses;
    std::vector<int> steps; ///< the guide steps it comes from
    bool own = false;
    /// The supplement id of each of `doses`, in the same order.
    std::vector<std::string> dose_ids = {};
    /// The known supplements it names (ids), in the plan or not.
    std::vector<std::string> supplements = {};
};

/// The reminders that are on, in the content's order and then the person's own, and why the
/// others are not.
struct PersonSchedule {
    std::vector<PlannedReminder> reminders;
    std::vector<std::string> off;         ///< shipped reminders turned off in [reminders] off
    std::vector<std::string> not_in_plan; ///< reminders of supplements not in the plan
    bool has_plan = false;                ///< whether the config sets a [plan]
    ScheduleConfig times;                 ///< the config's [schedule]
};

/// Builds the person's schedule from the content's schedule.toml and the config. Problems of
/// the config ([reminders] off naming no reminder, an own reminder that takes a shipped id or
/// names an unknown supplement, a [plan] name that resolves to nothing) go to `diags`, at
/// their place in the config.
PersonSchedule plan_schedule(ContentStore& store, const Config& config, Diagnostics& diags);

/// plan_schedule without opening a supplement's entry, for `remind`'s check every minute of
/// whether anything is due: the same reminders at the same times, without their doses. nullopt
/// when a name of the [plan] is not exactly an id ("mag"): only resolve_plan settles that.
std::optional<PersonSchedule> plan_times(ContentStore& store, const Config& config,
                                         Diagnostics& diags);

/// What a trial asks of one placed reminder on a trial night (remind/trial_evening.h).
struct ReminderTrial {
    std::string line;    ///< "ON night 9 of 42: take magnesium, 200–400 mg"
    bool on = false;     ///< an ON night
    int night = 0;       ///< of the trial, from 1
    int nights = 0;      ///< in the trial
    std::string subject; ///< the supplement's or routine's id
    /// An OFF night of what this reminder asks for: its text and command give way to the
    /// line, and the subject's dose is not shown.
    bool replaces = false;

    friend bool operator==(const ReminderTrial&, const ReminderTrial&) = default;
};

/// One reminder placed on a reminder day.
struct DayReminder {
    const PlannedReminder* reminder = nullptr; ///< into the PersonSchedule it was placed from
    Date day;                                  ///< the reminder day it belongs to
    Instant at;                                ///< when it fires
    LocalKind kind = LocalKind::unique;        ///< how its wall-clock time resolved
    LocalSeconds local;                        ///< the clock reading when it fires
    std::optional<ReminderTrial> trial = std::nullopt; ///< set on a trial night (follow_trial)
};

/// The reminders of reminder `day` (noon to noon), in the order they fire (ties in the
/// schedule's order). Clock times go through at_clock_time, offsets from bedtime or waking
/// through real elapsed time, and the weekend times apply to the evenings they name.
std::vector<DayReminder> place_on_day(const PersonSchedule& schedule, const TimeZone& zone,
                                      Date day);

/// The reminders that fire in the minute that starts at the wall-clock reading `minute`
/// (the stateless `remind --at`): of the reminder days either side of it, those whose clock
/// reading when they fire falls in [minute, minute + 60 s), at either occurrence of a minute
/// of the repeated hour. A reading in a skipped hour is the first valid minute after it, as
/// a reminder at that reading fires then.
std::vector<DayReminder> due_in_minute(const PersonSchedule& schedule, const TimeZone& zone,
                                       LocalSeconds minute);

} // namespace calmlegs
