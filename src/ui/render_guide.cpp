#include "ui/render_content.h"

#include "ui/text.h"

#include <string_view>

namespace calmlegs {
namespace {

void sources(Page& page, std::vector<Ref> refs, const Citations& citations) {
    // A reference cited by several sections is listed once, where it first appears.
    std::vector<Ref> unique;
    for (auto& ref : refs) {
        bool seen = false;
        for (const auto& kept : unique)
            seen = seen || kept.id == ref.id;
        if (!seen) unique.push_back(std::move(ref));
    }
    const auto lines = citation_lines(unique, citations);
    if (lines.empty()) return;
    page.blank();
    page.field("Sources", lines);
}

void not_advice(Page& page, const std::string& text) {
    if (text.empty()) return;
    page.blank();
    page.muted(text);
}

} // namespace

std::string render_guide_index(const GuideIndexView& view, const RenderOptions& options) {
    const GuideDoc* guide = view.guide;
    const std::vector<const Step*>& steps = view.steps;
    Page page(options);
    page.title(guide != nullptr ? guide->title : "The guide",
               std::to_string(steps.size()) + " steps");
    page.blank();
    std::vector<std::vector<std::string>> rows;
    if (guide != nullptr)
        rows.push_back({"intro", "What RLS is, how common it is, what causes it"});
    for (const Step* step : steps)
        rows.push_back({std::to_string(step->number), step->title});
    if (guide != nullptr) rows.push_back({"closing", "Final thoughts"});
    std::string table = render_table({"Step", "Title"}, rows, options);
    table.pop_back();
    page.raw(std::move(table));
    page.blank();
    page.paragraph("Read one: calmlegs guide 4 (or by name: calmlegs guide breathwork)");
    page.paragraph("Search: calmlegs guide --search magnesium");
    not_advice(page, view.not_advice);
    return page.str();
}

std::string render_step(const StepView& view, const RenderOptions& options) {
    const Step& step = view.step;
    Page page(options);
    page.title(step.title,
               "step " + std::to_string(step.number) + " of " + std::to_string(view.step_count));
    page.blank();
    page.paragraph(step.summary);
    std::vector<Ref> cited = step.references;
    for (const auto& section : step.sections) {
        page.blank();
        page.heading(section.title);
        if (!section.text.empty()) page.paragraph(section.text, 2);
        if (!section.items.empty()) page.bullets(section.items, 2, section.ordered);
        if (!section.avoid.empty()) {
            page.label("Avoid:", 2);
            page.bullets(section.avoid, 2);
        }
        if (section.show == "stack") {
            std::vector<std::vector<std::string>> rows;
            for (const StackRow* row : view.stack)
                rows.push_back(
                    {row->condition.empty() ? row->label : row->label + " (" + row->condition + ")",
                     row->dose, row->timing, row->benefit});
            RenderOptions inner = options;
            inner.width = options.width - 2;
            for (const auto& line : split_lines(
                     render_table({"Supplement", "Dose", "Timing", "Key benefit"}, rows, inner)))
                page.raw("  " + line);
        }
        if (section.show == "medicines") {
            std::vector<std::string> lines;
            for (const Medicine* medicine : view.medicines)
                lines.push_back(medicine->name + " — " + medicine->group + " — " +
                                medicine->effect);
            page.bullets(lines, 2);
            page.muted("More on one: calmlegs supplement NAME (e.g. calmlegs supplement " +
                           (view.medicines.empty() ? std::string("diphenhydramine")
                                                   : view.medicines.front()->id) +
                           ")",
                       2);
        }
        if (!section.supplements.empty()) {
            std::string ids;
            for (const auto& ref : section.supplements)
                ids += (ids.empty() ? "" : ", ") + ref.id;
            page.muted("More on " + ids + ": calmlegs supplement NAME", 2);
        }
        cited.insert(cited.end(), section.references.begin(), section.references.end());
    }
    sources(page, cited, view.citations);
    not_advice(page, view.not_advice);
    return page.str();
}

std::string render_intro(const IntroView& view, const RenderOptions& options) {
    const GuideDoc& guide = view.guide;
    const Intro& intro = guide.intro;
    Page page(options);
    page.title(guide.title, "introduction");
    page.blank();
    page.paragraph(intro.summary);
    page.blank();
    page.heading("What it is");
    page.paragraph(intro.what_it_is, 2);
    page.bullets(intro.sensations, 2);
    page.paragraph(intro.movement, 2);
    page.blank();
    page.heading("How common it is");
    page.paragraph(intro.prevalence, 2);
    page.blank();
    page.heading("Root causes");
    page.paragraph(intro.causes_intro, 2);
    std::vector<Ref> cited;
    for (const auto& cause : intro.causes) {
        page.blank();
        page.label(cause.title, 2);
        page.paragraph(cause.text, 4);
        cited.insert(cited.end(), cause.references.begin(), cause.references.end());
    }
    sources(page, cited, view.citations);
    not_advice(page, view.not_advice);
    return page.str();
}

std::string render_closing(const GuideDoc& guide, const RenderOptions& options) {
    Page page(options);
    page.title(guide.title, "final thoughts");
    page.blank();
    page.paragraph(guide.closing.text);
    page.blank();
    page.bullets(guide.closing.pillars, 2);
    return page.str();
}

std::string render_search(std::string_view query, const std::vector<std::string>& words,
                          const std::vector<SearchHit>& hits, const RenderOptions& options) {
    Page page(options);
    page.title("Search: " + std::string(query),
               std::to_string(hits.size()) + (hits.size() == 1 ? " match" : " matches"));
    const Style& style = page.style();
    for (const auto& hit : hits) {
        page.blank();
        std::string command;
        switch (hit.kind) {
        case HitKind::step:
            command = "calmlegs guide " + std::to_string(hit.number);
            break;
        case HitKind::supplement:
            command = "calmlegs supplement " + hit.id;
            break;
        case HitKind::intro:
        case HitKind::closing:
            command = "calmlegs guide " + hit.id;
            break;
        }
        const std::string where = hit.kind == HitKind::step
                                      ? "Step " + std::to_string(hit.number) + " · " + hit.where
                                      : hit.where;
        page.raw(style.label(elide(where, options.width)));
        page.paragraph(snippet(hit.text, words, options.width * 2 - 8), 2);
        // The command to type, broken between its words on a terminal too narrow for it.
        for (const auto& line : wrap(command, page.width() - 2))
            page.raw("  " + style.command(line));
    }
    return page.str();
}

} // namespace calmlegs
