#include "ui/terminal_info.h"

#include <cctype>
#include <charconv>

namespace calmlegs {
namespace {

bool set(const std::optional<std::string>& value) {
    return value && !value->empty();
}

/// A positive whole number, or 0.
int positive(const std::optional<std::string>& text) {
    if (!text) return 0;
    int value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    return error == std::errc() && end == text->data() + text->size() && value > 0 ? value : 0;
}

} // namespace

bool is_utf8_locale(std::string_view name) {
    std::string lower;
    for (const char c : name)
        if (c != '-') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // The codeset follows the '.', and a modifier may follow it ("de_DE.UTF-8@euro").
    const auto dot = lower.find('.');
    if (dot == std::string::npos) return lower == "utf8"; // macOS sets LC_CTYPE=UTF-8
    const std::string codeset = lower.substr(dot + 1, lower.find('@', dot) - dot - 1);
    return codeset == "utf8";
}

TerminalInfo decide_terminal(const TerminalFacts& facts, const EnvLookup& env, bool no_color_flag) {
    TerminalInfo info;
    info.tty = facts.stdout_tty;
    info.keys = facts.stdin_tty;
    if (facts.stdout_tty && facts.columns > 0) {
        info.columns = facts.columns;
        if (facts.rows > 0) info.rows = facts.rows;
    } else if (const int columns = positive(env("COLUMNS")); columns > 0) {
        info.columns = columns;
    }
    const auto term = env("TERM");
    const bool smart = set(term) && *term != "dumb";
    const auto force = env("CLICOLOR_FORCE");
    const bool forced = set(force) && *force != "0";
    info.color = !no_color_flag && !set(env("NO_COLOR")) && ((facts.stdout_tty && smart) || forced);
    info.full_screen = facts.stdout_tty && smart && info.columns >= k_full_screen_min_columns;
    info.utf8 = false;
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"})
        if (const auto value = env(name); set(value)) {
            info.utf8 = is_utf8_locale(*value);
            break;
        }
    return info;
}

} // namespace calmlegs
