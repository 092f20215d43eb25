#pragma once
// Where the running routine writes. It lives in run/, the lower layer: the terminal (run/) and
// the displays (ui/) both write to it, and ui/ may include run/, never the other way round.

#include <string_view>

namespace calmlegs {

/// The size of a terminal in character cells; zero when the output is not a terminal.
struct TerminalSize {
    int columns = 0;
    int rows = 0;
};

/// Where a display writes (a terminal, a pipe, a file): abstract so that tests capture it.
class Output {
public:
    virtual ~Output() = default;
    virtual void write(std::string_view text) = 0;
    virtual void flush() = 0;
    virtual TerminalSize size() = 0;
};

} // namespace calmlegs
