#include "remind/next_time.h"

#include "support/zones.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono;

// Instants are written as a UTC date and time, from the zones' rules: New York is EST (UTC-5)
// until 02:00 on 2026-03-08 and EDT (UTC-4) until 02:00 EDT on 2026-11-01; Berlin is CET
// (UTC+1) until 01:00 UTC on 2026-03-29, then CEST (UTC+2).

namespace {

Instant utc(year_month_day day, int hour, int minute, int second = 0) {
    return sys_days{day} + hours{hour} + minutes{minute} + seconds{second};
}

} // namespace

TEST_CASE("next_clock_time: later today, or tomorrow once it has come") {
    const FixedZone zone(seconds{0});
    const auto day = 2026y / 3 / 10;
    const Resolved later = next_clock_time(zone, utc(day, 20, 0), {22, 30});
    CHECK(later.instant == utc(day, 22, 30));
    CHECK(later.kind == LocalKind::unique);
    // After midnight is the next day: at 23:50, 00:30 is 40 minutes away.
    CHECK(next_clock_time(zone, utc(day, 23, 50), {0, 30}).instant ==
          utc(day, 23, 50) + minutes{40});
    // A second before is a second away; at the very time, the next one is tomorrow's.
    CHECK(next_clock_time(zone, utc(day, 22, 29, 59), {22, 30}).instant == utc(day, 22, 30));
    CHECK(next_clock_time(zone, utc(day, 22, 30), {22, 30}).instant == utc(day, 22, 30) + days{1});
    // In a zone east of UTC: 13:00 in UTC+2 is 11:00 UTC.
    const FixedZone east(hours{2});
    CHECK(next_clock_time(east, utc(day, 10, 0), {13, 0}).instant == utc(day, 11, 0));
}

TEST_CASE("next_clock_time: the night the clocks go forward") {
    const auto zone = test::system_zone("America/New_York");
    const auto day = 2026y / 3 / 8;
    const Instant now = utc(day, 6, 50); // 01:50 EST
    // 03:30 EDT is 07:30 UTC: 40 minutes away, not the 1 h 40 min the clock faces differ by.
    CHECK(next_clock_time(zone, now, {3, 30}).instant == utc(day, 7, 30));
    // 02:30 does not exist that night: the first valid minute after the gap, 03:00 EDT.
    const Resolved skipped = next_clock_time(zone, now, {2, 30});
    CHECK(skipped.instant == utc(day, 7, 0));
    CHECK(skipped.kind == LocalKind::skipped);
}

TEST_CASE("next_clock_time: the night the clocks go back") {
    const auto zone = test::system_zone("America/New_York");
    const auto day = 2026y / 11 / 1;
    // 01:40 EDT (05:40 UTC), the first pass: 01:50 is the first one, 01:50 EDT.
    const Resolved first = next_clock_time(zone, utc(day, 5, 40), {1, 50});
    CHECK(first.instant == utc(day, 5, 50));
    CHECK(first.kind == LocalKind::ambiguous);
    // 01:40 EST (06:40 UTC), the second pass: 01:50 EST is 10 minutes away, not tomorrow.
    CHECK(next_clock_time(zone, utc(day, 6, 40), {1, 50}).instant == utc(day, 6, 50));
    // 01:55 EST (06:55 UTC): both 01:50s have come, so it is tomorrow's (EST).
    CHECK(next_clock_time(zone, utc(day, 6, 55), {1, 50}).instant == utc(2026y / 11 / 2, 6, 50));
}

TEST_CASE("next_clock_time: Berlin's spring-forward night, from a TZif zone") {
    const auto zone = test::system_zone("Europe/Berlin");
    const auto day = 2026y / 3 / 28;
    // 23:50 CET on the 28th (22:50 UTC); 03:10 CEST on the 29th is 01:10 UTC.
    CHECK(next_clock_time(zone, utc(day, 22, 50), {3, 10}).instant == utc(2026y / 3 / 29, 1, 10));
}

TEST_CASE("clock_reading: the minute a reading shows, seconds dropped") {
    const LocalSeconds reading = local_days{2026y / 3 / 8} + hours{21} + minutes{38} + seconds{40};
    CHECK(clock_reading(reading) == LocalTime{21, 38});
    CHECK(clock_reading(local_days{2026y / 3 / 8}) == LocalTime{0, 0});
    CHECK(clock_reading(local_days{2026y / 3 / 8} - seconds{1}) == LocalTime{23, 59});
}
