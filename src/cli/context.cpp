#include "cli/context.h"

#include "calmlegs_config.h"

#include <algorithm>

namespace calmlegs::cli {

ShippedContent shipped_content() {
    return ShippedContent{CALMLEGS_BUILD_DIR, CALMLEGS_SOURCE_CONTENT_DIR, CALMLEGS_BIN_TO_CONTENT,
                          CALMLEGS_INSTALL_CONTENT_DIR};
}

const TerminalInfo& Context::terminal() {
    if (!m_terminal)
        m_terminal = decide_terminal(
            m_system.terminal_facts(), [this](std::string_view name) { return m_system.env(name); },
            options.no_color);
    return *m_terminal;
}

RenderOptions Context::render_options() {
    const TerminalInfo& info = terminal();
    RenderOptions render;
    // Long lines are hard to read: prose stops at 100 columns even on a wide terminal.
    render.width = std::clamp(info.columns, k_min_page_width, 100);
    render.style = Style(info.color);
    render.ascii = !info.utf8;
    return render;
}

} // namespace calmlegs::cli
