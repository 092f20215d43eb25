#include "remind/posix_tz.h"

#include <fmt/format.h>

namespace calmlegs {
namespace {

using std::chrono::seconds;

/// Reads a POSIX TZ string from left to right; every reader returns false on bad input.
class Reader {
public:
    explicit Reader(std::string_view text)
        : m_text(text) {}

    bool at_end() const { return m_at == m_text.size(); }
    bool take(char c) {
        if (at_end() || m_text[m_at] != c) return false;
        ++m_at;
        return true;
    }
    bool peek_digit_or_sign() const {
        return !at_end() && (is_digit(m_text[m_at]) || m_text[m_at] == '+' || m_text[m_at] == '-');
    }

    /// A zone abbreviation: three or more letters, or anything but '>' between '<' and '>'.
    bool name() {
        if (take('<')) {
            const auto close = m_text.find('>', m_at);
            if (close == std::string_view::npos || close - m_at < 3) return false;
            m_at = close + 1;
            return true;
        }
        const auto start = m_at;
        while (!at_end() && is_letter(m_text[m_at]))
            ++m_at;
        return m_at - start >= 3;
    }

    /// [+-]h[h..][:mm[:ss]] with at most `max_hours`, as seconds (the sign applied).
    bool duration(int max_hours, seconds& out) {
        const bool negative = take('-');
        if (!negative) take('+');
        int hours = 0;
        if (!number(3, hours) || hours > max_hours) return false;
        int minutes = 0;
        int secs = 0;
        if (take(':') && (!number(2, minutes) || minutes > 59)) return false;
        if (take(':') && (!number(2, secs) || secs > 59)) return false;
        out = seconds{(hours * 60 + minutes) * 60 + secs};
        if (negative) out = -out;
        return true;
    }

    /// Jn, n or Mm.w.d, then an optional /time.
    bool rule_day(PosixRuleDay& out) {
        if (take('M')) {
            out.kind = PosixRuleDay::Kind::month_week_day;
            if (!number(2, out.month) || out.month < 1 || out.month > 12) return false;
            if (!take('.') || !number(1, out.week) || out.week < 1 || out.week > 5) return false;
            if (!take('.') || !number(1, out.day) || out.day > 6) return false;
        } else if (take('J')) {
            out.kind = PosixRuleDay::Kind::julian_no_leap;
            if (!number(3, out.day) || out.day < 1 || out.day > 365) return false;
        } else {
            out.kind = PosixRuleDay::Kind::zero_based;
            if (!number(3, out.day) || out.day > 365) return false;
        }
        // RFC 8536 (version 3) allows -167 to 167 hours.
        return !take('/') || duration(167, out.time);
    }

private:
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

    bool number(std::size_t max_digits, int& out) {
        const auto start = m_at;
        out = 0;
        while (!at_end() && is_digit(m_text[m_at]) && m_at - start < max_digits)
            out = out * 10 + (m_text[m_at++] - '0');
        return m_at > start;
    }

    std::string_view m_text;
    std::size_t m_at = 0;
};

/// The date `rule` names in `year`.
Date rule_date(int year, const PosixRuleDay& rule) {
    using namespace std::chrono;
    const sys_days new_year{std::chrono::year{year} / January / 1};
    switch (rule.kind) {
    case PosixRuleDay::Kind::julian_no_leap: {
        const bool skip_leap_day = std::chrono::year{year}.is_leap() && rule.day >= 60;
        return Date{new_year + days{rule.day - 1 + (skip_leap_day ? 1 : 0)}};
    }
    case PosixRuleDay::Kind::zero_based:
        return Date{new_year + days{rule.day}};
    case PosixRuleDay::Kind::month_week_day:
        break;
    }
    const std::chrono::month month{static_cast<unsigned>(rule.month)};
    const weekday wanted{static_cast<unsigned>(rule.day)};
    if (rule.week == 5) return Date{sys_days{std::chrono::year{year} / month / wanted[last]}};
    return Date{
        sys_days{std::chrono::year{year} / month / wanted[static_cast<unsigned>(rule.week)]}};
}

} // namespace

std::optional<PosixZone> PosixZone::parse(std::string_view text, std::string& why) {
    PosixZone zone;
    zone.m_text = std::string(text);
    Reader reader(text);
    seconds west{0};
    const auto refuse = [&](std::string_view what) {
        why = fmt::format("\"{}\" is not a POSIX TZ rule: {}", text, what);
        return std::nullopt;
    };
    if (!reader.name()) return refuse("it must start with a zone name of three or more letters");
    if (!reader.duration(24, west)) return refuse("the standard offset is missing or wrong");
    zone.m_standard = -west;
    if (reader.at_end()) return zone;
    if (!reader.name()) return refuse("the daylight-saving zone name is wrong");
    zone.m_daylight = zone.m_standard + std::chrono::hours{1};
    if (reader.peek_digit_or_sign()) {
        if (!reader.duration(24, west)) return refuse("the daylight-saving offset is wrong");
        zone.m_daylight = -west;
    }
    if (reader.at_end()) return refuse("the days daylight saving starts and ends are missing");
    if (!reader.take(',') || !reader.rule_day(zone.m_start) || !reader.take(',') ||
        !reader.rule_day(zone.m_end) || !reader.at_end())
        return refuse("the days daylight saving starts and ends are wrong");
    return zone;
}

Instant PosixZone::change_in(int year, const PosixRuleDay& rule, seconds offset_before) const {
    return Instant{std::chrono::sys_days{rule_date(year, rule)}} + rule.time - offset_before;
}

seconds PosixZone::offset_at(Instant instant) const {
    if (!m_daylight) return m_standard;
    const Date local_day{std::chrono::floor<std::chrono::days>(instant + m_standard)};
    const auto year = static_cast<int>(local_day.year());
    const Instant start = change_in(year, m_start, m_standard);
    const Instant end = change_in(year, m_end, *m_daylight);
    // Northern hemisphere: daylight saving within the year; southern: across its turn.
    const bool daylight =
        start < end ? (start <= instant && instant < end) : (instant < end || start <= instant);
    return daylight ? *m_daylight : m_standard;
}

std::optional<Instant> PosixZone::next_change(Instant after) const {
    if (!m_daylight) return std::nullopt;
    const Date local_day{std::chrono::floor<std::chrono::days>(after + m_standard)};
    const auto year = static_cast<int>(local_day.year());
    std::optional<Instant> next;
    // A change of this year or the next (or, for rules near the turn of the year, the last).
    for (int y = year - 1; y <= year + 1; ++y)
        for (const Instant change :
             {change_in(y, m_start, m_standard), change_in(y, m_end, *m_daylight)})
            if (change > after && (!next || change < *next)) next = change;
    return next;
}

std::string PosixZone::name() const {
    return m_text;
}

} // namespace calmlegs
