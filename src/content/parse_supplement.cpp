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

std::vector<Caution> read_cautions(FieldReader& fields) {
    std::vector<Caution> out;
    // Safety notes are never optional: every entry carries at least one caution.
    fields.tables(
        "caution", Presence::required,
        [&](const toml::table& table) {
            FieldReader item(table, fields.file(), fields.diagnostics());
            Caution caution;
            caution.pos = item.position();
            caution.text = item.string("text", Presence::required);
            caution.who = item.audiences("who", Presence::required, 1);
            caution.source = item.source("source", Presence::required);
            item.finish();
            out.push_back(std::move(caution));
        },
        1);
    return out;
}

std::optional<UpperLimit> read_upper_limit(FieldReader& fields) {
    const toml::table* table = fields.table("upper_limit", Presence::optional);
    if (table == nullptr) return std::nullopt;
    FieldReader item(*table, fields.file(), fields.diagnostics());
    UpperLimit limit;
    limit.pos = fields.position_of_key("upper_limit");
    limit.amount = item.number("amount", Presence::required, 0.001, 100000).value_or(0);
    const std::string unit = item.choice("unit", Presence::required, dose_unit_names());
    if (auto parsed = parse_dose_unit(unit)) limit.unit = *parsed;
    limit.note = item.string("note", Presence::optional);
    limit.source = item.source("source", Presence::required);
    item.finish();
    return limit;
}

std::vector<KeepApart> read_keep_apart(FieldReader& fields) {
    std::vector<KeepApart> out;
    fields.tables("keep_apart", Presence::optional, [&](const toml::table& table) {
        FieldReader item(table, fields.file(), fields.diagnostics());
        KeepApart rule;
        rule.pos = item.position();
        const std::vector<std::string> names = item.strings("from", Presence::required, 1);
        const std::vector<SourcePos> where = item.element_positions("from");
        for (std::size_t i = 0; i < names.size(); ++i)
            rule.from.push_back(Ref{names[i], i < where.size() ? where[i] : rule.pos});
        rule.hours = item.number("hours", Presence::required, 0.25, 48).value_or(0);
        rule.source = item.source("source", Presence::required);
        item.finish();
        out.push_back(std::move(rule));
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
    s.references = fields.ids("references", Presence::optional);
    s.steps = fields.step_numbers("steps", Presence::optional);
    s.sedating = fields.boolean("sedating", false);
    s.evidence = fields.string("evidence", Presence::optional);
    s.evidence_source = fields.source("evidence_source", Presence::optional);
    if (!s.evidence.empty() && s.evidence_source.id.empty())
        fields.error_at("evidence", "'evidence': expected 'evidence_source' beside it (\"guide\" "
                                    "or a reference id)");
    else if (s.evidence.empty() && !s.evidence_source.id.empty())
        fields.error_at("evidence_source", "'evidence_source': expected 'evidence' beside it");
    s.trial_washout = fields.integer("trial_washout", Presence::optional, 0, k_max_trial_washout)
                          .value_or(k_default_trial_washout);
    s.trial_refusal = fields.string("trial_refusal", Presence::optional);
    s.upper_limit = read_upper_limit(fields);
    s.keep_apart = read_keep_apart(fields);
    s.cautions = read_cautions(fields);
    fields.finish();
    return s;
}

} // namespace calmlegs
