#include "ui/style.h"

#include "ui/text.h"

#include <array>

namespace calmlegs {

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!m_color || text.empty()) return std::string(text);
    std::string out = "\x1b[";
    out += code;
    out += 'm';
    out += text;
    out += "\x1b[";
    out += k_reset;
    out += 'm';
    return out;
}

std::size_t Style::own_code_length(std::string_view text, std::size_t at) const {
    if (!m_color || text.substr(at, 2) != "\x1b[") return 0;
    const std::string_view rest = text.substr(at + 2);
    for (const std::string_view code :
         std::array{k_heading, k_label, k_warning, k_muted, k_command, k_reset})
        if (rest.size() > code.size() && rest.substr(0, code.size()) == code &&
            rest[code.size()] == 'm')
            return 2 + code.size() + 1;
    return 0;
}

std::string Style::safe(std::string_view text, bool keep_layout) const {
    // Copied as they are: our own codes, and tabs where the layout is kept. Between them,
    // visible() shows the rest.
    auto kept_length = [&](std::size_t at) -> std::size_t {
        if (text[at] == '\t') return keep_layout ? 1 : 0;
        return own_code_length(text, at);
    };
    std::string out;
    std::size_t start = 0; // the first byte not yet copied
    for (std::size_t i = text.find_first_of("\x1b\t"); i < text.size();
         i = text.find_first_of("\x1b\t", i)) {
        const std::size_t kept = kept_length(i);
        if (kept == 0) {
            ++i;
            continue;
        }
        out += visible(text.substr(start, i - start), keep_layout);
        out += text.substr(i, kept);
        i += kept;
        start = i;
    }
    out += visible(text.substr(start), keep_layout);
    return out;
}

} // namespace calmlegs
