#include "content/names.h"
#include "content/parse.h"
#include "content/toml_reader.h"

#include <charconv>

namespace calmlegs {
namespace {

Intro read_intro(FieldReader& fields) {
    Intro intro;
    intro.summary = fields.string("summary", Presence::required);
    intro.what_it_is = fields.string("what_it_is", Presence::required);
    intro.sensations = fields.strings("sensations", Presence::required, 1);
    intro.movement = fields.string("movement", Presence::required);
    intro.prevalence = fields.string("prevalence", Presence::required);
    intro.causes_intro = fields.string("causes_intro", Presence::required);
    fields.tables(
        "cause", Presence::required,
        [&](const toml::table& table) {
            FieldReader cause_fields(table, fields.file(), fields.diagnostics());
            Cause cause;
            cause.title = cause_fields.string("title", Presence::required);
            cause.text = cause_fields.string("text", Presence::required);
            cause.references = cause_fields.ids("references", Presence::optional);
            cause_fields.finish();
            intro.causes.push_back(std::move(cause));
        },
        1);
    return intro;
}

Section read_section(const toml::table& table, FieldReader& step_fields) {
    FieldReader fields(table, step_fields.file(), step_fields.diagnostics());
    Section section;
    section.pos = fields.position();
    section.title = fields.string("title", Presence::required);
    section.text = fields.string("text", Presence::optional);
    section.items = fields.strings("items", Presence::optional);
    section.ordered = fields.boolean("ordered", false);
    section.avoid = fields.strings("avoid", Presence::optional);
    section.supplements = fields.ids("supplements", Presence::optional);
    section.references = fields.ids("references", Presence::optional);
    section.show = fields.choice("show", Presence::optional, {"stack", "medicines"});
    section.doctor_questions = fields.boolean("doctor_questions", false);
    if (section.text.empty() && section.items.empty() && section.avoid.empty() &&
        section.show.empty())
        fields.error("section '" + section.title +
                     "' says nothing: expected at least one of text, items, avoid or show");
    else if (section.doctor_questions && section.text.empty() && section.items.empty())
        fields.error_at("doctor_questions",
                        "section '" + section.title +
                            "': doctor_questions needs text or items, which the report lists");
    fields.finish();
    return section;
}

} // namespace

std::optional<GuideDoc> parse_guide(std::string_view text, const std::string& file,
                                    Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    GuideDoc guide;
    guide.file = file;
    guide.title = fields.string("title", Presence::required);
    if (const toml::table* intro = fields.table("intro", Presence::required)) {
        FieldReader intro_fields(*intro, file, diags);
        guide.intro = read_intro(intro_fields);
        intro_fields.finish();
    }
    if (const toml::table* closing = fields.table("closing", Presence::required)) {
        FieldReader closing_fields(*closing, file, diags);
        guide.closing.text = closing_fields.string("text", Presence::required);
        guide.closing.pillars = closing_fields.strings("pillars", Presence::required, 1);
        closing_fields.finish();
    }
    fields.finish();
    return guide;
}

std::optional<StepStem> parse_step_stem(std::string_view stem) {
    const auto dash = stem.find('-');
    if (dash == std::string_view::npos || dash == 0) return std::nullopt;
    StepStem out;
    const char* first = stem.data();
    const char* last = stem.data() + dash;
    auto [end, error] = std::from_chars(first, last, out.number);
    if (error != std::errc() || end != last || out.number <= 0) return std::nullopt;
    out.id = std::string(stem.substr(dash + 1));
    if (!is_valid_id(out.id)) return std::nullopt;
    return out;
}

std::optional<Step> parse_step(std::string_view text, const std::string& file,
                               std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Step step;
    step.file = file;
    step.pos = fields.position();
    const auto named = parse_step_stem(stem);
    if (!named)
        diags.error(file, {},
                    "a step file is named NN-ID.toml (e.g. 04-sleep.toml), not " +
                        std::string(stem) + ".toml");

    if (auto number = fields.integer("number", Presence::required, 1, 99)) {
        step.number = *number;
        if (named && named->number != step.number)
            fields.error_at("number", "'number': expected " + std::to_string(named->number) +
                                          " to match the file name " + std::string(stem) +
                                          ".toml, found " + std::to_string(step.number));
    }
    step.number_pos = fields.position_of_key("number");
    step.id = fields.string("id", Presence::required);
    step.id_pos = fields.position_of_key("id");
    if (!step.id.empty() && !is_valid_id(step.id))
        fields.error_at("id", "'id': expected lowercase letters, digits and '-', found \"" +
                                  step.id + "\"");
    else if (named && !step.id.empty() && named->id != step.id)
        fields.error_at("id", "'id': expected \"" + named->id + "\" to match the file name " +
                                  std::string(stem) + ".toml, found \"" + step.id + "\"");
    step.title = fields.string("title", Presence::required);
    step.aliases = fields.strings("aliases", Presence::optional);
    step.summary = fields.string("summary", Presence::required);
    step.references = fields.ids("references", Presence::optional);
    fields.tables(
        "section", Presence::required,
        [&](const toml::table& table) { step.sections.push_back(read_section(table, fields)); }, 1);
    fields.finish();
    return step;
}

} // namespace calmlegs
