#include "ui/render_settings.h"

#include "content/names.h"
#include "ui/text.h"

namespace calmlegs {
namespace {

const char* const k_default = " (the default)";

/// The kinds of cue the bell rings at, in bell_cue_names() order.
std::vector<std::string> bell_names(const BellCues& bell) {
    const bool on[] = {bell.step, bell.side, bell.breath, bell.rep};
    std::vector<std::string> names;
    for (std::size_t i = 0; i < bell_cue_names().size(); ++i)
        if (on[i]) names.push_back(bell_cue_names()[i]);
    return names;
}

/// An argv as a shell would need it typed.
std::string quoted_words(const std::vector<std::string>& argv) {
    std::vector<std::string> words;
    for (const auto& word : argv)
        words.push_back(shell_quote(word));
    return join(words, " ");
}

std::string minutes_words(int minutes) {
    return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes");
}

/// The weekend days as written in the config ("friday", "saturday").
std::vector<std::string> day_names(const ScheduleConfig& schedule) {
    std::vector<std::string> names;
    for (const auto& day : schedule.weekend_days)
        names.push_back(weekday_names()[(day.c_encoding() + 6) % 7]); // Monday first
    return names;
}

std::string with_and(const std::vector<std::string>& items) {
    if (items.size() < 2) return join(items, "");
    std::vector<std::string> head(items.begin(), items.end() - 1);
    return join(head, ", ") + " and " + items.back();
}

std::string night_words(const NightTimes& night) {
    return "bedtime " + format_local_time(night.bedtime) + ", wake " +
           (night.wake ? format_local_time(*night.wake) : "not set");
}

/// "path (not created yet)", or what stands in for a path that cannot be known.
std::string path_words(const PathInUse& path, const std::string& unknown) {
    if (path.path.empty()) return unknown;
    return path.path + (path.exists ? "" : " (not created yet)");
}

std::string config_words(const SettingsView& view) {
    const PathInUse& file = view.config_file;
    if (file.path.empty())
        return "none: neither HOME nor XDG_CONFIG_HOME is set (the defaults apply)";
    const std::string chosen = view.config_source == "--config" ? "given with --config"
                               : view.config_source == "CALMLEGS_CONFIG"
                                   ? "named by CALMLEGS_CONFIG"
                                   : "the default place";
    if (file.exists) return file.path + "\n(" + chosen + ")";
    return file.path + "\n(" + chosen + "; not created yet: the defaults apply)";
}

std::vector<std::string> layer_lines(const SettingsView& view) {
    std::vector<std::string> lines;
    for (const auto& layer : view.layers)
        lines.push_back(layer.path + " (" +
                        (layer.from == "own"       ? std::string("your own")
                         : layer.from == "shipped" ? std::string("shipped")
                                                   : "from " + layer.from) +
                        ")");
    if (!view.own_content.path.empty() && !view.own_content.exists)
        lines.push_back(view.own_content.path + " (your own; none yet)");
    return lines;
}

std::string zone_words(const SettingsView& view) {
    if (view.zone_name.empty()) return view.zone_source;
    if (view.zone_source.starts_with(view.zone_name)) return view.zone_source;
    return view.zone_name + " (" + view.zone_source + ")";
}

std::string own_line(const ScheduleItem& item) {
    std::string line = item.id + ", " + describe_reminder_time(item.time) + ": " + item.title;
    if (!item.command.empty()) line += " (" + item.command + ")";
    return line;
}

void render_files(Page& page, const SettingsView& view) {
    page.heading("Files");
    page.field("Config", config_words(view));
    page.field("Content", layer_lines(view));
    const std::string no_state = "none: neither HOME nor XDG_STATE_HOME is set";
    page.field("State", path_words(view.state_dir, no_state));
    page.field("Reminders", path_words(view.reminder_state, no_state));
    page.field("Journal", path_words(view.journal, no_state));
    page.field("Time zone", zone_words(view));
}

void render_tables(Page& page, const Config& config, const SettingsView& view) {
    page.heading("[cues]");
    const auto bell = bell_names(config.bell);
    page.field("bell", (bell.empty() ? std::string("off") : join(bell, ", ")) +
                           (config.bell == BellCues{} ? k_default : ""));
    page.field("command", config.cue_command.empty() ? std::string("none") + k_default
                                                     : quoted_words(config.cue_command));
    page.field("keep_awake", config.keep_awake
                                 ? std::string("yes") + k_default +
                                       ": the screen is kept on where the desktop allows"
                                 : std::string("no: the screen may blank during a routine"));
    page.blank();

    page.heading("[plan]");
    if (!config.plan_supplements) {
        page.field("supplements", std::string("not set") + k_default +
                                      ": routines ask \"if it is part of your plan\"");
    } else if (config.plan_supplements->empty()) {
        page.field("supplements", "none: every supplement step is left out");
    } else {
        page.field("supplements", join(*config.plan_supplements, ", "));
        page.field("as ids", join(view.plan_ids.value_or(std::vector<std::string>{}), ", "));
    }
    page.blank();

    page.heading("[me]");
    std::vector<std::string> conditions;
    for (Audience who : config.conditions)
        conditions.emplace_back(to_string(who));
    page.field("conditions",
               conditions.empty() ? std::string("none") + k_default : join(conditions, ", "));
    page.blank();

    const ScheduleConfig& schedule = config.schedule;
    page.heading("[schedule]");
    page.field("bedtime", format_local_time(schedule.nights.bedtime) +
                              (schedule.bedtime_set ? "" : k_default));
    page.field("wake", schedule.nights.wake ? format_local_time(*schedule.nights.wake)
                                            : std::string("not set") + k_default);
    page.field("weekend", schedule.weekend
                              ? night_words(*schedule.weekend) + ", on the nights that start " +
                                    "on " + with_and(day_names(schedule)) + " evenings"
                              : std::string("not set") + k_default);
    page.blank();

    page.heading("[reminders]");
    std::vector<std::string> off;
    for (const auto& ref : config.reminders.off)
        off.push_back(ref.id);
    page.field("off", off.empty() ? std::string("none") + k_default : join(off, ", "));
    std::vector<std::string> own;
    for (const auto& item : config.reminders.own)
        own.push_back(own_line(item));
    if (own.empty())
        page.field("own", std::string("none") + k_default);
    else
        page.field("own", own);
    page.blank();

    page.heading("[journal]");
    page.field("record_runs",
               config.journal.record_runs
                   ? std::string("yes") + k_default + ": every routine run is recorded"
                   : std::string("no: routine runs are not recorded"));
    std::vector<std::string> triggers;
    for (const Trigger& trigger : config.journal.own_triggers)
        triggers.push_back(trigger.name + " (" + trigger.id + ")");
    page.field("triggers",
               triggers.empty() ? std::string("none") + k_default : join(triggers, ", "));
}

/// `key: [...]`, or `key: null` when the list is not set.
void strings_or_null(JsonWriter& json, const char* key,
                     const std::optional<std::vector<std::string>>& items) {
    if (items)
        json.string_array(key, *items);
    else
        json.key(key).null();
}

void path_json(JsonWriter& json, const char* key, const PathInUse& path) {
    json.key(key).begin_object();
    json.key("path").text_or_null(path.path);
    json.key("exists").value(path.exists);
    json.end_object();
}

void own_json(JsonWriter& json, const ScheduleItem& item) {
    json.begin_object();
    json.key("id").value(item.id);
    json.key("title").value(item.title);
    json.key("text").value(item.text);
    json.key("command").text_or_null(item.command);
    const ReminderTime& time = item.time;
    json.key("at");
    if (time.anchor == Anchor::bedtime)
        json.null();
    else
        json.value(format_local_time(time.at));
    json.key("before_bedtime");
    if (time.anchor == Anchor::bedtime)
        json.value(time.minutes);
    else
        json.null();
    json.key("after_wake");
    if (time.anchor == Anchor::wake)
        json.value(time.minutes);
    else
        json.null();
    std::vector<std::string> supplements;
    for (const auto& ref : item.supplements)
        supplements.push_back(ref.id);
    json.string_array("supplements", supplements);
    json.key("steps").begin_array();
    for (const auto& step : item.steps)
        json.value(step.number);
    json.end_array();
    json.end_object();
}

} // namespace

std::string describe_reminder_time(const ReminderTime& time) {
    switch (time.anchor) {
    case Anchor::clock:
        return "at " + format_local_time(time.at);
    case Anchor::bedtime:
        if (time.minutes == 0) return "at bedtime";
        return minutes_words(time.minutes < 0 ? -time.minutes : time.minutes) +
               (time.minutes < 0 ? " after bedtime" : " before bedtime");
    case Anchor::wake:
        return (time.minutes == 0 ? std::string("on waking")
                                  : minutes_words(time.minutes) + " after waking") +
               " (" + format_local_time(time.at) + " without a wake time)";
    }
    return {};
}

std::string render_settings(const SettingsView& view, const RenderOptions& options) {
    Page page(options);
    page.title("Settings", view.config_file.exists ? "from " + view.config_file.path
                                                   : std::string("the defaults"));
    page.blank();
    render_files(page, view);
    page.blank();
    render_tables(page, *view.config, view);
    page.blank();
    if (view.config_file.path.empty())
        page.muted("Name a config file with --config FILE or CALMLEGS_CONFIG=FILE.");
    else if (!view.config_file.exists)
        page.muted("Write a commented starter config: calmlegs config --init");
    page.muted("Each setting is explained in: man calmlegs-config");
    page.muted("The reminders they give: calmlegs schedule");
    return page.str();
}

void write_settings_json(JsonWriter& json, const SettingsView& view) {
    const Config& config = *view.config;
    json.begin_object();
    json.key("config").begin_object();
    json.key("path").text_or_null(view.config_file.path);
    json.key("source").value(view.config_source);
    json.key("exists").value(view.config_file.exists);
    json.end_object();

    json.key("content").begin_object();
    json.key("layers").begin_array();
    for (const auto& layer : view.layers) {
        json.begin_object();
        json.key("path").value(layer.path);
        json.key("from").value(layer.from);
        json.end_object();
    }
    json.end_array();
    path_json(json, "own", view.own_content);
    json.end_object();
    path_json(json, "state", view.state_dir);
    path_json(json, "reminder_state", view.reminder_state);
    path_json(json, "journal", view.journal);
    json.key("time_zone").begin_object();
    json.key("name").text_or_null(view.zone_name);
    json.key("source").value(view.zone_source);
    json.end_object();

    json.key("cues").begin_object();
    json.string_array("bell", bell_names(config.bell));
    json.key("bell_default").value(config.bell == BellCues{});
    json.string_array("command", config.cue_command);
    json.key("keep_awake").value(config.keep_awake);
    json.key("keep_awake_default").value(config.keep_awake == Config{}.keep_awake);
    json.end_object();

    json.key("plan").begin_object();
    strings_or_null(json, "supplements", config.plan_supplements);
    strings_or_null(json, "ids", view.plan_ids);
    json.end_object();

    std::vector<std::string> conditions;
    for (Audience who : config.conditions)
        conditions.emplace_back(to_string(who));
    json.key("me").begin_object();
    json.string_array("conditions", conditions);
    json.end_object();

    const ScheduleConfig& schedule = config.schedule;
    json.key("schedule").begin_object();
    json.key("bedtime").value(format_local_time(schedule.nights.bedtime));
    json.key("bedtime_default").value(!schedule.bedtime_set);
    json.key("wake").text_or_null(schedule.nights.wake ? format_local_time(*schedule.nights.wake)
                                                       : std::string());
    json.key("weekend");
    if (schedule.weekend) {
        json.begin_object();
        json.key("bedtime").value(format_local_time(schedule.weekend->bedtime));
        json.key("wake").text_or_null(
            schedule.weekend->wake ? format_local_time(*schedule.weekend->wake) : std::string());
        json.string_array("days", day_names(schedule));
        json.end_object();
    } else {
        json.null();
    }
    json.end_object();

    json.key("reminders").begin_object();
    std::vector<std::string> off;
    for (const auto& ref : config.reminders.off)
        off.push_back(ref.id);
    json.string_array("off", off);
    json.key("own").begin_array();
    for (const auto& item : config.reminders.own)
        own_json(json, item);
    json.end_array();
    json.end_object();

    json.key("journal").begin_object();
    json.key("record_runs").value(config.journal.record_runs);
    json.key("record_runs_default")
        .value(config.journal.record_runs == JournalConfig{}.record_runs);
    json.key("triggers").begin_array();
    for (const Trigger& trigger : config.journal.own_triggers) {
        json.begin_object();
        json.key("id").value(trigger.id);
        json.key("name").value(trigger.name);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    json.end_object();
}

} // namespace calmlegs
