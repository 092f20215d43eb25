#pragma once
// POSIX TZ rule strings ("EST5EDT,M3.2.0,M11.1.0"): the footer of a TZif file, which says the
// offsets for every time past the file's last listed transition, and what TZ may hold.

#include "remind/time_zone.h"

#include <optional>
#include <string>
#include <string_view>

namespace calmlegs {

/// When a daylight-saving period starts or ends in a year, as a POSIX rule gives it.
struct PosixRuleDay {
    enum class Kind {
        julian_no_leap, ///< Jn: day 1 to 365, February 29 never counted
        zero_based,     ///< n: day 0 to 365, February 29 counted
        month_week_day, ///< Mm.w.d: weekday d of week w (5 = last) of month m
    };
    Kind kind = Kind::month_week_day;
    int day = 0;                     ///< n or Jn, or the weekday (0 = Sunday) for Mm.w.d
    int month = 0;                   ///< for Mm.w.d
    int week = 0;                    ///< for Mm.w.d
    std::chrono::seconds time{7200}; ///< local wall time of the change, 02:00 by default
};

/// A zone given by a POSIX TZ rule: a standard offset, and optionally a daylight-saving
/// offset with the two days it starts and ends each year.
class PosixZone final : public TimeZone {
public:
    /// `text` as a rule ("CET-1CEST,M3.5.0,M10.5.0/3", "<+0330>-3:30", "UTC0"); nullopt with
    /// `why` when it is not one. A daylight-saving name without rules is refused: POSIX
    /// leaves its dates to the implementation.
    static std::optional<PosixZone> parse(std::string_view text, std::string& why);

    std::chrono::seconds offset_at(Instant instant) const override;
    std::string name() const override;

    /// The offset outside daylight saving.
    std::chrono::seconds standard_offset() const { return m_standard; }
    /// The offset during daylight saving; nullopt for a zone without it.
    std::optional<std::chrono::seconds> daylight_offset() const { return m_daylight; }
    /// The day and wall time daylight saving starts each year (with a daylight offset only).
    const PosixRuleDay& daylight_start() const { return m_start; }
    /// The day and wall time daylight saving ends each year (with a daylight offset only).
    const PosixRuleDay& daylight_end() const { return m_end; }
    /// The first instant after `after` at which the offset changes; nullopt when it never does.
    std::optional<Instant> next_change(Instant after) const;

private:
    /// The UTC instant of `rule`'s change in `year`, its wall time read at `offset_before`.
    Instant change_in(int year, const PosixRuleDay& rule, std::chrono::seconds offset_before) const;

    std::string m_text;
    std::chrono::seconds m_standard{0};
    std::optional<std::chrono::seconds> m_daylight;
    PosixRuleDay m_start;
    PosixRuleDay m_end;
};

} // namespace calmlegs
