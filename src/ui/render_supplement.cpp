#include "ui/render_content.h"

#include "content/names.h"
#include "ui/text.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace calmlegs {
namespace {

std::vector<std::string> pairing_lines(const std::vector<NamedPairing>& items) {
    std::vector<std::string> lines;
    for (const auto& item : items) {
        std::string line = item.name;
        if (!item.why.empty()) line += " — " + item.why;
        lines.push_back(std::move(line));
    }
    return lines;
}

void safety_note(Page& page, const std::string& text) {
    if (text.empty()) return;
    page.blank();
    page.warning(text);
}

/// "Form: oxide — ...": the form named, and what the guide says of it.
std::string form_line(const FormMatch& form, const Supplement& s) {
    std::string line = "Form: " + form.name;
    if (!form.note.empty()) return line + " — " + form.note;
    if (form.in_guide) return line;
    if (s.forms.empty()) return line + " — the guide names no particular form";
    std::string named;
    for (std::size_t i = 0; i < s.forms.size(); ++i)
        named += (i == 0 ? "" : i + 1 == s.forms.size() ? " and " : ", ") + s.forms[i].name;
    return line + " — the guide does not discuss this form; it names " + named;
}

std::string tag_of(const SupplementView& view, const SourceRef& source) {
    auto found = view.sources.find(source.id);
    return found != view.sources.end() ? found->second.tag : source.id;
}

/// "Kidney disease: Not with ... [NIH ODS 2024]": the audience unless it is everyone.
std::string caution_line(const SupplementView& view, const Caution& caution) {
    std::vector<std::string> who;
    for (Audience audience : caution.who)
        if (audience != Audience::everyone) who.emplace_back(audience_words(audience));
    std::string line;
    if (!who.empty()) {
        line = join(who, ", ") + ": ";
        line.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(line.front())));
    }
    return line + caution.text + " [" + tag_of(view, caution.source) + "]";
}

/// "350 mg a day from supplements (NIH ODS 2024)", and whether the guide's dose goes above it.
std::string upper_limit_text(const SupplementView& view, const UpperLimit& limit) {
    const std::string unit(to_string(limit.unit));
    std::string text = fmt::format("{} {} a day", limit.amount, unit);
    if (!limit.note.empty()) text += " " + limit.note;
    text += " (" + tag_of(view, limit.source) + ")";
    if (view.dose_max && *view.dose_max > limit.amount)
        text += fmt::format(". The guide's dose goes up to {} {}, above this limit.",
                            *view.dose_max, unit);
    return text;
}

/// "2 hours apart from Calcium, tea [guide]".
std::string keep_apart_line(const NamedKeepApart& rule, const SupplementView& view) {
    std::vector<std::string> names;
    for (const auto& thing : rule.from)
        names.push_back(thing.name);
    return fmt::format("{} {} apart from {} [{}]", rule.hours, rule.hours == 1 ? "hour" : "hours",
                       join(names, ", "), tag_of(view, SourceRef{rule.source, {}}));
}

} // namespace

std::vector<std::string> citation_lines(const std::vector<Ref>& refs, const Citations& citations) {
    std::vector<std::string> lines;
    for (const auto& ref : refs)
        if (auto found = citations.find(ref.id); found != citations.end())
            lines.push_back(found->second);
    return lines;
}

void guide_steps_field(Page& page, const std::vector<StepRef>& steps) {
    if (steps.empty()) return;
    std::vector<std::string> numbers;
    for (const auto& step : steps)
        numbers.push_back(std::to_string(step.number));
    page.field("Guide", (steps.size() == 1 ? "step " : "steps ") + join(numbers, ", ") +
                            " (calmlegs guide " + numbers.front() + ")");
}

std::string render_supplement(const SupplementView& view, const RenderOptions& options) {
    const Supplement& s = view.supplement;
    Page page(options);
    page.title(s.name, std::string(to_string(s.kind)) + (s.sedating ? ", sedating" : ""));
    if (!s.aliases.empty()) page.muted("Also: " + join(s.aliases, ", "));
    if (view.form) page.paragraph(form_line(*view.form, s));

    if (!s.condition.empty() || !s.tests.empty() || !s.target.empty()) {
        page.blank();
        if (!s.condition.empty()) page.warning(s.condition);
        if (!s.tests.empty()) page.paragraph("Tests to ask for: " + join(s.tests, ", "), 2);
        if (!s.target.empty()) page.paragraph("Target: " + s.target, 2);
    }

    page.blank();
    page.field("Benefit", s.benefit);
    if (!s.why.empty()) page.field("Why", s.why);
    if (s.dose.empty())
        page.field("Dose", "The guide gives no amount; ask a healthcare provider.");
    else
        page.field("Dose", s.dose);
    if (s.upper_limit) page.field("Upper limit", upper_limit_text(view, *s.upper_limit));
    if (const std::string timing = timing_words(s); !timing.empty()) page.field("Timing", timing);
    if (!s.cautions.empty()) {
        // Right after the dose, before anything else one might act on.
        std::vector<std::string> cautions;
        for (const auto& caution : s.cautions)
            cautions.push_back(caution_line(view, caution));
        page.blank();
        page.heading("Cautions");
        page.bullets(cautions, 2);
        page.blank();
    }
    std::vector<std::string> forms;
    for (const auto& form : s.forms)
        forms.push_back(form.note.empty() ? form.name : form.name + " — " + form.note);
    page.field("Forms", forms);
    page.field("How to use", s.how_to_use);
    page.field("Food", s.food_sources);
    page.field("Pairs with", pairing_lines(view.pairs_with));
    page.field("Avoid with", pairing_lines(view.avoid_with));
    std::vector<std::string> spacing;
    for (const auto& rule : view.keep_apart)
        spacing.push_back(keep_apart_line(rule, view));
    page.field("Keep apart", spacing);
    guide_steps_field(page, s.steps);
    if (!s.evidence.empty()) {
        page.blank();
        page.paragraph("Evidence for RLS: " + s.evidence + " [" + tag_of(view, s.evidence_source) +
                       "]");
        page.blank();
    }
    std::vector<std::string> sources;
    for (const auto& source : view.listed)
        sources.push_back(source.citation + (source.origin == ReferenceOrigin::guide
                                                 ? " (listed by the guide)"
                                                 : ""));
    page.field("Sources", sources);
    safety_note(page, view.safety_note);
    return page.str();
}

std::string render_stack(const StackView& view, const RenderOptions& options) {
    const std::vector<const StackRow*>& rows = view.rows;
    Page page(options);
    page.title("The guide's supplement stack", "step 8");
    page.blank();
    std::vector<std::vector<std::string>> cells;
    std::vector<std::string> footnotes;
    for (const StackRow* row : rows) {
        std::string label = row->label;
        if (!row->condition.empty()) {
            footnotes.push_back(std::string(footnotes.size() + 1, '*') + " " + row->condition);
            label += std::string(footnotes.size(), '*');
        }
        cells.push_back({label, row->dose, row->timing, row->benefit});
    }
    if (cells.empty())
        page.paragraph("No rows match.");
    else {
        std::string table =
            render_table({"Supplement", "Dose", "Timing", "Key benefit"}, cells, options);
        table.pop_back();
        page.raw(std::move(table));
    }
    if (!footnotes.empty()) {
        page.blank();
        for (const auto& note : footnotes)
            page.warning(note);
    }
    page.blank();
    page.muted("More on one entry: calmlegs supplement NAME (e.g. calmlegs supplement " +
               std::string(rows.empty() || rows.front()->supplements.empty()
                               ? "magnesium"
                               : rows.front()->supplements.front().id) +
               ")");
    safety_note(page, view.safety_note);
    return page.str();
}

std::string render_supplement_list(const SupplementListView& view, const RenderOptions& options) {
    const std::vector<const Supplement*>& supplements = view.supplements;
    Page page(options);
    page.title(view.title, std::to_string(supplements.size()) +
                               (supplements.size() == 1 ? " entry" : " entries"));
    page.blank();
    std::vector<std::vector<std::string>> cells;
    for (const Supplement* s : supplements) {
        std::string name = s->name;
        if (!s->condition.empty()) name += " *";
        cells.push_back({name, s->dose.empty() ? "—" : join(s->dose, "; "),
                         s->timing.empty() ? "—" : s->timing, s->benefit});
    }
    if (cells.empty())
        page.paragraph("No entries match.");
    else {
        std::string table = render_table({"Name", "Dose", "Timing", "Key benefit"}, cells, options);
        table.pop_back();
        page.raw(std::move(table));
    }
    if (std::any_of(supplements.begin(), supplements.end(),
                    [](const Supplement* s) { return !s->condition.empty(); })) {
        page.blank();
        page.warning("* Applies only under a condition: see its page.");
    }
    page.blank();
    page.muted("Details, pairings and cautions: calmlegs supplement NAME");
    safety_note(page, view.safety_note);
    return page.str();
}

std::string timing_words(const Supplement& s) {
    if (!s.timing.empty()) return s.timing;
    std::vector<std::string> names;
    for (auto w : s.when)
        names.emplace_back(to_string(w));
    return join(names, ", ");
}

} // namespace calmlegs
