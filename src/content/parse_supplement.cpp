#include "content/names.h"
#include "content/parse.h"
#include "content/toml_reader.h"

namespace calmlegs {
namespace {

std::vector<Pairing> read_pairings(FieldReader& fields, std::string_view key) {
    std::vector<Pairing> out;
    fields.tables(key, Presence::optional, [&](const toml::table& table) {
        FieldReader item(table, fields.file(), fields.diagnostics());
        Pairing pairing;
        pairing.pos = item.position();
        pairing.id = item.string("id", Presence::optional);
        pairing.name = item.string("name", Presence::optional);
        pairing.why = item.string("why", Presence::optional);
        if (!pairing.id.empty() && !is_valid_id(pairing.id))
            item.error_at("id", "'id': expected lowercase letters, digits and '-', found \"" +
                                    pairing.id + "\"");
        if (pairing.id.empty() == pairing.name.empty())
            item.error("'" + std::string(key) +
                       "': expected each item to have either id (another entry) or name "
                       "(free text), not " +
                       (pairing.id.empty() ? "neither" : "both"));
        item.finish();
        out.push_back(std::move(pairing));
    });
    return out;
}

} // namespace

std::optional<Supplement> parse_supplement(std::string_view text, const std::string& file,
                                           std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Supplement s;
    read_entry_head(fields, s, stem);
    const std::string kind = fields.choice("kind", Presence::required, supplement_kind_names());
    if (auto parsed = parse_supplement_kind(kind)) s.kind = *parsed;
    s.benefit = fields.string("benefit", Presence::required);
    s.why = fields.string("why", Presence::optional);
    s.condition = fields.string("condition", Presence::optional);
    s.tests = fields.strings("tests", Presence::optional);
    s.target = fields.string("target", Presence::optional);
    fields.tables("forms", Presence::optional, [&](const toml::table& table) {
        FieldReader form_fields(table, file, diags);
        Form form;
        form.name = form_fields.string("name", Presence::required);
        form.note = form_fields.string("note", Presence::optional);
        form_fields.finish();
        s.forms.push_back(std::move(form));
    });
    s.other_forms = fields.strings("other_forms", Presence::optional);
    s.dose = fields.strings("dose", Presence::required);
    s.timing = fields.string("timing", Presence::optional);
    s.when = fields.times_of_day("when", Presence::optional);
    s.how_to_use = fields.strings("how_to_use", Presence::optional);
    s.food_sources = fields.strings("food_sources", Presence::optional);
    s.pairs_with = read_pairings(fields, "pairs_with");
    s.avoid_with = read_pairings(fields, "avoid_with");
    // Safety notes are never optional: every entry carries at least one caution.
    s.cautions = fields.strings("cautions", Presence::required, 1);
    s.references = fields.ids("references", Presence::optional);
    s.steps = fields.step_numbers("steps", Presence::optional);
    fields.finish();
    return s;
}

} // namespace calmlegs
