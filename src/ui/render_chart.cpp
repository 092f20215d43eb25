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

/// The dates under the axis: a column's first night as "MM-DD" every 7 columns (the title has
/// the year; over 365 nights or fewer no two nights have the same month and day), or over more
/// nights "YYYY-MM" under each column where a month begins. A label starts at least 2 columns
/// after the one before it ends, or is left out.
constexpr int k_day_label_width = 5;
constexpr int k_day_label_step = 7;
constexpr int k_month_label_width = 7;
constexpr int k_days_of_day_labels = 365;
constexpr int k_label_gap = 2;

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
    std::optional<int> bar; ///< the severity, or the mean of the column's, rounded half up
    /// The row nearest the moving mean of its night, or the mean of its nights' moving means
    /// (a line as smooth as the bars, however many nights a column holds).
    std::optional<int> mean_row;
    bool trigger = false; ///< a trigger was logged on one of its nights
};

int to_row(int severity) {
    return std::clamp(severity, k_severity_min, k_severity_max);
}

std::vector<Column> columns_of(const Progress& progress, const Binning& binning) {
    std::vector<Column> columns(static_cast<std::size_t>(binning.columns));
    for (int k = 0; k < binning.columns; ++k) {
        Column& column = columns[static_cast<std::size_t>(k)];
        int sum = 0, count = 0;
        MeanSum means;
        for (int i = binning.first(k); i < binning.end(k); ++i) {
            const ProgressNight& night = progress.nights[static_cast<std::size_t>(i)];
            if (night.severity) {
                sum += *night.severity;
                ++count;
            }
            if (night.severity_mean) means.add(*night.severity_mean);
            if (!night.triggers.empty()) column.trigger = true;
        }
        if (count > 0) column.bar = to_row((2 * sum + count) / (2 * count)); // halves up
        if (means.nights > 0)
            column.mean_row = to_row(static_cast<int>(std::floor(means.mean().mean + 0.5)));
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
        trim_trailing_spaces(margin);
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
    bool at_start = false;                 ///< taken when the period began (taken_at_start)
};

/// `options` with the width prose is wrapped at.
RenderOptions prose_options(RenderOptions options) {
    options.width = std::clamp(options.width, k_min_page_width, k_chart_prose_width);
    return options;
}

class ChartWriter {
public:
    ChartWriter(const Progress& progress, const ChartNames& names, const RenderOptions& options)
        : m_progress(progress)
        , m_names(names)
        , m_options(options)
        , m_glyphs(options.ascii ? k_ascii : k_unicode)
        , m_page(prose_options(options)) {
        m_width = std::max(options.width, k_min_page_width);
    }

    std::string render() {
        const auto nights = static_cast<int>(m_progress.nights.size());
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

    /// The label under column `k` (empty: none): see k_day_label_step.
    std::string label_at(int k, bool months) const {
        const auto date_of = [&](int night) {
            return format_date(m_progress.nights[static_cast<std::size_t>(night)].date);
        };
        if (!months)
            return k % k_day_label_step == 0
                       ? date_of(m_binning.first(k)).substr(5, k_day_label_width)
                       : std::string();
        const auto month_of = [&](int night) {
            return date_of(night).substr(0, k_month_label_width);
        };
        if (k == 0) return month_of(0);
        // The month of the column's last night, where it is not the month of the last night
        // before the column: the last month that begins in the column.
        const std::string month = month_of(m_binning.end(k) - 1);
        return month == month_of(m_binning.end(k - 1) - 1) ? std::string() : month;
    }

    /// The axis with a tick under each dated column, and the date under the tick where it
    /// fits in the width. The labels' line is as long as the labels, however wide the width.
    void x_axis() {
        const bool months = static_cast<int>(m_progress.nights.size()) > k_days_of_day_labels;
        const int label_width = months ? k_month_label_width : k_day_label_width;
        const int room = m_width - k_chart_margin;
        std::vector<Cell> rule(m_columns.size(), Cell{m_glyphs.rule, Ink::plain});
        std::string labels;
        int free_from = 0; // the first column a label may start in
        for (int k = 0; k < m_binning.columns; ++k) {
            if (k < free_from) continue;
            if (k > room - label_width) break;
            const std::string label = label_at(k, months);
            if (label.empty()) continue;
            rule[static_cast<std::size_t>(k)].glyph = m_glyphs.tick;
            labels.resize(static_cast<std::size_t>(k), ' ');
            labels += label;
            free_from = k + label_width + k_label_gap;
        }
        raw(fmt::format("   {}", m_glyphs.corner), rule);
        std::string line = std::string(k_chart_margin, ' ') + labels;
        trim_trailing_spaces(line); // no label fits
        m_page.raw(std::move(line));
    }

    void markers() {
        for (const std::string& id : m_progress.plan) {
            Keyed keyed{id, {}, false};
            for (const SupplementChange& change : m_progress.changes)
                if (change.id == id) keyed.changes.push_back(change);
            keyed.at_start =
                std::find(m_progress.taken_at_start.begin(), m_progress.taken_at_start.end(), id) !=
                m_progress.taken_at_start.end();
            if (!keyed.changes.empty())
                m_keyed.push_back(std::move(keyed));
            else if (keyed.at_start)
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

    /// The journal began inside the period: what was taken when it began is what was taken
    /// on its first night, and when that started is not known.
    bool journal_began_inside() const {
        return m_progress.start_night &&
               days_between(m_progress.from, *m_progress.start_night) >= 0;
    }

    /// When the supplements of taken_at_start were taken, as the legend says it.
    std::string when_started() const {
        return journal_began_inside()
                   ? "from the journal's first night, " + format_date(*m_progress.start_night)
                   : std::string("when these nights began");
    }

    /// A line of the legend: its key in the margin, the text wrapped beside it.
    void key_line(const std::string& key, const std::string& text) {
        for (const auto& line :
             split_lines(wrap_with_prefix(text, m_page.width(), key_margin(key), "    ")))
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
                     fmt::format("the mean of the {} nights up to each night, where {} or more "
                                 "have a severity{}",
                                 k_moving_window, k_moving_min,
                                 m_binning.size > 1 ? ", averaged over the column's nights" : ""));
        else
            key_line("",
                     fmt::format("no {}-night mean yet: it needs {} of {} nights with a severity",
                                 k_moving_window, k_moving_min, k_moving_window));
        key_line("", "a blank column: no severity logged");
        for (std::size_t i = 0; i < m_keyed.size(); ++i) {
            const Keyed& keyed = m_keyed[i];
            std::vector<std::string> said;
            if (keyed.at_start) said.push_back("taken " + when_started());
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
            key_line("",
                     (journal_began_inside() ? "taken " + when_started() + ", with no stop since: "
                                             : std::string("taken throughout these nights: ")) +
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
    std::vector<std::string> m_unmarked; ///< taken at the start, with no change after
};

} // namespace

std::string render_chart(const Progress& progress, const ChartNames& names,
                         const RenderOptions& options) {
    return ChartWriter(progress, names, options).render();
}

} // namespace calmlegs
