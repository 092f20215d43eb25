#include "remind/next_time.h"

namespace calmlegs {

Resolved next_clock_time(const TimeZone& zone, Instant now, LocalTime time) {
    using std::chrono::days;
    const Date today{std::chrono::floor<days>(to_local(zone, now))};
    Resolved next{};
    for (int day = 0; day <= 2; ++day) {
        const LocalSeconds local = local_at(add_days(today, day), time);
        next = resolve_local(zone, local);
        if (next.instant > now) return next;
        if (next.kind == LocalKind::ambiguous) {
            // The second pass through the repeated hour: the reading with the later offset.
            const Instant as_utc{local.time_since_epoch()};
            const Instant second = as_utc - zone.offset_at(as_utc + days{1});
            if (second > now) return {second, LocalKind::ambiguous};
        }
    }
    return next; // not reached: tomorrow's reading is always after now
}

LocalTime clock_reading(LocalSeconds local) {
    const auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
    return {static_cast<int>(minutes / 60), static_cast<int>(minutes % 60)};
}

} // namespace calmlegs
