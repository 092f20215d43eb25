#include "ui/text.h"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

namespace calmlegs {
namespace {

/// Decodes one code point at `i`, advancing `i`; an invalid byte yields U+FFFD.
char32_t decode(std::string_view text, std::size_t& i) {
    const Utf8Char ch = decode_utf8(text, i);
    if (ch.length == 0) {
        ++i;
        return 0xFFFD;
    }
    i += ch.length;
    return ch.code_point;
}

int code_point_width(char32_t cp) {
    if (cp == 0) return 0;
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x20E3)
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/// The length of the CSI escape sequence (a colour, a cursor move) that starts at `i`: ESC [,
/// parameters, and a final byte from @ to ~; 0 when none starts there.
std::size_t csi_length(std::string_view text, std::size_t i) {
    if (text[i] != '\x1b' || i + 1 >= text.size() || text[i + 1] != '[') return 0;
    std::size_t end = i + 2;
    while (end < text.size() && !(text[end] >= 0x40 && text[end] <= 0x7E))
        ++end;
    return std::min(end + 1, text.size()) - i;
}

void push_line(std::vector<std::string>& lines, std::string& line) {
    trim_trailing_spaces(line);
    lines.push_back(std::move(line));
    line.clear();
}

} // namespace

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte >= 0x20 && byte < 0x7f) { // plain ASCII, the common case
            ++width;
            ++i;
            continue;
        }
        if (const std::size_t csi = csi_length(text, i)) {
            i += csi; // a CSI escape sequence (colour, cursor) takes no columns
            continue;
        }
        width += code_point_width(decode(text, i));
    }
    return width;
}

namespace {

/// wrap() with a first line of its own width: `first_width` columns, then `width` each.
std::vector<std::string> wrap_lines(std::string_view text, int first_width, int width) {
    if (width < 1) width = 1;
    if (first_width < 1) first_width = 1;
    std::vector<std::string> lines;
    std::string line;
    int line_width = 0;
    auto limit = [&] { return lines.empty() ? first_width : width; };
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '\n') {
            push_line(lines, line);
            line_width = 0;
            ++i;
            continue;
        }
        if (text[i] == ' ' || text[i] == '\t') {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n')
            ++end;
        std::string_view word = text.substr(i, end - i);
        const int word_width = display_width(word);
        const int needed = line_width == 0 ? word_width : line_width + 1 + word_width;
        if (needed <= limit()) {
            if (line_width != 0) line += ' ';
            line += word;
            line_width = needed;
        } else if (word_width <= width && (line_width != 0 || lines.empty())) {
            // The word goes whole onto the next line (leaving a short first line empty, so
            // that a word is never cut just because the first line is narrower).
            push_line(lines, line);
            line = std::string(word);
            line_width = word_width;
        } else {
            // A word wider than a whole line starts a full-width line of its own and is
            // broken by columns.
            if (line_width != 0 || (lines.empty() && first_width < width)) push_line(lines, line);
            line_width = 0;
            for (std::size_t k = 0; k < word.size();) {
                std::size_t next = k;
                const int w = code_point_width(decode(word, next));
                if (line_width + w > limit() && line_width > 0) {
                    push_line(lines, line);
                    line_width = 0;
                }
                line.append(word.substr(k, next - k));
                line_width += w;
                k = next;
            }
        }
        i = end;
    }
    if (!line.empty() || lines.empty()) push_line(lines, line);
    return lines;
}

} // namespace

std::vector<std::string> wrap(std::string_view text, int width) {
    return wrap_lines(text, width, width);
}

std::string wrap_with_prefix(std::string_view text, int width, std::string_view first,
                             std::string_view rest) {
    std::string out;
    bool is_first = true;
    for (const auto& line :
         wrap_lines(text, width - display_width(first), width - display_width(rest))) {
        std::string prefix(is_first ? first : rest);
        if (line.empty()) trim_trailing_spaces(prefix);
        out += prefix;
        out += line;
        out += '\n';
        is_first = false;
    }
    return out;
}

std::string pad_right(std::string_view text, int width) {
    std::string out(text);
    for (int w = display_width(text); w < width; ++w)
        out += ' ';
    return out;
}

std::string elide(std::string_view text, int width, std::string_view ellipsis) {
    if (display_width(text) <= width) return std::string(text);
    if (width <= 0) return {};
    // An ellipsis wider than the whole width is left out: the text is only cut.
    const int mark = display_width(ellipsis) <= width ? display_width(ellipsis) : 0;
    std::string out;
    int used = 0;
    bool cut = false;
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t csi = csi_length(text, i)) {
            // Colours take no room, and are all kept: the one that ends a style after the cut
            // still ends it.
            out.append(text.substr(i, csi));
            i += csi;
            continue;
        }
        std::size_t next = i;
        const int w = code_point_width(decode(text, next));
        if (!cut && used + w > width - mark) {
            if (mark > 0) out += ellipsis;
            cut = true;
        }
        if (!cut) {
            out.append(text.substr(i, next - i));
            used += w;
        }
        i = next;
    }
    return out;
}

std::vector<std::string> split_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

void trim_trailing_spaces(std::string& line) {
    line.erase(line.find_last_not_of(' ') + 1);
}

std::string shell_quote(std::string_view word) {
    const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               std::string_view("_./:=@%+,-").find(c) != std::string_view::npos;
    });
    if (safe) return std::string(word);
    std::string out = "'";
    for (char c : word)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string wrap_columns(std::string_view text, int width) {
    std::string out;
    for (const std::string& line : split_lines(text)) {
        if (display_width(line) <= width) {
            out += line + '\n';
            continue;
        }
        const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
        // The description column: after the first gap of two spaces past the indent.
        const std::size_t gap = line.find("  ", indent);
        const std::size_t column =
            gap == std::string::npos ? std::string::npos : line.find_first_not_of(' ', gap);
        // An indent of more than half the width would leave too little for the words.
        const int half = width / 2;
        const int lead_width =
            static_cast<int>(indent) <= half ? static_cast<int>(indent) : std::min(6, half);
        const std::string lead(lead_width, ' ');
        if (column != std::string::npos && static_cast<int>(column) <= width / 2) {
            out += wrap_with_prefix(std::string_view(line).substr(column), width,
                                    line.substr(0, column), std::string(column, ' '));
        } else if (column != std::string::npos) {
            // The left column is too wide to share a line: the rest goes below it, indented.
            const std::string head = line.substr(0, gap);
            const int under = std::min(lead_width + 4, std::max(half, 1));
            out += wrap_with_prefix(std::string_view(head).substr(indent), width, lead,
                                    std::string(under, ' '));
            out += wrap_with_prefix(std::string_view(line).substr(column), width,
                                    std::string(under, ' '), std::string(under, ' '));
        } else {
            // An option's line continues under its name; other lines under themselves.
            const std::string rest(line[indent] == '-' ? std::min(lead_width + 4, std::max(half, 1))
                                                       : lead_width,
                                   ' ');
            out += wrap_with_prefix(std::string_view(line).substr(indent), width, lead, rest);
        }
    }
    return out;
}

std::string visible(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto u = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        // The length of a whole UTF-8 character starting here; 0 when it is not one.
        const std::size_t length = decode_utf8(text, i).length;
        if ((u < 0x20 || u == 0x7f) && !(keep_newlines && u == '\n')) {
            out += '^';
            out += static_cast<char>(u ^ 0x40);
        } else if (u == 0xc2 && next >= 0x80 && next <= 0x9f) {
            // A C1 control written as UTF-8 (U+009B is a CSI to some terminals): as cat -v.
            out += "M-^";
            out += static_cast<char>(next - 0x40);
            ++i;
        } else if (u >= 0x80 && u <= 0x9f) {
            out += "M-^"; // a C1 control byte outside any whole character
            out += static_cast<char>(u - 0x40);
        } else if (length > 1) {
            out.append(text.substr(i, length));
            i += length - 1;
        } else if (u >= 0x80) {
            out += fmt::format("\\x{:02X}", u); // a byte that is no part of a character
        } else {
            out += static_cast<char>(u);
        }
    }
    return out;
}

} // namespace calmlegs
