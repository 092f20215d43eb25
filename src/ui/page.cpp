#include "ui/page.h"

#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>
#include <numeric>

namespace calmlegs {

Page::Page(const RenderOptions& options)
    : m_options(options) {
    m_options.width = std::max(m_options.width, k_min_page_width);
}

std::vector<std::string> Page::lines_of(std::string_view text_as_given, int width) const {
    // Made safe before it is measured, so that a control character's caret form has its room.
    const std::string text = m_options.style.safe(text_as_given);
    return wrap(m_options.ascii ? to_ascii(text) : text, width);
}

void Page::title(std::string_view given_text, std::string_view given_tag) {
    const auto& style = m_options.style;
    const std::string text = style.safe(given_text, false);
    const std::string tag = style.safe(given_tag, false);
    std::string plain(text);
    if (!tag.empty()) plain += " · " + tag;
    const auto lines = lines_of(plain, m_options.width);
    if (lines.size() == 1 && !tag.empty()) {
        m_lines.push_back(
            style.heading(m_options.ascii ? to_ascii(text) : std::string(text)) +
            style.muted(" · " + (m_options.ascii ? to_ascii(tag) : std::string(tag))));
        return;
    }
    for (const auto& line : lines)
        m_lines.push_back(style.heading(line));
}

void Page::heading(std::string_view text) {
    for (const auto& line : lines_of(text, m_options.width))
        m_lines.push_back(m_options.style.heading(line));
}

void Page::blank() {
    if (!m_lines.empty() && !m_lines.back().empty()) m_lines.emplace_back();
}

void Page::paragraph(std::string_view text, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& line : lines_of(text, m_options.width - indent))
        m_lines.push_back(pad + line);
}

void Page::warning(std::string_view text, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    bool first = true;
    for (const auto& line : lines_of(text, m_options.width - indent - 2)) {
        m_lines.push_back(pad + m_options.style.warning((first ? "! " : "  ") + line));
        first = false;
    }
}

void Page::label(std::string_view text, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& line : lines_of(text, m_options.width - indent))
        m_lines.push_back(pad + m_options.style.label(line));
}

void Page::muted(std::string_view text, int indent) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    for (const auto& line : lines_of(text, m_options.width - indent))
        m_lines.push_back(pad + m_options.style.muted(line));
}

void Page::bullets(const std::vector<std::string>& items, int indent, bool numbered) {
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const int marker_width =
        numbered ? static_cast<int>(std::to_string(items.size()).size()) + 2 : 2;
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string marker = numbered ? std::to_string(i + 1) + ". " : "• ";
        marker = pad_right(marker, marker_width);
        const std::string rest(static_cast<std::size_t>(marker_width), ' ');
        bool first = true;
        for (const auto& line : lines_of(items[i], m_options.width - indent - marker_width)) {
            m_lines.push_back(pad + (first ? marker : rest) + line);
            first = false;
        }
    }
}

void Page::field(std::string_view label_as_given, std::string_view value) {
    const auto& style = m_options.style;
    const std::string label = style.safe(label_as_given, false);
    if (narrow()) {
        m_lines.push_back(style.label(label));
        paragraph(value, 2);
        return;
    }
    const std::string rest(k_label_width, ' ');
    bool first = true;
    for (const auto& line : lines_of(value, m_options.width - k_label_width)) {
        m_lines.push_back((first ? style.label(pad_right(label, k_label_width)) : rest) + line);
        first = false;
    }
}

void Page::field(std::string_view label_as_given, const std::vector<std::string>& items) {
    if (items.empty()) return;
    if (items.size() == 1) {
        field(label_as_given, items.front());
        return;
    }
    const auto& style = m_options.style;
    const std::string label = style.safe(label_as_given, false);
    if (narrow()) {
        m_lines.push_back(style.label(label));
        bullets(items, 2);
        return;
    }
    const std::string rest(k_label_width, ' ');
    bool first_item = true;
    for (const auto& item : items) {
        bool first_line = true;
        for (const auto& line : lines_of(item, m_options.width - k_label_width - 2)) {
            std::string lead =
                first_item && first_line ? style.label(pad_right(label, k_label_width)) : rest;
            m_lines.push_back(lead + (first_line ? "• " : "  ") + line);
            first_line = false;
            first_item = false;
        }
    }
}

void Page::raw(std::string line) {
    m_lines.push_back(std::move(line));
}

std::string Page::str() const {
    std::string out;
    std::size_t end = m_lines.size();
    while (end > 0 && m_lines[end - 1].empty())
        --end;
    for (std::size_t i = 0; i < end; ++i) {
        out += m_lines[i];
        out += '\n';
    }
    return out;
}

std::string render_table(const std::vector<std::string>& headers_as_given,
                         const std::vector<std::vector<std::string>>& rows_as_given,
                         const RenderOptions& options) {
    // A cell is one line: a control character in it, a newline too, is shown as ^X before
    // the cells are measured; in ASCII, the cells are spelt so as well.
    auto spelt = [&](std::vector<std::string> cells) {
        for (auto& cell : cells) {
            cell = options.style.safe(cell, false);
            if (options.ascii) cell = to_ascii(cell);
        }
        return cells;
    };
    const std::vector<std::string> headers = spelt(headers_as_given);
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : rows_as_given)
        rows.push_back(spelt(row));
    const std::size_t columns = headers.size();
    const int gap = 2;
    std::vector<int> widths(columns, 0);
    std::vector<int> longest_word(columns, 0);
    auto measure = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < columns && c < cells.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(cells[c]));
            std::size_t start = 0;
            const std::string& cell = cells[c];
            while (start <= cell.size()) {
                std::size_t end = cell.find(' ', start);
                if (end == std::string::npos) end = cell.size();
                const auto word = std::string_view(cell).substr(start, end - start);
                longest_word[c] = std::max(longest_word[c], display_width(word));
                start = end + 1;
            }
        }
    };
    measure(headers);
    for (const auto& row : rows)
        measure(row);

    const int available = options.width - gap * static_cast<int>(columns - 1);
    auto total = [&] { return std::accumulate(widths.begin(), widths.end(), 0); };
    // The lines a column's cells take at a width (its header included).
    auto lines_at = [&](std::size_t c, int width) {
        std::size_t lines = wrap(headers[c], width).size();
        for (const auto& row : rows)
            lines += c < row.size() ? wrap(row[c], width).size() : 1;
        return lines;
    };
    // Narrow one column at a time, never below its longest word, choosing the column whose
    // cells gain the fewest lines (the wider one on a tie), so that as few rows as possible wrap.
    std::vector<std::size_t> heights(columns);
    for (std::size_t c = 0; c < columns; ++c)
        heights[c] = lines_at(c, widths[c]);
    while (total() > available) {
        std::size_t best = columns;
        std::size_t best_cost = 0;
        std::size_t best_height = 0;
        for (std::size_t c = 0; c < columns; ++c) {
            if (widths[c] <= longest_word[c]) continue;
            const std::size_t narrower = lines_at(c, widths[c] - 1);
            const std::size_t cost = narrower - heights[c];
            if (best == columns || cost < best_cost ||
                (cost == best_cost && widths[c] > widths[best])) {
                best = c;
                best_cost = cost;
                best_height = narrower;
            }
        }
        if (best == columns) break;
        --widths[best];
        heights[best] = best_height;
    }

    const Style& style = options.style;
    std::string out;
    if (total() > available) {
        // Too narrow for columns: one block per row.
        for (const auto& row : rows) {
            for (std::size_t c = 0; c < columns && c < row.size(); ++c) {
                if (row[c].empty()) continue;
                // A label that would take more than half the line goes on a line of its own.
                if (c > 0 && 2 * (display_width(headers[c]) + 2) > options.width) {
                    for (const auto& line : wrap(headers[c] + ":", options.width))
                        out += style.label(line) + '\n';
                    out += wrap_with_prefix(row[c], options.width, "  ", "  ");
                    continue;
                }
                out += wrap_with_prefix(row[c], options.width,
                                        c == 0 ? "" : style.label(headers[c] + ": "),
                                        c == 0 ? "" : "  ");
            }
            out += '\n';
        }
        return out;
    }

    auto emit = [&](const std::vector<std::string>& cells, bool header) {
        std::vector<std::vector<std::string>> wrapped(columns);
        std::size_t height = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            wrapped[c] = wrap(c < cells.size() ? cells[c] : "", widths[c]);
            height = std::max(height, wrapped[c].size());
        }
        for (std::size_t line = 0; line < height; ++line) {
            std::string text;
            for (std::size_t c = 0; c < columns; ++c) {
                const std::string cell = line < wrapped[c].size() ? wrapped[c][line] : "";
                const bool last = c + 1 == columns;
                const std::string shown = header ? style.label(cell) : cell;
                text += last ? shown : pad_right(shown, widths[c] + gap);
            }
            while (!text.empty() && text.back() == ' ')
                text.pop_back();
            out += text + '\n';
        }
    };
    emit(headers, true);
    for (const auto& row : rows)
        emit(row, false);
    return out;
}

} // namespace calmlegs
