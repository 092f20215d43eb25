#include "remind/schedule.h"

#include "content/config_plan.h"
#include "content/names.h"

#include <algorithm>

namespace calmlegs {
namespace {

std::string dose_line(const Supplement& supplement) {
    std::string doses;
    for (const auto& dose : supplement.dose)
        doses += (doses.empty() ? "" : "; ") + dose;
    return supplement.name + ": " + doses;
}

/// The ids the person wrote in [reminders] off, checked against the shipped ones.
std::vector<std::string> turned_off(const std::vector<ScheduleItem>& shipped,
                                    const Config& config, Diagnostics& diags) {
    std::vector<std::string> known;
    for (const auto& item : shipped)
        known.push_back(item.id);
    std::vector<std::string> off;
    for (const auto& ref : config.reminders.off) {
        if (std::find(known.begin(), known.end(), ref.id) != known.end()) {
            off.push_back(ref.id);
            continue;
        }
        std::string message = "'off': no reminder has the id " + quote(ref.id);
        if (auto near = nearest_name(ref.id, known, typo_allowance(normalize_name(ref.id))))
            message += "; did you mean " + quote(*near) + "?";
        else
            message += "; `calmlegs schedule --all` lists them";
        diags.error(config.file, ref.pos, std::move(message));
    }
    return off;
}

} // namespace

PersonSchedule plan_schedule(ContentStore& store, const Config& config, Diagnostics& diags) {
    PersonSchedule out;
    out.times = config.schedule;
    const auto plan = resolve_plan(store, config, diags);
    out.has_plan = plan.has_value();
    const auto in_plan = [&](const std::string& id) {
        return plan && std::find(plan->begin(), plan->end(), id) != plan->end();
    };
    const std::vector<ScheduleItem>& shipped = store.schedule();
    out.off = turned_off(shipped, config, diags);

    std::vector<const ScheduleItem*> items;
    for (const auto& item : shipped)
        if (std::find(out.off.begin(), out.off.end(), item.id) == out.off.end())
            items.push_back(&item);
    for (const auto& item : config.reminders.own) {
        const bool clash = std::any_of(shipped.begin(), shipped.end(),
                                       [&](const ScheduleItem& s) { return s.id == item.id; });
        if (clash) {
            diags.error(item.file, item.pos,
                        "[[reminders.own]] " + quote(item.id) +
                            " has the id of a shipped reminder; choose another id, or turn "
                            "the shipped one off with [reminders] off");
            continue;
        }
        items.push_back(&item);
    }

    for (const ScheduleItem* item : items) {
        PlannedReminder reminder{item->id, item->title, item->text, item->command,
                                 item->time, {},          {},         item->own};
        for (const auto& step : item->steps)
            reminder.steps.push_back(step.number);
        bool any_known = false;
        for (const auto& ref : item->supplements) {
            const Supplement* supplement = store.supplement(ref.id);
            if (supplement == nullptr) {
                if (item->own)
                    diags.error(item->file, ref.pos,
                                "'supplements': no supplement has the id " + quote(ref.id));
                continue;
            }
            any_known = true;
            if (in_plan(ref.id)) reminder.doses.push_back(dose_line(*supplement));
        }
        if (!item->supplements.empty() && reminder.doses.empty()) {
            // A reminder of supplements the person has not said they take stays off.
            if (any_known) out.not_in_plan.push_back(item->id);
            continue;
        }
        out.reminders.push_back(std::move(reminder));
    }
    return out;
}

std::vector<DayReminder> place_on_day(const PersonSchedule& schedule, const TimeZone& zone,
                                      Date day) {
    const NightTimes& night = schedule.times.night_of(day);
    std::vector<DayReminder> out;
    for (const auto& reminder : schedule.reminders) {
        const ReminderTime& time = reminder.time;
        Resolved resolved;
        switch (time.anchor) {
        case Anchor::clock:
            resolved = at_clock_time(zone, day, time.at);
            break;
        case Anchor::bedtime:
            resolved = before_bedtime(zone, day, night.bedtime, std::chrono::minutes{time.minutes});
            break;
        case Anchor::wake:
            if (night.wake) {
                resolved = at_clock_time(zone, day, *night.wake);
                resolved.instant += std::chrono::minutes{time.minutes};
            } else
                resolved = at_clock_time(zone, day, time.at);
            break;
        }
        out.push_back({&reminder, day, resolved.instant, resolved.kind,
                       to_local(zone, resolved.instant)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DayReminder& a, const DayReminder& b) { return a.at < b.at; });
    return out;
}

std::vector<DayReminder> due_in_minute(const PersonSchedule& schedule, const TimeZone& zone,
                                       LocalSeconds minute) {
    const Instant start = resolve_local(zone, minute).instant;
    const Instant end = start + std::chrono::minutes{1};
    const Date day = reminder_day(zone, start);
    std::vector<DayReminder> out;
    for (int delta : {-1, 0, 1})
        for (const auto& placed : place_on_day(schedule, zone, add_days(day, delta)))
            if (placed.at >= start && placed.at < end) out.push_back(placed);
    return out;
}

} // namespace calmlegs
