// calmlegs schedule: the reminders of a reminder day (noon to noon) in the order they come,
// why the others are off (--all), and the whole schedule as an iCalendar file (--ics).

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "cli/runner.h"
#include "content/names.h"
#include "remind/ics.h"
#include "ui/render_reminders.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace calmlegs::cli {
namespace {

struct ScheduleOptions {
    std::string date;
    bool all = false;
    std::string ics;
};

/// A reminder that is not on, and why.
struct OffReminder {
    std::string id;
    std::string title;
    std::string why;                      ///< "off", "not_in_plan" or "no_plan"
    std::vector<std::string> supplements; ///< the ids of those it is about
    std::vector<std::string> names;       ///< and their names
};

/// The mode of a calendar file: it holds the person's supplements, so it is theirs alone
/// until they choose to share it.
constexpr unsigned k_calendar_mode = 0600;

/// The reminders `schedule` leaves off: the content's, then the person's own.
std::vector<OffReminder> off_reminders(ContentStore& store, const Config& config,
                                       const PersonSchedule& schedule) {
    const auto listed = [](const std::vector<std::string>& ids, const std::string& id) {
        return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    std::vector<const ScheduleItem*> items;
    for (const auto& item : store.schedule())
        items.push_back(&item);
    for (const auto& item : config.reminders.own)
        items.push_back(&item);
    std::vector<OffReminder> out;
    for (const ScheduleItem* entry : items) {
        const ScheduleItem& item = *entry;
        OffReminder off{item.id, item.title, "", {}, {}};
        if (listed(schedule.off, item.id))
            off.why = "off";
        else if (listed(schedule.not_in_plan, item.id))
            off.why = schedule.has_plan ? "not_in_plan" : "no_plan";
        else
            continue;
        for (const auto& ref : item.supplements)
            if (const Supplement* supplement = store.supplement(ref.id)) {
                off.supplements.push_back(ref.id);
                off.names.push_back(supplement->name);
            }
        out.push_back(std::move(off));
    }
    return out;
}

/// "Iron (iron): for Iron, which your [plan] does not list": a reminder that is off, and why.
std::string off_text(const OffReminder& off) {
    std::string text = off.title + " (" + off.id + "): ";
    if (off.why == "off") return text + "turned off in [reminders] off";
    text += "for " + join(off.names, " or ");
    return text + (off.why == "no_plan" ? ", and there is no [plan]"
                                        : ", which your [plan] does not list");
}

/// What to do to have the reminders that are off: one hint for each reason among them.
void off_hints(Page& page, const std::vector<OffReminder>& off) {
    const auto any = [&](const char* why) {
        return std::any_of(off.begin(), off.end(),
                           [&](const OffReminder& entry) { return entry.why == why; });
    };
    if (any("off"))
        page.paragraph("To have one that is turned off, remove its id from [reminders] off in "
                       "config.toml.");
    if (any("not_in_plan"))
        page.paragraph("A reminder of supplements is on when one of them is in your [plan]: add "
                       "it to [plan] supplements in config.toml to have the reminder.");
    if (any("no_plan")) {
        page.paragraph("Your config has no [plan] saying what you take, so the reminders of "
                       "supplements are off. calmlegs config --init writes a starter file.");
        for (const auto& line : split_lines(k_plan_hint))
            page.raw(line);
    }
}

/// "Bedtime 22:30, wake 06:45": the times of the night the day's reminders count from.
std::string night_text(const PersonSchedule& schedule, Date day) {
    const ScheduleConfig& times = schedule.times;
    const NightTimes& night = times.night_of(day);
    std::string text = "Bedtime " + format_local_time(night.bedtime);
    if (night.wake) text += ", wake " + format_local_time(*night.wake);
    if (times.weekend && &night == &*times.weekend) text += " (a weekend night)";
    if (!times.bedtime_set)
        text += " (the default: set yours with bedtime in [schedule] of config.toml)";
    return text + ".";
}

std::string zone_label(const LocalZone& zone) {
    return zone.name.empty() ? zone.source : zone.name;
}

ExitStatus list_day(Context& context, const LocalZone& zone, const PersonSchedule& schedule,
                    Date day, bool all) {
    std::vector<OffReminder> off;
    if (all) {
        ContentStore* store = context.content();
        const Config* config = context.config();
        if (store == nullptr || config == nullptr) return ExitStatus::usage;
        off = off_reminders(*store, *config, schedule);
    }
    const std::vector<DayReminder> placed = place_on_day(schedule, *zone.zone, day);
    const NightTimes& night = schedule.times.night_of(day);
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("day").value(format_date(day));
            json.key("zone").text_or_null(zone.name);
            json.key("zone_source").value(zone.source);
            json.key("bedtime").value(format_local_time(night.bedtime));
            json.key("wake").text_or_null(night.wake ? format_local_time(*night.wake) : "");
            json.key("bedtime_set").value(schedule.times.bedtime_set);
            json.key("weekend_night")
                .value(schedule.times.weekend.has_value() && &night == &*schedule.times.weekend);
            json.key("reminders").begin_array();
            for (const auto& reminder : placed)
                write_reminder(json, reminder, *zone.zone);
            json.end_array();
            json.key("off");
            if (!all) {
                json.null();
            } else {
                json.begin_array();
                for (const auto& entry : off) {
                    json.begin_object();
                    json.key("id").value(entry.id);
                    json.key("title").value(entry.title);
                    json.key("why").value(entry.why);
                    json.string_array("supplements", entry.supplements);
                    json.end_object();
                }
                json.end_array();
            }
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.title("Reminders for " + weekday_name(day) + " " + format_date(day),
                       zone_label(zone));
            page.paragraph(night_text(schedule, day));
            page.muted("From noon that day to noon the next: a time before noon is the next "
                       "morning's.");
            page.blank();
            for (const auto& reminder : placed) {
                render_reminder(page, reminder);
                page.blank();
            }
            if (placed.empty())
                page.paragraph(all ? "No reminder is on."
                                   : "No reminder is on; calmlegs "
                                     "schedule --all says why.");
            if (all) {
                page.heading("Off");
                std::vector<std::string> items;
                for (const auto& entry : off)
                    items.push_back(off_text(entry));
                if (off.empty()) page.paragraph("None: every reminder is on.");
                page.bullets(items);
                page.blank();
                off_hints(page, off);
            }
            return page.str();
        });
}

ExitStatus write_calendar(Context& context, const LocalZone& zone, const PersonSchedule& schedule,
                          Date day, const std::string& file) {
    if (file == "-" && context.options.json) {
        context.error("--ics - writes the calendar to standard output, where --json would go.",
                      "Leave out --json, or give --ics a FILE.");
        return ExitStatus::usage;
    }
    if (zone.name.empty()) {
        // Times without a zone calendars know would be off by an hour half the year.
        context.error("cannot write a calendar in the time zone " + zone.source +
                          ": it has no name (such as Europe/Berlin) that calendars know.",
                      "Name your zone in TZ, e.g.: TZ=Europe/Berlin calmlegs schedule --ics " +
                          shell_quote(file));
        return ExitStatus::usage;
    }
    IcsCalendar calendar{"-//calmlegs//calmlegs " CALMLEGS_VERSION "//EN", zone.name,
                         zone_observances(*zone.zone, day), calendar_events(schedule, day),
                         context.system().now()};
    for (auto& event : calendar.events)
        event.description = notification_body(DayReminder{event.reminder, day, {}, {}, {}});
    const std::string text = write_ics(calendar);
    if (file == "-") {
        // The file's own bytes (UTF-8, CRLF), never respelt for the terminal.
        context.system().out().write(text);
        return ExitStatus::success;
    }
    std::string why;
    if (!context.system().writer().replace(file, text, k_calendar_mode, why)) {
        context.error("cannot write the calendar " + file + ": " + why,
                      "Give --ics a file in a directory you can write to, or - for standard "
                      "output.");
        return ExitStatus::output;
    }
    const std::size_t events = calendar.events.size();
    const std::size_t reminders = schedule.reminders.size();
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("file").value(file);
            json.key("events").value(static_cast<std::int64_t>(events));
            json.key("reminders").value(static_cast<std::int64_t>(reminders));
            json.key("zone").value(zone.name);
            json.key("from").value(format_date(day));
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.paragraph(fmt::format("Wrote {} {} of {} {} to {}, in {} time, from {} on.",
                                       events, events == 1 ? "event" : "events", reminders,
                                       reminders == 1 ? "reminder" : "reminders", file, zone.name,
                                       format_date(day)));
            page.paragraph("Import it into your calendar: Google Calendar under Settings, "
                           "Import; Apple Calendar, Thunderbird or Outlook with File, Import. "
                           "Import it again after changing your schedule: the events are "
                           "updated, not added twice.");
            return page.str();
        });
}

ExitStatus run_schedule(Context& context, const ScheduleOptions& options) {
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return ExitStatus::usage;
    const PersonSchedule* schedule = context.schedule();
    if (schedule == nullptr) return ExitStatus::usage;
    std::string why;
    const Date day = options.date.empty() ? reminder_day(*zone->zone, context.system().now())
                                          : *parse_date(options.date, why);
    if (!options.ics.empty()) return write_calendar(context, *zone, *schedule, day, options.ics);
    return list_day(context, *zone, *schedule, day, options.all);
}

} // namespace

Command setup_schedule(CLI::App& parent, Context& context) {
    auto options = std::make_shared<ScheduleOptions>();
    CLI::App* app = parent.add_subcommand(
        "schedule", "Today's reminders in time order; --ics writes them as an iCalendar file");
    app->add_option("-d,--date", options->date,
                    "The reminders of this day, noon to noon (default: today's)")
        ->type_name("YYYY-MM-DD")
        ->check(a_date());
    auto* all =
        app->add_flag("-a,--all", options->all, "Also list the reminders that are off, and why");
    app->add_option("--ics", options->ics,
                    "Write every reminder as a daily event of an iCalendar file (- for stdout)")
        ->type_name("FILE")
        ->check(not_empty("a file, or - for standard output"))
        ->excludes(all);
    return {app, "calmlegs schedule --ics reminders.ics",
            [&context, options] { return run_schedule(context, *options); }};
}

} // namespace calmlegs::cli
