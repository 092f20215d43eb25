#pragma once
// Civil (calendar and wall-clock) time, with no time zone: what a person writes in a config
// file ("22:30", "2026-03-08") and the day arithmetic the reminder schedule needs.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace calmlegs {

/// A calendar date; std::chrono's, so day arithmetic goes through sys_days and stays exact.
using Date = std::chrono::year_month_day;

/// A wall-clock time of day to the minute, 00:00 to 23:59: when a reminder fires or bedtime is.
struct LocalTime {
    int hour = 0;
    int minute = 0;

    /// Minutes since midnight, 0 to 1439.
    int minutes() const { return hour * 60 + minute; }
    friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

/// "22:30" or "7:05" as a LocalTime (24-hour clock, one or two hour digits, two minute
/// digits); nullopt with `why` saying what is wrong ("25:00": the hour is past 23).
std::optional<LocalTime> parse_local_time(std::string_view text, std::string& why);

/// "HH:MM", always two digits each: how times are shown and written back.
std::string format_local_time(LocalTime time);

/// "2026-03-08" as a Date (a real day of the Gregorian calendar); nullopt with `why` otherwise.
std::optional<Date> parse_date(std::string_view text, std::string& why);

/// "YYYY-MM-DD".
std::string format_date(Date date);

/// `date` moved by `days` (negative goes back), across months and years.
Date add_days(Date date, int days);

/// Days from `from` to `to`: 0 for the same day, negative when `to` comes first.
int days_between(Date from, Date to);

/// The day of the week of `date`: what weekend overrides of the schedule go by.
std::chrono::weekday weekday_of(Date date);

/// "Monday" to "Sunday": the English name of a day of the week.
std::string weekday_name(std::chrono::weekday day);

/// "Sunday": the name of the day of the week of `date`.
std::string weekday_name(Date date);

} // namespace calmlegs
