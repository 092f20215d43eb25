#include "cli/remind_output.h"

#include "ui/render_reminders.h"
#include "ui/text.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

/// Why notifications cannot be shown now, or "" when they can.
std::string why_no_notifications(const System& system) {
    if (!system.can_run("notify-send"))
        return "notify-send is not on PATH (Debian and Ubuntu: sudo apt install libnotify-bin)";
    if (!system.env("DBUS_SESSION_BUS_ADDRESS").value_or("").empty()) return {};
    const std::string runtime = system.env("XDG_RUNTIME_DIR").value_or("");
    if (!runtime.empty())
        for (const auto& entry : system.files().list(runtime))
            if (entry.name == "bus" && !entry.is_directory) return {};
    return "no session bus (neither DBUS_SESSION_BUS_ADDRESS nor $XDG_RUNTIME_DIR/bus)";
}

void write_list(JsonWriter& json, std::string_view name, const std::vector<DayReminder>& list,
                const TimeZone& zone) {
    json.key(name).begin_array();
    for (const auto& reminder : list)
        write_reminder(json, reminder, zone);
    json.end_array();
}

} // namespace

std::string reminders_text(const std::vector<DayReminder>& reminders, Instant now,
                           const RenderOptions& render) {
    Page page(render);
    for (const auto& reminder : reminders) {
        page.blank();
        render_reminder(page, reminder, minutes_late(reminder, now).count());
    }
    return page.str();
}

Notified notify(System& system, const std::vector<DayReminder>& reminders, Instant now) {
    Notified notified;
    if (reminders.empty()) return notified;
    notified.why = why_no_notifications(system);
    if (!notified.why.empty()) {
        notified.not_shown = reminders;
        return notified;
    }
    for (const auto& reminder : reminders) {
        // Words from content and config: a notification shows them, control characters and all.
        std::string title = visible(reminder.reminder->title);
        if (const long late = minutes_late(reminder, now).count(); late > 0)
            title += fmt::format(" (due {} minute{} ago)", late, late == 1 ? "" : "s");
        // "--": a title of the person's own that starts with '-' is no option of notify-send.
        const ProgramResult result =
            system.run_program({"notify-send", "--app-name=calmlegs", "--", title,
                                visible(notification_body(reminder), true)},
                               {});
        if (result.status == 0) {
            notified.shown.push_back(reminder);
            continue;
        }
        notified.not_shown.push_back(reminder);
        if (notified.why.empty()) {
            std::string said = result.err.substr(0, result.err.find('\n'));
            notified.why =
                "notify-send failed" +
                (result.status >= 0 ? " (exit status " + std::to_string(result.status) + ")"
                                    : std::string()) +
                (said.empty() ? "" : ": " + said);
        }
    }
    return notified;
}

std::string zone_name(const LocalZone& zone) {
    return zone.name.empty() ? zone.zone->name() : zone.name;
}

void write_due_json(JsonWriter& json, const DueNow& due, const Notified& notified, Instant now,
                    const LocalZone& zone) {
    json.begin_object();
    // fmt::gmtime, not the time_point formatter, which reads the process's own TZ.
    json.key("now").value(fmt::format("{:%FT%TZ}", fmt::gmtime(now)));
    json.key("zone").value(zone_name(zone));
    write_list(json, "delivered", due.deliver, *zone.zone);
    write_list(json, "dropped", due.dropped, *zone.zone);
    json.key("notified").begin_array();
    for (const auto& reminder : notified.shown)
        json.value(reminder.reminder->id);
    json.end_array();
    json.end_object();
}

void write_at_json(JsonWriter& json, Date date, LocalTime time, const std::vector<DayReminder>& due,
                   const LocalZone& zone) {
    json.begin_object();
    json.key("date").value(format_date(date));
    json.key("time").value(format_local_time(time));
    json.key("zone").value(zone_name(zone));
    write_list(json, "due", due, *zone.zone);
    json.end_object();
}

} // namespace calmlegs::cli
