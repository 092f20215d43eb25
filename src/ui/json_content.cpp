#include "ui/json_content.h"

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

void pairings(JsonWriter& json, std::string_view key, const std::vector<NamedPairing>& items) {
    json.key(key).begin_array();
    for (const auto& item : items) {
        json.begin_object().key("id").text_or_null(item.id);
        json.key("name").value(item.name);
        json.key("why").text_or_null(item.why);
        json.end_object();
    }
    json.end_array();
}

/// {"id", "origin", "citation"}: origin and citation null when unknown (and citation for the
/// guide itself).
void source_json(JsonWriter& json, std::string_view key, const SupplementView& view,
                 const std::string& id) {
    json.key(key).begin_object().key("id").value(id);
    auto found = view.sources.find(id);
    json.key("origin");
    if (found != view.sources.end() && found->second.origin)
        json.value(to_string(*found->second.origin));
    else
        json.null();
    json.key("citation").text_or_null(found != view.sources.end() ? found->second.citation : "");
    json.end_object();
}

void safety_json(JsonWriter& json, const SupplementView& view) {
    const Supplement& s = view.supplement;
    json.key("cautions").begin_array();
    for (const auto& caution : s.cautions) {
        json.begin_object().key("text").value(caution.text);
        json.key("who").begin_array();
        for (Audience who : caution.who)
            json.value(to_string(who));
        json.end_array();
        source_json(json, "source", view, caution.source.id);
        json.end_object();
    }
    json.end_array();
    json.key("sedating").value(s.sedating);
    json.key("trial").begin_object().key("washout").value(s.trial_washout);
    json.key("refusal").text_or_null(s.trial_refusal);
    json.end_object();
    json.key("upper_limit");
    if (s.upper_limit) {
        json.begin_object().key("amount").value(s.upper_limit->amount);
        json.key("unit").value(to_string(s.upper_limit->unit));
        json.key("note").text_or_null(s.upper_limit->note);
        source_json(json, "source", view, s.upper_limit->source.id);
        json.key("dose_max");
        if (view.dose_max)
            json.value(*view.dose_max);
        else
            json.null();
        json.end_object();
    } else {
        json.null();
    }
    json.key("keep_apart").begin_array();
    for (const auto& rule : view.keep_apart) {
        json.begin_object().key("from").begin_array();
        for (const auto& thing : rule.from) {
            json.begin_object().key("id").text_or_null(thing.id);
            json.key("name").value(thing.name);
            json.end_object();
        }
        json.end_array();
        json.key("hours").value(rule.hours);
        source_json(json, "source", view, rule.source);
        json.end_object();
    }
    json.end_array();
    json.key("evidence");
    if (!s.evidence.empty()) {
        json.begin_object().key("text").value(s.evidence);
        source_json(json, "source", view, s.evidence_source.id);
        json.end_object();
    } else {
        json.null();
    }
}

void match_json(JsonWriter& json, const LookupMatch& found) {
    json.key("query").value(found.query);
    json.key("match").value(found.match == MatchKind::exact    ? "exact"
                            : found.match == MatchKind::prefix ? "prefix"
                                                               : "close");
}

} // namespace

void write_references_json(JsonWriter& json, const std::vector<Ref>& refs,
                           const Citations& citations) {
    json.key("references").begin_array();
    for (const auto& ref : refs) {
        json.begin_object().key("id").value(ref.id).key("citation");
        if (auto found = citations.find(ref.id); found != citations.end())
            json.value(found->second);
        else
            json.null();
        json.end_object();
    }
    json.end_array();
}

void write_supplement_json(JsonWriter& json, const SupplementView& view, const LookupMatch& found) {
    const Supplement& s = view.supplement;
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
    json.string_array("other_forms", s.other_forms);
    json.string_array("how_to_use", s.how_to_use);
    json.string_array("food_sources", s.food_sources);
    pairings(json, "pairs_with", view.pairs_with);
    pairings(json, "avoid_with", view.avoid_with);
    safety_json(json, view);
    write_references_json(json, s.references, view.citations);
    json.key("steps").begin_array();
    for (const auto& step : s.steps)
        json.value(step.number);
    json.end_array();
    json.key("safety_note").text_or_null(view.safety_note);
    match_json(json, found);
    json.key("form");
    if (view.form) {
        json.begin_object().key("name").value(view.form->name);
        json.key("note").text_or_null(view.form->note);
        json.key("in_guide").value(view.form->in_guide);
        json.end_object();
    } else {
        json.null();
    }
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

void write_supplement_list_json(JsonWriter& json, const SupplementListView& view) {
    json.begin_object().key("when").text_or_null(view.when ? to_string(*view.when) : "");
    json.key("supplements").begin_array();
    for (const Supplement* s : view.supplements)
        write_supplement_summary_json(json, *s);
    json.end_array().end_object();
}

void write_stack_json(JsonWriter& json, const StackView& view) {
    json.begin_object().key("when").text_or_null(view.when ? to_string(*view.when) : "");
    json.key("stack").begin_array();
    for (const StackRow* row : view.rows)
        write_stack_row_json(json, *row);
    json.end_array();
    json.key("safety_note").text_or_null(view.safety_note);
    json.end_object();
}

void write_guide_index_json(JsonWriter& json, const GuideIndexView& view) {
    json.begin_object().key("title").text_or_null(view.guide != nullptr ? view.guide->title : "");
    json.key("steps").begin_array();
    for (const Step* step : view.steps)
        write_step_summary_json(json, *step);
    json.end_array().end_object();
}

void write_step_summary_json(JsonWriter& json, const Step& step) {
    json.begin_object();
    json.key("number").value(step.number);
    json.key("id").value(step.id);
    json.key("title").value(step.title);
    json.key("summary").value(step.summary);
    json.end_object();
}

void write_step_json(JsonWriter& json, const StepView& view, const LookupMatch& found) {
    const Step& step = view.step;
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
        json.key("doctor_questions").value(section.doctor_questions);
        json.string_array("avoid", section.avoid);
        ids(json, "supplements", section.supplements);
        write_references_json(json, section.references, view.citations);
        json.key("stack");
        if (section.show == "stack") {
            json.begin_array();
            for (const StackRow* row : view.stack)
                write_stack_row_json(json, *row);
            json.end_array();
        } else {
            json.null();
        }
        json.key("medicines");
        if (section.show == "medicines") {
            json.begin_array();
            for (const Medicine* medicine : view.medicines)
                write_medicine_summary_json(json, *medicine);
            json.end_array();
        } else {
            json.null();
        }
        json.end_object();
    }
    json.end_array();
    write_references_json(json, step.references, view.citations);
    match_json(json, found);
    json.end_object();
}

void write_intro_json(JsonWriter& json, const IntroView& view) {
    const GuideDoc& guide = view.guide;
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
        write_references_json(json, cause.references, view.citations);
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

void write_medicine_summary_json(JsonWriter& json, const Medicine& m) {
    json.begin_object();
    json.key("id").value(m.id);
    json.key("name").value(m.name);
    json.key("group").value(m.group);
    json.key("effect").value(m.effect);
    json.end_object();
}

void write_medicine_json(JsonWriter& json, const MedicineView& view, const LookupMatch& found) {
    const Medicine& m = view.medicine;
    json.begin_object();
    json.key("kind").value("medicine");
    json.key("id").value(m.id);
    json.key("name").value(m.name);
    json.string_array("aliases", m.aliases);
    json.key("group").value(m.group);
    json.string_array("examples", m.examples);
    json.key("effect").value(m.effect);
    json.key("instead").text_or_null(m.instead);
    json.key("source").begin_object().key("id").value(m.source).key("citation");
    if (view.from_guide)
        json.null();
    else
        json.text_or_null(view.citation);
    json.end_object();
    json.key("steps").begin_array();
    for (const auto& step : m.steps)
        json.value(step.number);
    json.end_array();
    json.key("ask_prescriber").value(view.ask_prescriber);
    match_json(json, found);
    json.end_object();
}

void write_search_json(JsonWriter& json, std::string_view query,
                       const std::vector<SearchHit>& hits) {
    json.begin_object().key("query").value(query).key("matches").begin_array();
    for (const auto& hit : hits) {
        json.begin_object();
        json.key("kind").value(to_string(hit.kind));
        json.key("id").value(hit.id);
        json.key("number").number_or_null(hit.number);
        json.key("title").value(hit.title);
        json.key("where").value(hit.where);
        json.key("text").value(hit.text);
        json.end_object();
    }
    json.end_array().end_object();
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
