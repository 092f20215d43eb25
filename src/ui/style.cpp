#include "ui/style.h"

namespace calmlegs {

std::string Style::wrap(std::string_view code, std::string_view text) const {
    if (!m_color || text.empty()) return std::string(text);
    std::string out = "\x1b[";
    out += code;
    out += 'm';
    out += text;
    out += "\x1b[0m";
    return out;
}

} // namespace calmlegs
