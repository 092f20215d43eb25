#include "remind/ics.h"

#include "remind/time_zone.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace calmlegs;
using namespace std::chrono;

namespace {

/// The physical lines of iCalendar text, without their CRLF; fails on a line without one.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto end = text.find("\r\n", at);
        REQUIRE_MESSAGE(end != std::string::npos, "a line does not end in CRLF");
        lines.push_back(text.substr(at, end - at));
        at = end + 2;
    }
    return lines;
}

/// RFC 5545's unfolding: each CRLF followed by one space goes, with the space.
std::string unfold(std::string text) {
    for (auto at = text.find("\r\n "); at != std::string::npos; at = text.find("\r\n ", at))
        text.erase(at, 3);
    return text;
}

bool whole_utf8(const std::string& line) {
    // No line starts inside a character, nor ends before its continuation bytes.
    const auto continues = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
    const std::size_t start = line.starts_with(" ") ? 1 : 0;
    if (line.size() > start && continues(line[start])) return false;
    for (std::size_t i = line.size(); i > 0; --i) {
        const auto byte = static_cast<unsigned char>(line[i - 1]);
        if (continues(line[i - 1])) continue;
        const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        return line.size() - (i - 1) == length;
    }
    return true;
}

} // namespace

TEST_CASE("fold_line: 75 octets stay on one line, the 76th starts a continuation") {
    const std::string exactly(75, 'x');
    CHECK(fold_line(exactly) == exactly + "\r\n");
    CHECK(fold_line(exactly + "y") == exactly + "\r\n y\r\n");
    CHECK(fold_line("") == "\r\n");
    // A continuation holds the space and 74 octets.
    const std::string long_line = exactly + std::string(74, 'a') + "b";
    CHECK(fold_line(long_line) == exactly + "\r\n " + std::string(74, 'a') + "\r\n b\r\n");
}

TEST_CASE("fold_line never splits a UTF-8 character at the limit") {
    SUBCASE("a two-octet é across octets 75 and 76 moves whole to the next line") {
        const std::string line = std::string(74, 'x') + "é" + "z";
        CHECK(fold_line(line) == std::string(74, 'x') + "\r\n éz\r\n");
    }
    SUBCASE("an en dash (three octets) that would end at octet 76") {
        const std::string line = std::string(73, 'x') + "–" + "yz";
        CHECK(fold_line(line) == std::string(73, 'x') + "\r\n –yz\r\n");
    }
    SUBCASE("a character that ends exactly at octet 75 stays") {
        const std::string line = std::string(72, 'x') + "–" + "yz";
        CHECK(fold_line(line) == std::string(72, 'x') + "–\r\n yz\r\n");
    }
    SUBCASE("at every offset, with one- to four-octet characters") {
        for (const std::string character : {"a", "é", "–", "°", "😴"}) {
            for (std::size_t lead = 0; lead < 160; ++lead) {
                CAPTURE(character);
                CAPTURE(lead);
                std::string line(lead, 'x');
                for (int i = 0; i < 40; ++i)
                    line += character;
                const std::string folded = fold_line(line);
                for (const auto& physical : physical_lines(folded)) {
                    CHECK(physical.size() <= 75);
                    CHECK(whole_utf8(physical));
                }
                CHECK(unfold(folded) == line + "\r\n");
            }
        }
    }
}

TEST_CASE("escape_text escapes backslash, semicolon, comma and newlines, and drops controls") {
    CHECK(escape_text("Cool, dark room") == "Cool\\, dark room");
    CHECK(escape_text("a;b") == "a\\;b");
    CHECK(escape_text("C:\\path") == "C:\\\\path");
    CHECK(escape_text("one\ntwo") == "one\\ntwo");
    CHECK(escape_text("one\r\ntwo\rthree") == "one\\ntwo\\nthree");
    CHECK(escape_text("Run: calmlegs tonight") == "Run: calmlegs tonight"); // colons stay
    CHECK(escape_text("18–20 °C\tok") == "18–20 °C\tok");
    CHECK(escape_text(std::string("a\x01"
                                  "b\x7f"
                                  "c\x1b[1m")) == "abc[1m");
}

TEST_CASE("utc_offset: sign, hours and minutes, and seconds only when there are any") {
    CHECK(utc_offset(hours{1}) == "+0100");
    CHECK(utc_offset(hours{-5}) == "-0500");
    CHECK(utc_offset(seconds{0}) == "+0000");
    CHECK(utc_offset(hours{5} + minutes{30}) == "+0530");
    CHECK(utc_offset(-(hours{3} + minutes{30})) == "-0330");
    CHECK(utc_offset(-(hours{4} + minutes{56} + seconds{2})) == "-045602"); // New York's LMT
}

TEST_CASE("write_ics: the calendar, its VTIMEZONE and an event with its alarm, line by line") {
    PlannedReminder wind_down{"wind-down", "Wind-down", "", "calmlegs tonight", {}, {}, {9}, false};
    CalendarEvent every_day;
    every_day.reminder = &wind_down;
    every_day.uid = "wind-down@calmlegs";
    every_day.start = local_at(Date{year{2026}, March, day{8}}, LocalTime{21, 45});
    every_day.description = "Time to start the nightly ritual, 30–60 minutes before bed.\n"
                            "Run: calmlegs tonight";
    CalendarEvent weekend = every_day;
    weekend.nights = Nights::weekend;
    weekend.uid = "wind-down-weekend@calmlegs";
    weekend.days = {Friday, Saturday};
    const Observance standard{false, hours{2}, hours{1},
                              local_at(Date{year{2024}, October, day{27}}, LocalTime{3, 0}),
                              "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"};
    const Instant stamp = sys_days{year{2026} / March / 8} + hours{12} + minutes{3} + seconds{4};
    const IcsCalendar calendar{"-//calmlegs//calmlegs 0.1.0//EN",
                               "Europe/Berlin",
                               {standard},
                               {every_day, weekend},
                               stamp};
    const std::string text = write_ics(calendar);
    const std::vector<std::string> expected = {
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//calmlegs//calmlegs 0.1.0//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:calmlegs reminders",
        "X-WR-TIMEZONE:Europe/Berlin",
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:STANDARD",
        "DTSTART:20241027T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:wind-down@calmlegs",
        "DTSTAMP:20260308T120304Z",
        "DTSTART;TZID=Europe/Berlin:20260308T214500",
        "DURATION:PT5M",
        "RRULE:FREQ=DAILY",
        "SUMMARY:Wind-down",
        // Escaped (the en dash is three octets), then folded at octet 75, which falls inside
        // the escaped newline: unfolding joins its two halves again.
        "DESCRIPTION:Time to start the nightly ritual\\, 30–60 minutes before bed.\\",
        " nRun: calmlegs tonight",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        "DESCRIPTION:Wind-down",
        "END:VALARM",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:wind-down-weekend@calmlegs",
        "DTSTAMP:20260308T120304Z",
        "DTSTART;TZID=Europe/Berlin:20260308T214500",
        "DURATION:PT5M",
        "RRULE:FREQ=WEEKLY;BYDAY=FR,SA",
        "SUMMARY:Wind-down",
        "DESCRIPTION:Time to start the nightly ritual\\, 30–60 minutes before bed.\\",
        " nRun: calmlegs tonight",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        "DESCRIPTION:Wind-down",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    };
    CHECK(physical_lines(text) == expected);
}

TEST_CASE("write_ics: a zone name with a character that ends a parameter is quoted") {
    PlannedReminder reminder{"r", "R", "", "", {}, {}, {}, true};
    CalendarEvent event;
    event.reminder = &reminder;
    event.uid = "r@calmlegs";
    const IcsCalendar calendar{"-//x//EN", "My;Zone", {}, {event}, Instant{}};
    const std::string text = write_ics(calendar);
    CHECK(text.find("DTSTART;TZID=\"My;Zone\":19700101T000000\r\n") != std::string::npos);
    CHECK(text.find("TZID:My\\;Zone\r\n") != std::string::npos);
}
