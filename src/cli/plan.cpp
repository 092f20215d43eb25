// calmlegs plan check: the person's [plan] reviewed against the content's cautions, spacing
// rules and upper limits, and their [me] conditions.

#include "cli/commands.h"
#include "cli/runner.h"
#include "content/config_plan.h"
#include "content/names.h"
#include "plan/review.h"
#include "ui/page.h"
#include "ui/text.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct PlanOptions {
    std::string action;
};

/// "NIH ODS 2022", "the guide": a source, short.
std::string source_name(ContentStore& store, const std::string& id) {
    if (id.empty()) return {};
    if (id == "guide") return "the guide";
    const Reference* reference = store.reference(id);
    return reference == nullptr ? id : reference->short_tag();
}

/// What each rule covers, for the report.
const char* const k_covers =
    "sedating supplements taken together at night, supplements to keep apart taken at the "
    "same time of day, guide doses above an upper limit, and the cautions for the conditions "
    "in [me] conditions";

} // namespace

std::optional<PlanReview> review_person_plan(Context& context, ContentStore& store) {
    const Config* config = context.config();
    if (config == nullptr || !config->plan_supplements) return std::nullopt;
    const auto settings = session_settings(context, store);
    if (!settings || !settings->plan_supplements) return std::nullopt;
    std::vector<const Supplement*> plan;
    for (const auto& id : *settings->plan_supplements)
        if (const Supplement* s = store.supplement(id)) plan.push_back(s);
    return review_plan(plan, config->conditions);
}

namespace {

ExitStatus run_plan_check(Context& context) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    if (!config->plan_supplements) {
        context.error("there is no [plan] in your config to check.", k_plan_hint);
        return ExitStatus::usage;
    }
    const std::optional<PlanReview> reviewed = review_person_plan(context, *store);
    if (!reviewed) return ExitStatus::usage;
    const PlanReview& review = *reviewed;
    const std::vector<const Supplement*>& plan = review.plan;
    if (plan.empty() && !context.options.json) {
        context.print("Your [plan] lists no supplements, so there is nothing to review.\n");
        return ExitStatus::success;
    }
    // The sources' names are read now: the page and the JSON only format.
    auto names_of = [&](const std::vector<Finding>& items) {
        std::vector<std::string> out;
        for (const auto& finding : items)
            out.push_back(source_name(*store, finding.source));
        return out;
    };
    const std::vector<std::string> sources = names_of(review.findings);
    const std::vector<std::string> note_sources = names_of(review.notes);
    if (!context.content_ok()) return ExitStatus::usage;

    std::vector<std::string> names, conditions;
    for (const Supplement* s : plan)
        names.push_back(s->name);
    for (Audience who : config->conditions)
        conditions.emplace_back(audience_words(who));
    const ExitStatus shown = context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            std::vector<std::string> ids;
            for (const Supplement* s : plan)
                ids.push_back(s->id);
            json.string_array("plan", ids);
            std::vector<std::string> spelt;
            for (Audience who : config->conditions)
                spelt.emplace_back(to_string(who));
            json.string_array("conditions", spelt);
            json.key("clean").value(review.findings.empty());
            auto list = [&](const char* key, const std::vector<Finding>& items,
                            const std::vector<std::string>& source_names) {
                json.key(key).begin_array();
                for (std::size_t i = 0; i < items.size(); ++i) {
                    const Finding& finding = items[i];
                    json.begin_object();
                    json.key("kind").value(std::string(to_string(finding.kind)));
                    json.key("text").value(finding.text);
                    json.key("source").text_or_null(finding.source);
                    json.key("source_name").text_or_null(source_names[i]);
                    json.string_array("supplements", finding.supplements);
                    json.end_object();
                }
                json.end_array();
            };
            list("findings", review.findings, sources);
            list("notes", review.notes, note_sources);
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.title("Plan check", std::to_string(plan.size()) +
                                         (plan.size() == 1 ? " supplement" : " supplements"));
            page.blank();
            page.paragraph(
                "Checked: " + join(names, ", ") + ". Your conditions: " +
                (conditions.empty() ? "none listed in [me] conditions" : join(conditions, ", ")) +
                ".");
            page.paragraph(std::string("It looks for ") + k_covers + ".");
            page.blank();
            for (std::size_t i = 0; i < review.notes.size(); ++i)
                page.paragraph("Note: " + review.notes[i].text +
                               (note_sources[i].empty() ? "" : " (" + note_sources[i] + ")"));
            if (!review.notes.empty()) page.blank();
            if (review.findings.empty()) {
                page.paragraph("None of the cautions in calmlegs' content applies to this "
                               "plan. That covers only what calmlegs' content says of these "
                               "supplements, not your medicines or your health: ask a "
                               "pharmacist or doctor about those.");
                return page.str();
            }
            page.heading(std::to_string(review.findings.size()) +
                         (review.findings.size() == 1 ? " finding" : " findings"));
            for (std::size_t i = 0; i < review.findings.size(); ++i)
                page.warning(review.findings[i].text +
                             (sources[i].empty() ? "" : " (" + sources[i] + ")"));
            page.blank();
            page.muted("Talk these through with a doctor or pharmacist before you change "
                       "anything.");
            return page.str();
        });
    if (shown != ExitStatus::success) return shown;
    return review.findings.empty() ? ExitStatus::success : ExitStatus::not_found;
}

} // namespace

Command setup_plan(CLI::App& parent, Context& context) {
    auto options = std::make_shared<PlanOptions>();
    CLI::App* app = parent.add_subcommand(
        "plan", "Review your [plan]: cautions for your conditions, spacing, upper limits");
    app->add_option("ACTION", options->action, "check: review the plan")
        ->required()
        ->transform(one_of({"check"}));
    return {app, "calmlegs plan check", [&context, options] { return run_plan_check(context); }};
}

} // namespace calmlegs::cli
