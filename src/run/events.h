#pragma once
// The runner's only view of time and input. Abstract so that tests drive a routine with a fake
// clock and scripted keys; the real one (TerminalEvents in run/terminal.h) waits on the steady
// clock and reads the keyboard and signals.

#include <chrono>
#include <optional>

namespace calmlegs {

using SteadyTime = std::chrono::steady_clock::time_point;
using Nanos = std::chrono::nanoseconds;

/// Something that ended a wait.
struct Event {
    enum class Kind {
        timeout,   ///< the deadline came
        key,       ///< a key was pressed (see `key`)
        resize,    ///< the terminal changed size
        interrupt, ///< SIGINT, SIGTERM or SIGHUP (see `signal`)
        suspend,   ///< Ctrl-Z (SIGTSTP)
    };
    Kind kind = Kind::timeout;
    char key = 0; ///< ' ', 'n', 'q', '?' or '\n' (Enter); other keys are not reported
    int signal = 0;
};

class EventSource {
public:
    virtual ~EventSource() = default;
    /// The steady (monotonic) time now.
    virtual SteadyTime now() = 0;
    /// Waits until `deadline` (an absolute time, so that errors never add up) or, without one,
    /// until something happens.
    virtual Event wait_until(std::optional<SteadyTime> deadline) = 0;
    /// Stops the process after Ctrl-Z; returns once it has been continued.
    virtual void stop_self() = 0;
    /// True when keys can be read, so that steps may wait for Enter.
    virtual bool interactive() const = 0;
};

} // namespace calmlegs
