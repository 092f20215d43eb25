#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace calmlegs {

/// The program's few text styles, as escape codes when colour is on and as plain text when
/// it is off, so a renderer never has to ask.
class Style {
public:
    explicit Style(bool color)
        : m_color(color) {}

    bool color() const { return m_color; }
    /// Titles of pages and sections.
    std::string heading(std::string_view text) const { return wrap(k_heading, text); }
    /// Field labels in the left column.
    std::string label(std::string_view text) const { return wrap(k_label, text); }
    /// Conditions and warnings that must not be missed.
    std::string warning(std::string_view text) const { return wrap(k_warning, text); }
    /// Secondary text: notes, references, hints.
    std::string muted(std::string_view text) const { return wrap(k_muted, text); }
    /// Commands the person can type.
    std::string command(std::string_view text) const { return wrap(k_command, text); }

    /// `text` fit for a terminal: every control character and escape sequence in it shown in
    /// caret notation by visible() ("\e]2;x\a" is "^[]2;x^G"), except newlines and tabs when
    /// `keep_layout` (a page; a table cell or a one-line field has neither) and the codes of
    /// this style (none when colour is off). The one gate between the text a file or a person
    /// wrote and the terminal: a page, a cell or a line passes through it, so nothing they
    /// wrote can move the cursor, retitle the window or recolour. Bytes that are no UTF-8
    /// become \xNN. A text without control characters comes back unchanged, and so does one
    /// that has been through it once.
    std::string safe(std::string_view text, bool keep_layout = true) const;

private:
    static constexpr std::string_view k_heading = "1";
    static constexpr std::string_view k_label = "36";
    static constexpr std::string_view k_warning = "1;33";
    static constexpr std::string_view k_muted = "2";
    static constexpr std::string_view k_command = "32";
    static constexpr std::string_view k_reset = "0";

    std::string wrap(std::string_view code, std::string_view text) const;
    /// The length of the code of this style that starts at byte `at` of `text`, else 0.
    std::size_t own_code_length(std::string_view text, std::size_t at) const;
    bool m_color;
};

} // namespace calmlegs
