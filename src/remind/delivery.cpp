#include "remind/delivery.h"

#include "content/toml_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs {
namespace {

constexpr std::string_view k_format = "calmlegs-remind-state";
constexpr int k_version = 1;

/// Adds each placed reminder of `placed` not yet handled and fired in (since, now].
void collect(const std::vector<DayReminder>& placed, Instant since, Instant now,
             std::chrono::minutes grace, const DeliveryState& state, DueNow& due) {
    for (const auto& reminder : placed) {
        if (reminder.at > now || reminder.at <= since) continue;
        if (state.handled(reminder.day, reminder.reminder->id)) continue;
        // Late by whole minutes: with a grace of 0, one run in its minute still delivers it.
        const bool in_grace = minutes_late(reminder, now) <= grace;
        (in_grace ? due.deliver : due.dropped).push_back(reminder);
    }
}

std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) { // TOML takes no control character raw
            out += fmt::format("\\u{:04X}", byte);
        } else {
            out += c;
        }
    }
    return out + "\"";
}

} // namespace

std::chrono::minutes minutes_late(const DayReminder& reminder, Instant now) {
    return now > reminder.at ? std::chrono::floor<std::chrono::minutes>(now - reminder.at)
                             : std::chrono::minutes{0};
}

bool DeliveryState::handled(Date day, const std::string& id) const {
    const auto found = days.find(format_date(day));
    return found != days.end() && found->second.contains(id);
}

DueNow due_now(const PersonSchedule& schedule, const TimeZone& zone, Instant now,
               std::chrono::minutes grace, const DeliveryState& state) {
    DueNow due;
    const Date today = reminder_day(zone, now);
    const Instant since = now - std::chrono::hours{24};
    for (int delta : {-1, 0, 1})
        collect(place_on_day(schedule, zone, add_days(today, delta)), since, now, grace, state,
                due);
    // Each day is in time order; across days, a reminder counted back from a late bedtime may
    // fire before one of the day before.
    const auto by_time = [](const DayReminder& a, const DayReminder& b) { return a.at < b.at; };
    std::stable_sort(due.deliver.begin(), due.deliver.end(), by_time);
    std::stable_sort(due.dropped.begin(), due.dropped.end(), by_time);
    return due;
}

Instant next_due(const PersonSchedule& schedule, const TimeZone& zone, Instant now,
                 const DeliveryState& state) {
    // From the next noon on, the days either side of it are placed; before it, every reminder
    // that fires belongs to one of the days placed here (offsets stay within twelve hours).
    const Date today = reminder_day(zone, now);
    Instant next = at_clock_time(zone, add_days(today, 1), {k_reminder_day_start_hour, 0}).instant;
    for (int delta : {-1, 0, 1})
        for (const auto& reminder : place_on_day(schedule, zone, add_days(today, delta)))
            if (reminder.at > now && reminder.at < next &&
                !state.handled(reminder.day, reminder.reminder->id))
                next = reminder.at;
    return next;
}

void forget_after(DeliveryState& state, const PersonSchedule& schedule, const TimeZone& zone,
                  Instant now) {
    const std::string last_day = format_date(add_days(reminder_day(zone, now), 1));
    for (auto day = state.days.begin(); day != state.days.end();) {
        std::string why;
        const auto date = parse_date(day->first, why);
        if (!date || day->first > last_day) {
            day = state.days.erase(day);
            continue;
        }
        for (const auto& placed : place_on_day(schedule, zone, *date))
            if (placed.at > now) day->second.erase(placed.reminder->id);
        day = day->second.empty() ? state.days.erase(day) : std::next(day);
    }
}

void record(DeliveryState& state, const DueNow& due, Date today) {
    for (const auto& reminder : due.deliver)
        state.days[format_date(reminder.day)][reminder.reminder->id] = Outcome::delivered;
    for (const auto& reminder : due.dropped)
        state.days[format_date(reminder.day)][reminder.reminder->id] = Outcome::dropped;
    // Dates as YYYY-MM-DD sort as they run, so the oldest come first.
    const std::string oldest = format_date(add_days(today, -k_state_days));
    while (!state.days.empty() && state.days.begin()->first < oldest)
        state.days.erase(state.days.begin());
}

std::string format_state(const DeliveryState& state) {
    std::string text = "# The reminders `calmlegs remind` has handled, so that each is delivered\n"
                       "# once. Written by calmlegs; delete it to start afresh.\n";
    text += "format = " + toml_string(k_format) + "\n";
    text += "version = " + std::to_string(k_version) + "\n";
    for (const auto& [day, outcomes] : state.days) {
        text += "\n[days." + toml_string(day) + "]\n";
        for (Outcome which : {Outcome::delivered, Outcome::dropped}) {
            std::string ids;
            for (const auto& [id, outcome] : outcomes)
                if (outcome == which) ids += (ids.empty() ? "" : ", ") + toml_string(id);
            text += std::string(which == Outcome::delivered ? "delivered" : "dropped") + " = [" +
                    ids + "]\n";
        }
    }
    return text;
}

std::optional<DeliveryState> parse_state(std::string_view text, std::string& why) {
    Diagnostics diags;
    const std::string file = "state";
    auto root = parse_toml(text, file, diags);
    const auto first_problem = [&] {
        const Problem& problem = diags.problems().front();
        return "line " + std::to_string(problem.pos.line) + ", column " +
               std::to_string(problem.pos.column) + ": " + problem.message;
    };
    if (!root) {
        why = first_problem();
        return std::nullopt;
    }
    const auto* format = (*root)["format"].as_string();
    if (format == nullptr || format->get() != k_format) {
        why = "not calmlegs' reminder state (no format = \"" + std::string(k_format) + "\")";
        return std::nullopt;
    }
    FieldReader fields(*root, file, diags);
    (void)fields.string("format", Presence::required);
    const auto version = fields.integer("version", Presence::required, k_version, k_version);
    DeliveryState state;
    if (const toml::table* days = fields.table("days", Presence::optional)) {
        for (const auto& [key, node] : *days) {
            std::string date_why;
            if (!parse_date(key.str(), date_why)) {
                diags.error(file, position_of(node), date_why);
                continue;
            }
            const toml::table* day = node.as_table();
            if (day == nullptr) {
                diags.error(file, position_of(node), "expected a table of the day's reminders");
                continue;
            }
            FieldReader day_fields(*day, file, diags);
            auto& outcomes = state.days[std::string(key.str())];
            for (const auto& id : day_fields.strings("delivered", Presence::optional))
                outcomes[id] = Outcome::delivered;
            for (const auto& id : day_fields.strings("dropped", Presence::optional))
                outcomes[id] = Outcome::dropped;
            day_fields.finish();
        }
    }
    fields.finish();
    if (!version || !diags.empty()) {
        why = diags.empty() ? "an unknown version" : first_problem();
        return std::nullopt;
    }
    return state;
}

} // namespace calmlegs
