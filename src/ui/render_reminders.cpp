#include "ui/render_reminders.h"

#include "remind/next_time.h"
#include "ui/text.h"

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// The column the text under a reminder's time starts at ("21:45  ").
constexpr int k_indent = 7;

/// Under the doses a reminder shows: they are the guide's ranges, not a prescription.
constexpr const char* k_dose_note = "The amounts are the guide's, not a prescription: take what "
                                    "you and your doctor agreed on (calmlegs plan check reviews "
                                    "your plan).";

std::string_view kind_name(LocalKind kind) {
    switch (kind) {
    case LocalKind::unique:
        return "unique";
    case LocalKind::ambiguous:
        return "ambiguous";
    case LocalKind::skipped:
        return "skipped";
    }
    return "unique";
}

} // namespace

std::string reminder_clock(const DayReminder& reminder) {
    return format_local_time(clock_reading(reminder.local));
}

void render_reminder(Page& page, const DayReminder& reminder, long late_by_minutes) {
    const PlannedReminder& planned = *reminder.reminder;
    std::string head = reminder_clock(reminder) + "  " + page.style().heading(planned.title);
    if (late_by_minutes > 0)
        head += page.style().muted(fmt::format(" (due {} minute{} ago)", late_by_minutes,
                                               late_by_minutes == 1 ? "" : "s"));
    page.raw(elide(head, page.width()));
    // A reminder of one's own without a title has its text as its title: said once.
    if (planned.text != planned.title) page.paragraph(planned.text, k_indent);
    for (const auto& dose : planned.doses)
        page.paragraph(dose, k_indent);
    if (!planned.doses.empty()) page.muted(k_dose_note, k_indent);
    if (reminder.kind == LocalKind::skipped)
        page.muted("(the clocks skip this hour tonight, so it comes at the first minute after)",
                   k_indent);
    if (!planned.command.empty()) page.paragraph("Run: " + planned.command, k_indent);
}

std::string notification_body(const DayReminder& reminder) {
    const PlannedReminder& planned = *reminder.reminder;
    std::vector<std::string> lines;
    if (planned.text != planned.title) lines.push_back(planned.text);
    lines.insert(lines.end(), planned.doses.begin(), planned.doses.end());
    if (!planned.doses.empty()) lines.push_back(k_dose_note);
    if (!planned.command.empty()) lines.push_back("Run: " + planned.command);
    std::string body;
    for (const auto& line : lines)
        body += (body.empty() ? "" : "\n") + line;
    return body;
}

void write_reminder(JsonWriter& json, const DayReminder& reminder, const TimeZone& zone) {
    const PlannedReminder& planned = *reminder.reminder;
    json.begin_object();
    json.key("id").value(planned.id);
    json.key("title").value(planned.title);
    json.key("text").value(planned.text);
    json.key("command").text_or_null(planned.command);
    json.string_array("doses", planned.doses);
    json.key("dose_note").text_or_null(planned.doses.empty() ? "" : k_dose_note);
    json.key("steps").begin_array();
    for (int step : planned.steps)
        json.value(step);
    json.end_array();
    json.key("own").value(planned.own);
    json.key("day").value(format_date(reminder.day));
    json.key("time").value(reminder_clock(reminder));
    json.key("at").value(format_instant(reminder.at));
    json.key("local").value(format_local_seconds(reminder.local) +
                            format_utc_offset(zone.offset_at(reminder.at), ":"));
    json.key("resolved").value(kind_name(reminder.kind));
    json.end_object();
}

} // namespace calmlegs
