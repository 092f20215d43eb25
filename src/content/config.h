#pragma once
// The person's config.toml: cue settings and their own supplement plan (calmlegs-config(5)).

#include "content/model.h"
#include "content/schedule_model.h"
#include "content/trigger_model.h"
#include "remind/civil.h"

#include <chrono>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The kinds of cue that ring the terminal bell ([cues] bell). `bell = true` is the default:
/// a cue at each step, side and breath, but not at each repetition of an exercise, which
/// would ring every two seconds through a stretch.
struct BellCues {
    bool step = true;   ///< "step": the start of each step
    bool side = true;   ///< "side": each side of an exercise, and the switch between them
    bool breath = true; ///< "breath": each phase of a breath (in, hold, out)
    bool rep = false;   ///< "rep": each movement of an exercise's repetitions

    /// True when the bell rings at all.
    bool any() const { return step || side || breath || rep; }
    /// `bell = false`: never.
    static BellCues none() { return {false, false, false, false}; }
    bool operator==(const BellCues&) const = default;
};

/// The names [cues] bell takes in a list, in order: step, side, breath, rep.
const std::vector<std::string>& bell_cue_names();

/// The bedtime, and optionally the wake time, of a night.
struct NightTimes {
    LocalTime bedtime{22, 30};
    std::optional<LocalTime> wake;
    bool operator==(const NightTimes&) const = default;
};

/// Friday and Saturday: the evenings before a day off, for most.
std::vector<std::chrono::weekday> default_weekend_days();

/// [schedule]: the nights the reminders are counted from.
struct ScheduleConfig {
    NightTimes nights;                  ///< bedtime and wake
    bool bedtime_set = false;           ///< false: bedtime is the default 22:30
    std::optional<NightTimes> weekend;  ///< [schedule.weekend], when written
    /// [schedule.weekend] days: the evenings the weekend times apply to (a night belongs to
    /// the evening it starts on, so the default, Friday and Saturday, wakes on Saturday and
    /// Sunday).
    std::vector<std::chrono::weekday> weekend_days = default_weekend_days();

    /// The times of the night that starts on the evening of `day`.
    const NightTimes& night_of(Date day) const;
};

/// The names [schedule.weekend] days takes, Monday first.
const std::vector<std::string>& weekday_names();

/// [reminders]: which shipped reminders are off, and the person's own.
struct ReminderSettings {
    std::vector<Ref> off;          ///< ids of shipped reminders turned off
    std::vector<ScheduleItem> own; ///< [[reminders.own]]
};

/// [journal]: what the journal records by itself, and the person's own triggers.
struct JournalConfig {
    bool record_runs = true; ///< every routine run is recorded in the journal
    /// [journal] triggers, in the order written, each once: id = id_from_name(name), own =
    /// true, pos and where.id/where.name at the name in the config. Whether one takes the name
    /// of a content trigger is for check_own_triggers (config_triggers.h), which knows the
    /// content.
    std::vector<Trigger> own_triggers;
};

struct Config {
    BellCues bell;                        ///< [cues] bell
    std::vector<std::string> cue_command; ///< [cues] command: argv; the cue text is appended
    /// [cues] keep_awake: hold off the desktop's idle blanking while a full-screen routine runs.
    bool keep_awake = true;
    /// [plan] supplements: what the person takes, as written (an id, a name or an alias, which
    /// resolve_plan turns into ids); unset when they have not said.
    std::optional<std::vector<std::string>> plan_supplements;
    std::vector<Ref> plan_refs; ///< the same names, with where they are written
    /// [me] conditions: what applies to the person (pregnancy, kidney-disease...), in the
    /// cautions' vocabulary (never "everyone"), each once.
    std::vector<Audience> conditions;
    ScheduleConfig schedule;
    ReminderSettings reminders;
    JournalConfig journal;
    std::string file;
};

/// Parses config.toml, reporting every problem to `diags`; nullopt when the TOML is broken.
std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags);

} // namespace calmlegs
