// write_reminder's times do not depend on the process's TZ (fmt 9 formats a time_point
// through localtime(), which once shifted "at" and "local" by the process's own offset).

#include "ui/render_reminders.h"

#include "support/zones.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

using namespace calmlegs;
using namespace std::chrono;

namespace {

/// Sets the process's TZ for the test's lifetime, then puts back what was there.
class ProcessZone {
public:
    explicit ProcessZone(const char* value) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", value, 1);
        ::tzset();
    }
    ~ProcessZone() {
        if (m_old)
            ::setenv("TZ", m_old->c_str(), 1);
        else
            ::unsetenv("TZ");
        ::tzset();
    }
    ProcessZone(const ProcessZone&) = delete;
    ProcessZone& operator=(const ProcessZone&) = delete;

private:
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("write_reminder: at and local come from the zone given, whatever the process's TZ") {
    const TzifZone new_york = test::system_zone("America/New_York");
    const PlannedReminder planned{"wind-down", "Wind-down", "text", "", {}, {}, {}, false};
    const Instant at = sys_days{year{2026} / March / 9} + hours{1} + minutes{45};
    const DayReminder placed{&planned, Date{year{2026}, March, day{8}}, at, LocalKind::unique,
                             to_local(new_york, at)};
    const ProcessZone tokyo("Asia/Tokyo");
    JsonWriter json;
    write_reminder(json, placed, new_york);
    CHECK(json.str().find("\"at\": \"2026-03-09T01:45:00Z\"") != std::string::npos);
    CHECK(json.str().find("\"local\": \"2026-03-08T21:45:00-04:00\"") != std::string::npos);
    CHECK(json.str().find("\"time\": \"21:45\"") != std::string::npos);
}

TEST_CASE("format_local_seconds and format_instant spell the calendar, not the C library") {
    const ProcessZone somewhere("America/Los_Angeles");
    const Instant instant = sys_days{year{2026} / March / 8} + hours{7} + seconds{5};
    CHECK(format_instant(instant) == "2026-03-08T07:00:05Z");
    CHECK(format_local_seconds(local_at(Date{year{2026}, March, day{8}}, LocalTime{21, 45})) ==
          "2026-03-08T21:45:00");
    CHECK(format_instant(Instant{}) == "1970-01-01T00:00:00Z");
    CHECK(format_instant(sys_days{year{1969} / December / 31} + hours{23}) ==
          "1969-12-31T23:00:00Z");
}

TEST_CASE("reminders: a text that is its own title is said once, and doses come with their note") {
    PlannedReminder own;
    own.id = "journal";
    own.title = own.text = "Journal your legs tonight.";
    own.time = {Anchor::clock, {21, 0}, 0};
    const DayReminder placed{&own, Date{year{2026} / 3 / 10},
                             sys_days{year{2026} / 3 / 10} + hours{21}, LocalKind::unique,
                             local_days{year{2026} / 3 / 10} + hours{21}};
    Page page(RenderOptions{});
    render_reminder(page, placed);
    CHECK(page.str() == "21:00  Journal your legs tonight.\n");
    CHECK(notification_body(placed).empty());

    PlannedReminder magnesium = own;
    magnesium.title = "Magnesium";
    magnesium.text = "With the ritual.";
    magnesium.doses = {"Magnesium: 200–400 mg"};
    const DayReminder dosed{&magnesium, placed.day, placed.at, placed.kind, placed.local};
    const std::string body = notification_body(dosed);
    CHECK(body.starts_with("With the ritual.\nMagnesium: 200–400 mg\nThe amounts are the "
                           "guide's, not a prescription"));
}
