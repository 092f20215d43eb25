#include "remind/trial_evening.h"

#include <algorithm>

namespace calmlegs {

bool names_subject(const PlannedReminder& reminder, const TrialEvening& evening) {
    const std::string& subject = evening.trial.subject;
    if (evening.kind == TrialSubject::routine)
        return !evening.command.empty() && reminder.command == evening.command;
    return std::find(reminder.supplements.begin(), reminder.supplements.end(), subject) !=
           reminder.supplements.end();
}

void follow_trial(std::vector<DayReminder>& reminders, const TrialEvening& evening) {
    for (auto& placed : reminders) {
        if (placed.day != evening.night) continue;
        const bool named = names_subject(*placed.reminder, evening);
        if (!named && placed.reminder->id != k_wind_down_reminder) continue;
        placed.trial = evening.trial;
        placed.trial->replaces = named && !evening.trial.on;
    }
}

std::string reminder_text(const DayReminder& reminder) {
    if (reminder.trial && reminder.trial->replaces) return reminder.trial->line;
    return reminder.reminder->text;
}

std::vector<std::string> reminder_doses(const DayReminder& reminder) {
    const PlannedReminder& planned = *reminder.reminder;
    if (!reminder.trial || !reminder.trial->replaces) return planned.doses;
    std::vector<std::string> doses;
    for (std::size_t i = 0; i < planned.doses.size(); ++i)
        if (i >= planned.dose_ids.size() || planned.dose_ids[i] != reminder.trial->subject)
            doses.push_back(planned.doses[i]);
    return doses;
}

std::string reminder_command(const DayReminder& reminder) {
    if (reminder.trial && reminder.trial->replaces) return {};
    return reminder.reminder->command;
}

} // namespace calmlegs
