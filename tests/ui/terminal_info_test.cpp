#include "ui/terminal_info.h"

#include <doctest/doctest.h>

#include <map>

using namespace calmlegs;

namespace {

/// An environment of exactly these variables.
EnvLookup env_of(std::map<std::string, std::string> vars) {
    return [vars](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

TerminalFacts tty(int columns = 80, int rows = 24) {
    return TerminalFacts{true, true, columns, rows};
}

} // namespace

TEST_CASE("decide_terminal: colour") {
    const auto smart = env_of({{"TERM", "xterm-256color"}});
    CHECK(decide_terminal(tty(), smart, false).color);
    SUBCASE("never with --no-color or NO_COLOR") {
        CHECK_FALSE(decide_terminal(tty(), smart, true).color);
        CHECK_FALSE(
            decide_terminal(tty(), env_of({{"TERM", "xterm"}, {"NO_COLOR", "1"}}), false).color);
        // An empty NO_COLOR is as good as unset (no-color.org).
        CHECK(decide_terminal(tty(), env_of({{"TERM", "xterm"}, {"NO_COLOR", ""}}), false).color);
    }
    SUBCASE("not on a pipe, nor on a dumb or unknown terminal") {
        CHECK_FALSE(decide_terminal(TerminalFacts{}, smart, false).color);
        CHECK_FALSE(decide_terminal(tty(), env_of({{"TERM", "dumb"}}), false).color);
        CHECK_FALSE(decide_terminal(tty(), env_of({}), false).color);
        CHECK_FALSE(decide_terminal(tty(), env_of({{"TERM", ""}}), false).color);
    }
    SUBCASE("CLICOLOR_FORCE forces it, but not past NO_COLOR or --no-color") {
        const auto forced = env_of({{"CLICOLOR_FORCE", "1"}});
        CHECK(decide_terminal(TerminalFacts{}, forced, false).color);
        CHECK_FALSE(
            decide_terminal(TerminalFacts{}, env_of({{"CLICOLOR_FORCE", "0"}}), false).color);
        CHECK_FALSE(decide_terminal(TerminalFacts{}, forced, true).color);
        CHECK_FALSE(decide_terminal(TerminalFacts{},
                                    env_of({{"CLICOLOR_FORCE", "1"}, {"NO_COLOR", "x"}}), false)
                        .color);
    }
}

TEST_CASE("decide_terminal: the full-screen display needs a smart terminal of 20 columns") {
    const auto smart = env_of({{"TERM", "xterm"}});
    CHECK(decide_terminal(tty(20), smart, false).full_screen);
    CHECK_FALSE(decide_terminal(tty(19), smart, false).full_screen);
    CHECK_FALSE(decide_terminal(tty(80), env_of({{"TERM", "dumb"}}), false).full_screen);
    CHECK_FALSE(decide_terminal(tty(80), env_of({}), false).full_screen);
    CHECK_FALSE(decide_terminal(TerminalFacts{false, true, 0, 0}, smart, false).full_screen);
    // Colour does not matter: NO_COLOR still gets the full screen, in plain text.
    CHECK(
        decide_terminal(tty(), env_of({{"TERM", "xterm"}, {"NO_COLOR", "1"}}), false).full_screen);
}

TEST_CASE("decide_terminal: width and height") {
    const auto info = decide_terminal(tty(132, 50), env_of({{"COLUMNS", "40"}}), false);
    CHECK(info.columns == 132); // the terminal's own size wins
    CHECK(info.rows == 50);
    CHECK(decide_terminal(TerminalFacts{}, env_of({{"COLUMNS", "40"}}), false).columns == 40);
    CHECK(decide_terminal(TerminalFacts{}, env_of({{"COLUMNS", "12"}}), false).columns == 12);
    // Not a positive whole number: the default.
    for (const char* bad : {"", "0", "-5", "40x", "abc"})
        CHECK(decide_terminal(TerminalFacts{}, env_of({{"COLUMNS", bad}}), false).columns == 80);
    CHECK(decide_terminal(TerminalFacts{}, env_of({}), false).rows == 24);
    // A terminal that reports no size (0 columns) falls back to COLUMNS.
    CHECK(decide_terminal(tty(0, 0), env_of({{"COLUMNS", "33"}}), false).columns == 33);
}

TEST_CASE("decide_terminal: keys only when stdin is a terminal") {
    CHECK(decide_terminal(tty(), env_of({}), false).keys);
    CHECK_FALSE(decide_terminal(TerminalFacts{true, false, 80, 24}, env_of({}), false).keys);
    CHECK(decide_terminal(tty(), env_of({}), false).tty);
}

TEST_CASE("decide_terminal: UTF-8 from LC_ALL, LC_CTYPE and LANG, in setlocale's order") {
    auto utf8 = [](std::map<std::string, std::string> vars) {
        return decide_terminal(TerminalFacts{}, env_of(std::move(vars)), false).utf8;
    };
    CHECK(utf8({{"LANG", "en_GB.UTF-8"}}));
    CHECK(utf8({{"LANG", "C.utf8"}}));
    CHECK(utf8({{"LANG", "de_DE.UTF-8@euro"}}));
    CHECK_FALSE(utf8({}));
    CHECK_FALSE(utf8({{"LANG", "C"}}));
    CHECK_FALSE(utf8({{"LANG", "POSIX"}}));
    CHECK_FALSE(utf8({{"LANG", "en_US.ISO-8859-1"}}));
    CHECK_FALSE(utf8({{"LANG", "en_US"}}));
    // The first that is set and not empty decides.
    CHECK_FALSE(utf8({{"LC_ALL", "C"}, {"LANG", "en_GB.UTF-8"}}));
    CHECK(utf8({{"LC_ALL", ""}, {"LC_CTYPE", "C.UTF-8"}, {"LANG", "C"}}));
    CHECK_FALSE(utf8({{"LC_CTYPE", "POSIX"}, {"LANG", "en_GB.UTF-8"}}));
}

TEST_CASE("is_utf8_locale reads the codeset, not the language") {
    CHECK(is_utf8_locale("en_GB.UTF-8"));
    CHECK(is_utf8_locale("en_GB.utf8"));
    CHECK(is_utf8_locale("UTF-8"));              // a codeset alone, as macOS sets it
    CHECK_FALSE(is_utf8_locale("en_GB"));        // no codeset part
    CHECK_FALSE(is_utf8_locale("en_GB.UTF-16")); //
    CHECK_FALSE(is_utf8_locale("en_GB.UTF-8x")); //
}
