#pragma once
// Reading text a byte at a time while keeping the line and column of where the reader is:
// what the JSON and CSV readers of the journal's exports share, for their error positions.

#include "content/diagnostics.h"

#include <cstddef>
#include <string_view>

namespace calmlegs {

/// A position in a text; a column counts characters, so UTF-8 continuation bytes add none.
class TextCursor {
protected:
    explicit TextCursor(std::string_view text)
        : m_text(text) {}

    bool at_end() const { return m_at >= m_text.size(); }
    char peek() const { return m_text[m_at]; }
    /// True when the byte after the current one is `c`.
    bool next_is(char c) const { return m_at + 1 < m_text.size() && m_text[m_at + 1] == c; }

    /// Moves past one byte.
    void advance() {
        const auto c = static_cast<unsigned char>(m_text[m_at++]);
        if (c == '\n') {
            ++m_pos.line;
            m_pos.column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++m_pos.column;
        }
    }

    std::string_view m_text;
    std::size_t m_at = 0;
    SourcePos m_pos{1, 1};
};

} // namespace calmlegs
