// The JSON export: writing it, and reading it back through json_value.h.

#include "journal/exchange.h"
#include "journal/exchange_fields.h"
#include "journal/json_value.h"

#include "content/names.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs {
namespace {

void optional_number(JsonWriter& json, std::string_view key, const std::optional<int>& number) {
    json.key(key);
    if (number)
        json.value(*number);
    else
        json.null();
}

void optional_clock(JsonWriter& json, std::string_view key, const std::optional<LocalTime>& time) {
    json.key(key);
    if (time)
        json.value(format_local_time(*time));
    else
        json.null();
}

void sorted_list(JsonWriter& json, std::string_view key, std::vector<std::string> items) {
    std::sort(items.begin(), items.end());
    json.string_array(key, items);
}

/// A JSON value as the field it stands for; a list must hold only texts.
FieldValue field_of(const JsonValue& value) {
    FieldValue field;
    field.pos = value.pos;
    switch (value.kind) {
    case JsonValue::Kind::null:
        field.kind = FieldValue::Kind::null;
        return field;
    case JsonValue::Kind::string:
        field.kind = FieldValue::Kind::text;
        field.text = value.text;
        return field;
    case JsonValue::Kind::number:
        field.kind = FieldValue::Kind::number;
        field.text = value.text;
        return field;
    case JsonValue::Kind::array:
        field.kind = FieldValue::Kind::list;
        for (const JsonValue& item : value.items) {
            if (item.kind != JsonValue::Kind::string) {
                // Reported where the odd item is: "expected a list of ids, found 5".
                return FieldValue{FieldValue::Kind::other, item.pos, describe_json(item), {}, {}};
            }
            field.items.push_back(item.text);
            field.item_pos.push_back(item.pos);
        }
        return field;
    case JsonValue::Kind::boolean:
    case JsonValue::Kind::object:
        break;
    }
    field.kind = FieldValue::Kind::other;
    field.text = describe_json(value);
    return field;
}

/// The object's members as fields in the order of `keys`; an unknown key is an error.
template <std::size_t N>
bool fields_of(RecordReader& reader, const JsonValue& object,
               const std::array<std::string_view, N>& keys, std::string_view what,
               std::vector<FieldValue>& fields) {
    if (object.kind != JsonValue::Kind::object)
        return reader.fail(object.pos, fmt::format("expected {} as an object, found {}", what,
                                                   describe_json(object)));
    fields.assign(N, FieldValue{FieldValue::Kind::missing, object.pos, {}, {}, {}});
    for (const JsonMember& member : object.members) {
        const auto at = std::find(keys.begin(), keys.end(), member.key);
        if (at == keys.end()) {
            const std::vector<std::string> names(keys.begin(), keys.end());
            return reader.fail(member.key_pos,
                               unknown_name_message("key", member.key, what, names));
        }
        fields[static_cast<std::size_t>(at - keys.begin())] = field_of(member.value);
    }
    return true;
}

/// The "format" and "version" of the top object: ours, and not newer than this build.
bool check_header(RecordReader& reader, const JsonValue& top) {
    const JsonValue* format = top.find("format");
    if (!format || format->kind != JsonValue::Kind::string || format->text != k_export_format)
        return reader.fail(format ? format->pos : top.pos,
                           fmt::format("\"format\": expected \"{}\" (an export of calmlegs' "
                                       "journal), found {}",
                                       k_export_format,
                                       format ? describe_json(*format) : "nothing"));
    const JsonValue* version = top.find("version");
    const std::string expected = fmt::format("version {} or lower", k_export_version);
    const auto& digits = version ? version->text : std::string();
    const bool whole =
        version && version->kind == JsonValue::Kind::number && !digits.empty() &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (whole && (digits.size() > 9 || std::stoi(digits) > k_export_version))
        return reader.fail(version->pos,
                           fmt::format("\"version\": expected {}, found {}: the file was written "
                                       "by a newer calmlegs; update calmlegs to import it",
                                       expected, digits));
    if (!whole || std::stoi(digits) < 1)
        return reader.fail(version ? version->pos : top.pos,
                           fmt::format("\"version\": expected {}, found {}", expected,
                                       version ? describe_json(*version) : "nothing"));
    return true;
}

} // namespace

void write_night_json(JsonWriter& json, const Night& night) {
    json.begin_object();
    json.key("date").value(format_date(night.date));
    optional_number(json, "severity", night.severity);
    optional_number(json, "sleep", night.sleep);
    optional_clock(json, "into_bed", night.diary.into_bed);
    optional_number(json, "minutes_to_sleep", night.diary.minutes_to_sleep);
    optional_number(json, "wakings", night.diary.wakings);
    optional_number(json, "minutes_awake", night.diary.minutes_awake);
    optional_clock(json, "final_wake", night.diary.final_wake);
    optional_clock(json, "out_of_bed", night.diary.out_of_bed);
    sorted_list(json, "supplements", night.supplements);
    sorted_list(json, "triggers", night.triggers);
    json.key("note").text_or_null(night.note);
    json.key("logged").value(format_instant(night.logged));
    json.key("updated").value(format_instant(night.updated));
    json.end_object();
}

void write_run_json(JsonWriter& json, const RoutineRun& run) {
    json.begin_object();
    json.key("uid").value(run.uid);
    json.key("routine").value(run.routine);
    json.key("started").value(format_instant_at(run.started, run.started_offset));
    json.key("ended").value(format_instant_at(run.ended, run.ended_offset));
    json.key("night").value(format_date(run.night));
    json.key("steps_total").value(run.steps_total);
    json.key("steps_done").value(run.steps_done);
    json.key("steps_skipped").value(run.steps_skipped);
    json.key("outcome").value(to_string(run.outcome));
    json.key("signal").number_or_null(run.signal);
    json.end_object();
}

std::string export_json(const JournalData& data) {
    JournalData sorted = data;
    sort_for_export(sorted);
    JsonWriter json;
    json.begin_object();
    json.key("format").value(k_export_format);
    json.key("version").value(k_export_version);
    json.key("nights").begin_array();
    for (const Night& night : sorted.nights)
        write_night_json(json, night);
    json.end_array();
    json.key("runs").begin_array();
    for (const RoutineRun& run : sorted.runs)
        write_run_json(json, run);
    json.end_array();
    json.end_object();
    return json.str() + "\n";
}

std::optional<JournalData> read_json_export(std::string_view text, RecordReader& reader) {
    JsonError error;
    const auto top = parse_json(text, error);
    if (!top) {
        reader.fail(error.pos, error.message);
        return std::nullopt;
    }
    if (top->kind != JsonValue::Kind::object) {
        reader.fail(top->pos, fmt::format("expected an object with \"format\": \"{}\", found {}",
                                          k_export_format, describe_json(*top)));
        return std::nullopt;
    }
    if (!check_header(reader, *top)) return std::nullopt;
    const std::vector<std::string> top_keys{"format", "version", "nights", "runs"};
    for (const JsonMember& member : top->members)
        if (std::find(top_keys.begin(), top_keys.end(), member.key) == top_keys.end()) {
            reader.fail(member.key_pos,
                        unknown_name_message("key", member.key, "the export", top_keys));
            return std::nullopt;
        }
    std::vector<FieldValue> fields;
    for (const std::string_view list : {"nights", "runs"}) {
        const JsonValue* records = top->find(list);
        if (!records || records->kind != JsonValue::Kind::array) {
            reader.fail(records ? records->pos : top->pos,
                        fmt::format("\"{}\": expected a list, found {}", list,
                                    records ? describe_json(*records) : "nothing"));
            return std::nullopt;
        }
        for (const JsonValue& record : records->items) {
            const bool added = list == "nights"
                                   ? fields_of(reader, record, k_night_keys, "a night", fields) &&
                                         reader.add_night(fields)
                                   : fields_of(reader, record, k_run_keys, "a run", fields) &&
                                         reader.add_run(fields);
            if (!added) return std::nullopt;
        }
    }
    return reader.take();
}

} // namespace calmlegs
