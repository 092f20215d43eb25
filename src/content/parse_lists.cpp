#include "content/names.h"
#include "content/parse.h"
#include "content/schedule_reader.h"
#include "content/toml_reader.h"

namespace calmlegs {
namespace {

/// Reads `[[key]]` entries of a list document, each with a unique valid id.
template <typename Entry, typename ReadEntry>
std::vector<Entry> parse_list(std::string_view text, const std::string& file, std::string_view key,
                              Diagnostics& diags, ReadEntry&& read_entry) {
    std::vector<Entry> out;
    auto root = parse_toml(text, file, diags);
    if (!root) return out;
    FieldReader fields(*root, file, diags);
    DuplicateIds seen(file);
    fields.tables(key, Presence::required, [&](const toml::table& table) {
        FieldReader entry_fields(table, file, diags);
        Entry entry;
        entry.file = file;
        entry.pos = entry_fields.position();
        entry.id = entry_fields.string("id", Presence::required);
        if (!entry.id.empty() && !is_valid_id(entry.id))
            entry_fields.error_at("id", "'id': expected lowercase letters, digits and '-', "
                                        "found \"" +
                                            entry.id + "\"");
        read_entry(entry_fields, entry);
        entry_fields.finish();
        if (!entry.id.empty() && seen.first(entry.id, entry_fields.position_of_key("id"), diags))
            out.push_back(std::move(entry));
    });
    fields.finish();
    return out;
}

} // namespace

std::vector<ScheduleItem> parse_schedule(std::string_view text, const std::string& file,
                                         Diagnostics& diags) {
    return parse_list<ScheduleItem>(text, file, "reminder", diags,
                                    [](FieldReader& fields, ScheduleItem& item) {
                                        read_schedule_item(fields, item, false);
                                    });
}

std::vector<Note> parse_notes(std::string_view text, const std::string& file, Diagnostics& diags) {
    return parse_list<Note>(text, file, "note", diags, [](FieldReader& fields, Note& note) {
        note.text = fields.string("text", Presence::required);
    });
}

std::vector<Reference> parse_references(std::string_view text, const std::string& file,
                                        Diagnostics& diags) {
    return parse_list<Reference>(
        text, file, "reference", diags, [](FieldReader& fields, Reference& reference) {
            reference.authors = fields.string("authors", Presence::required);
            reference.year = fields.integer("year", Presence::required, 1000, 9999).value_or(0);
            reference.title = fields.string("title", Presence::required);
            reference.source = fields.string("source", Presence::required);
            reference.short_name = fields.string("short", Presence::optional);
            const std::string origin =
                fields.choice("origin", Presence::required, reference_origin_names());
            if (auto parsed = parse_reference_origin(origin)) reference.origin = *parsed;
            reference.url = fields.string("url", Presence::optional);
            reference.doi = fields.string("doi", Presence::optional);
        });
}

std::vector<StackRow> parse_stack(std::string_view text, const std::string& file,
                                  Diagnostics& diags) {
    return parse_list<StackRow>(text, file, "stack", diags, [](FieldReader& fields, StackRow& row) {
        row.label = fields.string("label", Presence::required);
        row.supplements = fields.ids("supplements", Presence::required, 1);
        row.dose = fields.string("dose", Presence::required);
        row.timing = fields.string("timing", Presence::required);
        row.when = fields.times_of_day("when", Presence::required, 1);
        row.benefit = fields.string("benefit", Presence::required);
        row.condition = fields.string("condition", Presence::optional);
    });
}

std::vector<Trigger> parse_triggers(std::string_view text, const std::string& file,
                                    Diagnostics& diags) {
    return parse_list<Trigger>(text, file, "trigger", diags,
                               [](FieldReader& fields, Trigger& trigger) {
                                   trigger.name = fields.string("name", Presence::required);
                                   trigger.aliases = fields.strings("aliases", Presence::optional);
                                   trigger.text = fields.string("text", Presence::required);
                                   trigger.steps = fields.step_numbers("steps", Presence::optional);
                                   trigger.where = name_positions(fields);
                               });
}

} // namespace calmlegs
