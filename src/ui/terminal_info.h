#pragma once
// What the program may do with the terminal it writes to, decided once at start-up from the
// facts the process was given (in the spirit of ninja's LinePrinter). Everything that draws
// asks this, and nothing else reads the environment or asks whether stdout is a terminal.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace calmlegs {

/// The raw facts about the process's terminal, as the operating system reports them.
struct TerminalFacts {
    bool stdout_tty = false; ///< standard output is a terminal
    bool stdin_tty = false;  ///< standard input is a terminal (keys can be read)
    int columns = 0;         ///< the size of stdout's terminal; 0 when unknown
    int rows = 0;
};

/// The decisions: made once, passed down.
struct TerminalInfo {
    bool tty = false;         ///< stdout is a terminal: pages may go through a pager
    bool keys = false;        ///< stdin is a terminal: a routine can read keys
    int columns = 80;         ///< the width to fit (the terminal's, else $COLUMNS, else 80)
    int rows = 24;            ///< the height, for the pager's "longer than the screen"
    bool color = false;       ///< escape codes for colour may be written
    bool full_screen = false; ///< the full-screen routine display may be used
    bool utf8 = true;         ///< the locale shows UTF-8; otherwise every glyph is ASCII
};

/// The narrowest terminal the full-screen display is drawn on; below it, plain lines.
inline constexpr int k_full_screen_min_columns = 20;

/// An environment variable's value, nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// Decides what the terminal can do:
/// - colour on a terminal unless `no_color_flag`, NO_COLOR (non-empty) or TERM dumb/unset;
///   CLICOLOR_FORCE (non-empty, not "0") forces it on anywhere, but never past NO_COLOR or
///   --no-color (https://no-color.org, https://bixense.com/clicolors);
/// - full screen on a terminal whose TERM is set and not "dumb", at least 20 columns wide;
/// - UTF-8 when the first of LC_ALL, LC_CTYPE and LANG that is set and non-empty (the order
///   setlocale reads them in) names a UTF-8 codeset; otherwise ASCII ("C", "POSIX", unset).
TerminalInfo decide_terminal(const TerminalFacts& facts, const EnvLookup& env, bool no_color_flag);

/// True when a locale name such as "en_GB.UTF-8" or "C.utf8" has a UTF-8 codeset.
bool is_utf8_locale(std::string_view name);

} // namespace calmlegs
