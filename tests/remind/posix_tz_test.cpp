#include "remind/posix_tz.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono;

namespace {

Instant utc(std::int64_t epoch_seconds) {
    return Instant{seconds{epoch_seconds}};
}

PosixZone rule(const char* text) {
    std::string why;
    auto zone = PosixZone::parse(text, why);
    REQUIRE_MESSAGE(zone, why);
    return *zone;
}

} // namespace

TEST_CASE("PosixZone: a zone without daylight saving has one offset, west is negative") {
    CHECK(rule("UTC0").offset_at(utc(0)) == seconds{0});
    CHECK(rule("<+0330>-3:30").offset_at(utc(0)) == hours{3} + minutes{30});
    CHECK(rule("<-03>3").offset_at(utc(0)) == hours{-3});
    CHECK(rule("EST5").name() == "EST5");
}

TEST_CASE("PosixZone: New York's rule changes at 02:00 local on the US Sundays") {
    const PosixZone zone = rule("EST5EDT,M3.2.0,M11.1.0");
    // 2026-03-08 07:00:00 UTC is 1772953200 (`date -u -d '2026-03-08 07:00' +%s`): 02:00 EST.
    CHECK(zone.offset_at(utc(1772953200 - 1)) == hours{-5});
    CHECK(zone.offset_at(utc(1772953200)) == hours{-4});
    // 2026-11-01 06:00:00 UTC is 1793512800: 02:00 EDT, when clocks go back.
    CHECK(zone.offset_at(utc(1793512800 - 1)) == hours{-4});
    CHECK(zone.offset_at(utc(1793512800)) == hours{-5});
}

TEST_CASE("PosixZone: Sydney's daylight saving spans the turn of the year") {
    const PosixZone zone = rule("AEST-10AEDT,M10.1.0,M4.1.0/3");
    // 2026-01-15 00:00 UTC is 1768435200: summer there, +11.
    CHECK(zone.offset_at(utc(1768435200)) == hours{11});
    // 2026-04-04 16:00 UTC is 1775318400 (03:00 AEDT on the first Sunday of April).
    CHECK(zone.offset_at(utc(1775318400 - 1)) == hours{11});
    CHECK(zone.offset_at(utc(1775318400)) == hours{10});
    // 2026-10-03 16:00 UTC is 1791043200 (02:00 AEST on the first Sunday of October).
    CHECK(zone.offset_at(utc(1791043200 - 1)) == hours{10});
    CHECK(zone.offset_at(utc(1791043200)) == hours{11});
}

TEST_CASE("PosixZone: Julian days, zero-based days and an explicit daylight offset") {
    // Daylight time UTC+1 (written -1: POSIX counts west) from day J60 (March 1, the leap day
    // never counted) to zero-based day 300 at 02:00.
    const PosixZone zone = rule("AAA0BBB-1,J60,300");
    // 2028 is a leap year: J60 is still March 1. 2028-02-29 12:00 UTC is 1835438400.
    CHECK(zone.offset_at(utc(1835438400)) == seconds{0});
    // 2028-03-01 02:00 UTC is 1835488800: the change.
    CHECK(zone.offset_at(utc(1835488800)) == hours{1});
    // Zero-based day 300 of 2028 is October 27 (day 0 is January 1, leap day counted);
    // 2028-10-27 01:00 UTC (02:00 local daylight) is 1856221200.
    CHECK(zone.offset_at(utc(1856221200 - 1)) == hours{1});
    CHECK(zone.offset_at(utc(1856221200)) == seconds{0});
}

TEST_CASE("PosixZone refuses what is not a rule, saying why") {
    std::string why;
    for (const char* text :
         {"", "E5", "EST", "EST5EDT", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0",
          "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0", "EST5EDT,J0,J365",
          "EST5EDT,M3.2.0/x,M11.1.0", "EST5EDT,M3.2.0,M11.1.0 ", "<AB>5", "EST25", "EST5:60",
          "EST5ED"}) {
        why.clear();
        CHECK_MESSAGE(!PosixZone::parse(text, why), text);
        CHECK(why.find("is not a POSIX TZ rule") != std::string::npos);
    }
}
