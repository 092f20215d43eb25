#include "remind/vtimezone.h"

#include "remind/tzif.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace calmlegs {
namespace {

using std::chrono::days;
using std::chrono::seconds;

/// How far past the first day a rule that no RRULE can say is spelt out, in years.
constexpr int k_spelt_out_years = 20;

/// What a zone says of its offsets: the changes it lists, then a rule for all later times.
struct History {
    std::vector<ZoneChange> changes;
    std::optional<PosixZone> rule;
};

/// The history of a zone read from the tz database or given as a POSIX rule; any other zone
/// (a FixedZone) lists nothing and has no rule: its offset at any time holds throughout.
History history_of(const TimeZone& zone) {
    if (const auto* tzif = dynamic_cast<const TzifZone*>(&zone)) {
        History history{{}, tzif->footer()};
        // Files list changes that change no offset (one at 2038-01-19, the end of 32-bit
        // time, in many): they say nothing a calendar needs.
        for (const auto& change : tzif->changes())
            if (change.before != change.after) history.changes.push_back(change);
        return history;
    }
    if (const auto* posix = dynamic_cast<const PosixZone*>(&zone)) return {{}, *posix};
    return {};
}

/// Whether `change` is one the daylight-saving `rule` makes, at the same instant and between
/// the same offsets.
bool made_by(const PosixZone& rule, const ZoneChange& change) {
    const Instant just_before = change.at - seconds{1};
    return rule.next_change(just_before) == change.at &&
           rule.offset_at(just_before) == change.before &&
           rule.offset_at(change.at) == change.after;
}

/// The number of listed changes that come before the rule takes over: from that index on,
/// every listed change is the rule's, and the rule's next change after each is the next one
/// listed. At least 1 when anything is listed, so that the rule starts after a listed change.
std::size_t explicit_count(const History& history) {
    const auto& changes = history.changes;
    std::size_t count = changes.size();
    if (history.rule && history.rule->daylight_offset())
        while (count > 0 && made_by(*history.rule, changes[count - 1]) &&
               (count == changes.size() ||
                history.rule->next_change(changes[count - 1].at) == changes[count].at))
            --count;
    return changes.empty() ? 0 : std::max<std::size_t>(count, 1);
}

/// The clocks' reading at `at` with `offset`.
LocalSeconds local(Instant at, seconds offset) {
    return LocalSeconds{at.time_since_epoch() + offset};
}

/// A listed change as an observance that happens once.
Observance once(const ZoneChange& change) {
    return {change.daylight, change.before, change.after, local(change.at, change.before), ""};
}

/// The daylight-saving `rule`'s change at `at`, as an observance: once, or `yearly` from then.
Observance rule_change(const PosixZone& rule, Instant at, bool yearly) {
    const seconds daylight = *rule.daylight_offset();
    const bool starts = rule.offset_at(at) == daylight;
    const seconds from = starts ? rule.standard_offset() : daylight;
    const seconds to = starts ? daylight : rule.standard_offset();
    std::string recurrence;
    if (yearly) recurrence = yearly_rule(starts ? rule.daylight_start() : rule.daylight_end());
    return {starts, from, to, local(at, from), recurrence};
}

} // namespace

std::string yearly_rule(const PosixRuleDay& day) {
    if (day.kind != PosixRuleDay::Kind::month_week_day) return "";
    static constexpr std::array<const char*, 7> k_days = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    const auto shift = static_cast<int>(std::chrono::floor<days>(day.time).count());
    const bool last = day.week == 5;
    if (shift == 0)
        return fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={}{}", day.month, last ? -1 : day.week,
                           k_days[static_cast<std::size_t>(day.day)]);
    // The rule's days moved by whole days: the weekday moves with them, and the days of the
    // month it may fall on must stay within the month in every year.
    const int lowest = (last ? -7 : 7 * day.week - 6) + shift;
    const int highest = (last ? -1 : 7 * day.week) + shift;
    const auto month = std::chrono::month{static_cast<unsigned>(day.month)};
    // A year that is not a leap year has each month's fewest days.
    const auto shortest = static_cast<int>(
        static_cast<unsigned>((std::chrono::year{2001} / month / std::chrono::last).day()));
    const bool fits =
        last ? (highest <= -1 && lowest >= -shortest) : (lowest >= 1 && highest <= shortest);
    if (!fits) return "";
    std::string month_days;
    for (int d = lowest; d <= highest; ++d)
        month_days += (month_days.empty() ? "" : ",") + std::to_string(d);
    const auto weekday = static_cast<std::size_t>(((day.day + shift) % 7 + 7) % 7);
    return fmt::format("FREQ=YEARLY;BYMONTH={};BYDAY={};BYMONTHDAY={}", day.month, k_days[weekday],
                       month_days);
}

std::vector<Observance> zone_observances(const TimeZone& zone, Date first_day) {
    const History history = history_of(zone);
    const std::vector<ZoneChange>& changes = history.changes;
    const std::size_t listed = explicit_count(history);
    // The rule governs from the first listed change it makes (the rule may have made other
    // changes since the last listed one it did not: the zone did not), else after the last
    // listed change (a footer agrees with it), or throughout.
    std::optional<Instant> rule_from;
    if (listed < changes.size())
        rule_from = changes[listed].at - seconds{1};
    else if (listed > 0)
        rule_from = changes[listed - 1].at;
    const PosixZone* rule =
        history.rule && history.rule->daylight_offset() ? &*history.rule : nullptr;
    // Events start on `first_day`: the observances cover from the start of the year before.
    const Instant from{std::chrono::sys_days{(first_day.year() - std::chrono::years{1}) /
                                             std::chrono::January / 1}};

    // The change in force at `from`: the rule's last change before it, else a listed one.
    std::optional<Instant> rule_in_force;
    if (rule) {
        Instant at = std::max(rule_from.value_or(from - days{400}), from - days{400});
        while (auto next = rule->next_change(at)) {
            if (*next > from) break;
            rule_in_force = at = *next;
        }
    }
    std::size_t first_listed = 0;
    while (first_listed < listed && changes[first_listed].at <= from)
        ++first_listed;
    const bool listed_in_force = !rule_in_force && first_listed > 0;
    if (listed_in_force) --first_listed;

    std::vector<Observance> out;
    if (!rule_in_force && !listed_in_force) {
        // Nothing changed before `from`: one observance of the offset then, from 1970 (or
        // `from`, when that is earlier) on.
        const seconds offset = zone.offset_at(from);
        out.push_back({false, offset, offset, std::min(local(from, offset), LocalSeconds{}), ""});
    }
    for (std::size_t i = rule_in_force ? listed : first_listed; i < listed; ++i)
        out.push_back(once(changes[i]));
    if (rule) {
        const Instant after =
            rule_in_force ? *rule_in_force - seconds{1} : rule_from.value_or(from);
        const Instant first = *rule->next_change(after);
        const Instant second = *rule->next_change(first);
        const Observance a = rule_change(*rule, first, true);
        const Observance b = rule_change(*rule, second, true);
        if (!a.rule.empty() && !b.rule.empty()) {
            out.push_back(a);
            out.push_back(b);
        } else {
            const Instant until{
                std::chrono::sys_days{(first_day.year() + std::chrono::years{k_spelt_out_years}) /
                                      std::chrono::January / 1}};
            for (auto at = rule->next_change(after); at && *at < until; at = rule->next_change(*at))
                out.push_back(rule_change(*rule, *at, false));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Observance& x, const Observance& y) {
        return x.start - x.offset_from < y.start - y.offset_from;
    });
    return out;
}

} // namespace calmlegs
