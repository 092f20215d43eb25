#include "ui/html.h"

#include "ui/text.h"

namespace calmlegs {

void append_escaped(std::string& out, std::string_view text) {
    // Most text has no control character: it is made visible only when one is there. A
    // newline is kept: it is only white space in markup (and a line break in <pre>).
    bool control = false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n') || u == 0x7f || u >= 0x80) {
            control = true;
            break;
        }
    }
    const std::string shown = control ? visible(text, true) : std::string();
    const std::string_view safe = control ? std::string_view(shown) : text;
    for (std::size_t i = 0; i < safe.size(); ++i) {
        const char c = safe[i];
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        case '\xEF':
            // U+FFFE and U+FFFF are no XML characters (EF BF BE, EF BF BF).
            if (i + 2 < safe.size() && safe[i + 1] == '\xBF' &&
                (safe[i + 2] == '\xBE' || safe[i + 2] == '\xBF')) {
                out += "\xEF\xBF\xBD";
                i += 2;
                break;
            }
            out += c;
            break;
        default:
            out += c;
        }
    }
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_escaped(out, text);
    return out;
}

void HtmlWriter::attributes(std::initializer_list<HtmlAttribute> attributes) {
    for (const auto& [name, value] : attributes) {
        m_out += ' ';
        m_out += name;
        m_out += "=\"";
        append_escaped(m_out, value);
        m_out += '"';
    }
}

HtmlWriter& HtmlWriter::open(std::string_view name, std::initializer_list<HtmlAttribute> list) {
    m_out += '<';
    m_out += name;
    attributes(list);
    m_out += '>';
    m_open.emplace_back(name);
    return *this;
}

HtmlWriter& HtmlWriter::close() {
    if (m_open.empty()) return *this;
    m_out += "</";
    m_out += m_open.back();
    m_out += '>';
    m_open.pop_back();
    return *this;
}

HtmlWriter& HtmlWriter::empty(std::string_view name, std::initializer_list<HtmlAttribute> list) {
    m_out += '<';
    m_out += name;
    attributes(list);
    m_out += "/>";
    return *this;
}

HtmlWriter& HtmlWriter::element(std::string_view name, std::string_view text,
                                std::initializer_list<HtmlAttribute> list) {
    open(name, list);
    append_escaped(m_out, text);
    return close();
}

HtmlWriter& HtmlWriter::text(std::string_view text) {
    append_escaped(m_out, text);
    return *this;
}

HtmlWriter& HtmlWriter::raw(std::string_view markup) {
    m_out += markup;
    return *this;
}

} // namespace calmlegs
