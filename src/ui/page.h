#pragma once

#include "ui/style.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The narrowest page: on a terminal narrower still, lines are as wide as this.
inline constexpr int k_min_page_width = 10;

/// How a renderer should lay text out.
struct RenderOptions {
    int width = 80; ///< columns available (already capped for comfortable reading)
    Style style{false};
    bool ascii = false; ///< text is spelt in ASCII before it is laid out (see to_ascii)
};

/// Builds a text page line by line within a width: titles, paragraphs, bullet lists and
/// "label  value" fields whose values wrap under themselves. Renderers return its str().
class Page {
public:
    explicit Page(const RenderOptions& options);

    /// A bold title, `given_text`, with an optional muted tag after it ("Magnesium · mineral");
    /// both shown in caret notation where they hold control characters (Style::safe).
    void title(std::string_view given_text, std::string_view given_tag = {});
    /// A bold sub-heading.
    void heading(std::string_view text);
    /// One empty line, never two in a row and never at the top.
    void blank();
    /// Wrapped prose, indented by `indent` columns.
    void paragraph(std::string_view text, int indent = 0);
    /// A wrapped paragraph in the warning style, with a leading marker.
    void warning(std::string_view text, int indent = 0);
    /// A wrapped line in the label style (a small heading inside a section).
    void label(std::string_view text, int indent = 0);
    /// A muted, wrapped paragraph.
    void muted(std::string_view text, int indent = 0);
    /// A bullet (or numbered) list, each item wrapped under itself.
    void bullets(const std::vector<std::string>& items, int indent = 0, bool numbered = false);
    /// `Label       value` with the value wrapped in its own column.
    void field(std::string_view label, std::string_view value);
    /// `Label       • item` for several items.
    void field(std::string_view label, const std::vector<std::string>& items);
    /// A line as it is (already styled and fitted).
    void raw(std::string line);

    std::string str() const;
    int width() const { return m_options.width; }
    const Style& style() const { return m_options.style; }

private:
    /// `text` wrapped to `width`, spelt in ASCII first when the options say so.
    std::vector<std::string> lines_of(std::string_view text, int width) const;
    /// Fields stack their label over the value when the page is too narrow for two columns.
    bool narrow() const { return m_options.width < 48; }

    RenderOptions m_options;
    std::vector<std::string> m_lines;
};

/// Column widths of the label column in fields.
inline constexpr int k_label_width = 12;

/// A table whose cells wrap to fit the width: the widest columns give up space first, and
/// on a very narrow terminal each row becomes a small block of "header: value" lines.
std::string render_table(const std::vector<std::string>& headers,
                         const std::vector<std::vector<std::string>>& rows,
                         const RenderOptions& options);

} // namespace calmlegs
