// The report's trial: where the person's latest n-of-1 trial stands, and once it has finished,
// its result in `calmlegs trial result`'s words and a chart of its blocks.

#include "ui/html.h"
#include "ui/journal_words.h"
#include "ui/render_report.h"

#include <fmt/format.h>

namespace calmlegs {
namespace {

// The chart's geometry, in SVG user units (as the night-by-night chart: 680 wide).
constexpr double k_width = 680, k_height = 210;
constexpr double k_left = 44, k_plot_width = 626;
constexpr double k_top = 24, k_plot_height = 130;
constexpr double k_bottom = k_top + k_plot_height;

// The night-by-night chart's colours (report_chart), and a light shade behind ON blocks.
using report_chart::k_grid_colour;
using report_chart::k_marker_colour;
using report_chart::k_mean_colour;
using report_chart::k_text_colour;
constexpr std::string_view k_point_colour = report_chart::k_severity_colour;
constexpr std::string_view k_on_shade = "#e3ecf7";

std::string num(double value) {
    return fmt::format("{:.1f}", value);
}

double severity_y(double severity) {
    return k_bottom - severity * k_plot_height / k_severity_max;
}

/// Night `index` of `count`, centred in its slot.
double night_x(int index, int count) {
    return k_left + (index + 0.5) * k_plot_width / count;
}

std::string chart_description(const ReportTrial& trial) {
    const TrialResult& r = trial.result;
    std::string text = fmt::format(
        "RLS severity from 0 (none) to 10 (worst) on each night of the trial of {}, {} pairs of "
        "{}-night blocks from {}; shaded blocks are ON ({} taken), the others OFF. Hollow points "
        "are washout nights, left out of the analysis. A line marks each block's mean.",
        trial.name, r.trial.design.pairs, r.trial.design.block,
        period_words(r.trial.design.start, trial_end(r.trial.design)), trial.name);
    for (const TrialBlock& block : r.blocks)
        text += fmt::format(" Block {} ({}): {}.", block.block + 1, block.on ? "ON" : "OFF",
                            block.severity_mean ? "mean " + one_decimal(*block.severity_mean) +
                                                      " over " + nights_words(block.severity_nights)
                                                : std::string("no severity logged"));
    return text;
}

void block_frames(HtmlWriter& svg, const TrialResult& r, int count) {
    const double slot = k_plot_width / count;
    for (const TrialBlock& block : r.blocks) {
        const int first = block.block * r.trial.design.block;
        const double x = k_left + first * slot;
        const double wide = r.trial.design.block * slot;
        if (block.on)
            svg.empty("rect", {{"class", "on-block"},
                               {"x", num(x)},
                               {"y", num(k_top)},
                               {"width", num(wide)},
                               {"height", num(k_plot_height)},
                               {"fill", k_on_shade}});
        svg.element("text", block.on ? "ON" : "OFF",
                    {{"x", num(x + wide / 2)},
                     {"y", num(k_top - 8)},
                     {"text-anchor", "middle"},
                     {"font-weight", block.on ? "bold" : "normal"}});
        if (block.block % 2 == 0)
            svg.element(
                "text", fmt::format("Pair {}", block.pair + 1),
                {{"x", num(x + wide)}, {"y", num(k_bottom + 16)}, {"text-anchor", "middle"}});
        if (block.block > 0)
            svg.empty("line", {{"x1", num(x)},
                               {"x2", num(x)},
                               {"y1", num(k_top)},
                               {"y2", num(k_bottom)},
                               {"stroke", k_marker_colour},
                               {"stroke-width", block.block % 2 == 0 ? "1.5" : "0.5"}});
    }
}

void grid(HtmlWriter& svg) {
    svg.open("g", {{"class", "grid"}, {"stroke", k_grid_colour}, {"stroke-width", "1"}});
    for (int s = k_severity_min; s <= k_severity_max; s += 2)
        svg.empty("line", {{"x1", num(k_left)},
                           {"x2", num(k_left + k_plot_width)},
                           {"y1", num(severity_y(s))},
                           {"y2", num(severity_y(s))}});
    svg.close();
    svg.open("g", {{"class", "axis-labels"}, {"text-anchor", "end"}});
    for (const int s : {0, 5, 10})
        svg.element("text", std::to_string(s),
                    {{"x", num(k_left - 6)}, {"y", num(severity_y(s) + 4)}});
    svg.close();
    svg.element("text", "Severity",
                {{"class", "axis-name"},
                 {"text-anchor", "middle"},
                 {"transform",
                  fmt::format("translate(12 {}) rotate(-90)", num(k_top + k_plot_height / 2))}});
}

void block_means(HtmlWriter& svg, const TrialResult& r, int count) {
    const TrialDesign& d = r.trial.design;
    svg.open("g", {{"class", "block-means"}, {"stroke", k_mean_colour}, {"stroke-width", "2.5"}});
    for (const TrialBlock& block : r.blocks) {
        if (!block.severity_mean) continue;
        const int first = block.block * d.block + d.washout;
        const int last = (block.block + 1) * d.block - 1;
        const double y = severity_y(*block.severity_mean);
        svg.empty("line", {{"class", block.on ? "mean-on" : "mean-off"},
                           {"x1", num(night_x(first, count) - 3)},
                           {"x2", num(night_x(last, count) + 3)},
                           {"y1", num(y)},
                           {"y2", num(y)}});
    }
    svg.close();
}

void night_points(HtmlWriter& svg, const ReportTrial& trial, int count) {
    const TrialDesign& d = trial.result.trial.design;
    svg.open("g", {{"class", "points"}, {"stroke", k_point_colour}, {"stroke-width", "1.5"}});
    for (int i = 0; i < count && i < static_cast<int>(trial.severities.size()); ++i) {
        const auto& severity = trial.severities[static_cast<std::size_t>(i)];
        if (!severity) continue;
        const bool washout = i % d.block < d.washout;
        svg.empty("circle", {{"class", washout ? "washout" : "night"},
                             {"cx", num(night_x(i, count))},
                             {"cy", num(severity_y(*severity))},
                             {"r", "3"},
                             {"fill", washout ? "#ffffff" : k_point_colour}});
    }
    svg.close();
}

void legend(HtmlWriter& svg) {
    const double y = k_height - 10;
    svg.empty("rect", {{"x", num(k_left)},
                       {"y", num(y - 9)},
                       {"width", "12"},
                       {"height", "10"},
                       {"fill", k_on_shade},
                       {"stroke", k_marker_colour},
                       {"stroke-width", "0.5"}});
    svg.element("text", "ON block", {{"x", num(k_left + 16)}, {"y", num(y)}});
    double x = k_left + 80;
    svg.empty("circle", {{"cx", num(x + 4)},
                         {"cy", num(y - 4)},
                         {"r", "3"},
                         {"fill", k_point_colour},
                         {"stroke", k_point_colour}});
    svg.element("text", "a night", {{"x", num(x + 12)}, {"y", num(y)}});
    x += 70;
    svg.empty("circle", {{"cx", num(x + 4)},
                         {"cy", num(y - 4)},
                         {"r", "3"},
                         {"fill", "#ffffff"},
                         {"stroke", k_point_colour},
                         {"stroke-width", "1.5"}});
    svg.element("text", "a washout night (left out)", {{"x", num(x + 12)}, {"y", num(y)}});
    x += 170;
    svg.empty("line", {{"x1", num(x)},
                       {"x2", num(x + 16)},
                       {"y1", num(y - 4)},
                       {"y2", num(y - 4)},
                       {"stroke", k_mean_colour},
                       {"stroke-width", "2.5"}});
    svg.element("text", "the block's mean", {{"x", num(x + 20)}, {"y", num(y)}});
}

} // namespace

std::string render_trial_chart(const ReportTrial& trial) {
    const TrialResult& r = trial.result;
    const int count = trial_length(r.trial.design);
    HtmlWriter svg;
    svg.reserve(4096 + static_cast<std::size_t>(count) * 120);
    svg.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                     {"class", "chart trial-chart"},
                     {"viewBox", fmt::format("0 0 {:g} {:g}", k_width, k_height)},
                     {"width", fmt::format("{:g}", k_width)},
                     {"height", fmt::format("{:g}", k_height)},
                     {"role", "img"},
                     {"aria-labelledby", "trial-chart-title trial-chart-desc"},
                     {"font-family", "system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif"},
                     {"font-size", "10"},
                     {"fill", k_text_colour}});
    svg.element("title", "RLS severity in each block of the trial of " + trial.name,
                {{"id", "trial-chart-title"}});
    svg.element("desc", chart_description(trial), {{"id", "trial-chart-desc"}});
    block_frames(svg, r, count);
    grid(svg);
    block_means(svg, r, count);
    night_points(svg, trial, count);
    legend(svg);
    svg.close();
    return svg.str();
}

} // namespace calmlegs
