#pragma once
// Reads back what the full-screen display wrote as the screens a terminal would show: each
// frame (from "\x1b[?2026h" to "\x1b[?2026l") moves the cursor to a row ("\x1b[R;1H"), writes
// the line and clears the rest of it ("\x1b[K"), and may clear the screen ("\x1b[2J") or all
// below a row ("\x1b[R;1H\x1b[J"). Only what TerminalDisplay writes is understood.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::test {

/// One frame as drawn: the screen's lines after it, and the window title then.
struct Screen {
    std::vector<std::string> lines;
    std::string title;

    /// Every line, one a line, for a readable failure and for find().
    std::string text() const {
        std::string out;
        for (const auto& line : lines)
            out += line + "\n";
        return out;
    }
};

/// The screen after each frame in `output`, in order.
inline std::vector<Screen> screens_of(std::string_view output) {
    constexpr std::string_view k_begin = "\x1b[?2026h", k_end = "\x1b[?2026l";
    std::vector<Screen> screens;
    Screen now;
    for (std::size_t at = output.find(k_begin); at != std::string_view::npos;
         at = output.find(k_begin, at)) {
        const std::size_t end = output.find(k_end, at);
        if (end == std::string_view::npos) break;
        std::string_view frame = output.substr(at + k_begin.size(), end - at - k_begin.size());
        if (frame.substr(0, 4) == "\x1b[2J") {
            now.lines.clear();
            frame.remove_prefix(4);
        }
        while (frame.substr(0, 2) == "\x1b[") {
            const std::size_t h = frame.find(";1H");
            const std::size_t row = std::stoul(std::string(frame.substr(2, h - 2)));
            frame.remove_prefix(h + 3);
            if (frame.substr(0, 3) == "\x1b[J") { // clear from this row down
                now.lines.resize(row - 1);
                frame.remove_prefix(3);
                continue;
            }
            const std::size_t clear = frame.find("\x1b[K");
            if (now.lines.size() < row) now.lines.resize(row);
            now.lines[row - 1] = std::string(frame.substr(0, clear));
            frame.remove_prefix(clear + 3);
        }
        at = end + k_end.size();
        // A title, when it changed, follows the frame.
        constexpr std::string_view k_title = "\x1b]0;";
        if (output.substr(at, k_title.size()) == k_title) {
            const std::size_t bell = output.find('\x07', at);
            now.title = std::string(output.substr(at + k_title.size(), bell - at - k_title.size()));
        }
        screens.push_back(now);
    }
    return screens;
}

} // namespace calmlegs::test
