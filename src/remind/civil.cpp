#include "remind/civil.h"

#include <fmt/format.h>

namespace calmlegs {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// The number in `digits` (all of them decimal digits, at least one), or -1.
int whole_number(std::string_view digits) {
    if (digits.empty()) return -1;
    int value = 0;
    for (const char c : digits) {
        if (!is_digit(c)) return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

std::optional<LocalTime> parse_local_time(std::string_view text, std::string& why) {
    const auto colon = text.find(':');
    const std::string_view hours = text.substr(0, colon);
    const std::string_view minutes =
        colon == std::string_view::npos ? std::string_view{} : text.substr(colon + 1);
    const int hour = hours.size() <= 2 ? whole_number(hours) : -1;
    const int minute = minutes.size() == 2 ? whole_number(minutes) : -1;
    if (hour < 0 || minute < 0) {
        why = fmt::format("\"{}\" is not a time of day as HH:MM (24-hour clock, e.g. 22:30)", text);
        return std::nullopt;
    }
    if (hour > 23) {
        why = fmt::format("\"{}\": the hour must be 0 to 23", text);
        return std::nullopt;
    }
    if (minute > 59) {
        why = fmt::format("\"{}\": the minutes must be 00 to 59", text);
        return std::nullopt;
    }
    return LocalTime{hour, minute};
}

std::string format_local_time(LocalTime time) {
    return fmt::format("{:02}:{:02}", time.hour, time.minute);
}

std::optional<Date> parse_date(std::string_view text, std::string& why) {
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
    const int year = shaped ? whole_number(text.substr(0, 4)) : -1;
    const int month = shaped ? whole_number(text.substr(5, 2)) : -1;
    const int day = shaped ? whole_number(text.substr(8, 2)) : -1;
    if (year < 0 || month < 0 || day < 0) {
        why = fmt::format("\"{}\" is not a date as YYYY-MM-DD (e.g. 2026-03-08)", text);
        return std::nullopt;
    }
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        why = fmt::format("\"{}\" is not a day of the calendar", text);
        return std::nullopt;
    }
    return date;
}

std::string format_date(Date date) {
    const auto year = static_cast<int>(date.year());
    if (year < 0 || year > 9999)
        return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(date.month()),
                           static_cast<unsigned>(date.day()));
    // By hand: the journal's history formats thousands of dates at a time.
    const auto month = static_cast<unsigned>(date.month());
    const auto day = static_cast<unsigned>(date.day());
    const char text[10] = {static_cast<char>('0' + year / 1000),
                           static_cast<char>('0' + year / 100 % 10),
                           static_cast<char>('0' + year / 10 % 10),
                           static_cast<char>('0' + year % 10),
                           '-',
                           static_cast<char>('0' + month / 10),
                           static_cast<char>('0' + month % 10),
                           '-',
                           static_cast<char>('0' + day / 10),
                           static_cast<char>('0' + day % 10)};
    return std::string(text, sizeof text);
}

Date add_days(Date date, int days) {
    return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

std::chrono::weekday weekday_of(Date date) {
    return std::chrono::weekday{std::chrono::sys_days{date}};
}

std::string weekday_name(std::chrono::weekday day) {
    static const char* const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
    return names[day.iso_encoding() - 1];
}

std::string weekday_name(Date date) {
    return weekday_name(weekday_of(date));
}

} // namespace calmlegs
