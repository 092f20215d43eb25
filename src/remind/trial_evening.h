#pragma once
// The evening reminders on a trial night follow its schedule: the wind-down reminder (and any
// reminder that names the supplement tested, or runs the routine tested) says the night's
// ON/OFF line, and on an OFF night none of them asks for what the trial leaves out. Pure: the
// trial is looked up by the caller (cli/trial_tonight.h).

#include "journal/trial.h"
#include "remind/schedule.h"

#include <string>
#include <vector>

namespace calmlegs {

/// The shipped reminder that starts the nightly ritual: it always says a trial night's line.
inline constexpr const char* k_wind_down_reminder = "wind-down";

/// What a trial asks of the reminders of one night.
struct TrialEvening {
    Date night;                ///< the reminder day (noon to noon) of the trial night
    ReminderTrial trial;       ///< its line, ON or OFF, the night and the subject (an id)
    TrialSubject kind = TrialSubject::supplement;
    std::string command;       ///< a routine's command ("calmlegs tonight"); "" for a supplement
};

/// True when `reminder` speaks of what `evening` tests: a reminder naming the supplement, or
/// one whose command runs the routine.
bool names_subject(const PlannedReminder& reminder, const TrialEvening& evening);

/// Puts `evening`'s line on each of `reminders` that belongs to its night and is the
/// wind-down reminder or names the subject (names_subject). On an OFF night, a reminder that
/// names the subject is replaced by the line (ReminderTrial::replaces): its own text asks
/// for the subject. The others keep everything.
void follow_trial(std::vector<DayReminder>& reminders, const TrialEvening& evening);

/// What a placed reminder says, a trial taken into account: its text (the line alone when the
/// trial replaces it), its doses (without the subject's on an OFF night) and its command
/// ("" when the trial replaces it).
std::string reminder_text(const DayReminder& reminder);
std::vector<std::string> reminder_doses(const DayReminder& reminder);
std::string reminder_command(const DayReminder& reminder);

} // namespace calmlegs
