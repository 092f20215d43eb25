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
std::vector<std::string> turned_off(const std::vector<ScheduleItem>& shipped, const Config& config,
                                    Diagnostics& diags) {
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

/// The schedule with `plan` (ids, or nullopt without a [plan]) applied; the doses of the
/// plan's supplements are read from their entries only `with_doses`.
PersonSchedule plan_with(ContentStore& store, const Config& config,
                         const std::optional<std::vector<std::string>>& plan, bool with_doses,
                         Diagnostics& diags) {
    PersonSchedule out;
    out.times = config.schedule;
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

    // A supplement need only be known for its reminder to be placed, and the directory
    // listing says so; only the doses need its entry.
    const std::vector<std::string> known = store.supplement_ids();
    for (const ScheduleItem* item : items) {
        PlannedReminder reminder{item->id,   item->title, item->text, item->command,
                                 item->time, {},          {},         item->own};
        for (const auto& step : item->steps)
            reminder.steps.push_back(step.number);
        bool any_known = false;
        bool any_planned = false;
        for (const auto& ref : item->supplements) {
            if (std::find(known.begin(), known.end(), ref.id) == known.end()) {
                if (item->own)
                    diags.error(item->file, ref.pos,
                                "'supplements': no supplement has the id " + quote(ref.id));
                continue;
            }
            any_known = true;
            reminder.supplements.push_back(ref.id);
            if (!in_plan(ref.id)) continue;
            any_planned = true;
            if (!with_doses) continue;
            if (const Supplement* supplement = store.supplement(ref.id)) {
                reminder.doses.push_back(dose_line(*supplement));
                reminder.dose_ids.push_back(ref.id);
            }
        }
        if (!item->supplements.empty() && !any_planned) {
            // A reminder of supplements the person has not said they take stays off.
            if (any_known) out.not_in_plan.push_back(item->id);
            continue;
        }
        out.reminders.push_back(std::move(reminder));
    }
    return out;
}

} // namespace

PersonSchedule plan_schedule(ContentStore& store, const Config& config, Diagnostics& diags) {
    const auto plan = resolve_plan(store, config, diags);
    return plan_with(store, config, plan, true, diags);
}

std::optional<PersonSchedule> plan_times(ContentStore& store, const Config& config,
                                         Diagnostics& diags) {
    std::optional<std::vector<std::string>> plan;
    if (config.plan_supplements) {
        // What resolve_plan tries first, without opening the entry: the name is an id.
        const std::vector<std::string> ids = store.supplement_ids();
        plan.emplace();
        for (const auto& name : *config.plan_supplements) {
            const std::string wanted = normalize_name(name);
            const auto id = std::find_if(ids.begin(), ids.end(), [&](const std::string& each) {
                return normalize_name(each) == wanted;
            });
            if (id == ids.end()) return std::nullopt;
            if (std::find(plan->begin(), plan->end(), *id) == plan->end()) plan->push_back(*id);
        }
    }
    return plan_with(store, config, plan, false, diags);
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
        out.push_back(
            {&reminder, day, resolved.instant, resolved.kind, to_local(zone, resolved.instant)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const DayReminder& a, const DayReminder& b) { return a.at < b.at; });
    return out;
}

std::vector<DayReminder> due_in_minute(const PersonSchedule& schedule, const TimeZone& zone,
                                       LocalSeconds minute) {
    // Matched by clock reading, not instant: a minute of the repeated hour shows twice, and a
    // reminder may fire at either (one counted back from a bedtime after the repeat).
    const Resolved resolved = resolve_local(zone, minute);
    const LocalSeconds start =
        resolved.kind == LocalKind::skipped ? to_local(zone, resolved.instant) : minute;
    const LocalSeconds end = start + std::chrono::minutes{1};
    const Date day = reminder_day(zone, resolved.instant);
    std::vector<DayReminder> out;
    for (int delta : {-1, 0, 1})
        for (const auto& placed : place_on_day(schedule, zone, add_days(day, delta)))
            if (placed.local >= start && placed.local < end) out.push_back(placed);
    return out;
}

} // namespace calmlegs
