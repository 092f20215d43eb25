#include "ui/render_history.h"

#include "content/names.h"
#include "ui/text.h"

#include <algorithm>
#include <fmt/format.h>

namespace calmlegs {

std::string night_name(Date date) {
    return weekday_name(date) + " " + format_date(date);
}

std::string describe_night(const Night& night) {
    std::vector<std::string> parts;
    if (night.severity) parts.push_back(fmt::format("severity {}", *night.severity));
    if (night.sleep) parts.push_back(fmt::format("sleep {}", *night.sleep));
    if (const auto figures = sleep_figures(night.diary))
        parts.push_back(fmt::format("{} h {:02} min asleep, efficiency {:.0f}%",
                                    figures->total_sleep / 60, figures->total_sleep % 60,
                                    figures->efficiency * 100));
    parts.push_back(night.supplements.empty() ? "took nothing"
                                              : "took " + join(night.supplements, ", "));
    if (!night.triggers.empty()) parts.push_back("triggers: " + join(night.triggers, ", "));
    if (!night.note.empty()) parts.push_back("note: " + visible(night.note));
    return join(parts, "; ");
}

std::string render_logged(const Night& night, bool replaced, const RenderOptions& options) {
    Page page(options);
    page.paragraph((replaced ? "Updated the night of " : "Logged the night of ") +
                   night_name(night.date) + (replaced ? " (it was logged before)." : "."));
    page.paragraph(describe_night(night), 2);
    return page.str();
}

std::string severity_sparkline(const std::vector<NightSummary>& nights, Date from, Date to,
                               bool ascii) {
    static const char* const bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static const char ascii_bars[] = ".:-=+*#%@";
    std::string line;
    auto it = nights.begin();
    for (Date day = from; day <= to; day = add_days(day, 1)) {
        while (it != nights.end() && it->date < day)
            ++it;
        const bool logged = it != nights.end() && it->date == day && it->log && it->log->severity;
        if (!logged) {
            line += ' ';
            continue;
        }
        const int severity = *it->log->severity; // 0 to 10
        if (ascii)
            line += ascii_bars[severity * 8 / k_severity_max];
        else
            line += bars[std::min(7, severity * 8 / (k_severity_max + 1))];
    }
    return line;
}

namespace {

struct Column {
    std::string heading;
    int width = 0;
};

} // namespace

std::string render_history(const HistoryView& view, const RenderOptions& options) {
    Page page(options);
    const auto days = static_cast<int>(
        (std::chrono::sys_days{view.to} - std::chrono::sys_days{view.from}).count() + 1);
    page.title(fmt::format("Journal: {} to {}", format_date(view.from), format_date(view.to)),
               days == 1 ? "1 night" : fmt::format("{} nights", days));
    if (view.nights.empty()) {
        page.paragraph("Nothing is recorded for these nights. Log a night with: calmlegs log");
        return page.str();
    }
    if (view.sparkline) {
        // One column a night: the last nights when they are more than the page is wide.
        const int room = std::max(10, page.width() - 2);
        const bool cut = days > room;
        page.label(cut ? fmt::format("Severity, night by night, the last {} nights (low to high; "
                                     "blank: not logged)",
                                     room)
                       : "Severity, night by night (low to high; blank: not logged)");
        const Date first = cut ? add_days(view.to, 1 - room) : view.from;
        const std::string shown = severity_sparkline(view.nights, first, view.to, options.ascii);
        page.raw("  " + shown);
        page.blank();
    }

    const bool ascii = options.ascii;
    // A narrow page drops the day of the week.
    const bool narrow = page.width() < 60;
    std::vector<std::vector<std::string>> rows;
    // Newest first. clang 14 (the fuzz build) cannot compile std::ranges::reverse_view over
    // libstdc++ 12's ranges, so the loop runs on reverse iterators.
    // NOLINTNEXTLINE(modernize-loop-convert): as said above
    for (auto it = view.nights.rbegin(); it != view.nights.rend(); ++it) {
        const NightSummary& night = *it;
        const Night* log = night.log ? &*night.log : nullptr;
        const std::string dash = ascii ? "-" : "–";
        std::vector<std::string> row;
        row.push_back((narrow ? "" : weekday_name(night.date).substr(0, 3) + " ") +
                      format_date(night.date));
        row.push_back(log && log->severity ? std::to_string(*log->severity) : dash);
        row.push_back(log && log->sleep ? std::to_string(*log->sleep) : dash);
        row.push_back(night.did(k_wind_down_routine) ? (ascii ? "yes" : "✓") : dash);
        // What the person typed is shown, never obeyed: no escape sequence reaches the terminal.
        row.push_back(log ? (log->supplements.empty() ? dash : visible(join(log->supplements, ",")))
                          : dash);
        row.push_back(log && !log->triggers.empty() ? visible(join(log->triggers, ",")) : dash);
        row.push_back(log ? visible(log->note) : std::string());
        rows.push_back(std::move(row));
    }
    std::vector<Column> columns = {{"Night", 0}, {"Sev", 0},      {"Sleep", 0}, {"Done", 0},
                                   {"Took", 0},  {"Triggers", 0}, {"Note", 0}};
    for (auto& column : columns)
        column.width = display_width(column.heading);
    std::vector<std::vector<int>> widths(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t i = 0; i < columns.size(); ++i) {
            widths[r].push_back(display_width(rows[r][i]));
            columns[i].width = std::max(columns[i].width, widths[r][i]);
        }
    // What does not fit is taken from the widest of the lists and the note, a column at a
    // time, down to 4 columns each; then the note, then the triggers, are left out.
    auto total = [&] {
        int sum = 0;
        for (const auto& column : columns)
            sum += column.width + 2;
        return sum - 2;
    };
    while (total() > page.width()) {
        auto widest =
            std::max_element(columns.begin() + 4, columns.end(),
                             [](const Column& a, const Column& b) { return a.width < b.width; });
        if (widest->width > 4) {
            --widest->width;
        } else if (columns.size() > 5) {
            columns.pop_back();
        } else {
            break;
        }
    }

    // Cells are measured once; only a cell wider than its column is cut (thousands of rows).
    auto line_of = [&](const std::vector<std::string>& cells, const std::vector<int>& cell_widths,
                       bool heading) {
        std::string line;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const bool last = i + 1 == columns.size();
            if (cell_widths[i] > columns[i].width) {
                line += elide(cells[i], columns[i].width, ascii ? "..." : "…");
                if (!last) line.append(2, ' ');
            } else {
                line += cells[i];
                const int pad = columns[i].width - cell_widths[i] + 2;
                if (!last) line.append(static_cast<std::size_t>(pad), ' ');
            }
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        return heading ? page.style().heading(line) : line;
    };
    std::vector<std::string> headings;
    std::vector<int> heading_widths;
    for (const auto& column : columns) {
        headings.push_back(column.heading);
        heading_widths.push_back(display_width(column.heading));
    }
    page.raw(line_of(headings, heading_widths, true));
    for (std::size_t r = 0; r < rows.size(); ++r)
        page.raw(line_of(rows[r], widths[r], false));
    page.blank();
    page.muted("Done: the nightly wind-down (calmlegs tonight) finished, at least half its "
               "steps done.");
    return page.str();
}

} // namespace calmlegs
