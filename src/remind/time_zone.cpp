#include "remind/time_zone.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace calmlegs {
namespace {

using std::chrono::seconds;

/// The first instant in (after, before] whose offset differs from the offset at `after`:
/// where the clocks changed, found by halving (the zone says offsets, not transitions).
Instant change_between(const TimeZone& zone, Instant after, Instant before) {
    const seconds offset = zone.offset_at(after);
    while (before - after > seconds{1}) {
        const Instant middle = after + (before - after) / 2;
        if (zone.offset_at(middle) == offset)
            after = middle;
        else
            before = middle;
    }
    return before;
}

} // namespace

FixedZone::FixedZone(seconds offset)
    : m_offset(offset) {}

seconds FixedZone::offset_at(Instant) const {
    return m_offset;
}

std::string format_utc_offset(seconds offset, std::string_view separator) {
    const auto total = offset.count();
    const auto magnitude = std::llabs(total);
    return fmt::format("{}{:02}{}{:02}", total < 0 ? '-' : '+', magnitude / 3600, separator,
                       magnitude / 60 % 60);
}

std::string FixedZone::name() const {
    return "UTC" + format_utc_offset(m_offset, ":");
}

LocalSeconds to_local(const TimeZone& zone, Instant instant) {
    return LocalSeconds{instant.time_since_epoch() + zone.offset_at(instant)};
}

Resolved resolve_local(const TimeZone& zone, LocalSeconds local) {
    // The offsets in force a day before and a day after bound the ones that can apply.
    const Instant as_utc{local.time_since_epoch()};
    const seconds earlier = zone.offset_at(as_utc - std::chrono::days{1});
    const seconds later = zone.offset_at(as_utc + std::chrono::days{1});
    const Instant with_earlier = as_utc - earlier;
    const Instant with_later = as_utc - later;
    const bool earlier_fits = zone.offset_at(with_earlier) == earlier;
    const bool later_fits = zone.offset_at(with_later) == later;
    if (earlier_fits && later_fits && earlier != later)
        return {std::min(with_earlier, with_later), LocalKind::ambiguous};
    if (earlier_fits) return {with_earlier, LocalKind::unique};
    if (later_fits) return {with_later, LocalKind::unique};
    // In the gap: the clocks jumped over `local`. The jump happened between the two readings.
    const Instant change = change_between(zone, std::min(with_earlier, with_later),
                                          std::max(with_earlier, with_later));
    // Up to the whole minute, for a zone whose change falls within one.
    return {std::chrono::ceil<std::chrono::minutes>(change), LocalKind::skipped};
}

LocalSeconds local_at(Date date, LocalTime time) {
    return LocalSeconds{std::chrono::sys_days{date}.time_since_epoch()} +
           std::chrono::minutes{time.minutes()};
}

std::string format_local_seconds(LocalSeconds reading) {
    const auto day = std::chrono::floor<std::chrono::days>(reading);
    const std::chrono::hh_mm_ss time{reading - day};
    return fmt::format("{}T{:02}:{:02}:{:02}", format_date(Date{day}), time.hours().count(),
                       time.minutes().count(), time.seconds().count());
}

std::string format_instant(Instant instant) {
    return format_local_seconds(LocalSeconds{instant.time_since_epoch()}) + "Z";
}

std::string format_instant_at(Instant instant, seconds offset) {
    std::string text = format_local_seconds(LocalSeconds{instant.time_since_epoch() + offset}) +
                       format_utc_offset(offset, ":");
    if (const auto extra = std::llabs(offset.count()) % 60; extra != 0)
        text += fmt::format(":{:02}", extra);
    return text;
}

} // namespace calmlegs
