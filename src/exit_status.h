#pragma once

namespace calmlegs {

/// The exit statuses of the calmlegs binary; calmlegs(1) documents each one.
enum class ExitStatus : int {
    success = 0,
    not_found = 1,     ///< an unknown supplement, step or routine (or an ambiguous name)
    usage = 2,         ///< a usage, content or config error
    output = 74,       ///< standard output could not be written (EX_IOERR of sysexits.h)
    hangup = 129,      ///< 128 + SIGHUP
    interrupted = 130, ///< 128 + SIGINT, or `q` in a routine
    broken_pipe = 141, ///< 128 + SIGPIPE: a routine's output pipe closed
    terminated = 143,  ///< 128 + SIGTERM
};

/// The numeric value handed back to the shell.
constexpr int to_int(ExitStatus status) {
    return static_cast<int>(status);
}

} // namespace calmlegs
