// The report's page and data: every section in order, the chart's points where the layout puts
// them, gaps left as gaps, what was read from the journal escaped, a page that is well-formed
// markup with no script, and the same report as JSON.

#include "ui/render_report.h"

#include "journal/json_value.h"
#include "ui/html.h"

#include "support/text_checks.h"

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

using namespace calmlegs;
using calmlegs::test::count_of;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

constexpr std::string_view k_hostile_note = "<script>alert(1)</script> then </svg> & 'more'";
constexpr std::string_view k_hostile_trigger = "<b>late & \"loud\"</b>";

// The period: Monday 2 March to Sunday 15 March 2026, 14 nights. Logged: the first 5 and the
// last 6 (the 10th without a severity); not logged: the 6th to the 8th.
const std::optional<int> k_severity[14] = {6, 7, 5, 6, 8, {}, {}, {}, 4, {}, 4, 2, 3, 3};
const std::optional<int> k_sleep[14] = {2, 3, 2, 3, 1, {}, {}, {}, 3, 4, 3, 4, 4, 5};

/// A hand-made report: the nights above, the 7-night means only on nights 4-7 and 11-14 of
/// severity (two runs) and on nights 4-7 and 13 of sleep (a run and a lone night), magnesium
/// started on the 9th night.
ReportView sample_view() {
    ReportView view;
    view.generated = date(2026, 3, 16);
    Progress& p = view.progress;
    p.from = date(2026, 3, 2);
    p.to = date(2026, 3, 15);
    for (int i = 0; i < 14; ++i) {
        ProgressNight night;
        night.date = add_days(p.from, i);
        night.logged = k_severity[i] || k_sleep[i];
        night.severity = k_severity[i];
        night.sleep = k_sleep[i];
        if ((i >= 3 && i <= 6) || i >= 10) night.severity_mean = 5.0 + i * 0.1;
        if ((i >= 3 && i <= 6) || i == 12) night.sleep_mean = 2.5;
        night.wind_down = i % 2 == 0;
        p.nights.push_back(night);
        p.logged += night.logged ? 1 : 0;
        p.wind_down += night.wind_down ? 1 : 0;
    }
    p.severity = {10, 4.8};
    p.sleep = {11, 3.1};
    p.plan = {"magnesium"};
    p.changes = {{"magnesium", date(2026, 3, 10), true}};
    p.triggers = {{"own-late", 3}, {"caffeine", 1}};
    p.weeks = {{date(2026, 3, 2), date(2026, 3, 8), 7, 5, 4, {5, 6.4}, {5, 2.2}},
               {date(2026, 3, 9), date(2026, 3, 15), 7, 6, 3, {5, 3.2}, {6, 3.8}}};
    view.stats.today = date(2026, 3, 15);
    view.stats.first_night = date(2026, 3, 2);
    view.stats.current_streak = 1;
    view.stats.today_done = true;
    view.stats.longest_streak = 3;
    view.stats.longest_from = date(2026, 3, 4);
    view.stats.longest_to = date(2026, 3, 6);
    view.wind_down_nights = 14;
    view.has_plan = true;
    view.plan = {{"magnesium", "Magnesium", "", {"200–400 mg"}, "Before bed"}};
    ReportComparison c;
    c.comparison.subject = {SubjectKind::supplement, "magnesium", "Magnesium"};
    c.comparison.with = {5, 3.2, 0.8};
    c.comparison.without = {5, 6.4, 1.1};
    c.comparison.too_few = true;
    c.comparison.method = std::string(k_interval_method);
    c.words = comparison_words(c.comparison, [](std::string_view id) { return std::string(id); });
    view.comparisons = {c};
    view.triggers = {{"own-late", std::string(k_hostile_trigger), 3},
                     {"caffeine", "Caffeine after noon", 1}};
    view.questions = {{"Urgent: one swollen, painful leg", "Get help the same day.", {}},
                      {"See a doctor when", "", {"You are pregnant.", "A child has them."}}};
    view.notes = {{date(2026, 3, 14), std::string(k_hostile_note)}};
    view.not_advice = "Not medical advice.";
    return view;
}

/// Checks that `page` is well-formed markup as an XML parser reads it: each element closed in
/// order (or closed by "/>"), attributes quoted, each '&' a character reference, no '<' in
/// text; returns what is wrong, or "" when nothing is.
std::string markup_problem(const std::string& page) {
    std::vector<std::string> open;
    std::size_t i = 0;
    auto reference_ok = [&](std::size_t at) {
        const auto end = page.find(';', at);
        if (end == std::string::npos || end - at > 8) return false;
        const std::string name = page.substr(at + 1, end - at - 1);
        return name == "amp" || name == "lt" || name == "gt" || name == "quot" ||
               (name.size() > 1 && name[0] == '#' &&
                std::all_of(name.begin() + 1, name.end(), ::isdigit));
    };
    while (i < page.size()) {
        const char c = page[i];
        if (c == '&' && !reference_ok(i)) return "a bare & at " + std::to_string(i);
        if (c != '<') {
            ++i;
            continue;
        }
        if (page.compare(i, 2, "<!") == 0) { // the doctype
            i = page.find('>', i) + 1;
            continue;
        }
        const auto end = page.find('>', i);
        if (end == std::string::npos) return "an unclosed tag";
        const std::string tag = page.substr(i + 1, end - i - 1);
        if (tag.find('<') != std::string::npos) return "a '<' inside a tag: " + tag;
        if (tag.starts_with("/")) {
            if (open.empty() || open.back() != tag.substr(1))
                return "</" + tag.substr(1) + "> closes " +
                       (open.empty() ? "nothing" : open.back());
            open.pop_back();
        } else {
            const std::string name = tag.substr(0, tag.find_first_of(" /"));
            // Every attribute quoted: outside quotes, each '=' is followed by '"'.
            bool quoted = false;
            for (std::size_t k = 0; k < tag.size(); ++k) {
                if (tag[k] == '"') quoted = !quoted;
                if (tag[k] == '=' && !quoted && (k + 1 >= tag.size() || tag[k + 1] != '"'))
                    return "an unquoted attribute in <" + tag + ">";
            }
            if (!tag.ends_with("/")) open.push_back(name);
            if (name == "style") { // its text: CSS with no markup in it
                const auto close = page.find("</style>", end);
                if (page.substr(end + 1, close - end - 1).find('<') != std::string::npos)
                    return "a '<' in the style sheet";
                i = close;
                continue;
            }
        }
        i = end + 1;
    }
    return open.empty() ? "" : "<" + open.back() + "> left open";
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string number(double value) {
    return fmt::format("{:.1f}", value);
}

} // namespace

TEST_CASE("html_escape: markup characters as references, control characters made visible") {
    CHECK(html_escape("a < b & c > \"d\" 'e'") ==
          "a &lt; b &amp; c &gt; &quot;d&quot; &#39;e&#39;");
    CHECK(html_escape("bell\a esc\x1b[31m\ttab") == "bell^G esc^[[31m^Itab");
    CHECK(html_escape("two\nlines") == "two\nlines");
    CHECK(html_escape("caf\xC3\xA9 \xEF\xBF\xBF") == "caf\xC3\xA9 \xEF\xBF\xBD");
    CHECK(html_escape("\xFF") == "\\xFF");
    HtmlWriter html;
    html.open("p", {{"title", "<\"x\">"}}).text("<script>").empty("br").close();
    CHECK(html.str() == "<p title=\"&lt;&quot;x&quot;&gt;\">&lt;script&gt;<br/></p>");
    CHECK(html.depth() == 0);
}

TEST_CASE("period_words: the year once when both ends share it") {
    CHECK(period_words(date(2026, 9, 3), date(2026, 12, 1)) == "3 September to 1 December 2026");
    CHECK(period_words(date(2025, 12, 30), date(2026, 1, 2)) ==
          "30 December 2025 to 2 January 2026");
    CHECK(period_words(date(2026, 12, 1), date(2026, 12, 1)) == "1 December 2026");
    CHECK(period_words(date(2026, 3, 2), date(2026, 3, 15)) == "2 to 15 March 2026");
}

TEST_CASE("render_report_html: a self-contained page with every section, in order") {
    const std::string page = render_report_html(sample_view());
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(has(page, "<meta charset=\"utf-8\"/>"));
    CHECK(has(page, "name=\"viewport\""));
    CHECK(has(page, "content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; "
                    "img-src data:\""));
    CHECK(has(page, "<title>calmlegs: RLS nights, 2 to 15 March 2026</title>"));
    CHECK(has(page, "<h1>calmlegs: RLS nights, 2 to 15 March 2026</h1>"));
    CHECK(
        has(page,
            "<p>The 14 nights from 2 to 15 March 2026: 11 logged. <span class=\"muted\">Made on 16 "
            "March 2026 with calmlegs.</span></p>"));
    CHECK(count_of(page, "<style>") == 1);
    // Nothing runs and nothing is fetched.
    CHECK_FALSE(has(lower(page), "<script"));
    CHECK_FALSE(has(lower(page), "javascript:"));
    CHECK_FALSE(has(page, "url("));
    CHECK_FALSE(has(page, "@import"));
    CHECK_FALSE(has(page, "src="));
    CHECK_FALSE(has(page, "href="));
    CHECK(markup_problem(page) == "");

    const std::vector<std::string_view> order = {
        "<h2 id=\"summary-heading\">Summary</h2>",
        "<svg ",
        "<table class=\"weeks\">",
        "<h2 id=\"plan-heading\">Your plan</h2>",
        "<h2 id=\"comparisons-heading\">",
        "<h2 id=\"triggers-heading\">Triggers logged, on how many nights</h2>",
        "<h2 id=\"notes-heading\">",
        "<h2 id=\"questions-heading\">Questions to raise with your doctor</h2>",
        "<footer>"};
    std::size_t at = 0;
    for (const auto part : order) {
        CAPTURE(part);
        const auto found = page.find(part, at);
        REQUIRE(found != std::string::npos);
        at = found;
    }
    // The figures, each with its nights.
    CHECK(has(page, "mean 4.8 over 10 nights"));
    CHECK(has(page, "mean 3.1 over 11 nights"));
    CHECK(has(page, "7 of 14 nights (50%)"));
    CHECK(has(page, "<dt>Wind-down streak</dt><dd>1 night in a row, tonight included</dd>"));
    CHECK(has(page, "<dt>Longest streak</dt><dd>3 nights, 4 to 6 March 2026 <span "
                    "class=\"muted\">(whole journal)</span></dd>"));
    // A week's mean says its nights when fewer than those logged have the figure: the second
    // week has 6 logged, 5 with a severity and 6 with a sleep quality.
    CHECK(has(page, "<td class=\"num\">6 of 7</td><td class=\"num\">3.2 (5)</td><td "
                    "class=\"num\">3.8</td>"));
    CHECK(has(page, "<td class=\"num\">5 of 7</td><td class=\"num\">6.4</td><td "
                    "class=\"num\">2.2</td>"));
    // The plan with its dose, and the comparison's warning in the terminal's words.
    CHECK(has(page, "<td>Magnesium</td><td>200–400 mg</td><td>Before bed</td>"));
    CHECK(has(page, html_escape(sample_view().comparisons[0].words.caveats.at(0))));
    CHECK(has(page, "Too few nights to tell: 5 with, 5 without; at least 7 on each side are "
                    "needed."));
    CHECK(has(page, "Urgent: one swollen, painful leg"));
    CHECK(has(page, "<li>A child has them.</li>"));
    CHECK(has(page, "Not medical advice."));
}

TEST_CASE("render_report_html: what the journal and config hold is shown as text") {
    const std::string page = render_report_html(sample_view());
    CHECK(has(page, "&lt;script&gt;alert(1)&lt;/script&gt; then &lt;/svg&gt; &amp; "
                    "&#39;more&#39;"));
    CHECK_FALSE(has(page, k_hostile_note));
    CHECK_FALSE(has(page, "<script>"));
    CHECK(count_of(page, "</svg>") == 1);
    CHECK(has(page, "&lt;b&gt;late &amp; &quot;loud&quot;&lt;/b&gt;: 3 nights"));
    CHECK_FALSE(has(page, "<b>"));
}

TEST_CASE("render_report_chart: the description's weeks have 4 or more nights with a severity") {
    ReportView view = sample_view();
    view.progress.weeks[0].severity = {3, 6.4}; // too few to stand for the first week
    CHECK(has(render_report_chart(view), "Mean severity was 3.2 over 5 nights in the one week "
                                         "with 4 or more nights with one (9 to 15 March 2026)."));
    view.progress.weeks[1].severity = {2, 3.2};
    CHECK(has(render_report_chart(view), "Mean severity was 4.8 over 10 nights; no week had 4 "
                                         "or more nights with one."));
}

TEST_CASE("render_report_chart: points where the layout puts them, gaps as gaps") {
    using namespace report_chart;
    const ReportView view = sample_view();
    const std::string svg = render_report_chart(view);
    CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(has(svg, "viewBox=\"0 0 680 264\" width=\"680\" height=\"264\" role=\"img\" "
                   "aria-labelledby=\"chart-title chart-desc\""));
    CHECK(has(svg, "<title id=\"chart-title\">"));
    CHECK(has(svg, "<desc id=\"chart-desc\">"));
    CHECK(has(svg, "Mean severity was 6.4 over 5 nights in the first week with 4 or more nights "
                   "with one (2 to 8 March 2026) and 3.2 over 5 nights in the last (9 to 15 "
                   "March 2026)."));
    CHECK(has(svg, "Magnesium started on 10 March 2026"));
    CHECK(markup_problem(svg) == "");

    // One solid point a night with a value, at x = left + (i + 0.5) * width / 14.
    const int nights = 14;
    auto x_of = [&](int i) { return k_plot_left + (i + 0.5) * k_plot_width / nights; };
    int severities = 0, sleeps = 0;
    for (int i = 0; i < nights; ++i) {
        CAPTURE(i);
        const double y_severity =
            k_severity_bottom - k_severity[i].value_or(0) * k_severity_height / 10;
        const std::string severity_point =
            fmt::format("<circle class=\"severity\" cx=\"{}\" cy=\"{}\" r=\"3.0\"/>",
                        number(x_of(i)), number(y_severity));
        CHECK(has(svg, severity_point) == k_severity[i].has_value());
        severities += k_severity[i] ? 1 : 0;
        const double y_sleep = k_sleep_bottom - (k_sleep[i].value_or(1) - 1) * k_sleep_height / 4;
        CHECK(has(svg, fmt::format("<circle class=\"sleep\" cx=\"{}\" cy=\"{}\"", number(x_of(i)),
                                   number(y_sleep))) == k_sleep[i].has_value());
        sleeps += k_sleep[i] ? 1 : 0;
        // A night not logged has no mark at all.
        if (!view.progress.nights[static_cast<std::size_t>(i)].logged)
            CHECK_FALSE(has(svg, "cx=\"" + number(x_of(i)) + "\""));
    }
    CHECK(count_of(svg, "<circle class=\"severity\"") == severities);
    CHECK(count_of(svg, "<circle class=\"sleep\"") == sleeps);
    CHECK(severities == 10);

    // The means break where a night has none: severity in two pieces, and the first runs
    // through nights 4 to 7 (indices 3 to 6) only.
    CHECK(count_of(svg, "<polyline class=\"severity-mean\"") == 2);
    CHECK(count_of(svg, "<polyline class=\"sleep-mean\"") == 2);
    // A lone night with a mean is a short dash about its point.
    const double sleep_mean_y = k_sleep_bottom - 1.5 * k_sleep_height / 4;
    CHECK(has(svg, fmt::format("<polyline class=\"sleep-mean\" points=\"{},{} {},{}\"/>",
                               number(x_of(12) - 2), number(sleep_mean_y), number(x_of(12) + 2),
                               number(sleep_mean_y))));
    const double mean_y = k_severity_bottom - 5.3 * k_severity_height / 10;
    CHECK(has(svg, fmt::format("<polyline class=\"severity-mean\" points=\"{},{} ", number(x_of(3)),
                               number(mean_y))));
    const auto first = svg.find("<polyline class=\"severity-mean\"");
    const std::string piece = svg.substr(first, svg.find("/>", first) - first);
    CHECK(count_of(piece, ",") == 4);

    // The start of magnesium: a dashed line through both panels at its night, and a label.
    CHECK(has(svg, fmt::format("<line class=\"change\" x1=\"{0}\" x2=\"{0}\"", number(x_of(8)))));
    CHECK(has(svg, "\u25B2 Magnesium</text>"));
}

TEST_CASE("render_report_chart: a long period keeps every point and line inside the plot") {
    using namespace report_chart;
    ReportView view;
    Progress& p = view.progress;
    p.from = date(2016, 12, 4);
    p.to = date(2026, 12, 1);
    const int count = days_between(p.from, p.to) + 1;
    for (int i = 0; i < count; ++i) {
        ProgressNight night;
        night.date = add_days(p.from, i);
        night.logged = true;
        night.severity = i % 11;
        night.sleep = 1 + i % 5;
        night.severity_mean = 5;
        night.sleep_mean = 3;
        p.nights.push_back(night);
    }
    p.logged = count;
    const std::string svg = render_report_chart(view);
    CHECK(count_of(svg, "<circle class=\"severity\"") == count);
    CHECK(has(svg, "r=\"2.0\""));
    // One line each, its x rising night by night from the first night's to the last's.
    for (const char* mean : {"severity-mean", "sleep-mean"}) {
        CAPTURE(mean);
        const std::string start = fmt::format("<polyline class=\"{}\" points=\"", mean);
        REQUIRE(count_of(svg, start) == 1);
        const auto from = svg.find(start) + start.size();
        std::istringstream points(svg.substr(from, svg.find('"', from) - from));
        std::vector<double> xs;
        for (std::string point; points >> point;)
            xs.push_back(std::stod(point.substr(0, point.find(','))));
        REQUIRE(xs.size() == static_cast<std::size_t>(count));
        CHECK(std::is_sorted(xs.begin(), xs.end()));
        CHECK(xs.front() >= k_plot_left);
        CHECK(xs.back() <= k_plot_left + k_plot_width);
    }
    // The dates are years, at most 9 of them.
    const auto dates = svg.find("<g class=\"dates\"");
    const std::string labels = svg.substr(dates, svg.find("</g>", dates) - dates);
    CHECK(has(labels, ">2020</text>"));
    CHECK(count_of(labels, "</text>") >= 4);
    CHECK(count_of(labels, "</text>") <= 9);
}

TEST_CASE("render_report_html: no night logged says how to start, with no chart") {
    ReportView view;
    view.generated = date(2026, 3, 8);
    view.progress.from = view.progress.to = date(2026, 3, 8);
    ProgressNight night;
    night.date = date(2026, 3, 8);
    view.progress.nights = {night};
    view.plan_hint = "Add what you take to config.toml, e.g.:\n  [plan]\n";
    view.not_advice = "Not medical advice.";
    const std::string page = render_report_html(view);
    CHECK(markup_problem(page) == "");
    CHECK(has(page, "Nothing to report yet"));
    CHECK(has(page, "<code>calmlegs log</code>"));
    CHECK(has(page, "<code>calmlegs tonight</code>"));
    CHECK(has(page, "The night of 8 March 2026: not logged."));
    CHECK_FALSE(has(page, "<svg"));
    CHECK_FALSE(has(page, "<table"));
    CHECK(has(page, "There is no [plan] in your config"));
    CHECK(has(page, "<pre>Add what you take to config.toml, e.g.:\n  [plan]\n</pre>"));
}

TEST_CASE("write_report_json: the page's data, read back by the JSON reader") {
    JsonWriter json;
    write_report_json(json, sample_view());
    JsonError error;
    const auto root = parse_json(json.str(), error);
    REQUIRE_MESSAGE(root, error.message);
    CHECK(root->find("period")->find("from")->text == "2026-03-02");
    CHECK(root->find("period")->find("to")->text == "2026-03-15");
    CHECK(root->find("period")->find("nights")->text == "14");
    CHECK(root->find("nights_logged")->text == "11");
    CHECK(root->find("stats")->find("current_streak")->text == "1");
    CHECK(root->find("progress")->find("nights")->items.size() == 14);
    const JsonValue& plan = root->find("plan")->items.at(0);
    CHECK(plan.find("name")->text == "Magnesium");
    CHECK(plan.find("dose")->items.at(0).text == "200–400 mg");
    CHECK(plan.find("timing")->text == "Before bed");
    const JsonValue& c = root->find("comparisons")->items.at(0);
    CHECK(c.find("comparison")->find("too_few")->boolean);
    CHECK(c.find("words")->find("caveats")->items.at(0).text.starts_with("Too few nights"));
    CHECK(c.find("words")->find("conclusion")->kind == JsonValue::Kind::null);
    const JsonValue& trigger = root->find("triggers")->items.at(0);
    CHECK(trigger.find("name")->text == k_hostile_trigger);
    CHECK(trigger.find("nights")->text == "3");
    CHECK(root->find("notes")->items.at(0).find("text")->text == k_hostile_note);
    CHECK(root->find("doctor_questions")->items.at(1).find("items")->items.size() == 2);
}

TEST_CASE("comparison_words: the terminal's sentences, answered or not") {
    Comparison c;
    c.subject = {SubjectKind::supplement, "magnesium", "Magnesium"};
    c.with = {21, 3.1, 1.2};
    c.without = {30, 4.6, 1.4};
    c.difference = -1.5;
    c.low = -2.2;
    c.high = -0.8;
    c.df = 46.3;
    c.method = std::string(k_interval_method);
    const ComparisonWords words =
        comparison_words(c, [](std::string_view id) { return std::string(id); });
    CHECK(words.answered);
    CHECK(words.tag == "supplement, by RLS severity");
    CHECK(words.with == "mean 3.1 over 21 nights (sd 1.2)");
    CHECK(words.difference == "-1.5 (with minus without); 95% interval -2.2 to -0.8");
    CHECK(words.caveats.empty());
    CHECK(words.conclusion.starts_with("Nights with it had lower severity, by 1.5 on average"));
    CHECK(words.method == "Method: Welch t-interval, 95% (46.3 degrees of freedom), over the "
                          "nights with a severity logged.");
    c.too_few = true;
    const ComparisonWords few =
        comparison_words(c, [](std::string_view id) { return std::string(id); });
    CHECK_FALSE(few.answered);
    CHECK(few.difference.empty());
    CHECK(few.conclusion.empty());
    CHECK(few.caveats.size() == 1);
}
