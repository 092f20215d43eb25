#include "ui/render_chart.h"

#include "content/names.h"
#include "ui/journal_words.h"
#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace calmlegs {
namespace {

/// The chart's glyphs, in Unicode and in ASCII.
struct Glyphs {
    std::string_view bar, mean, axis, axis_label, corner, rule, tick, started, stopped, both,
        trigger;
};
constexpr Glyphs k_unicode{"░", "━", "│", "┤", "└", "─", "┬", "▲", "▼", "◆", "•"};
constexpr Glyphs k_ascii{":", "=", "|", "|", "+", "-", "+", "^", "v", "x", "*"};

/// How the dates under the axis are written, and how many columns apart they start: "MM-DD"
/// a week of columns apart (the title has the year), or over more than a year, when a month
/// and day would not say which year, "YYYY-MM" 10 columns apart.
struct DateLabels {
    std::size_t from = 5; ///< the part of format_date() shown
    int width = 5;
    int step = 7;
};
constexpr DateLabels k_day_labels{5, 5, 7};
constexpr DateLabels k_month_labels{0, 7, 10};
constexpr int k_days_of_day_labels = 366;

/// How a cell is coloured.
enum class Ink { plain, bar, mean, marker };

struct Cell {
    std::string_view glyph = " ";
    Ink ink = Ink::plain;
};

/// How the nights are split into columns: column k holds the nights (indexes into
/// Progress::nights) from first(k) up to, not including, end(k). The last column is always
/// whole, so that it ends on the period's last night; the first may hold fewer.
struct Binning {
    int size = 1;    ///< nights per column
    int columns = 0; ///< columns drawn
    int offset = 0;  ///< nights the first column lacks

    int first(int column) const { return std::max(0, column * size - offset); }
    int end(int column) const { return (column + 1) * size - offset; }
    int column_of(int night) const { return (night + offset) / size; }
};

Binning bin_nights(int nights, int room) {
    Binning binning;
    binning.size = nights <= room ? 1 : (nights + room - 1) / room;
    binning.columns = (nights + binning.size - 1) / binning.size;
    binning.offset = binning.columns * binning.size - nights;
    return binning;
}

/// What one column shows.
struct Column {
    std::optional<int> bar;      ///< the severity, or the mean of the column's, rounded half up
    std::optional<int> mean_row; ///< the row nearest the moving mean at the column's last night
    bool trigger = false;        ///< a trigger was logged on one of its nights
};

int to_row(int severity) {
    return std::clamp(severity, k_severity_min, k_severity_max);
}

std::vector<Column> columns_of(const Progress& progress, const Binning& binning) {
    std::vector<Column> columns(static_cast<std::size_t>(binning.columns));
    for (int k = 0; k < binning.columns; ++k) {
        Column& column = columns[static_cast<std::size_t>(k)];
        int sum = 0, count = 0;
        for (int i = binning.first(k); i < binning.end(k); ++i) {
            const ProgressNight& night = progress.nights[static_cast<std::size_t>(i)];
            if (night.severity) {
                sum += *night.severity;
                ++count;
            }
            if (!night.triggers.empty()) column.trigger = true;
        }
        if (count > 0) column.bar = to_row((2 * sum + count) / (2 * count)); // halves up
        const ProgressNight& last = progress.nights[static_cast<std::size_t>(binning.end(k) - 1)];
        if (last.severity_mean)
            column.mean_row = to_row(static_cast<int>(std::floor(*last.severity_mean + 0.5)));
    }
    return columns;
}

std::string paint(const std::string& text, Ink ink, const Style& style) {
    switch (ink) {
    case Ink::bar:
        return style.muted(text);
    case Ink::mean:
        return style.label(text);
    case Ink::marker:
        return style.warning(text);
    case Ink::plain:
        break;
    }
    return text;
}

/// `margin` then the cells, without trailing blanks, each run of one ink coloured once.
std::string line_of(std::string margin, const std::vector<Cell>& cells, const Style& style) {
    std::size_t end = cells.size();
    while (end > 0 && cells[end - 1].glyph == " ")
        --end;
    if (end == 0) {
        while (!margin.empty() && margin.back() == ' ')
            margin.pop_back();
        return margin;
    }
    std::string line = std::move(margin);
    for (std::size_t i = 0; i < end;) {
        const Ink ink = cells[i].ink;
        std::string run;
        for (; i < end && cells[i].ink == ink; ++i)
            run += cells[i].glyph;
        line += paint(run, ink, style);
    }
    return line;
}

/// A key of the left margin ("1", "T", a glyph): right-aligned in 2 columns, then 2 spaces.
std::string key_margin(const std::string& key) {
    return pad_right(std::string(display_width(key) < 2 ? 1 : 0, ' ') + key, 2) + "  ";
}

/// A supplement of the plan with a row of markers.
struct Keyed {
    std::string id;
    std::vector<SupplementChange> changes; ///< inside the period, by night
    bool from_start = false;               ///< taken from the journal's first night
};

class ChartWriter {
public:
    ChartWriter(const Progress& progress, const ChartNames& names, const RenderOptions& options)
        : m_progress(progress)
        , m_names(names)
        , m_options(options)
        , m_glyphs(options.ascii ? k_ascii : k_unicode)
        , m_page(options) {
        m_width = std::max(options.width, k_min_page_width);
    }

    std::string render() {
        const int nights = static_cast<int>(m_progress.nights.size());
        m_page.heading(fmt::format("Severity, night by night: {} to {} ({})",
                                   format_date(m_progress.from), format_date(m_progress.to),
                                   nights_words(nights)));
        const bool any = std::any_of(m_progress.nights.begin(), m_progress.nights.end(),
                                     [](const ProgressNight& n) { return n.severity.has_value(); });
        if (!any) {
            m_page.paragraph(m_progress.logged == 0
                                 ? "Nothing is logged for these nights, so there is nothing to "
                                   "draw yet. Log a night with: calmlegs log"
                                 : "No severity is logged for these nights, so there is nothing "
                                   "to draw yet. Log a night's severity with: calmlegs log");
            return m_page.str();
        }
        m_binning = bin_nights(nights, std::max(1, m_width - k_chart_margin));
        m_columns = columns_of(m_progress, m_binning);
        if (m_binning.size > 1) {
            std::string said = fmt::format(
                "Each column is {} nights: the bar is their mean severity.", m_binning.size);
            if (m_binning.offset > 0)
                said += fmt::format(" The first column is {}.",
                                    nights_words(m_binning.size - m_binning.offset));
            m_page.paragraph(said);
        }
        m_page.blank();
        plot();
        x_axis();
        markers();
        m_page.blank();
        legend();
        return m_page.str();
    }

private:
    void raw(std::string margin, const std::vector<Cell>& cells) {
        m_page.raw(line_of(std::move(margin), cells, m_options.style));
    }

    void plot() {
        for (int row = k_severity_max; row >= k_severity_min; --row) {
            std::vector<Cell> cells(m_columns.size());
            for (std::size_t k = 0; k < m_columns.size(); ++k) {
                const Column& column = m_columns[k];
                if (column.mean_row == row)
                    cells[k] = {m_glyphs.mean, Ink::mean};
                else if (column.bar && row <= *column.bar)
                    cells[k] = {m_glyphs.bar, Ink::bar};
            }
            // Every other row is labelled: 10, 8, ... 0.
            const std::string margin = row % 2 == 0
                                           ? fmt::format("{:>2} {}", row, m_glyphs.axis_label)
                                           : fmt::format("   {}", m_glyphs.axis);
            raw(margin, cells);
        }
    }

    /// The axis with a tick under each dated column from the first, and that column's first
    /// night's date under it, where the date fits in the width.
    void x_axis() {
        const DateLabels& kind =
            m_progress.nights.size() > k_days_of_day_labels ? k_month_labels : k_day_labels;
        std::vector<Cell> rule(m_columns.size(), Cell{m_glyphs.rule, Ink::plain});
        std::string labels(static_cast<std::size_t>(m_width - k_chart_margin), ' ');
        for (int k = 0; k < m_binning.columns; k += kind.step) {
            if (k + kind.width > m_width - k_chart_margin) break;
            rule[static_cast<std::size_t>(k)].glyph = m_glyphs.tick;
            const Date date = m_progress.nights[static_cast<std::size_t>(m_binning.first(k))].date;
            labels.replace(
                static_cast<std::size_t>(k), static_cast<std::size_t>(kind.width),
                format_date(date).substr(kind.from, static_cast<std::size_t>(kind.width)));
        }
        raw(fmt::format("   {}", m_glyphs.corner), rule);
        while (!labels.empty() && labels.back() == ' ')
            labels.pop_back();
        m_page.raw(std::string(k_chart_margin, ' ') + labels);
    }

    void markers() {
        for (const std::string& id : m_progress.plan) {
            Keyed keyed{id, {}, false};
            for (const SupplementChange& change : m_progress.changes)
                if (change.id == id) keyed.changes.push_back(change);
            keyed.from_start =
                std::find(m_progress.taken_from_start.begin(), m_progress.taken_from_start.end(),
                          id) != m_progress.taken_from_start.end();
            if (!keyed.changes.empty())
                m_keyed.push_back(std::move(keyed));
            else if (keyed.from_start)
                m_unmarked.push_back(id);
        }
        for (std::size_t i = 0; i < m_keyed.size(); ++i) {
            std::vector<bool> started(m_columns.size()), stopped(m_columns.size());
            for (const SupplementChange& change : m_keyed[i].changes) {
                const int night = days_between(m_progress.from, change.night);
                if (night < 0 || night >= static_cast<int>(m_progress.nights.size())) continue;
                const auto k = static_cast<std::size_t>(m_binning.column_of(night));
                (change.started ? started : stopped)[k] = true;
            }
            std::vector<Cell> cells(m_columns.size());
            bool both = false;
            for (std::size_t k = 0; k < m_columns.size(); ++k) {
                if (started[k] && stopped[k]) {
                    cells[k] = {m_glyphs.both, Ink::marker};
                    both = true;
                } else if (started[k] || stopped[k]) {
                    cells[k] = {started[k] ? m_glyphs.started : m_glyphs.stopped, Ink::marker};
                }
            }
            m_both.push_back(both);
            raw(key_margin(std::to_string(i + 1)), cells);
        }
        if (m_progress.triggers.empty()) return;
        std::vector<Cell> cells(m_columns.size());
        for (std::size_t k = 0; k < m_columns.size(); ++k)
            if (m_columns[k].trigger) cells[k] = {m_glyphs.trigger, Ink::marker};
        raw(key_margin("T"), cells);
    }

    /// A name as shown: never obeyed by the terminal, in ASCII when the chart is.
    std::string shown(const std::map<std::string, std::string, std::less<>>& names,
                      const std::string& id) const {
        const auto it = names.find(id);
        const std::string name = visible(it == names.end() ? id : it->second);
        return m_options.ascii ? to_ascii(name) : name;
    }

    /// A line of the legend: its key in the margin, the text wrapped beside it.
    void key_line(const std::string& key, const std::string& text) {
        for (const auto& line :
             split_lines(wrap_with_prefix(text, m_width, key_margin(key), "    ")))
            m_page.raw(line);
    }

    void legend() {
        const Style& style = m_options.style;
        key_line(style.muted(std::string(m_glyphs.bar)),
                 m_binning.size > 1
                     ? "the mean severity of the column's nights, 0 (none) to 10 (worst)"
                     : "severity, 0 (none) to 10 (worst)");
        const bool any_mean = std::any_of(m_columns.begin(), m_columns.end(),
                                          [](const Column& c) { return c.mean_row.has_value(); });
        if (any_mean)
            key_line(style.label(std::string(m_glyphs.mean)),
                     fmt::format("the mean of the {} nights up to each {}, where {} or more "
                                 "were logged",
                                 k_moving_window,
                                 m_binning.size > 1 ? "column's last night" : "night",
                                 k_moving_min));
        else
            key_line("", fmt::format("no {}-night mean yet: it needs {} of {} nights logged",
                                     k_moving_window, k_moving_min, k_moving_window));
        key_line("", "a blank column: no severity logged");
        for (std::size_t i = 0; i < m_keyed.size(); ++i) {
            const Keyed& keyed = m_keyed[i];
            std::vector<std::string> said;
            if (keyed.from_start) said.push_back("taken from the journal's first night");
            for (const SupplementChange& change : keyed.changes)
                said.push_back(
                    fmt::format("{} {} {}", change.started ? m_glyphs.started : m_glyphs.stopped,
                                change.started ? "started" : "stopped", format_date(change.night)));
            std::string text = shown(m_names.supplements, keyed.id) + ": " + join(said, ", ");
            if (m_both[i])
                text += fmt::format(" ({} started and stopped in one column)", m_glyphs.both);
            key_line(std::to_string(i + 1), text);
        }
        if (!m_unmarked.empty()) {
            std::vector<std::string> shown_names;
            for (const std::string& id : m_unmarked)
                shown_names.push_back(shown(m_names.supplements, id));
            key_line("", "taken from the journal's first night, with no start or stop in "
                         "these nights: " +
                             join(shown_names, ", "));
        }
        if (!m_progress.triggers.empty()) {
            std::vector<std::string> counts;
            for (const TriggerCount& trigger : m_progress.triggers)
                counts.push_back(
                    fmt::format("{} {}", shown(m_names.triggers, trigger.id), trigger.nights));
            key_line("T", fmt::format("{} {}: {}", m_glyphs.trigger,
                                      m_binning.size > 1
                                          ? "a trigger logged in the column's nights; nights "
                                            "with each"
                                          : "nights with a trigger",
                                      join(counts, ", ")));
        }
    }

    const Progress& m_progress;
    const ChartNames& m_names;
    const RenderOptions& m_options;
    const Glyphs& m_glyphs;
    Page m_page;
    int m_width = 0;
    Binning m_binning;
    std::vector<Column> m_columns;
    std::vector<Keyed> m_keyed;
    std::vector<bool> m_both;            ///< a keyed row has a column where it started and stopped
    std::vector<std::string> m_unmarked; ///< taken from the start, with no marker
};

} // namespace

std::string render_chart(const Progress& progress, const ChartNames& names,
                         const RenderOptions& options) {
    return ChartWriter(progress, names, options).render();
}

} // namespace calmlegs
