#pragma once
// The reminder schedule (calmlegs-content(5) schedule.toml, calmlegs-config(5) [reminders]):
// what each reminder asks and when, counted from a clock time, from bedtime or from waking.

#include "content/model.h"
#include "remind/civil.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// What a reminder's time is counted from.
enum class Anchor {
    clock,   ///< `at = "12:00"`: a fixed clock time
    bedtime, ///< `before_bedtime = 45`: minutes before the night's bedtime
    wake,    ///< `after_wake = 0`: minutes after the wake time, or `at` when none is set
};

/// When a reminder fires within its reminder day (noon to noon, see remind/reminder_day.h).
struct ReminderTime {
    Anchor anchor = Anchor::clock;
    LocalTime at;    ///< clock: the time; wake: the time used when no wake time is set
    int minutes = 0; ///< bedtime: minutes before it (negative: after); wake: minutes after it
    bool operator==(const ReminderTime&) const = default;
};

/// One reminder: shipped in schedule.toml, or the person's own ([[reminders.own]]).
struct ScheduleItem {
    std::string id;
    std::string title;   ///< a few words ("Wind-down"), the reminder's first line
    std::string text;    ///< what it asks
    std::string command; ///< a calmlegs command line to suggest; empty when none
    ReminderTime time;
    /// The supplements it is about. Such a reminder is on only when one of them is in the
    /// person's [plan], and lists those with their doses: nothing is reminded that the person
    /// has not said they take.
    std::vector<Ref> supplements;
    std::vector<StepRef> steps; ///< the guide steps it comes from
    bool own = false;           ///< from the config rather than the content
    std::string file;
    SourcePos pos;
};

/// The limits of a reminder's offset in minutes: twelve hours either way stays within the
/// noon-to-noon day of a bedtime in the evening.
inline constexpr int k_max_offset_minutes = 12 * 60;

} // namespace calmlegs
