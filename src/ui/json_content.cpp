#include "ui/json_content.h"

#include "ui/render_content.h"

namespace calmlegs {
namespace {

void ids(JsonWriter& json, std::string_view key, const std::vector<Ref>& refs) {
    json.key(key).begin_array();
    for (const auto& ref : refs)
        json.value(ref.id);
    json.end_array();
}

void times(JsonWriter& json, const std::vector<TimeOfDay>& when) {
    json.key("when").begin_array();
    for (auto w : when)
        json.value(to_string(w));
    json.end_array();
}

void pairings(JsonWriter& json, std::string_view key, const std::vector<Pairing>& items,
              ContentStore& store) {
    json.key(key).begin_array();
    for (const auto& item : items) {
        json.begin_object().key("id").text_or_null(item.id);
        json.key("name").value(pairing_name(item, store));
        json.key("why").text_or_null(item.why);
        json.end_object();
    }
    json.end_array();
}

void match_json(JsonWriter& json, LookupMatch found) {
    json.key("query").value(found.query);
    json.key("match").value(found.match == MatchKind::exact    ? "exact"
                            : found.match == MatchKind::prefix ? "prefix"
                                                               : "close");
}

} // namespace

void write_references_json(JsonWriter& json, const std::vector<Ref>& refs, ContentStore& store) {
    json.key("references").begin_array();
    for (const auto& ref : refs) {
        json.begin_object().key("id").value(ref.id).key("citation");
        if (const Reference* reference = store.reference(ref.id))
            json.value(reference->citation());
        else
            json.null();
        json.end_object();
    }
    json.end_array();
}

void write_supplement_json(JsonWriter& json, const Supplement& s, ContentStore& store,
                           LookupMatch found) {
    json.begin_object();
    json.key("id").value(s.id);
    json.key("name").value(s.name);
    json.string_array("aliases", s.aliases);
    json.key("kind").value(to_string(s.kind));
    json.key("condition").text_or_null(s.condition);
    json.string_array("tests", s.tests);
    json.key("target").text_or_null(s.target);
    json.key("benefit").value(s.benefit);
    json.key("why").text_or_null(s.why);
    json.string_array("dose", s.dose);
    json.key("timing").text_or_null(s.timing);
    times(json, s.when);
    json.key("forms").begin_array();
    for (const auto& form : s.forms) {
        json.begin_object().key("name").value(form.name);
        json.key("note").text_or_null(form.note);
        json.end_object();
    }
    json.end_array();
    json.string_array("how_to_use", s.how_to_use);
    json.string_array("food_sources", s.food_sources);
    pairings(json, "pairs_with", s.pairs_with, store);
    pairings(json, "avoid_with", s.avoid_with, store);
    json.string_array("cautions", s.cautions);
    write_references_json(json, s.references, store);
    json.key("steps").begin_array();
    for (const auto& step : s.steps)
        json.value(step.number);
    json.end_array();
    const Note* safety = store.note(k_note_safety);
    json.key("safety_note").text_or_null(safety != nullptr ? safety->text : std::string());
    match_json(json, found);
    json.end_object();
}

void write_supplement_summary_json(JsonWriter& json, const Supplement& s) {
    json.begin_object();
    json.key("id").value(s.id);
    json.key("name").value(s.name);
    json.key("kind").value(to_string(s.kind));
    json.key("condition").text_or_null(s.condition);
    json.key("benefit").value(s.benefit);
    json.string_array("dose", s.dose);
    json.key("timing").text_or_null(s.timing);
    times(json, s.when);
    json.end_object();
}

void write_stack_row_json(JsonWriter& json, const StackRow& row) {
    json.begin_object();
    json.key("id").value(row.id);
    json.key("label").value(row.label);
    ids(json, "supplements", row.supplements);
    json.key("dose").value(row.dose);
    json.key("timing").value(row.timing);
    times(json, row.when);
    json.key("benefit").value(row.benefit);
    json.key("condition").text_or_null(row.condition);
    json.end_object();
}

void write_step_summary_json(JsonWriter& json, const Step& step) {
    json.begin_object();
    json.key("number").value(step.number);
    json.key("id").value(step.id);
    json.key("title").value(step.title);
    json.key("summary").value(step.summary);
    json.end_object();
}

void write_step_json(JsonWriter& json, const Step& step, ContentStore& store, LookupMatch found) {
    json.begin_object();
    json.key("number").value(step.number);
    json.key("id").value(step.id);
    json.key("title").value(step.title);
    json.string_array("aliases", step.aliases);
    json.key("summary").value(step.summary);
    json.key("sections").begin_array();
    for (const auto& section : step.sections) {
        json.begin_object();
        json.key("title").value(section.title);
        json.key("text").text_or_null(section.text);
        json.string_array("items", section.items);
        json.key("ordered").value(section.ordered);
        json.string_array("avoid", section.avoid);
        ids(json, "supplements", section.supplements);
        write_references_json(json, section.references, store);
        json.key("stack");
        if (section.show == "stack") {
            json.begin_array();
            for (const auto& row : store.stack())
                write_stack_row_json(json, row);
            json.end_array();
        } else {
            json.null();
        }
        json.end_object();
    }
    json.end_array();
    write_references_json(json, step.references, store);
    match_json(json, found);
    json.end_object();
}

void write_intro_json(JsonWriter& json, const GuideDoc& guide, ContentStore& store) {
    const Intro& intro = guide.intro;
    json.begin_object();
    json.key("title").value(guide.title);
    json.key("summary").value(intro.summary);
    json.key("what_it_is").value(intro.what_it_is);
    json.string_array("sensations", intro.sensations);
    json.key("movement").value(intro.movement);
    json.key("prevalence").value(intro.prevalence);
    json.key("causes_intro").value(intro.causes_intro);
    json.key("causes").begin_array();
    for (const auto& cause : intro.causes) {
        json.begin_object().key("title").value(cause.title).key("text").value(cause.text);
        write_references_json(json, cause.references, store);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void write_closing_json(JsonWriter& json, const GuideDoc& guide) {
    json.begin_object();
    json.key("title").value(guide.title);
    json.key("text").value(guide.closing.text);
    json.string_array("pillars", guide.closing.pillars);
    json.end_object();
}

void write_problems_json(JsonWriter& json, const Diagnostics& diags) {
    json.key("problems").begin_array();
    for (const auto& problem : diags.problems()) {
        json.begin_object();
        json.key("file").value(problem.file);
        json.key("line").value(problem.pos.line);
        json.key("column").value(problem.pos.column);
        json.key("message").value(problem.message);
        json.end_object();
    }
    json.end_array();
}

} // namespace calmlegs
