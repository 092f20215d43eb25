#include "remind/reminder_day.h"

#include "support/zones.h"

#include <doctest/doctest.h>

#include <set>

using namespace calmlegs;
using namespace std::chrono;

// Every expected instant below is UTC epoch seconds from `date -u -d 'YYYY-MM-DD HH:MM' +%s`,
// at the UTC time the zone's rules give (New York: EST -5, EDT -4, changes at 02:00 local on
// the second Sunday of March and the first of November; Berlin: CET +1, CEST +2, changes at
// 01:00 UTC on the last Sundays of March and October; Sydney: AEST +10, AEDT +11, back at
// 03:00 local on the first Sunday of April, forward at 02:00 on the first Sunday of October).

namespace {

Instant utc(std::int64_t epoch_seconds) {
    return Instant{seconds{epoch_seconds}};
}
Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

} // namespace

TEST_CASE("reminder day: a reminder in the skipped hour fires at the first minute after it") {
    SUBCASE("New York, 2026-03-08: 02:30 is 03:00 EDT = 07:00 UTC") {
        const auto zone = test::system_zone("America/New_York");
        const Resolved at = at_clock_time(zone, date(2026, 3, 7), {2, 30});
        CHECK(at.instant == utc(1772953200));
        CHECK(at.kind == LocalKind::skipped);
        CHECK(to_local(zone, at.instant) == local_at(date(2026, 3, 8), {3, 0}));
        // 01:59 is still EST (06:59 UTC) and 03:00 is EDT (07:00 UTC): both unique.
        CHECK(at_clock_time(zone, date(2026, 3, 7), {1, 59}).instant == utc(1772953200 - 60));
        CHECK(at_clock_time(zone, date(2026, 3, 7), {3, 0}).kind == LocalKind::unique);
    }
    SUBCASE("Berlin, 2026-03-29: 02:30 is 03:00 CEST = 01:00 UTC") {
        const auto zone = test::system_zone("Europe/Berlin");
        const Resolved at = at_clock_time(zone, date(2026, 3, 28), {2, 30});
        CHECK(at.instant == utc(1774746000));
        CHECK(at.kind == LocalKind::skipped);
    }
    SUBCASE("Sydney, 2026-10-04: 02:30 is 03:00 AEDT = 16:00 UTC the day before") {
        const auto zone = test::system_zone("Australia/Sydney");
        const Resolved at = at_clock_time(zone, date(2026, 10, 3), {2, 30});
        CHECK(at.instant == utc(1791043200));
        CHECK(at.kind == LocalKind::skipped);
    }
}

TEST_CASE("reminder day: a reminder in the repeated hour fires once, at its first occurrence") {
    SUBCASE("New York, 2026-11-01: 01:30 is 01:30 EDT = 05:30 UTC, not 06:30 UTC") {
        const auto zone = test::system_zone("America/New_York");
        const Resolved at = at_clock_time(zone, date(2026, 10, 31), {1, 30});
        CHECK(at.instant == utc(1793511000));
        CHECK(at.kind == LocalKind::ambiguous);
        // The second 01:30 (EST, 1793514600) shows the same reading, but is not chosen.
        CHECK(to_local(zone, utc(1793514600)) == to_local(zone, at.instant));
    }
    SUBCASE("Berlin, 2026-10-25: 02:30 is 02:30 CEST = 00:30 UTC") {
        const auto zone = test::system_zone("Europe/Berlin");
        const Resolved at = at_clock_time(zone, date(2026, 10, 24), {2, 30});
        CHECK(at.instant == utc(1792888200));
        CHECK(at.kind == LocalKind::ambiguous);
    }
    SUBCASE("Sydney, 2026-04-05: 02:30 is 02:30 AEDT = 15:30 UTC the day before") {
        const auto zone = test::system_zone("Australia/Sydney");
        const Resolved at = at_clock_time(zone, date(2026, 4, 4), {2, 30});
        CHECK(at.instant == utc(1775316600));
        CHECK(at.kind == LocalKind::ambiguous);
    }
}

TEST_CASE("reminder day: bedtime 00:30 less 45 minutes is 23:45 the evening before") {
    SUBCASE("New York, an ordinary June night: 00:30 EDT on June 11 = 04:30 UTC") {
        const auto zone = test::system_zone("America/New_York");
        const Resolved at = before_bedtime(zone, date(2026, 6, 10), {0, 30}, minutes{45});
        CHECK(at.instant == utc(1781149500)); // 2026-06-11 03:45 UTC
        CHECK(to_local(zone, at.instant) == local_at(date(2026, 6, 10), {23, 45}));
        CHECK(reminder_day(zone, at.instant) == date(2026, 6, 10));
    }
    SUBCASE("Berlin, the fall-back night: bedtime is before the change, so still 23:45 CEST") {
        const auto zone = test::system_zone("Europe/Berlin");
        const Resolved at = before_bedtime(zone, date(2026, 10, 24), {0, 30}, minutes{45});
        // 00:30 CEST on October 25 = 22:30 UTC on the 24th = 1792881000; 45 minutes earlier.
        CHECK(at.instant == utc(1792881000 - 45 * 60));
        CHECK(to_local(zone, at.instant) == local_at(date(2026, 10, 24), {23, 45}));
        CHECK(at.kind == LocalKind::unique);
    }
    SUBCASE("a negative offset is after bedtime") {
        const FixedZone zone{hours{0}};
        const Resolved at = before_bedtime(zone, date(2026, 6, 10), {22, 30}, minutes{-15});
        CHECK(to_local(zone, at.instant) == local_at(date(2026, 6, 10), {22, 45}));
    }
}

TEST_CASE("reminder day: the day runs from noon to noon, local time") {
    const auto zone = test::system_zone("Europe/Berlin");
    // 2026-06-10 12:00 CEST = 10:00 UTC = 1781085600.
    CHECK(reminder_day(zone, utc(1781085600 - 1)) == date(2026, 6, 9));
    CHECK(reminder_day(zone, utc(1781085600)) == date(2026, 6, 10));
    // A clock time before noon belongs to the next date, from noon on to the day itself.
    CHECK(at_clock_time(zone, date(2026, 6, 9), {11, 59}).instant == utc(1781085600 - 60));
    CHECK(at_clock_time(zone, date(2026, 6, 10), {12, 0}).instant == utc(1781085600));
    // Across a year's end with a fixed zone: 00:30 on January 1 is New Year's Eve's day.
    const FixedZone utc_zone{seconds{0}};
    const Resolved after_midnight = at_clock_time(utc_zone, date(2025, 12, 31), {0, 30});
    CHECK(reminder_day(utc_zone, after_midnight.instant) == date(2025, 12, 31));
    CHECK(to_local(utc_zone, after_midnight.instant) == local_at(date(2026, 1, 1), {0, 30}));
}

TEST_CASE("reminder day: every minute of a whole daylight-saving day, in each zone") {
    struct Case {
        const char* zone;
        Date day;
        int hours;
    };
    // The reminder days (noon to noon) that hold the 2026 changes: 23 or 25 hours long.
    const Case cases[] = {
        {"America/New_York", date(2026, 3, 7), 23},  {"America/New_York", date(2026, 10, 31), 25},
        {"Europe/Berlin", date(2026, 3, 28), 23},    {"Europe/Berlin", date(2026, 10, 24), 25},
        {"Australia/Sydney", date(2026, 10, 3), 23}, {"Australia/Sydney", date(2026, 4, 4), 25},
        {"America/New_York", date(2026, 6, 10), 24},
    };
    for (const Case& c : cases) {
        CAPTURE(c.zone);
        CAPTURE(format_date(c.day));
        const auto zone = test::system_zone(c.zone);
        const Instant start = at_clock_time(zone, c.day, {12, 0}).instant;
        const Instant end = at_clock_time(zone, add_days(c.day, 1), {12, 0}).instant;
        CHECK(end - start == hours{c.hours});
        int outside = 0;
        for (Instant at = start; at < end; at += minutes{1})
            outside += reminder_day(zone, at) == c.day ? 0 : 1;
        CHECK(outside == 0);
        CHECK(reminder_day(zone, end) == add_days(c.day, 1));
        // A reminder at each of the 1440 clock times fires once, within the day, and the
        // times keep their order. The 60 skipped times share 03:00, the first minute after.
        std::set<Instant> fired;
        Instant previous = start;
        int out_of_order = 0;
        for (int minute = 0; minute < 24 * 60; ++minute) {
            const LocalTime time{(12 + minute / 60) % 24, minute % 60};
            const Instant at = at_clock_time(zone, c.day, time).instant;
            out_of_order += (at < previous || at >= end) ? 1 : 0;
            previous = at;
            fired.insert(at);
        }
        CHECK(out_of_order == 0);
        CHECK(fired.size() == static_cast<std::size_t>(c.hours == 23 ? 23 * 60 : 24 * 60));
    }
}

TEST_CASE("FixedZone: one offset, named as UTC+HH:MM") {
    const FixedZone east{hours{5} + minutes{30}};
    const FixedZone west{hours{-3}};
    CHECK(east.name() == "UTC+05:30");
    CHECK(west.name() == "UTC-03:00");
    const Resolved at = resolve_local(west, local_at(date(2026, 6, 10), {21, 0}));
    CHECK(at.kind == LocalKind::unique);
    CHECK(at.instant == utc(1781085600 + 14 * 3600)); // 2026-06-10 21:00 -03 = 2026-06-11 00:00 UTC
}
