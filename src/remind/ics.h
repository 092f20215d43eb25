#pragma once
// iCalendar files (RFC 5545) of the person's reminders, for phone and desktop calendars to
// import: content lines folded and text escaped as the RFC says, times in the local zone
// with its VTIMEZONE, one recurring event with a display alarm per reminder. Pure text.

#include "remind/calendar.h"
#include "remind/vtimezone.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// How long each event lasts in a calendar, in minutes: a reminder, not a block of time.
inline constexpr int k_event_minutes = 5;

/// `line` as one content line (RFC 5545 section 3.1): CRLF after it, and folded so that no
/// line is longer than 75 octets, each continuation starting with one space. A fold never
/// splits a UTF-8 sequence: a character that would straddle the limit moves to the next line.
std::string fold_line(std::string_view line);

/// `text` as a TEXT value (section 3.3.11): backslash, semicolon and comma escaped with a
/// backslash, a newline (LF or CRLF) as "\n"; other control characters, which TEXT may not
/// hold, are dropped.
std::string escape_text(std::string_view text);

/// An offset as a UTC-OFFSET value: "+0100", "-0430", "+001215" with seconds.
std::string utc_offset(std::chrono::seconds offset);

/// What a calendar file holds.
struct IcsCalendar {
    std::string product;                 ///< PRODID: "-//calmlegs//calmlegs 0.1.0//EN"
    std::string zone;                    ///< TZID: the zone's tz database name
    std::vector<Observance> observances; ///< its VTIMEZONE (remind/vtimezone.h)
    std::vector<CalendarEvent> events;   ///< with their descriptions filled in
    Instant stamp;                       ///< DTSTAMP: when the file is written
};

/// The whole VCALENDAR: VERSION, PRODID, CALSCALE, METHOD:PUBLISH, the VTIMEZONE, then a
/// VEVENT per event (UID, DTSTAMP, DTSTART;TZID=, DURATION, RRULE, SUMMARY, DESCRIPTION,
/// TRANSP:TRANSPARENT, and a VALARM that displays the title when the event starts).
std::string write_ics(const IcsCalendar& calendar);

} // namespace calmlegs
