// The report's chart: severity and sleep quality night by night, their 7-night means and the
// plan's starts and stops, as one inline SVG that reads without the page's style sheet.

#include "ui/html.h"
#include "ui/render_report.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>

#include <fmt/format.h>

namespace calmlegs {
namespace {

using namespace report_chart;

double night_x(int index, int count) {
    return k_plot_left + (index + 0.5) * k_plot_width / count;
}

double severity_y(double severity) {
    return k_severity_bottom - severity * k_severity_height / k_severity_max;
}

double sleep_y(double sleep) {
    return k_sleep_bottom - (sleep - k_sleep_min) * k_sleep_height / (k_sleep_max - k_sleep_min);
}

/// A label under the x axis: the night it marks and its text.
struct Tick {
    int index = 0;
    std::string text;
};

/// The dates to label: every night of a short period, Mondays of a few weeks, or the first of
/// every month (or every few months, or years) of a long one: never more than 9 labels.
std::vector<Tick> date_ticks(const std::vector<ProgressNight>& nights) {
    const auto count = static_cast<int>(nights.size());
    std::vector<Tick> ticks;
    auto day_month = [](Date date) {
        return fmt::format("{} {}", static_cast<unsigned>(date.day()), short_month(date));
    };
    if (count <= 9) {
        for (int i = 0; i < count; ++i)
            ticks.push_back({i, day_month(nights[i].date)});
        return ticks;
    }
    if (count <= 9 * 7 * 2) {
        const int step = count <= 9 * 7 ? 1 : 2; // weeks
        int mondays = 0;
        for (int i = 0; i < count; ++i)
            if (weekday_of(nights[i].date) == std::chrono::Monday && mondays++ % step == 0)
                ticks.push_back({i, day_month(nights[i].date)});
        return ticks;
    }
    // Months: a step that leaves at most 9 labels.
    const int months = count / 30 + 1;
    int step = 1;
    for (const int candidate : {1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200})
        if ((step = candidate) * 9 >= months) break;
    bool first = true;
    for (int i = 0; i < count; ++i) {
        const Date date = nights[i].date;
        const unsigned month = static_cast<unsigned>(date.month()) - 1;
        if (date.day() != std::chrono::day{1}) continue;
        const long total = static_cast<long>(static_cast<int>(date.year())) * 12 + month;
        if (total % step != 0) continue;
        const std::string year = std::to_string(static_cast<int>(date.year()));
        if (step >= 12)
            ticks.push_back({i, year});
        else
            ticks.push_back({i, first || month == 0 ? std::string(short_month(date)) + " " + year
                                                    : std::string(short_month(date))});
        first = false;
    }
    return ticks;
}

void number(std::string& out, double value) {
    fmt::format_to(std::back_inserter(out), "{:.1f}", value);
}

/// The means as polylines, one per run of nights that have one: a night without a mean
/// breaks the line, which is never drawn through it nor down to 0.
void mean_lines(std::string& out, const std::vector<ProgressNight>& nights,
                std::optional<double> ProgressNight::*mean, double (*y_of)(double),
                std::string_view css_class) {
    const auto count = static_cast<int>(nights.size());
    int i = 0;
    while (i < count) {
        if (!(nights[i].*mean)) {
            ++i;
            continue;
        }
        int end = i;
        while (end < count && nights[end].*mean)
            ++end;
        out += "<polyline class=\"";
        out += css_class;
        out += "\" points=\"";
        auto point = [&](double x, double y) {
            if (out.back() != '"') out += ' ';
            number(out, x);
            out += ',';
            number(out, y);
        };
        if (end - i == 1) { // one night: a short dash, so that it shows
            const double y = y_of(*(nights[i].*mean));
            point(night_x(i, count) - 2, y);
            point(night_x(i, count) + 2, y);
        }
        for (int j = i; end - i > 1 && j < end; ++j)
            point(night_x(j, count), y_of(*(nights[j].*mean)));
        out += "\"/>";
        i = end;
    }
}

/// The nights' values as solid circles; nights without one have none.
void points(std::string& out, const std::vector<ProgressNight>& nights,
            std::optional<int> ProgressNight::*value, double (*y_of)(double),
            std::string_view css_class, double radius) {
    const auto count = static_cast<int>(nights.size());
    std::string r;
    number(r, radius);
    for (int i = 0; i < count; ++i) {
        if (!(nights[i].*value)) continue;
        out += "<circle class=\"";
        out += css_class;
        out += "\" cx=\"";
        number(out, night_x(i, count));
        out += "\" cy=\"";
        number(out, y_of(*(nights[i].*value)));
        out += "\" r=\"";
        out += r;
        out += "\"/>";
    }
}

/// "Mean severity was 6.3 over 6 nights in the first week with 4 or more (7 to 13 September
/// 2026) and 4.0 over 6 nights in the last (23 to 29 November 2026)." Weeks with fewer nights
/// with a severity say too little to stand for the period's ends (the moving mean's rule).
std::string weeks_words(const Progress& p) {
    const WeekMeans* first = nullptr;
    const WeekMeans* last = nullptr;
    for (const WeekMeans& week : p.weeks)
        if (week.severity.nights >= k_moving_min) {
            if (first == nullptr) first = &week;
            last = &week;
        }
    const auto mean_words = [](const Mean& mean) {
        return one_decimal(mean.mean) + " over " + nights_words(mean.nights);
    };
    if (first == nullptr)
        return p.severity.nights == 0
                   ? "No severity was logged."
                   : fmt::format("Mean severity was {}; no week had {} or more nights with one.",
                                 mean_words(p.severity), k_moving_min);
    if (first == last)
        return fmt::format("Mean severity was {} in the one week with {} or more nights with "
                           "one ({}).",
                           mean_words(first->severity), k_moving_min,
                           period_words(first->from, first->to));
    return fmt::format("Mean severity was {} in the first week with {} or more nights with one "
                       "({}) and {} in the last ({}).",
                       mean_words(first->severity), k_moving_min,
                       period_words(first->from, first->to), mean_words(last->severity),
                       period_words(last->from, last->to));
}

std::string name_in(const ReportView& view, const std::string& id) {
    for (const auto& entry : view.plan)
        if (entry.id == id) return entry.name;
    return id;
}

std::string description(const ReportView& view) {
    const Progress& p = view.progress;
    std::string text = fmt::format(
        "Dots: RLS severity from 0 (none) to 10 (worst), above, and sleep quality from 1 "
        "(very poor) to 5 (very good), below, on each of the {} logged from {}; a line: the "
        "mean of the last 7 nights, where at least {} of them have a value. Nights not logged "
        "have no dot. {}",
        nights_words(p.logged), period_words(p.from, p.to), k_moving_min, weeks_words(p));
    if (!p.changes.empty()) {
        std::vector<std::string> changes;
        for (const SupplementChange& change : p.changes)
            changes.push_back(fmt::format("{} {} on {}", name_in(view, change.id),
                                          change.started ? "started" : "stopped",
                                          date_words(change.night)));
        text += " Dashed lines: ";
        for (std::size_t i = 0; i < changes.size(); ++i)
            text += (i == 0 ? "" : i + 1 == changes.size() ? " and " : ", ") + changes[i];
        text += '.';
    }
    return text;
}

/// The starts and stops: a dashed line through both panels and a label above, on one of two
/// rows so that labels of nearby changes do not overlap.
void change_markers(HtmlWriter& svg, const ReportView& view) {
    const Progress& p = view.progress;
    const auto count = static_cast<int>(p.nights.size());
    std::array<double, 2> row_end{-1e9, -1e9};
    for (const SupplementChange& change : p.changes) {
        const int index = days_between(p.from, change.night);
        if (index < 0 || index >= count) continue;
        const double x = night_x(index, count);
        std::string x_text;
        number(x_text, x);
        svg.empty("line", {{"class", "change"},
                           {"x1", x_text},
                           {"x2", x_text},
                           {"y1", fmt::format("{:.1f}", k_severity_top - 4)},
                           {"y2", fmt::format("{:.1f}", k_sleep_bottom)}});
        const std::string label =
            std::string(change.started ? "\u25B2 " : "\u25BC ") + name_in(view, change.id);
        // About 6 units a character at this size: enough to keep labels apart.
        const double wide = 6.0 * static_cast<double>(label.size() - 2) + 4;
        const bool to_left = x + wide > k_plot_left + k_plot_width;
        const double from = to_left ? x - wide : x;
        std::size_t row = row_end[0] < from - 4 ? 0 : row_end[1] < from - 4 ? 1 : 0;
        if (row_end[row] >= from - 4) row = row_end[0] < row_end[1] ? 0 : 1;
        row_end[row] = from + wide;
        svg.element("text", label,
                    {{"class", "change-label"},
                     {"stroke", "none"},
                     {"x", x_text},
                     {"y", row == 0 ? "11" : "23"},
                     {"text-anchor", to_left ? "end" : "start"}});
    }
}

void grid(HtmlWriter& svg) {
    const std::string left = fmt::format("{:.1f}", k_plot_left);
    const std::string right = fmt::format("{:.1f}", k_plot_left + k_plot_width);
    const std::string label_x = fmt::format("{:.1f}", k_plot_left - 6);
    svg.open("g", {{"class", "grid"}, {"stroke", k_grid_colour}, {"stroke-width", "1"}});
    for (int s = k_severity_min; s <= k_severity_max; s += 2) {
        const std::string y = fmt::format("{:.1f}", severity_y(s));
        svg.empty("line", {{"x1", left}, {"x2", right}, {"y1", y}, {"y2", y}});
    }
    for (int q = k_sleep_min; q <= k_sleep_max; ++q) {
        const std::string y = fmt::format("{:.1f}", sleep_y(q));
        svg.empty("line", {{"x1", left}, {"x2", right}, {"y1", y}, {"y2", y}});
    }
    svg.close();
    svg.open("g", {{"class", "axis-labels"}, {"text-anchor", "end"}});
    for (const int s : {0, 5, 10})
        svg.element("text", std::to_string(s),
                    {{"x", label_x}, {"y", fmt::format("{:.1f}", severity_y(s) + 4)}});
    for (const int q : {1, 3, 5})
        svg.element("text", std::to_string(q),
                    {{"x", label_x}, {"y", fmt::format("{:.1f}", sleep_y(q) + 4)}});
    svg.close();
    // The panels' names, turned along the left edge.
    const double severity_middle = k_severity_top + k_severity_height / 2;
    const double sleep_middle = k_sleep_top + k_sleep_height / 2;
    svg.element("text", "Severity",
                {{"class", "axis-name"},
                 {"text-anchor", "middle"},
                 {"transform", fmt::format("translate(12 {:.1f}) rotate(-90)", severity_middle)}});
    svg.element("text", "Sleep",
                {{"class", "axis-name"},
                 {"text-anchor", "middle"},
                 {"transform", fmt::format("translate(12 {:.1f}) rotate(-90)", sleep_middle)}});
}

void x_axis(HtmlWriter& svg, const std::vector<ProgressNight>& nights) {
    const auto count = static_cast<int>(nights.size());
    const std::string bottom = fmt::format("{:.1f}", k_sleep_bottom);
    const std::string tick_end = fmt::format("{:.1f}", k_sleep_bottom + 4);
    svg.empty("line", {{"class", "axis"},
                       {"stroke", k_marker_colour},
                       {"x1", fmt::format("{:.1f}", k_plot_left)},
                       {"x2", fmt::format("{:.1f}", k_plot_left + k_plot_width)},
                       {"y1", bottom},
                       {"y2", bottom}});
    svg.open("g", {{"class", "dates"}, {"text-anchor", "middle"}});
    for (const Tick& tick : date_ticks(nights)) {
        const std::string x = fmt::format("{:.1f}", night_x(tick.index, count));
        svg.empty(
            "line",
            {{"stroke", k_marker_colour}, {"x1", x}, {"x2", x}, {"y1", bottom}, {"y2", tick_end}});
        // A label at either end stays inside the picture.
        const double at = std::clamp(night_x(tick.index, count), k_plot_left + 14,
                                     k_plot_left + k_plot_width - 20);
        svg.element(
            "text", tick.text,
            {{"x", fmt::format("{:.1f}", at)}, {"y", fmt::format("{:.1f}", k_sleep_bottom + 16)}});
    }
    svg.close();
}

void legend(HtmlWriter& svg, bool changes) {
    const double y = k_height - 10;
    const std::string y_text = fmt::format("{:.1f}", y);
    const std::string dot_y = fmt::format("{:.1f}", y - 4);
    double x = k_plot_left;
    auto dot = [&](std::string_view colour, std::string_view label) {
        svg.empty(
            "circle",
            {{"cx", fmt::format("{:.1f}", x + 4)}, {"cy", dot_y}, {"r", "3.5"}, {"fill", colour}});
        svg.element("text", label, {{"x", fmt::format("{:.1f}", x + 12)}, {"y", y_text}});
        x += 12 + 6.2 * static_cast<double>(label.size()) + 16;
    };
    dot(k_severity_colour, "Severity, a night");
    dot(k_sleep_colour, "Sleep quality, a night");
    svg.empty("line", {{"x1", fmt::format("{:.1f}", x)},
                       {"x2", fmt::format("{:.1f}", x + 16)},
                       {"y1", dot_y},
                       {"y2", dot_y},
                       {"stroke", k_mean_colour},
                       {"stroke-width", "2.5"}});
    svg.element("text", "7-night mean", {{"x", fmt::format("{:.1f}", x + 20)}, {"y", y_text}});
    x += 20 + 6.2 * 12 + 16;
    if (!changes) return;
    svg.empty("line", {{"x1", fmt::format("{:.1f}", x)},
                       {"x2", fmt::format("{:.1f}", x)},
                       {"y1", fmt::format("{:.1f}", y - 11)},
                       {"y2", fmt::format("{:.1f}", y + 2)},
                       {"stroke", k_marker_colour},
                       {"stroke-dasharray", "3 2"}});
    svg.element("text", "Plan: \u25B2 started, \u25BC stopped",
                {{"x", fmt::format("{:.1f}", x + 6)}, {"y", y_text}});
}

} // namespace

std::string render_report_chart(const ReportView& view) {
    const Progress& p = view.progress;
    const auto count = static_cast<int>(p.nights.size());
    HtmlWriter svg;
    svg.reserve(4096 + static_cast<std::size_t>(count) * 150);
    const std::string width = fmt::format("{:g}", k_width);
    const std::string height = fmt::format("{:g}", k_height);
    svg.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                     {"class", "chart"},
                     {"viewBox", "0 0 " + width + " " + height},
                     {"width", width},
                     {"height", height},
                     {"role", "img"},
                     {"aria-labelledby", "chart-title chart-desc"},
                     {"font-family", "system-ui, 'DejaVu Sans', 'Liberation Sans', sans-serif"},
                     {"font-size", "10"},
                     {"fill", k_text_colour}});
    svg.element("title",
                "RLS severity and sleep quality, night by night, " + period_words(p.from, p.to),
                {{"id", "chart-title"}});
    svg.element("desc", description(view), {{"id", "chart-desc"}});
    grid(svg);
    x_axis(svg, p.nights);
    // Lines first, points over them: nothing is drawn over a night's point.
    svg.open("g", {{"class", "changes"},
                   {"stroke", k_marker_colour},
                   {"stroke-width", "1"},
                   {"stroke-dasharray", "4 3"}});
    change_markers(svg, view);
    svg.close();
    svg.open("g", {{"class", "means"},
                   {"fill", "none"},
                   {"stroke", k_mean_colour},
                   {"stroke-width", "2"},
                   {"stroke-linejoin", "round"}});
    mean_lines(svg.out(), p.nights, &ProgressNight::severity_mean, severity_y, "severity-mean");
    mean_lines(svg.out(), p.nights, &ProgressNight::sleep_mean, sleep_y, "sleep-mean");
    svg.close();
    const double radius = count > k_small_dots_from ? k_small_dot_radius : k_dot_radius;
    svg.open("g", {{"class", "points"}, {"fill", k_severity_colour}});
    points(svg.out(), p.nights, &ProgressNight::severity, severity_y, "severity", radius);
    svg.close();
    svg.open("g", {{"class", "points"}, {"fill", k_sleep_colour}});
    points(svg.out(), p.nights, &ProgressNight::sleep, sleep_y, "sleep", radius);
    svg.close();
    legend(svg, !p.changes.empty());
    svg.close();
    return svg.str();
}

} // namespace calmlegs
