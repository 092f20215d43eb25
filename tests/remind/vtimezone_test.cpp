#include "remind/vtimezone.h"

#include "remind/tzif.h"
#include "support/zones.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using namespace calmlegs;
using namespace std::chrono;

// The expected onsets are the zones' rules as the tz database gives them (see
// reminder_day_test.cpp): New York changes at 02:00 local on the second Sunday of March and the
// first of November; Berlin at 02:00 CET on the last Sunday of March and 03:00 CEST on the
// last of October; Sydney forward at 02:00 AEST on the first Sunday of October and back at
// 03:00 AEDT on the first Sunday of April. Events from 2026-03-08 need the observances from
// 2025-01-01 on: each zone's last change before then, and the rule's next one.

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

LocalSeconds at(int y, unsigned m, unsigned d, int hour, int minute = 0) {
    return local_at(date(y, m, d), LocalTime{hour, minute});
}

PosixRuleDay rule_day(int month, int week, int weekday, seconds time = hours{2}) {
    PosixRuleDay day;
    day.month = month;
    day.week = week;
    day.day = weekday;
    day.time = time;
    return day;
}

PosixZone posix(const std::string& text) {
    std::string why;
    auto zone = PosixZone::parse(text, why);
    REQUIRE_MESSAGE(zone, why);
    return *zone;
}

} // namespace

TEST_CASE("zone_observances: New York, Berlin and Sydney as two yearly rules") {
    const Date first = date(2026, 3, 8);
    SUBCASE("America/New_York") {
        const std::vector<Observance> expected = {
            {false, hours{-4}, hours{-5}, at(2024, 11, 3, 2), "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"},
            {true, hours{-5}, hours{-4}, at(2025, 3, 9, 2), "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"},
        };
        CHECK(zone_observances(test::system_zone("America/New_York"), first) == expected);
    }
    SUBCASE("Europe/Berlin") {
        const std::vector<Observance> expected = {
            {false, hours{2}, hours{1}, at(2024, 10, 27, 3), "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"},
            {true, hours{1}, hours{2}, at(2025, 3, 30, 2), "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"},
        };
        CHECK(zone_observances(test::system_zone("Europe/Berlin"), first) == expected);
        // The same rule given as TZ's POSIX string: the same observances.
        CHECK(zone_observances(posix("CET-1CEST,M3.5.0,M10.5.0/3"), first) == expected);
    }
    SUBCASE("Australia/Sydney: daylight saving across the turn of the year") {
        const std::vector<Observance> expected = {
            {true, hours{10}, hours{11}, at(2024, 10, 6, 2), "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"},
            {false, hours{11}, hours{10}, at(2025, 4, 6, 3), "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU"},
        };
        CHECK(zone_observances(test::system_zone("Australia/Sydney"), first) == expected);
    }
}

TEST_CASE("zone_observances: the listed changes up to where the rule takes over") {
    // Calendar events from 2006 in New York: the changes of 2004 to 2006 under the old rule
    // (first Sunday of April, last of October), then the rule of 2007 on.
    const std::vector<Observance> expected = {
        {false, hours{-4}, hours{-5}, at(2004, 10, 31, 2), ""},
        {true, hours{-5}, hours{-4}, at(2005, 4, 3, 2), ""},
        {false, hours{-4}, hours{-5}, at(2005, 10, 30, 2), ""},
        {true, hours{-5}, hours{-4}, at(2006, 4, 2, 2), ""},
        {false, hours{-4}, hours{-5}, at(2006, 10, 29, 2), ""},
        {true, hours{-5}, hours{-4}, at(2007, 3, 11, 2), "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"},
        {false, hours{-4}, hours{-5}, at(2007, 11, 4, 2), "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"},
    };
    CHECK(zone_observances(test::system_zone("America/New_York"), date(2006, 6, 1)) == expected);
    // Mexico City gave up daylight saving in October 2022: its footer has none, so the last
    // listed change holds from then on.
    const auto mexico =
        zone_observances(test::system_zone("America/Mexico_City"), date(2022, 6, 1));
    REQUIRE(mexico.size() == 5);
    CHECK(mexico.front().start == at(2020, 10, 25, 2));
    CHECK(mexico.back() == Observance{false, hours{-5}, hours{-6}, at(2022, 10, 30, 2), ""});
}

TEST_CASE("zone_observances: a zone whose offset never changes is one observance from 1970") {
    const Observance utc{false, seconds{0}, seconds{0}, at(1970, 1, 1, 0), ""};
    CHECK(zone_observances(test::system_zone("UTC"), date(2026, 3, 8)) ==
          std::vector<Observance>{utc});
    CHECK(zone_observances(FixedZone(seconds{0}), date(2026, 3, 8)) ==
          std::vector<Observance>{utc});
    const seconds india = hours{5} + minutes{30};
    CHECK(zone_observances(FixedZone(india), date(2026, 3, 8)) ==
          std::vector<Observance>{{false, india, india, at(1970, 1, 1, 0), ""}});
    // Tokyo's last change was in 1951: that one observance holds since.
    const auto tokyo = zone_observances(test::system_zone("Asia/Tokyo"), date(2026, 3, 8));
    REQUIRE(tokyo.size() == 1);
    CHECK(tokyo[0].offset_to == hours{9});
    CHECK(tokyo[0].rule.empty());
    CHECK(tokyo[0].start < at(1952, 1, 1, 0));
}

TEST_CASE("zone_observances: a rule no RRULE can say is spelt out for 20 years") {
    // Julian days: daylight saving from day 80 to day 264, at 02:00.
    const auto observances = zone_observances(posix("XST-2XDT,J80,J264"), date(2026, 3, 8));
    // The end of 2024's (in force on 2025-01-01), then two a year for 2025 to 2045.
    REQUIRE(observances.size() == 1 + 2 * 21);
    CHECK(observances.front() == Observance{false, hours{3}, hours{2}, at(2024, 9, 21, 2), ""});
    CHECK(observances[1] == Observance{true, hours{2}, hours{3}, at(2025, 3, 21, 2), ""});
    CHECK(observances.back().start == at(2045, 9, 21, 2));
    for (const auto& observance : observances)
        CHECK(observance.rule.empty());
}

TEST_CASE("yearly_rule: Mm.w.d as BYDAY, and moved by whole days as a weekday with BYMONTHDAY") {
    CHECK(yearly_rule(rule_day(3, 2, 0)) == "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
    CHECK(yearly_rule(rule_day(10, 5, 0, hours{3})) == "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
    CHECK(yearly_rule(rule_day(4, 1, 0, hours{3})) == "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU");
    // Jerusalem, M3.4.4/26: 02:00 on the Friday after the fourth Thursday of March.
    CHECK(yearly_rule(rule_day(3, 4, 4, hours{26})) ==
          "FREQ=YEARLY;BYMONTH=3;BYDAY=FR;BYMONTHDAY=23,24,25,26,27,28,29");
    // Nuuk, M3.5.0/-1: 23:00 on the Saturday before the last Sunday of March.
    CHECK(yearly_rule(rule_day(3, 5, 0, hours{-1})) ==
          "FREQ=YEARLY;BYMONTH=3;BYDAY=SA;BYMONTHDAY=-8,-7,-6,-5,-4,-3,-2");
    // Santiago, M9.1.6/24: midnight after the first Saturday of September.
    CHECK(yearly_rule(rule_day(9, 1, 6, hours{24})) ==
          "FREQ=YEARLY;BYMONTH=9;BYDAY=SU;BYMONTHDAY=2,3,4,5,6,7,8");
    // Days that leave the month in some year: no yearly recurrence says them.
    CHECK(yearly_rule(rule_day(3, 1, 0, hours{-1})).empty());
    CHECK(yearly_rule(rule_day(3, 5, 0, hours{24})).empty());
    CHECK(yearly_rule(rule_day(2, 4, 0, hours{96})).empty());
    PosixRuleDay julian;
    julian.kind = PosixRuleDay::Kind::julian_no_leap;
    julian.day = 60;
    CHECK(yearly_rule(julian).empty());
}

TEST_CASE("TzifZone::changes and PosixZone::next_change: what the observances are built on") {
    const TzifZone new_york = test::system_zone("America/New_York");
    const Instant spring = sys_days{year{2026} / March / 8} + hours{7};
    const auto changes = new_york.changes();
    const auto found = std::find_if(changes.begin(), changes.end(),
                                    [&](const ZoneChange& change) { return change.at == spring; });
    REQUIRE(found != changes.end());
    CHECK(found->before == hours{-5});
    CHECK(found->after == hours{-4});
    CHECK(found->daylight);
    CHECK_FALSE(std::next(found)->daylight); // November: back to standard time
    REQUIRE(new_york.footer());
    CHECK(new_york.footer()->name() == "EST5EDT,M3.2.0,M11.1.0");

    const PosixZone& rule = *new_york.footer();
    CHECK(rule.next_change(sys_days{year{2026} / January / 1}) == spring);
    CHECK(rule.next_change(spring) == sys_days{year{2026} / November / 1} + hours{6});
    CHECK(rule.next_change(sys_days{year{2026} / December / 31}) ==
          sys_days{year{2027} / March / 14} + hours{7});
    CHECK_FALSE(posix("JST-9").next_change(spring));
}
