#include "ui/render_journal.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// When the interval leaves out 0, the page says what was seen, and what it is not.
constexpr std::string_view k_not_proof =
    "This is an observation of one person's nights, not proof of cause: other things change "
    "too.";

/// What "with" means for the kind compared.
std::string with_means(const Subject& subject) {
    switch (subject.kind) {
    case SubjectKind::supplement:
        return "With: logged nights it was taken. Without: logged nights it was not.";
    case SubjectKind::trigger:
        return "With: logged nights with this trigger. Without: logged nights without it.";
    case SubjectKind::routine:
        return "With: logged nights this routine was finished. Without: logged nights it "
               "was not.";
    }
    return {};
}

std::string side_words(const Side& side) {
    if (side.nights == 0) return "no nights";
    std::string text = "mean " + one_decimal(side.mean) + " over " + nights_words(side.nights);
    if (side.nights >= 2) text += " (sd " + one_decimal(side.sd) + ")";
    return text;
}

/// What the difference says, plainly, and how sure it can be.
std::string conclusion(const Comparison& c) {
    const std::string both =
        fmt::format("over {} with and {} without", nights_words(c.with.nights), c.without.nights);
    if (!c.low || !c.high)
        return fmt::format("The difference is {}, {}. No interval can be given: every night on "
                           "each side has the same severity.",
                           signed_decimal(*c.difference), both);
    if (*c.low <= 0 && *c.high >= 0)
        return fmt::format("The difference is {} (95% interval {} to {}), {}. The interval "
                           "includes 0: these numbers are consistent with no difference in "
                           "severity between nights with and without it.",
                           signed_decimal(*c.difference), signed_decimal(*c.low),
                           signed_decimal(*c.high), both);
    const bool lower = *c.high < 0;
    return fmt::format(
        "Nights with it had {} severity, by {} on average (95% interval {} to {}), {}. {}",
        lower ? "lower" : "higher", one_decimal(std::abs(*c.difference)),
        one_decimal(std::min(std::abs(*c.low), std::abs(*c.high))),
        one_decimal(std::max(std::abs(*c.low), std::abs(*c.high))), both, k_not_proof);
}

/// "Valerian started together with it on 3 March 2026", or days apart.
std::string confounder_words(const Comparison& c, const Confounder& other,
                             const std::function<std::string(std::string_view)>& name_of) {
    const std::string other_name = name_of(other.id);
    const auto apart = static_cast<int>(
        (std::chrono::sys_days{other.other_started} - std::chrono::sys_days{other.started})
            .count());
    if (apart == 0)
        return fmt::format("{} and {} started together on {}: their effects cannot be told "
                           "apart.",
                           c.subject.name, other_name, date_words(other.started));
    return fmt::format(
        "{} started on {} and {} on {}, {} apart: their effects cannot be told "
        "apart (the guide asks for one new supplement at a time).",
        c.subject.name, date_words(other.started), other_name, date_words(other.other_started),
        std::abs(apart) == 1 ? std::string("1 day") : std::to_string(std::abs(apart)) + " days");
}

/// Why these nights may not answer the question.
std::vector<std::string> caveats(const Comparison& c,
                                 const std::function<std::string(std::string_view)>& name_of) {
    std::vector<std::string> notes;
    if (c.too_few)
        notes.push_back(fmt::format("Too few nights to tell: {} with, {} without; at least {} "
                                    "on each side are needed.",
                                    c.with.nights, c.without.nights, k_min_nights));
    if (c.taken_from_start && !c.started)
        notes.emplace_back(c.without.nights == 0
                               ? "Taken since the journal began: there are no nights before it to "
                                 "compare with."
                               : "Taken since the journal began, so when it was started is not "
                                 "known; the nights without it are nights it was left off.");
    if (c.started && c.settling_left_out > 0)
        notes.push_back(fmt::format(
            "The first {} nights after {} on {} are left out: they are not a fair test ({} "
            "logged {} left out). Effects take time to settle; the number of nights is "
            "calmlegs' choice, as the guide gives none.",
            k_settling_nights, c.taken_from_start ? "starting again" : "starting",
            date_words(*c.started), c.settling_left_out,
            c.settling_left_out == 1 ? "night" : "nights"));
    for (const auto& other : c.confounders)
        notes.push_back(confounder_words(c, other, name_of));
    return notes;
}

} // namespace

ComparisonWords comparison_words(const Comparison& c,
                                 const std::function<std::string(std::string_view id)>& name_of) {
    ComparisonWords words;
    words.title = c.subject.name;
    words.tag = std::string(to_string(c.subject.kind)) + ", by RLS severity";
    words.with_means = with_means(c.subject);
    words.with = side_words(c.with);
    words.without = side_words(c.without);
    words.answered = !c.too_few && c.difference.has_value();
    if (words.answered)
        words.difference = signed_decimal(*c.difference) + " (with minus without)" +
                           (c.low && c.high ? "; 95% interval " + signed_decimal(*c.low) + " to " +
                                                  signed_decimal(*c.high)
                                            : "");
    words.caveats = caveats(c, name_of);
    if (words.answered) {
        words.conclusion = conclusion(c);
        words.method = "Method: " + c.method +
                       (c.low ? fmt::format(" ({} degrees of freedom)", one_decimal(c.df)) : "") +
                       ", over the nights with a severity logged.";
    }
    return words;
}

std::string render_comparison(const Comparison& c,
                              const std::function<std::string(std::string_view id)>& name_of,
                              const RenderOptions& options) {
    const ComparisonWords words = comparison_words(c, name_of);
    Page page(options);
    page.title(words.title, words.tag);
    page.muted(k_severity_scale);
    page.muted(words.with_means);
    page.blank();
    page.field("With", words.with);
    page.field("Without", words.without);
    if (words.answered) page.field("Difference", words.difference);
    // What keeps the nights from answering comes before what they seem to say.
    if (!words.caveats.empty()) page.blank();
    for (const auto& note : words.caveats)
        page.warning(note);
    if (words.answered) {
        page.blank();
        page.paragraph(words.conclusion);
        page.muted(words.method);
    }
    return page.str();
}

void write_comparison_json(JsonWriter& json, const Comparison& c) {
    json.begin_object();
    json.key("subject").begin_object();
    json.key("kind").value(to_string(c.subject.kind));
    json.key("id").value(c.subject.id);
    json.key("name").value(c.subject.name);
    json.end_object();
    for (const auto& [name, side] : {std::pair{"with", &c.with}, {"without", &c.without}}) {
        json.key(name).begin_object();
        json.key("nights").value(side->nights);
        json.key("mean");
        if (side->nights == 0)
            json.null();
        else
            json.value(side->mean);
        json.key("sd");
        if (side->nights < 2)
            json.null();
        else
            json.value(side->sd);
        json.end_object();
    }
    json.key("difference").value_or_null(c.difference);
    json.key("low").value_or_null(c.low);
    json.key("high").value_or_null(c.high);
    json.key("level").value(k_interval_level, 2);
    json.key("df").value_or_null(c.low ? std::optional<double>(c.df) : std::nullopt);
    json.key("method").value(c.method);
    json.key("too_few").value(c.too_few);
    json.key("min_nights").value(k_min_nights);
    json.key("started").text_or_null(c.started ? format_date(*c.started) : "");
    json.key("taken_from_start").value(c.taken_from_start);
    json.key("settling_nights").value(k_settling_nights);
    json.key("settling_left_out").value(c.settling_left_out);
    json.key("confounders").begin_array();
    for (const auto& other : c.confounders) {
        json.begin_object();
        json.key("id").value(other.id);
        json.key("started").value(format_date(other.started));
        json.key("other_started").value(format_date(other.other_started));
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

} // namespace calmlegs
