#include "remind/ics.h"

#include <fmt/format.h>

#include <cstdlib>

namespace calmlegs {
namespace {

/// The longest line RFC 5545 allows, in octets, not counting the CRLF.
constexpr std::size_t k_line_octets = 75;

/// Whether `c` continues a UTF-8 sequence (10xxxxxx) rather than starting a character.
bool continues(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// "20260308T214500" from "2026-03-08T21:45:00": iCalendar's basic form of a DATE-TIME.
std::string basic_form(std::string extended) {
    std::erase_if(extended, [](char c) { return c == '-' || c == ':'; });
    return extended;
}

/// A local wall-clock reading as a DATE-TIME in local form: "20260308T214500".
std::string local_date_time(LocalSeconds local) {
    return basic_form(format_local_seconds(local));
}

/// A parameter value (section 3.2): quoted when it holds a character that ends one.
std::string param_value(std::string_view text) {
    std::string value;
    for (const char c : text)
        if (c != '"') value += c;
    return value.find_first_of(";:,") == std::string::npos ? value : '"' + value + '"';
}

/// The RRULE of an event: every day, or weekly on its days.
std::string recurrence(const CalendarEvent& event) {
    if (event.days.empty()) return "FREQ=DAILY";
    static constexpr const char* k_days[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    std::string days;
    for (const auto day : event.days)
        days += (days.empty() ? "" : ",") + std::string(k_days[day.c_encoding()]);
    return "FREQ=WEEKLY;BYDAY=" + days;
}

/// Writes content lines, each folded.
class Lines {
public:
    void add(std::string_view line) { m_text += fold_line(line); }
    void add(std::string_view name, std::string_view value) {
        m_text += fold_line(std::string(name) + ":" + std::string(value));
    }
    const std::string& str() const { return m_text; }

private:
    std::string m_text;
};

void write_timezone(Lines& lines, const IcsCalendar& calendar) {
    lines.add("BEGIN:VTIMEZONE");
    lines.add("TZID", escape_text(calendar.zone));
    for (const auto& observance : calendar.observances) {
        const char* kind = observance.daylight ? "DAYLIGHT" : "STANDARD";
        lines.add("BEGIN", kind);
        lines.add("DTSTART", local_date_time(observance.start));
        lines.add("TZOFFSETFROM", utc_offset(observance.offset_from));
        lines.add("TZOFFSETTO", utc_offset(observance.offset_to));
        if (!observance.rule.empty()) lines.add("RRULE", observance.rule);
        lines.add("END", kind);
    }
    lines.add("END:VTIMEZONE");
}

void write_event(Lines& lines, const IcsCalendar& calendar, const CalendarEvent& event) {
    const PlannedReminder& reminder = *event.reminder;
    lines.add("BEGIN:VEVENT");
    lines.add("UID", escape_text(event.uid));
    lines.add("DTSTAMP", basic_form(format_instant(calendar.stamp)));
    lines.add("DTSTART;TZID=" + param_value(calendar.zone), local_date_time(event.start));
    lines.add("DURATION", fmt::format("PT{}M", k_event_minutes));
    lines.add("RRULE", recurrence(event));
    lines.add("SUMMARY", escape_text(reminder.title));
    lines.add("DESCRIPTION", escape_text(event.description));
    lines.add("TRANSP:TRANSPARENT");
    lines.add("BEGIN:VALARM");
    lines.add("ACTION:DISPLAY");
    lines.add("TRIGGER:PT0M");
    lines.add("DESCRIPTION", escape_text(reminder.title));
    lines.add("END:VALARM");
    lines.add("END:VEVENT");
}

} // namespace

std::string fold_line(std::string_view line) {
    std::string out;
    // The first line holds 75 octets; each continuation a space and 74.
    std::size_t room = k_line_octets;
    while (line.size() > room) {
        std::size_t cut = room;
        while (cut > 0 && continues(line[cut]))
            --cut;
        if (cut == 0) cut = room; // not UTF-8 at all: cut where the limit is
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        room = k_line_octets - 1;
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string escape_text(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";
            break;
        default:
            if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\t') out += c;
        }
    }
    return out;
}

std::string utc_offset(std::chrono::seconds offset) {
    std::string out = format_utc_offset(offset, "");
    if (const long long magnitude = std::llabs(offset.count()); magnitude % 60 != 0)
        out += fmt::format("{:02}", magnitude % 60);
    return out;
}

std::string write_ics(const IcsCalendar& calendar) {
    Lines lines;
    lines.add("BEGIN:VCALENDAR");
    lines.add("VERSION:2.0");
    lines.add("PRODID", calendar.product);
    lines.add("CALSCALE:GREGORIAN");
    lines.add("METHOD:PUBLISH");
    // Read by Google and Apple calendars: the calendar's name, and its zone when subscribed.
    lines.add("X-WR-CALNAME:calmlegs reminders");
    lines.add("X-WR-TIMEZONE", escape_text(calendar.zone));
    write_timezone(lines, calendar);
    for (const auto& event : calendar.events)
        write_event(lines, calendar, event);
    lines.add("END:VCALENDAR");
    return lines.str();
}

} // namespace calmlegs
