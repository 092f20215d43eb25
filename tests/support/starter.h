#pragma once
// The starter config (calmlegs config --init) with its settings switched on, for the tests
// that check it against the parser and the content. tests/e2e/man_check.py does the same.

#include <regex>
#include <string>
#include <string_view>

namespace calmlegs::test {

/// `text` with the "# " taken off every line that is a setting ("# bell = true") or a table
/// header ("# [schedule.weekend]", "# [[reminders.own]]"); explanations stay comments.
inline std::string uncommented(std::string_view text) {
    static const std::regex setting(R"(^# (\[.*\]|[a-z_]+ = .*)$)");
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line(text.substr(start, end - start));
        std::smatch match;
        out += std::regex_match(line, match, setting) ? match[1].str() : line;
        out += '\n';
        start = end + 1;
    }
    return out;
}

} // namespace calmlegs::test
