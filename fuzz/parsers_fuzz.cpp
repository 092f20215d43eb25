// The small parsers, the first byte choosing which: a breathing pattern typed on the command
// line, a clock time, a date, a timestamp with its UTC offset, a POSIX TZ rule (offsets and
// durations such as "<+0330>-3:30"), a step file's name, a time of day, and JSON. What parses
// is written back and parsed again to the same value.

#include "content/model.h"
#include "content/parse.h"
#include "fuzz_check.h"
#include "journal/exchange_fields.h"
#include "journal/json_value.h"
#include "plan/session_builder.h"
#include "remind/civil.h"
#include "remind/posix_tz.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace calmlegs;

namespace {

void pattern(std::string_view text) {
    std::string why;
    const auto parsed = parse_custom_pattern(text, why);
    fuzz::require(parsed.has_value() == why.empty(), "a pattern refused says why, only then");
    if (!parsed) return;
    fuzz::require(parsed->phases.size() >= 2 && parsed->phases.size() <= 4, "2 to 4 phases");
    for (const auto& phase : parsed->phases)
        fuzz::require(phase.seconds >= 1 && phase.seconds <= 60, "a phase lasts 1 to 60 s");
    fuzz::require(parsed->cycle_seconds() > 0, "a cycle takes time");
    fuzz::require(cycles_for_minutes(*parsed, 1e9) >= 1, "at least one cycle");
}

void clock_time(std::string_view text) {
    std::string why;
    const auto parsed = parse_local_time(text, why);
    fuzz::require(parsed.has_value() || !why.empty(), "a time refused says why");
    if (!parsed) return;
    fuzz::require(parsed->minutes() >= 0 && parsed->minutes() < 24 * 60, "a time in the day");
    const auto again = parse_local_time(format_local_time(*parsed), why);
    fuzz::require(again && *again == *parsed, "a time round-trips");
}

void date(std::string_view text) {
    std::string why;
    const auto parsed = parse_date(text, why);
    fuzz::require(parsed.has_value() || !why.empty(), "a date refused says why");
    if (!parsed) return;
    fuzz::require(parsed->ok(), "a date is a real day");
    const auto again = parse_date(format_date(*parsed), why);
    fuzz::require(again && *again == *parsed, "a date round-trips");
    fuzz::require(days_between(*parsed, add_days(*parsed, 1)) == 1, "the next day is one away");
}

void offset_time(std::string_view text) {
    const auto parsed = parse_offset_time(text);
    if (!parsed) return;
    fuzz::require(parsed->offset < std::chrono::hours(24) &&
                      parsed->offset > -std::chrono::hours(24),
                  "an offset under a day");
}

void posix_zone(std::string_view text) {
    std::string why;
    const auto zone = PosixZone::parse(text, why);
    fuzz::require(zone.has_value() || !why.empty(), "a TZ rule refused says why");
    if (!zone) return;
    zone->name();
    // Across the years a journal spans, and at the ends of what an Instant holds.
    for (const int year : {1970, 2026, 2038, 2100}) {
        const auto day = std::chrono::sys_days{std::chrono::year{year} / 3 / 29};
        const auto offset = zone->offset_at(Instant{day});
        fuzz::require(offset < std::chrono::hours(26) && offset > -std::chrono::hours(26),
                      "an offset under a day and two hours");
    }
}

void step_stem(std::string_view text) {
    const auto parsed = parse_step_stem(text);
    if (parsed) fuzz::require(!parsed->id.empty() && parsed->number >= 0, "a step has an id");
}

void json(std::string_view text) {
    JsonError error;
    const auto parsed = parse_json(text, error);
    if (!parsed) {
        fuzz::require(!error.message.empty() && error.pos.line >= 1 && error.pos.column >= 1,
                      "a JSON error says where and what");
        return;
    }
    describe_json(*parsed);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 8) {
    case 0:
        pattern(text);
        break;
    case 1:
        clock_time(text);
        break;
    case 2:
        date(text);
        break;
    case 3:
        offset_time(text);
        break;
    case 4:
        posix_zone(text);
        break;
    case 5:
        step_stem(text);
        break;
    case 6:
        parse_time_of_day(text);
        break;
    default:
        json(text);
        break;
    }
    return 0;
}
