// The report's data as JSON (`calmlegs report --json`): what the page shows, for other tools.

#include "ui/render_report.h"

namespace calmlegs {

void write_report_json(JsonWriter& json, const ReportView& view) {
    const Progress& p = view.progress;
    json.begin_object();
    json.key("period").begin_object();
    json.key("from").value(format_date(p.from));
    json.key("to").value(format_date(p.to));
    json.key("nights").value(static_cast<int>(p.nights.size()));
    json.end_object();
    json.key("generated").value(format_date(view.generated));
    json.key("nights_logged").value(p.logged);
    json.key("wind_down").begin_object();
    json.key("done").value(p.wind_down);
    json.key("nights").value(view.wind_down_nights);
    json.end_object();
    json.key("stats");
    write_stats_json(json, view.stats);
    json.key("progress");
    write_progress_json(json, p);
    json.key("plan");
    if (!view.has_plan) {
        json.null();
    } else {
        json.begin_array();
        for (const ReportPlanEntry& entry : view.plan) {
            json.begin_object();
            json.key("id").value(entry.id);
            json.key("name").value(entry.name);
            json.key("condition").text_or_null(entry.condition);
            json.string_array("dose", entry.dose);
            json.key("timing").text_or_null(entry.timing);
            json.end_object();
        }
        json.end_array();
    }
    json.string_array("plan_review", view.plan_review);
    json.key("comparisons").begin_array();
    for (const ReportComparison& c : view.comparisons) {
        json.begin_object();
        json.key("comparison");
        write_comparison_json(json, c.comparison);
        const ComparisonWords& w = c.words;
        json.key("words").begin_object();
        json.key("title").value(w.title);
        json.key("tag").value(w.tag);
        json.key("with_means").value(w.with_means);
        json.key("with").value(w.with);
        json.key("without").value(w.without);
        json.key("difference").text_or_null(w.difference);
        json.string_array("caveats", w.caveats);
        json.key("conclusion").text_or_null(w.conclusion);
        json.key("method").text_or_null(w.method);
        json.end_object();
        json.end_object();
    }
    json.end_array();
    json.key("triggers").begin_array();
    for (const ReportTrigger& trigger : view.triggers) {
        json.begin_object();
        json.key("id").value(trigger.id);
        json.key("name").value(trigger.name);
        json.key("nights").value(trigger.nights);
        json.end_object();
    }
    json.end_array();
    json.key("notes").begin_array();
    for (const ReportNote& note : view.notes) {
        json.begin_object();
        json.key("night").value(format_date(note.night));
        json.key("text").value(note.text);
        json.end_object();
    }
    json.end_array();
    json.key("doctor_questions").begin_array();
    for (const ReportQuestions& group : view.questions) {
        json.begin_object();
        json.key("title").value(group.title);
        json.key("text").text_or_null(group.text);
        json.string_array("items", group.items);
        json.end_object();
    }
    json.end_array();
    json.key("not_advice").value(view.not_advice);
    // The latest trial: its result once it has finished, else where it stands (no peeking).
    json.key("trial");
    if (!view.trial)
        json.null();
    else if (view.trial->result.state == TrialState::finished)
        write_trial_result_json(json, view.trial->result, view.trial->name);
    else
        write_trial_status_json(json, view.trial->result, view.trial->name, view.trial->tonight,
                                false);
    json.end_object();
}

} // namespace calmlegs
