#include "content/config.h"

#include "content/names.h"
#include "content/schedule_reader.h"
#include "content/toml_reader.h"

#include <algorithm>

namespace calmlegs {
namespace {

/// [cues] bell: true (the default kinds), false (none), or a list of the kinds to ring.
BellCues read_bell(FieldReader& cues) {
    const BellCues defaults;
    const auto names = cues.flag_or_choices("bell", bell_cue_names());
    if (!names) return defaults;
    if (!names->only) return names->on ? defaults : BellCues::none();
    BellCues ring = BellCues::none();
    for (const auto& name : *names->only) {
        ring.step = ring.step || name == "step";
        ring.side = ring.side || name == "side";
        ring.breath = ring.breath || name == "breath";
        ring.rep = ring.rep || name == "rep";
    }
    return ring;
}

/// [schedule] and [schedule.weekend].
ScheduleConfig read_schedule(FieldReader& fields) {
    ScheduleConfig schedule;
    if (auto bedtime = fields.local_time("bedtime", Presence::optional)) {
        schedule.nights.bedtime = *bedtime;
        schedule.bedtime_set = true;
    }
    schedule.nights.wake = fields.local_time("wake", Presence::optional);
    if (const toml::table* weekend = fields.table("weekend", Presence::optional)) {
        FieldReader weekend_fields(*weekend, fields.file(), fields.diagnostics());
        NightTimes nights = schedule.nights;
        if (auto bedtime = weekend_fields.local_time("bedtime", Presence::optional))
            nights.bedtime = *bedtime;
        if (auto wake = weekend_fields.local_time("wake", Presence::optional)) nights.wake = wake;
        const auto days = weekend_fields.choices("days", Presence::optional, weekday_names());
        if (weekend->contains("days")) {
            schedule.weekend_days.clear();
            for (const auto& name : days) {
                const auto at = std::find(weekday_names().begin(), weekday_names().end(), name);
                // Monday is 1 in std::chrono, Sunday 0 (and 7).
                schedule.weekend_days.emplace_back(
                    static_cast<unsigned>(at - weekday_names().begin() + 1));
            }
        }
        schedule.weekend = nights;
        weekend_fields.finish();
    }
    return schedule;
}

/// [reminders] off and [[reminders.own]].
ReminderSettings read_reminders(FieldReader& fields) {
    ReminderSettings reminders;
    reminders.off = fields.ids("off", Presence::optional);
    DuplicateIds seen(fields.file());
    fields.tables("own", Presence::optional, [&](const toml::table& table) {
        FieldReader own_fields(table, fields.file(), fields.diagnostics());
        ScheduleItem item;
        item.own = true;
        item.file = fields.file();
        item.pos = own_fields.position();
        item.id = own_fields.string("id", Presence::required);
        if (!item.id.empty() && !is_valid_id(item.id))
            own_fields.error_at("id", "'id': expected lowercase letters, digits and '-', found " +
                                          quote(item.id));
        read_schedule_item(own_fields, item, true);
        own_fields.finish();
        if (!item.id.empty() &&
            seen.first(item.id, own_fields.position_of_key("id"), fields.diagnostics()))
            reminders.own.push_back(std::move(item));
    });
    return reminders;
}

/// [journal] record_runs and triggers: each trigger name an id of its own, once.
JournalConfig read_journal(FieldReader& fields) {
    JournalConfig journal;
    journal.record_runs = fields.boolean("record_runs", true);
    const auto names = fields.strings("triggers", Presence::optional);
    const auto positions = fields.element_positions("triggers");
    for (std::size_t i = 0; i < names.size() && i < positions.size(); ++i) {
        const std::string& name = names[i];
        Trigger trigger;
        trigger.id = id_from_name(name);
        trigger.name = name;
        trigger.own = true;
        trigger.file = fields.file();
        trigger.pos = positions[i];
        trigger.where.id = positions[i];
        trigger.where.name = positions[i];
        if (trigger.id.empty()) {
            if (name.find_first_not_of(" \t\r\n") == std::string::npos)
                continue; // an empty name: strings() has said so
            fields.diagnostics().error(fields.file(), positions[i],
                                       "'triggers': " + quote(name) +
                                           " has no letter or digit to name it by; write a few "
                                           "words, such as \"cold feet\"");
            continue;
        }
        // Names are compared ignoring case, spaces and punctuation: "coldfeet" is "Cold feet".
        const auto same = std::find_if(
            journal.own_triggers.begin(), journal.own_triggers.end(), [&](const Trigger& earlier) {
                return normalize_name(earlier.id) == normalize_name(trigger.id);
            });
        if (same != journal.own_triggers.end()) {
            fields.diagnostics().error(
                fields.file(), positions[i],
                "'triggers': " + quote(name) + " repeats " + quote(same->name) + " (line " +
                    std::to_string(same->pos.line) +
                    "): names are compared ignoring case, spaces and punctuation; write it once");
            continue;
        }
        journal.own_triggers.push_back(std::move(trigger));
    }
    return journal;
}

} // namespace

const std::vector<std::string>& weekday_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> lower;
        for (unsigned day = 1; day <= 7; ++day)
            lower.push_back(to_lower_ascii(weekday_name(std::chrono::weekday{day})));
        return lower;
    }();
    return names;
}

std::vector<std::chrono::weekday> default_weekend_days() {
    // Built one by one: GCC 12 at -O2 warns, wrongly, about an initializer list of weekdays.
    std::vector<std::chrono::weekday> days;
    days.push_back(std::chrono::Friday);
    days.push_back(std::chrono::Saturday);
    return days;
}

const NightTimes& ScheduleConfig::night_of(Date day) const {
    if (!weekend) return nights;
    const auto weekday = weekday_of(day);
    const bool is_weekend =
        std::find(weekend_days.begin(), weekend_days.end(), weekday) != weekend_days.end();
    return is_weekend ? *weekend : nights;
}

const std::vector<std::string>& bell_cue_names() {
    static const std::vector<std::string> names = {"step", "side", "breath", "rep"};
    return names;
}

std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Config config;
    config.file = file;
    if (const toml::table* cues = fields.table("cues", Presence::optional)) {
        FieldReader cue_fields(*cues, file, diags);
        config.bell = read_bell(cue_fields);
        config.cue_command = cue_fields.strings("command", Presence::optional);
        config.keep_awake = cue_fields.boolean("keep_awake", true);
        cue_fields.finish();
    }
    if (const toml::table* plan = fields.table("plan", Presence::optional)) {
        FieldReader plan_fields(*plan, file, diags);
        if (plan->contains("supplements")) {
            // Names as a person types them ("mag", "Vitamin D"): resolve_plan finds their ids.
            const auto names = plan_fields.strings("supplements", Presence::required);
            const auto positions = plan_fields.element_positions("supplements");
            config.plan_supplements.emplace();
            for (std::size_t i = 0; i < names.size() && i < positions.size(); ++i) {
                config.plan_refs.push_back(Ref{names[i], positions[i]});
                config.plan_supplements->push_back(names[i]);
            }
        } else {
            (void)plan_fields.strings("supplements", Presence::optional);
        }
        plan_fields.finish();
    }
    if (const toml::table* me = fields.table("me", Presence::optional)) {
        // The person's conditions, in the cautions' vocabulary: the plan review shows every
        // caution that concerns one of them.
        FieldReader me_fields(*me, file, diags);
        const auto positions = me_fields.element_positions("conditions");
        for (Audience who : me_fields.audiences("conditions", Presence::optional))
            if (who != Audience::everyone &&
                std::find(config.conditions.begin(), config.conditions.end(), who) ==
                    config.conditions.end())
                config.conditions.push_back(who);
        if (const toml::array* raw = (*me)["conditions"].as_array())
            for (std::size_t i = 0; i < raw->size() && i < positions.size(); ++i)
                if (const auto* word = (*raw)[i].as_string(); word && word->get() == "everyone")
                    diags.error(file, positions[i],
                                "'conditions': \"everyone\" is no condition; list only what "
                                "applies to you, such as \"pregnancy\" or \"kidney-disease\"");
        me_fields.finish();
    }
    if (const toml::table* schedule = fields.table("schedule", Presence::optional)) {
        FieldReader schedule_fields(*schedule, file, diags);
        config.schedule = read_schedule(schedule_fields);
        schedule_fields.finish();
    }
    if (const toml::table* reminders = fields.table("reminders", Presence::optional)) {
        FieldReader reminder_fields(*reminders, file, diags);
        config.reminders = read_reminders(reminder_fields);
        reminder_fields.finish();
    }
    if (const toml::table* journal = fields.table("journal", Presence::optional)) {
        FieldReader journal_fields(*journal, file, diags);
        config.journal = read_journal(journal_fields);
        journal_fields.finish();
    }
    fields.finish();
    return config;
}

} // namespace calmlegs
