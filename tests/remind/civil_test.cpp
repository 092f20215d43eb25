#include "remind/civil.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono;

TEST_CASE("parse_local_time reads HH:MM on the 24-hour clock") {
    std::string why;
    CHECK(parse_local_time("22:30", why) == LocalTime{22, 30});
    CHECK(parse_local_time("7:05", why) == LocalTime{7, 5});
    CHECK(parse_local_time("00:00", why) == LocalTime{0, 0});
    CHECK(parse_local_time("23:59", why)->minutes() == 23 * 60 + 59);
}

TEST_CASE("parse_local_time refuses what is not a time, saying why") {
    std::string why;
    CHECK_FALSE(parse_local_time("24:00", why));
    CHECK(why == "\"24:00\": the hour must be 0 to 23");
    CHECK_FALSE(parse_local_time("22:60", why));
    CHECK(why == "\"22:60\": the minutes must be 00 to 59");
    for (const char* text : {"", "22", "22:3", "22:300", "123:00", "ab:cd", "-1:00", "22:30 "}) {
        why.clear();
        CHECK_FALSE(parse_local_time(text, why));
        CHECK(why.find("is not a time of day as HH:MM") != std::string::npos);
    }
}

TEST_CASE("format_local_time writes two digits each") {
    CHECK(format_local_time({7, 5}) == "07:05");
    CHECK(format_local_time({23, 45}) == "23:45");
}

TEST_CASE("parse_date reads real calendar days only") {
    std::string why;
    CHECK(parse_date("2026-03-08", why) == Date{year{2026}, March, day{8}});
    CHECK(parse_date("2028-02-29", why) == Date{year{2028}, February, day{29}});
    CHECK_FALSE(parse_date("2026-02-29", why)); // 2026 is not a leap year
    CHECK(why == "\"2026-02-29\" is not a day of the calendar");
    for (const char* text : {"2026-3-8", "2026/03/08", "20260308", "2026-0a-08", ""}) {
        CHECK_FALSE(parse_date(text, why));
        CHECK(why.find("is not a date as YYYY-MM-DD") != std::string::npos);
    }
    CHECK(format_date(Date{year{2026}, March, day{8}}) == "2026-03-08");
}

TEST_CASE("add_days crosses months and years, and weekday_of names the day") {
    const Date new_year_eve{year{2025}, December, day{31}};
    CHECK(add_days(new_year_eve, 1) == Date{year{2026}, January, day{1}});
    CHECK(add_days(Date{year{2026}, March, day{1}}, -1) == Date{year{2026}, February, day{28}});
    // 2026-03-08 is a Sunday (`date -d 2026-03-08 +%a`), so the day before is a Saturday.
    CHECK(weekday_of(Date{year{2026}, March, day{8}}) == Sunday);
    CHECK(weekday_of(add_days(Date{year{2026}, March, day{8}}, -1)) == Saturday);
}
