// Context: writing pages, JSON, errors and notes, and telling whether it all got written.

#include "cli/context.h"

#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace calmlegs::cli {

void Context::write(Stream& stream, std::string_view page_text) {
    // Every page, line, error and note of every command passes here: whatever a file, the
    // journal or the person wrote is shown, never obeyed (only our own colours stay codes).
    const RenderOptions render = render_options();
    const std::string text = render.style.safe(page_text);
    if (terminal().utf8) {
        stream.write(text);
        return;
    }
    // ASCII spellings can be longer ("…" is "..."): a line that fitted the width still does.
    const int width = render.width;
    std::string ascii;
    for (const auto& line : split_lines(text)) {
        std::string spelt = to_ascii(line);
        if (display_width(spelt) > width && display_width(line) <= width)
            spelt = elide(spelt, width, "...");
        ascii += spelt + '\n';
    }
    if (!text.empty() && text.back() != '\n') ascii.pop_back();
    stream.write(ascii);
}

void Context::page(const std::string& text) {
    const TerminalInfo& info = terminal();
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    if (info.tty && !options.no_pager && lines >= info.rows) {
        // An empty PAGER or "cat" means no pager; an unset one means less.
        const std::string pager = m_system.env("PAGER").value_or("less -FRX");
        const std::string shown = render_options().style.safe(text);
        if (!pager.empty() && pager != "cat" &&
            m_system.page(pager, info.utf8 ? shown : to_ascii(shown)))
            return;
    }
    write(m_system.out(), text);
}

void Context::print(std::string_view text) {
    write(m_system.out(), text);
}

void Context::print_json(const JsonWriter& json) {
    // JSON is UTF-8 by definition (RFC 8259): it is never transliterated.
    m_system.out().write(json.str() + "\n");
}

ExitStatus Context::show(const std::function<void(JsonWriter&)>& json,
                         const std::function<std::string(const RenderOptions&)>& text) {
    if (options.json) {
        JsonWriter writer;
        json(writer);
        print_json(writer);
    } else {
        page(text(render_options()));
    }
    return ExitStatus::success;
}

void Context::error(std::string_view message, std::string_view hint) {
    // Messages echo what was typed: no control character of it may reach the terminal.
    std::string text = "calmlegs: " + visible(message, true) + "\n";
    if (!hint.empty()) text += visible(hint, true) + "\n";
    write(m_system.err(), text);
}

void Context::note(std::string_view message) {
    write(m_system.err(), visible(message, true) + "\n");
}

int Context::checked_output(int status) {
    const int failed = m_system.out().error();
    if (failed == 0) return status;
    // A reader that went away early (| head) is no fault: quiet, as SIGPIPE would have been.
    if (failed == EPIPE) return status != 0 ? status : to_int(ExitStatus::broken_pipe);
    error(std::string("could not write the output: ") + std::strerror(failed),
          "Check where standard output goes (a full disk, a closed file).");
    return status != 0 ? status : to_int(ExitStatus::output); // a failure keeps its own status
}

} // namespace calmlegs::cli
