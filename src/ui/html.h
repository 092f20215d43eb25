#pragma once
// Writing HTML that is also well-formed XML (a polyglot page): every element closed, every
// attribute quoted, and every text escaped, so that nothing read from the journal, the config
// or the content can become markup.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace calmlegs {

/// `text` safe as HTML or XML text or as a quoted attribute value: control characters but the
/// newline shown in caret notation (as visible() does), then & < > " ' written as character
/// references, and U+FFFE and U+FFFF (which XML forbids) as U+FFFD.
std::string html_escape(std::string_view text);

/// Appends html_escape(text) to `out`.
void append_escaped(std::string& out, std::string_view text);

/// One attribute: its name (written as it is: only the program's own names) and its value
/// (escaped).
using HtmlAttribute = std::pair<std::string_view, std::string_view>;

/// Builds a page element by element. It keeps the open elements, so that each close() ends the
/// innermost one and str() can check that none is left open.
///
///     HtmlWriter html;
///     html.open("p", {{"class", "note"}}).text("<script>").close();
///     html.str(); // <p class="note">&lt;script&gt;</p>
class HtmlWriter {
public:
    /// Makes room for `size` bytes, for long pages.
    void reserve(std::size_t size) { m_out.reserve(size); }
    /// `<name attributes>`.
    HtmlWriter& open(std::string_view name, std::initializer_list<HtmlAttribute> list = {});
    /// Ends the innermost open element.
    HtmlWriter& close();
    /// `<name attributes/>`: an element with no content (br, meta, circle).
    HtmlWriter& empty(std::string_view name, std::initializer_list<HtmlAttribute> list = {});
    /// `<name attributes>text</name>`, the text escaped.
    HtmlWriter& element(std::string_view name, std::string_view text,
                        std::initializer_list<HtmlAttribute> list = {});
    /// Escaped text.
    HtmlWriter& text(std::string_view text);
    /// Markup written as it is: only the program's own constant text, never what was read.
    HtmlWriter& raw(std::string_view markup);
    /// The page so far, for appending numbers and attributes directly (the chart's points).
    std::string& out() { return m_out; }

    /// How many elements are open.
    std::size_t depth() const { return m_open.size(); }
    /// The page; complete once every element opened is closed.
    const std::string& str() const { return m_out; }

private:
    void attributes(std::initializer_list<HtmlAttribute> attributes);

    std::string m_out;
    std::vector<std::string> m_open;
};

} // namespace calmlegs
