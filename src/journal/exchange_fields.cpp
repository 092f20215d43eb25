#include "journal/exchange_fields.h"

#include "content/names.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <tuple>

namespace calmlegs {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

/// The number two decimal digits spell, or -1.
int two_digits(std::string_view text) {
    if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9')
        return -1;
    return (text[0] - '0') * 10 + (text[1] - '0');
}

/// "+HH:MM" or "+HH:MM:SS" (or '-'), hours 0 to 23.
std::optional<seconds> parse_offset(std::string_view text) {
    if (text == "Z") return seconds{0};
    if ((text.size() != 6 && text.size() != 9) || (text[0] != '+' && text[0] != '-') ||
        text[3] != ':' || (text.size() == 9 && text[6] != ':'))
        return std::nullopt;
    const int h = two_digits(text.substr(1, 2));
    const int m = two_digits(text.substr(4, 2));
    const int s = text.size() == 9 ? two_digits(text.substr(7, 2)) : 0;
    if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
    // cppcheck-suppress cppcheckError ; cppcheck 2.10 gives up here ("Cyclic reverse analysis")
    const seconds magnitude = hours{h} + minutes{m} + seconds{s};
    return text[0] == '-' ? -magnitude : magnitude;
}

std::size_t index_of(const auto& keys, std::string_view key) {
    return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), key) - keys.begin());
}

bool has_control(std::string_view text) {
    return std::any_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

std::string shown(std::string_view text) {
    return quote(elide(visible(text), 40, "..."));
}

} // namespace

std::optional<OffsetTime> parse_offset_time(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    std::string ignored;
    const auto date = parse_date(text.substr(0, 10), ignored);
    const int h = two_digits(text.substr(11, 2));
    const int m = two_digits(text.substr(14, 2));
    const int s = two_digits(text.substr(17, 2));
    const auto offset = parse_offset(text.substr(19));
    if (!date || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59 || !offset)
        return std::nullopt;
    const auto local = std::chrono::sys_days{*date} + hours{h} + minutes{m} + seconds{s};
    return OffsetTime{Instant{local - *offset}, *offset};
}

void sort_for_export(JournalData& data) {
    std::stable_sort(data.nights.begin(), data.nights.end(),
                     [](const Night& a, const Night& b) { return a.date < b.date; });
    for (Night& night : data.nights) {
        std::sort(night.supplements.begin(), night.supplements.end());
        std::sort(night.triggers.begin(), night.triggers.end());
    }
    std::stable_sort(data.runs.begin(), data.runs.end(),
                     [](const RoutineRun& a, const RoutineRun& b) {
                         return std::tie(a.started, a.uid) < std::tie(b.started, b.uid);
                     });
}

std::string FieldValue::found() const {
    switch (kind) {
    case Kind::missing:
        return "nothing";
    case Kind::null:
        return "null";
    case Kind::empty_cell:
        return "an empty cell";
    case Kind::text:
    case Kind::cell:
        return shown(text);
    case Kind::list:
        return "an array";
    case Kind::number:
    case Kind::other:
        return text;
    }
    return text;
}

bool RecordReader::fail(SourcePos pos, std::string_view message) {
    m_why = fmt::format("{}:{}:{}: {}", m_file, pos.line, pos.column, message);
    return false;
}

bool RecordReader::fail_field(std::string_view key, const FieldValue& value,
                              std::string_view expected) {
    return fail(value.pos,
                fmt::format("\"{}\": expected {}, found {}", key, expected, value.found()));
}

bool RecordReader::whole(std::string_view key, const FieldValue& value, int min, int max,
                         std::optional<int>& out) {
    out.reset();
    if (value.absent()) return true;
    const std::string expected = fmt::format("a whole number from {} to {}", min, max);
    if (value.kind != FieldValue::Kind::number && value.kind != FieldValue::Kind::cell)
        return fail_field(key, value, expected);
    const std::string_view text = value.text;
    const std::string_view digits = text.substr(!text.empty() && text[0] == '-' ? 1 : 0);
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return fail_field(key, value, expected);
    int number = 0;
    std::from_chars(text.data(), text.data() + text.size(), number); // checked above: it fits
    if (number < min || number > max) return fail_field(key, value, expected);
    out = number;
    return true;
}

bool RecordReader::text(std::string_view key, const FieldValue& value, std::string_view expected,
                        std::optional<std::string>& out) {
    out.reset();
    if (value.absent()) return true;
    if (value.kind != FieldValue::Kind::text && value.kind != FieldValue::Kind::cell)
        return fail_field(key, value, expected);
    out = value.text;
    return true;
}

bool RecordReader::name(std::string_view key, const FieldValue& value, std::string& out) {
    const std::string_view expected = "a non-empty text without control characters";
    std::optional<std::string> text;
    if (!this->text(key, value, expected, text)) return false;
    if (!text || text->empty() || has_control(*text)) return fail_field(key, value, expected);
    out = std::move(*text);
    return true;
}

bool RecordReader::date(std::string_view key, const FieldValue& value, Date& out) {
    const std::string_view expected = "a date as YYYY-MM-DD";
    std::optional<std::string> text;
    if (!this->text(key, value, expected, text)) return false;
    if (!text) return fail_field(key, value, expected);
    std::string ignored;
    const auto parsed = parse_date(*text, ignored);
    if (!parsed) return fail_field(key, value, fmt::format("{} (a day of the calendar)", expected));
    out = *parsed;
    return true;
}

bool RecordReader::clock(std::string_view key, const FieldValue& value,
                         std::optional<LocalTime>& out) {
    const std::string_view expected = "a clock time as HH:MM";
    std::optional<std::string> text;
    if (!this->text(key, value, expected, text)) return false;
    out.reset();
    if (!text) return true;
    std::string ignored;
    const auto parsed = parse_local_time(*text, ignored);
    if (!parsed || text->size() != 5) return fail_field(key, value, expected);
    out = *parsed;
    return true;
}

bool RecordReader::moment(std::string_view key, const FieldValue& value, OffsetTime& out) {
    const std::string_view expected =
        "a time as YYYY-MM-DDTHH:MM:SS followed by Z or a UTC offset such as +01:00";
    std::optional<std::string> text;
    if (!this->text(key, value, expected, text)) return false;
    const auto parsed = text ? parse_offset_time(*text) : std::nullopt;
    if (!parsed) return fail_field(key, value, expected);
    out = *parsed;
    return true;
}

bool RecordReader::list(std::string_view key, const FieldValue& value,
                        std::vector<std::string>& out) {
    out.clear();
    if (value.absent()) return true;
    std::vector<SourcePos> positions;
    if (value.kind == FieldValue::Kind::list) {
        out = value.items;
        positions = value.item_pos;
    } else if (value.kind == FieldValue::Kind::cell) {
        for (std::size_t start = 0;;) {
            const std::size_t end = value.text.find(';', start);
            out.push_back(value.text.substr(start, end - start));
            positions.push_back(value.pos);
            if (end == std::string::npos) break;
            start = end + 1;
        }
    } else {
        return fail_field(key, value, "a list of ids");
    }
    for (std::size_t k = 0; k < out.size(); ++k) {
        const std::string& item = out[k];
        const FieldValue shown_item{FieldValue::Kind::text, positions[k], item, {}, {}};
        const bool spaced = !item.empty() && (item.front() == ' ' || item.back() == ' ');
        if (item.empty() || spaced || has_control(item) || item.find(';') != std::string::npos)
            return fail_field(key, shown_item,
                              "an id without ';', control characters or spaces around it");
        if (std::find(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), item) !=
            out.begin() + static_cast<std::ptrdiff_t>(k))
            return fail_field(key, shown_item, "each id once");
    }
    std::sort(out.begin(), out.end());
    return true;
}

bool RecordReader::add_night(const std::vector<FieldValue>& fields) {
    const auto field = [&](std::string_view key) -> const FieldValue& {
        return fields[index_of(k_night_keys, key)];
    };
    Night night;
    std::optional<std::string> note;
    OffsetTime logged;
    OffsetTime updated;
    SleepDiary& diary = night.diary;
    const bool read =
        date("date", field("date"), night.date) &&
        whole("severity", field("severity"), k_severity_min, k_severity_max, night.severity) &&
        whole("sleep", field("sleep"), k_sleep_min, k_sleep_max, night.sleep) &&
        clock("into_bed", field("into_bed"), diary.into_bed) &&
        whole("minutes_to_sleep", field("minutes_to_sleep"), 0, 1440, diary.minutes_to_sleep) &&
        whole("wakings", field("wakings"), 0, 100, diary.wakings) &&
        whole("minutes_awake", field("minutes_awake"), 0, 1440, diary.minutes_awake) &&
        clock("final_wake", field("final_wake"), diary.final_wake) &&
        clock("out_of_bed", field("out_of_bed"), diary.out_of_bed) &&
        list("supplements", field("supplements"), night.supplements) &&
        list("triggers", field("triggers"), night.triggers) &&
        text("note", field("note"), "a text", note) && moment("logged", field("logged"), logged) &&
        moment("updated", field("updated"), updated);
    if (!read) return false;
    night.note = note.value_or("");
    night.logged = logged.instant;
    night.updated = updated.instant;
    const SourcePos pos = field("date").pos;
    if (const auto [first, added] = m_dates.emplace(night.date, pos); !added)
        return fail(pos,
                    fmt::format("\"date\": expected each night once, found {} again "
                                "(first at {}:{})",
                                format_date(night.date), first->second.line, first->second.column));
    m_data.nights.push_back(std::move(night));
    return true;
}

bool RecordReader::add_run(const std::vector<FieldValue>& fields) {
    const auto field = [&](std::string_view key) -> const FieldValue& {
        return fields[index_of(k_run_keys, key)];
    };
    RoutineRun run;
    OffsetTime started;
    OffsetTime ended;
    std::optional<int> total;
    std::optional<int> done;
    std::optional<int> skipped;
    std::optional<std::string> outcome_word;
    std::optional<int> signal;
    const std::string_view outcomes = "finished, quit or interrupted";
    const bool read =
        name("uid", field("uid"), run.uid) && name("routine", field("routine"), run.routine) &&
        moment("started", field("started"), started) && moment("ended", field("ended"), ended) &&
        date("night", field("night"), run.night) &&
        whole("steps_total", field("steps_total"), 0, k_max_steps, total) &&
        whole("steps_done", field("steps_done"), 0, k_max_steps, done) &&
        whole("steps_skipped", field("steps_skipped"), 0, k_max_steps, skipped) &&
        text("outcome", field("outcome"), outcomes, outcome_word) &&
        whole("signal", field("signal"), 1, 127, signal);
    if (!read) return false;
    for (const auto& [key, number] :
         {std::pair{"steps_total", total}, std::pair{"steps_done", done},
          std::pair{"steps_skipped", skipped}})
        if (!number)
            return fail_field(key, field(key),
                              fmt::format("a whole number from 0 to {}", k_max_steps));
    const auto outcome = outcome_word ? run_outcome_named(*outcome_word) : std::nullopt;
    if (!outcome) return fail_field("outcome", field("outcome"), outcomes);
    if (*done + *skipped > *total)
        return fail(field("steps_done").pos,
                    fmt::format("\"steps_done\": expected steps done and skipped to add up to at "
                                "most steps_total ({}), found {} and {}",
                                *total, *done, *skipped));
    run.started = started.instant;
    run.started_offset = started.offset;
    run.ended = ended.instant;
    run.ended_offset = ended.offset;
    run.steps_total = *total;
    run.steps_done = *done;
    run.steps_skipped = *skipped;
    run.outcome = *outcome;
    run.signal = signal.value_or(0);
    const SourcePos pos = field("uid").pos;
    if (const auto [first, added] = m_uids.emplace(run.uid, pos); !added)
        return fail(pos, fmt::format("\"uid\": expected each run once, found {} again "
                                     "(first at {}:{})",
                                     shown(run.uid), first->second.line, first->second.column));
    m_data.runs.push_back(std::move(run));
    return true;
}

std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 std::string_view where, const std::vector<std::string>& known) {
    std::string message = fmt::format("unknown {} '{}' in {}", kind, visible(name), where);
    if (const auto near = nearest_name(name, known, typo_allowance(normalize_name(name))))
        message += fmt::format("; did you mean '{}'?", *near);
    else
        message += "; expected one of: " + join(known, ", ");
    return message;
}

JournalData RecordReader::take() {
    sort_for_export(m_data);
    return std::move(m_data);
}

} // namespace calmlegs
