#include "ui/style.h"

namespace calmlegs {

bool should_use_color(const OutputTraits& traits) {
    return traits.is_tty && !traits.no_color_flag && !traits.no_color_env && !traits.dumb_term;
}

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
