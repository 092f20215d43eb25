#pragma once

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
    std::string heading(std::string_view text) const { return wrap("1", text); }
    /// Field labels in the left column.
    std::string label(std::string_view text) const { return wrap("36", text); }
    /// Conditions and warnings that must not be missed.
    std::string warning(std::string_view text) const { return wrap("1;33", text); }
    /// Secondary text: notes, references, hints.
    std::string muted(std::string_view text) const { return wrap("2", text); }
    /// Commands the person can type.
    std::string command(std::string_view text) const { return wrap("32", text); }

private:
    std::string wrap(std::string_view code, std::string_view text) const;
    bool m_color;
};

} // namespace calmlegs
