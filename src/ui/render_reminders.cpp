#include "ui/render_reminders.h"

#include "remind/next_time.h"
#include "remind/trial_evening.h"
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

struct Line {
    std::string text;
    bool muted = false;
};

/// What a reminder says under its title, in order: a trial night's line, its text, its doses
/// and their note, (on a terminal or in a mail) the clocks' skip, and the command to run.
std::vector<Line> reminder_lines(const DayReminder& reminder, bool with_skip) {
    const PlannedReminder& planned = *reminder.reminder;
    std::vector<Line> lines;
    const bool replaced = reminder.trial && reminder.trial->replaces;
    if (reminder.trial && !replaced) lines.push_back({reminder.trial->line});
    // A reminder of one's own without a title has its text as its title: said once.
    const std::string text = reminder_text(reminder);
    if (replaced || text != planned.title) lines.push_back({text});
    const std::vector<std::string> doses = reminder_doses(reminder);
    for (const auto& dose : doses)
        lines.push_back({dose});
    if (!doses.empty()) lines.push_back({k_dose_note, true});
    if (with_skip && reminder.kind == LocalKind::skipped)
        lines.push_back(
            {"(the clocks skip this hour tonight, so it comes at the first minute after)", true});
    if (const std::string command = reminder_command(reminder); !command.empty())
        lines.push_back({"Run: " + command});
    return lines;
}

} // namespace

std::string reminder_clock(const DayReminder& reminder) {
    return format_local_time(clock_reading(reminder.local));
}

void render_reminder(Page& page, const DayReminder& reminder, long late_by_minutes) {
    const PlannedReminder& planned = *reminder.reminder;
    std::string head =
        reminder_clock(reminder) + "  " + page.style().heading(visible(planned.title));
    if (late_by_minutes > 0)
        head += page.style().muted(fmt::format(" (due {} minute{} ago)", late_by_minutes,
                                               late_by_minutes == 1 ? "" : "s"));
    page.raw(elide(head, page.width()));
    for (const auto& line : reminder_lines(reminder, true)) {
        if (line.muted)
            page.muted(line.text, k_indent);
        else
            page.paragraph(line.text, k_indent);
    }
}

std::string notification_body(const DayReminder& reminder) {
    std::vector<std::string> lines;
    for (const auto& line : reminder_lines(reminder, false))
        lines.push_back(line.text);
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
    json.key("text").value(reminder_text(reminder));
    json.key("command").text_or_null(reminder_command(reminder));
    const std::vector<std::string> doses = reminder_doses(reminder);
    json.string_array("doses", doses);
    json.key("dose_note").text_or_null(doses.empty() ? "" : k_dose_note);
    json.key("trial");
    if (reminder.trial) {
        json.begin_object();
        json.key("line").value(reminder.trial->line);
        json.key("on").value(reminder.trial->on);
        json.key("night").value(reminder.trial->night);
        json.key("nights").value(reminder.trial->nights);
        json.key("subject").value(reminder.trial->subject);
        json.key("replaces").value(reminder.trial->replaces);
        json.end_object();
    } else {
        json.null();
    }
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
