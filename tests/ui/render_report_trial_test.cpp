// The report's trial section: its result and chart only once the trial has finished (before,
// where it stands, as `trial status` says without --peek), the chart's blocks, washout nights
// and means where the layout puts them, and the subject's name escaped.

#include "ui/render_report.h"

#include "support/text_checks.h"

#include <doctest/doctest.h>

#include <fmt/format.h>

using namespace calmlegs;
using calmlegs::test::count_of;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

/// A 2-pair trial of 5-night blocks from Monday 5 January 2026 (20 nights), 1 washout night a
/// block; pair 1 ON first, pair 2 OFF first. Severity 3 on ON nights and 5 on OFF nights, but
/// 10 on each washout night, and night 7 (index 6) not logged.
ReportTrial sample_trial(TrialState state) {
    ReportTrial t;
    t.name = "Mag <b>&</b>";
    TrialResult& r = t.result;
    r.trial.design = {TrialSubject::supplement, "magnesium", 2, 5, 1, date(2026, 1, 5), 7};
    r.state = state;
    r.nights = 20;
    r.elapsed = state == TrialState::finished ? 20 : 8;
    r.logged = r.elapsed - 1;
    r.missing = 1;
    r.adherence = {9, 8, 10, 10};
    const bool on[4] = {true, false, false, true};
    for (int b = 0; b < 4; ++b) {
        TrialBlock block;
        block.block = b;
        block.pair = b / 2;
        block.on = on[b];
        block.first = add_days(r.trial.design.start, b * 5);
        block.last = add_days(block.first, 4);
        block.nights = 5;
        block.severity_nights = b == 1 ? 3 : 4;
        block.severity_mean = on[b] ? 3.0 : 5.0;
        block.sleep_mean = 3.5;
        r.blocks.push_back(block);
    }
    for (int i = 0; i < 20; ++i) {
        const bool washout = i % 5 == 0;
        if (i == 6)
            t.severities.emplace_back();
        else
            t.severities.emplace_back(washout ? 10 : on[i / 5] ? 3 : 5);
    }
    t.words.headline = "In your trial, severity was 2.0 points lower on magnesium nights.";
    t.words.sleep = "Sleep quality was the same.";
    t.words.caveats = {{"few_pairs", "2 pairs can only detect a large effect"}};
    t.words.method = "ON minus OFF per pair";
    return t;
}

ReportView view_with(TrialState state) {
    ReportView view;
    view.generated = date(2026, 2, 1);
    view.progress.from = date(2026, 1, 1);
    view.progress.to = date(2026, 1, 31);
    view.trial = sample_trial(state);
    return view;
}

} // namespace

TEST_CASE("report trial: a finished trial shows its result, its chart, its blocks and caveats") {
    const std::string page = render_report_html(view_with(TrialState::finished));
    REQUIRE(has(page, "<section id=\"trial\""));
    CHECK(has(page, "Your trial of Mag &lt;b&gt;&amp;&lt;/b&gt;"));
    CHECK_FALSE(has(page, "<b>&</b>"));
    CHECK(has(page, "2 pairs of 5-night blocks, 5 to 24 January 2026"));
    CHECK(has(page, "(seed 7)"));
    CHECK(has(page, "In your trial, severity was 2.0 points lower on magnesium nights."));
    CHECK(has(page, "<p>Sleep quality was the same.</p>"));
    CHECK(has(page, "<strong>Caution:</strong> 2 pairs can only detect a large effect"));
    CHECK(has(page, "ON minus OFF per pair"));
    CHECK(has(page, "taken on 8 of 9 nights ON; not taken on 10 of 10 nights OFF"));
    CHECK(count_of(page, "trial-chart\"") == 1);
    // The table: a row per block, with its dates and side.
    CHECK(count_of(page, "<th scope=\"row\">") == 4);
    CHECK(has(page, "<td>10 to 14 January 2026</td><td>OFF</td><td>3</td><td>5.0</td>"));
}

TEST_CASE("report trial: the chart shades ON blocks, hollows washout nights and draws each "
          "block's mean at its height over its analysed nights") {
    const ReportTrial t = sample_trial(TrialState::finished);
    const std::string svg = render_trial_chart(t);
    CHECK(svg.starts_with("<svg"));
    CHECK(count_of(svg, "<rect class=\"on-block\"") == 2);
    // 19 nights logged: 4 washout, 15 analysed.
    CHECK(count_of(svg, "<circle class=\"washout\"") == 4);
    CHECK(count_of(svg, "<circle class=\"night\"") == 15);
    CHECK(count_of(svg, "class=\"mean-on\"") == 2);
    CHECK(count_of(svg, "class=\"mean-off\"") == 2);
    // 20 nights over 626 units from x 44: night i at 44 + (i + 0.5) * 31.3 (a value ending in
    // 5 at the second decimal is printed as its nearest double rounds). The plot's 130 units
    // hold 0 to 10 from y 154 up: severity 3 at 154 - 39 = 115, 5 at 89, 10 at 24.
    // Block 1 (ON) analyses indices 1 to 4: its mean line from 90.95 - 3 to 184.85 + 3.
    CHECK(has(svg, "<line class=\"mean-on\" x1=\"88.0\" x2=\"187.8\" y1=\"115.0\" "
                   "y2=\"115.0\"/>"));
    CHECK(has(svg, "<circle class=\"washout\" cx=\"59.6\" cy=\"24.0\""));  // index 0
    CHECK(has(svg, "<circle class=\"washout\" cx=\"216.2\" cy=\"24.0\"")); // index 5
    CHECK(has(svg, "<circle class=\"night\" cx=\"278.8\" cy=\"89.0\""));   // index 7, OFF
    CHECK_FALSE(has(svg, "cx=\"247.4\""));                                 // index 6 was not logged
    CHECK(has(svg, "Block 2 (OFF): mean 5.0 over 3 nights."));
    CHECK(has(svg, ">Pair 1<"));
    CHECK(has(svg, ">Pair 2<"));
}

TEST_CASE("report trial: before its end, or stopped, no result and no chart (no peeking)") {
    for (const TrialState state : {TrialState::running, TrialState::stopped}) {
        CAPTURE(to_string(state));
        ReportView view = view_with(state);
        if (state == TrialState::stopped) view.trial->result.trial.stopped = date(2026, 1, 13);
        const std::string page = render_report_html(view);
        REQUIRE(has(page, "<section id=\"trial\""));
        CHECK_FALSE(has(page, "points lower"));
        CHECK_FALSE(has(page, "trial-chart"));
        CHECK_FALSE(has(page, "<th scope=\"row\">"));
        CHECK_FALSE(has(page, "Caution:</strong> 2 pairs"));
        CHECK(has(page, "8 nights of its 20 nights have passed: 7 logged, 1 not."));
        if (state == TrialState::running)
            CHECK(has(page, "Its result is shown once it ends, after 24 January 2026"));
        else
            CHECK(has(page, "It was stopped on 13 January 2026. "));
    }
    ReportView planned = view_with(TrialState::planned);
    CHECK(has(render_report_html(planned), "It starts on 5 January 2026."));
    ReportView none = view_with(TrialState::finished);
    none.trial.reset();
    CHECK_FALSE(has(render_report_html(none), "id=\"trial\""));
}
