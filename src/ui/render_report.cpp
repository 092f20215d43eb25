// The report's page: header, figures, chart, weekly table, plan, comparisons, triggers, notes,
// the questions for a doctor and the not-advice footer, in one self-contained HTML file.

#include "ui/render_report.h"

#include "ui/html.h"
#include "ui/render_report_style.h"

#include <array>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// "3 September", the year left out.
std::string without_year(Date date) {
    std::string text = date_words(date);
    text.erase(text.rfind(' '));
    return text;
}

/// "31 Aug to 6 Sep", short, for the weekly table (with the years when `years`).
std::string week_words(const WeekMeans& week, bool years) {
    auto day = [&](Date date) {
        std::string text =
            fmt::format("{} {}", static_cast<unsigned>(date.day()), short_month(date));
        if (years) text += fmt::format(" {}", static_cast<int>(date.year()));
        return text;
    };
    return week.from == week.to ? day(week.from) : day(week.from) + " to " + day(week.to);
}

std::string mean_or_dash(const Mean& mean) {
    return mean.nights == 0 ? "\u2013" : one_decimal(mean.mean);
}

/// "mean 4.2 over 41 nights", or that none was logged.
std::string mean_words(const Mean& mean, std::string_view what) {
    if (mean.nights == 0) return fmt::format("no {} logged in these nights", what);
    return "mean " + one_decimal(mean.mean) + " over " + nights_words(mean.nights);
}

/// "34 of 89 nights (38%)".
std::string rate_words(int done, int nights) {
    if (nights == 0) return "no nights yet";
    return fmt::format("{} of {} ({})", done, nights_words(nights),
                       percent_words(static_cast<double>(done) / nights));
}

/// "16 nights in a row, tonight included", or "none now".
std::string current_streak_words(const JournalStats& s) {
    if (s.current_streak == 0) return "none now";
    return nights_words(s.current_streak) + " in a row" +
           (s.today_done ? ", tonight included" : ", up to last night");
}

/// "41 nights, 5 October to 14 November 2026", or "none yet".
std::string longest_streak_words(const JournalStats& s) {
    if (s.longest_streak == 0 || !s.longest_from || !s.longest_to) return "none yet";
    return nights_words(s.longest_streak) + ", " +
           (s.longest_streak == 1 ? date_words(*s.longest_from)
                                  : period_words(*s.longest_from, *s.longest_to));
}

/// How every page begins, and the mark that says calmlegs wrote it (in its <head>, within the
/// first bytes).
constexpr std::string_view k_doctype = "<!DOCTYPE html>\n";
constexpr std::string_view k_generator = "<meta name=\"generator\" content=\"calmlegs\"/>";

void head(HtmlWriter& html, const std::string& title) {
    html.raw(k_doctype);
    html.open("html", {{"lang", "en"}});
    html.open("head");
    html.empty("meta", {{"charset", "utf-8"}});
    html.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    // Nothing may be fetched or run: no script, no font, no image but inline ones.
    html.empty("meta",
               {{"http-equiv", "Content-Security-Policy"},
                {"content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:"}});
    html.raw(k_generator);
    html.element("title", title);
    html.open("style").raw(k_report_css).close();
    html.close();
}

void header(HtmlWriter& html, const ReportView& view, const std::string& title) {
    const Progress& p = view.progress;
    const auto nights = static_cast<int>(p.nights.size());
    html.open("header");
    html.element("h1", title);
    html.open("p").text(nights == 1 ? fmt::format("The night of {}: {}.", date_words(p.to),
                                                  p.logged == 1 ? "logged" : "not logged")
                                    : fmt::format("The {} nights from {}: {} logged.", nights,
                                                  period_words(p.from, p.to), p.logged));
    html.raw(" ").element("span", "Made on " + date_words(view.generated) + " with calmlegs.",
                          {{"class", "muted"}});
    html.close();
    html.close();
}

/// A section with its heading; close it with html.close().
void open_section(HtmlWriter& html, std::string_view id, std::string_view heading) {
    const std::string heading_id = std::string(id) + "-heading";
    html.open("section", {{"id", id}, {"aria-labelledby", heading_id}});
    html.element("h2", heading, {{"id", heading_id}});
}

void figure(HtmlWriter& html, std::string_view term, std::string_view value,
            std::string_view note = {}) {
    html.open("div");
    html.element("dt", term);
    html.open("dd").text(value);
    if (!note.empty()) {
        html.raw(" ");
        html.element("span", note, {{"class", "muted"}});
    }
    html.close().close();
}

void summary(HtmlWriter& html, const ReportView& view) {
    const Progress& p = view.progress;
    open_section(html, "summary", "Summary");
    html.open("dl", {{"class", "figures"}});
    figure(html, "RLS severity", mean_words(p.severity, "severity"), "(0 none to 10 worst)");
    figure(html, "Sleep quality", mean_words(p.sleep, "sleep quality"),
           "(1 very poor to 5 very good)");
    figure(html, "Wind-down done", rate_words(p.wind_down, view.wind_down_nights),
           "(calmlegs tonight finished; tonight counts once it is done)");
    figure(html, "Wind-down streak", current_streak_words(view.stats));
    figure(html, "Longest streak", longest_streak_words(view.stats), "(whole journal)");
    html.close();
    html.close();
}

void chart(HtmlWriter& html, const ReportView& view) {
    open_section(html, "chart", "Night by night");
    html.open("figure");
    html.raw(render_report_chart(view));
    html.element("figcaption", "Dots: the nights as logged; severity above (higher is worse), "
                               "sleep quality below (higher is better). Line: the mean of the "
                               "last 7 nights, 4 or more with a value. Gaps: nights not logged.");
    html.close();
    html.close();
}

void weeks(HtmlWriter& html, const ReportView& view) {
    const Progress& p = view.progress;
    const bool years = p.from.year() != p.to.year();
    open_section(html, "weeks", "Week by week");
    html.open("table", {{"class", "weeks"}});
    html.element("caption",
                 "Means of each week (Monday to Sunday) of " + period_words(p.from, p.to) +
                     "; in brackets, the nights a mean is over when some logged nights lack "
                     "that figure");
    html.open("thead").open("tr");
    html.element("th", "Week", {{"scope", "col"}});
    html.element("th", "Nights logged", {{"scope", "col"}, {"class", "num"}});
    html.element("th", "Mean severity", {{"scope", "col"}, {"class", "num"}});
    html.element("th", "Mean sleep quality", {{"scope", "col"}, {"class", "num"}});
    html.element("th", "Wind-down done", {{"scope", "col"}, {"class", "num"}});
    html.close().close();
    html.open("tbody");
    for (const WeekMeans& week : p.weeks) {
        html.open("tr");
        html.element("th", week_words(week, years), {{"scope", "row"}});
        html.element("td", fmt::format("{} of {}", week.logged, week.nights), {{"class", "num"}});
        // A mean is over the nights with a value: their number is said when it is not all the
        // nights logged.
        for (const Mean* mean : {&week.severity, &week.sleep})
            html.element("td",
                         mean_or_dash(*mean) + (mean->nights > 0 && mean->nights != week.logged
                                                    ? fmt::format(" ({})", mean->nights)
                                                    : ""),
                         {{"class", "num"}});
        // Tonight counts once its wind-down is done, as in the summary.
        const bool tonight_open = !view.stats.today_done &&
                                  days_between(week.from, view.stats.today) >= 0 &&
                                  days_between(view.stats.today, week.to) >= 0;
        html.element("td",
                     fmt::format("{} of {}", week.wind_down, week.nights - (tonight_open ? 1 : 0)),
                     {{"class", "num"}});
        html.close();
    }
    html.close();
    html.close();
    html.close();
}

/// Cautions, each marked, in a list of their own.
void warnings(HtmlWriter& html, const std::vector<std::string>& texts) {
    if (texts.empty()) return;
    html.open("ul", {{"class", "warnings"}});
    for (const std::string& text : texts) {
        html.open("li", {{"class", "warning"}});
        html.element("strong", "Caution:").raw(" ").text(text);
        html.close();
    }
    html.close();
}

void plan(HtmlWriter& html, const ReportView& view) {
    open_section(html, "plan", "Your plan");
    if (!view.has_plan) {
        html.element("p", "There is no [plan] in your config, so the report names no doses and "
                          "compares no supplements.");
        html.element("pre", view.plan_hint);
        html.close();
        return;
    }
    if (view.plan.empty()) {
        html.element("p", "Your [plan] names no supplements.");
        html.close();
        return;
    }
    html.open("table", {{"class", "plan"}});
    html.element("caption", "The supplements of your [plan], with the guide's dose and timing");
    html.open("thead").open("tr");
    for (const char* heading : {"Supplement", "Dose", "Timing"})
        html.element("th", heading, {{"scope", "col"}});
    html.close().close();
    html.open("tbody");
    for (const ReportPlanEntry& entry : view.plan) {
        html.open("tr");
        html.open("td").text(entry.name);
        if (!entry.condition.empty()) {
            html.empty("br");
            html.element("span", entry.condition, {{"class", "muted"}});
        }
        html.close();
        std::string dose;
        for (const std::string& line : entry.dose)
            dose += (dose.empty() ? "" : "; ") + line;
        html.element("td", entry.dose.empty()
                               ? "The guide gives no amount; ask a healthcare provider."
                               : dose);
        html.element("td", entry.timing.empty() ? "\u2013" : entry.timing);
        html.close();
    }
    html.close().close();
    // The plan check's words, so that an upper limit or a caution is never left off the page.
    warnings(html, view.plan_review);
    html.close();
}

void comparison(HtmlWriter& html, const ReportComparison& c) {
    const ComparisonWords& w = c.words;
    html.open("article", {{"class", "comparison"}});
    html.open("h3").text(w.title).raw(" ");
    html.element("span", "\u00B7 " + w.tag, {{"class", "tag"}});
    html.close();
    html.element("p", w.with_means, {{"class", "muted"}});
    html.open("dl", {{"class", "sides"}});
    html.element("dt", "With").element("dd", w.with);
    html.element("dt", "Without").element("dd", w.without);
    if (w.answered)
        html.element("dt", "Difference").element("dd", w.difference, {{"class", "difference"}});
    html.close();
    warnings(html, w.caveats);
    if (w.answered) {
        html.element("p", w.conclusion);
        html.element("p", w.method, {{"class", "muted"}});
    }
    html.close();
}

void comparisons(HtmlWriter& html, const ReportView& view) {
    if (view.comparisons.empty()) return;
    open_section(html, "comparisons", "With and without each supplement of the plan");
    html.element("p",
                 "Over the whole journal, as calmlegs compare shows it. " +
                     std::string(k_severity_scale),
                 {{"class", "muted"}});
    for (const ReportComparison& c : view.comparisons)
        comparison(html, c);
    html.close();
}

/// "ON 12 of 13 nights, OFF 14 of 14", or what is not known yet.
std::string adherence_words(const TrialAdherence& a) {
    auto side = [](int kept, int known) {
        return known == 0 ? std::string("none logged yet")
                          : fmt::format("{} of {}", kept, nights_words(known));
    };
    return "taken on " + side(a.on_kept, a.on_known) + " ON; not taken on " +
           side(a.off_kept, a.off_known) + " OFF";
}

void trial_blocks(HtmlWriter& html, const TrialResult& r) {
    html.open("table", {{"class", "blocks"}});
    html.element("caption", "Each block: its nights, and the means of the nights analysed "
                            "(washout nights left out)");
    html.open("thead").open("tr");
    for (const char* heading : {"Block", "Nights", "", "Analysed", "Severity", "Sleep"})
        html.element("th", heading, {{"scope", "col"}});
    html.close().close();
    html.open("tbody");
    for (const TrialBlock& block : r.blocks) {
        html.open("tr");
        html.element("th", fmt::format("{} (pair {})", block.block + 1, block.pair + 1),
                     {{"scope", "row"}});
        html.element("td", period_words(block.first, block.last));
        html.element("td", block.on ? "ON" : "OFF");
        html.element("td", std::to_string(block.severity_nights));
        html.element("td", block.severity_mean ? one_decimal(*block.severity_mean) : "\u2013");
        html.element("td", block.sleep_mean ? one_decimal(*block.sleep_mean) : "\u2013");
        html.close();
    }
    html.close().close();
}

void trial(HtmlWriter& html, const ReportView& view) {
    if (!view.trial) return;
    const ReportTrial& t = *view.trial;
    const TrialResult& r = t.result;
    const TrialDesign& d = r.trial.design;
    open_section(html, "trial", "Your trial of " + t.name);
    html.element("p", fmt::format("{} pairs of {}-night blocks, {}, each pair ON then OFF or OFF "
                                  "then ON by a fair coin (seed {}); the first {} of each block "
                                  "left out of the analysis as washout.",
                                  d.pairs, d.block, period_words(d.start, trial_end(d)), d.seed,
                                  nights_words(d.washout)));
    const std::string so_far =
        fmt::format("{} of its {} have passed: {} logged, {} not. The schedule was kept: {}.",
                    nights_words(r.elapsed), nights_words(r.nights), r.logged, r.missing,
                    adherence_words(r.adherence));
    switch (r.state) {
    case TrialState::planned:
        html.element("p", "It starts on " + date_words(d.start) + ".");
        break;
    case TrialState::running:
        html.element("p", so_far);
        html.element("p",
                     "Its result is shown once it ends, after " + date_words(trial_end(d)) +
                         ": looking earlier invites stopping on what is only noise.",
                     {{"class", "muted"}});
        break;
    case TrialState::stopped:
        html.element("p", "It was stopped on " + date_words(r.trial.stopped.value_or(d.start)) +
                              ". " + so_far);
        html.element("p",
                     "A stopped trial's partial result is not shown here: calmlegs trial "
                     "result --peek shows it, with its warning.",
                     {{"class", "muted"}});
        break;
    case TrialState::finished:
        html.element("p", t.words.headline, {{"class", "difference"}});
        for (const std::string* line : {&t.words.sleep, &t.words.could_not_tell})
            if (!line->empty()) html.element("p", *line);
        html.open("figure");
        html.raw(render_trial_chart(t));
        html.element("figcaption", "Shaded: ON blocks. Points: each night's severity; hollow: "
                                   "washout nights, left out. Lines: each block's mean.");
        html.close();
        trial_blocks(html, r);
        html.element("p", so_far);
        std::vector<std::string> caveats;
        for (const TrialCaveat& caveat : t.words.caveats)
            caveats.push_back(caveat.text);
        warnings(html, caveats);
        html.element("p", t.words.method, {{"class", "muted"}});
        break;
    }
    html.close();
}

void triggers(HtmlWriter& html, const ReportView& view) {
    open_section(html, "triggers", "Triggers logged, on how many nights");
    if (view.triggers.empty()) {
        html.element("p", "No trigger was logged in these nights.");
        html.close();
        return;
    }
    html.open("ul", {{"class", "triggers"}});
    for (const ReportTrigger& trigger : view.triggers) {
        html.open("li").text(trigger.name).text(": " + nights_words(trigger.nights));
        html.close();
    }
    html.close();
    html.close();
}

void notes(HtmlWriter& html, const ReportView& view) {
    if (view.notes.empty()) return;
    open_section(html, "notes", "Your last notes");
    html.open("ul", {{"class", "notes"}});
    for (const ReportNote& note : view.notes) {
        html.open("li");
        html.element("strong", date_words(note.night) + ":").raw(" ").text(note.text);
        html.close();
    }
    html.close();
    html.close();
}

void questions(HtmlWriter& html, const ReportView& view) {
    if (view.questions.empty()) return;
    open_section(html, "questions", "Questions to raise with your doctor");
    html.element("p",
                 "Signs to tell a doctor about, from calmlegs' content (the guide and current "
                 "clinical sources, as each section says). They are listed for everyone, not "
                 "found in your journal: raise any that apply to you.",
                 {{"class", "muted"}});
    for (const ReportQuestions& group : view.questions) {
        html.open("div", {{"class", "questions-group"}});
        html.element("h3", group.title);
        if (!group.text.empty()) html.element("p", group.text);
        if (!group.items.empty()) {
            html.open("ul");
            for (const std::string& item : group.items)
                html.element("li", item);
            html.close();
        }
        html.close();
    }
    html.close();
}

void nothing_yet(HtmlWriter& html, const ReportView& view) {
    const Progress& p = view.progress;
    const auto& first = view.stats.first_night;
    if (first && days_between(*first, p.from) > 0) {
        // A journal with nights before these: say how to reach them, not how to start.
        open_section(html, "start", "No night logged in these nights");
        html.element("p", "No night is logged from " + period_words(p.from, p.to) +
                              ". The journal begins on " + date_words(*first) +
                              "; a report of all of it:");
        html.element("pre", fmt::format("calmlegs report --html report.html --days {}",
                                        std::min(days_between(*first, p.to) + 1, 36500)));
        html.close();
        return;
    }
    open_section(html, "start", "Nothing to report yet");
    html.element("p", "No night is logged in this period, so there is nothing to chart yet.");
    html.open("p").text("To start: each morning, log the night with ");
    html.element("code", "calmlegs log")
        .text(" (how restless your legs were, how you slept, "
              "what you took); each evening, run the wind-down "
              "with ");
    html.element("code", "calmlegs tonight").text(". After a few weeks, make this report again: ");
    html.element("code", "calmlegs report --html report.html").text(".");
    html.close();
    html.close();
}

void footer(HtmlWriter& html, const ReportView& view) {
    html.open("footer");
    html.element("p", (view.not_advice.empty() ? "" : "calmlegs: " + view.not_advice + " ") +
                          "The figures are one person's own records: they describe these "
                          "nights, not what caused a change.");
    html.close();
}

} // namespace

std::string_view short_month(Date date) {
    static constexpr std::array<std::string_view, 12> months{
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return months[(static_cast<unsigned>(date.month()) + 11) % 12];
}

std::string period_words(Date from, Date to) {
    if (from == to) return date_words(to);
    if (from.year() == to.year() && from.month() == to.month())
        return std::to_string(static_cast<unsigned>(from.day())) + " to " + date_words(to);
    if (from.year() == to.year()) return without_year(from) + " to " + date_words(to);
    return date_words(from) + " to " + date_words(to);
}

bool is_report_page(std::string_view text) {
    return text.starts_with(k_doctype) && text.substr(0, 1024).find(k_generator) != text.npos;
}

std::string render_report_html(const ReportView& view) {
    const Progress& p = view.progress;
    const std::string title = "calmlegs: RLS nights, " + period_words(p.from, p.to);
    HtmlWriter html;
    html.reserve(32768 + p.nights.size() * 160 + p.weeks.size() * 200);
    head(html, title);
    html.open("body");
    html.open("main");
    header(html, view, title);
    if (p.logged == 0) {
        nothing_yet(html, view);
    } else {
        summary(html, view);
        chart(html, view);
        weeks(html, view);
    }
    plan(html, view);
    // The comparisons are the whole journal's: shown whenever it has nights.
    if (view.stats.first_night) comparisons(html, view);
    trial(html, view);
    if (p.logged > 0) {
        triggers(html, view);
        notes(html, view);
    }
    questions(html, view);
    footer(html, view);
    html.close(); // main
    html.close(); // body
    html.close(); // html
    html.raw("\n");
    return html.str();
}

} // namespace calmlegs
