#pragma once
// The real terminal: an Output on a file descriptor, and the EventSource that waits on the
// steady clock while reading keys (raw mode) and signals. Every change to the terminal is
// undone by the destructors, on every way out.

#include "run/events.h"
#include "run/keys.h"
#include "run/output.h"

#include <deque>
#include <termios.h>

namespace calmlegs {

/// Writes to a file descriptor, whole, unbuffered (a frame is one write).
class FdOutput final : public Output {
public:
    explicit FdOutput(int fd)
        : m_fd(fd) {}
    void write(std::string_view text) override;
    void flush() override {}
    TerminalSize size() override;
    /// The errno of the first write that failed (0 if none did).
    int error() const { return m_error; }

private:
    int m_fd;
    int m_error = 0;
};

/// Waits for deadlines on the steady clock, for keys on `input_fd` (in raw mode, when it is
/// the foreground terminal) and for SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP and SIGWINCH.
/// Only one may exist at a time: signals reach it through one process-wide pipe.
class TerminalEvents final : public EventSource {
public:
    /// `read_keys`: read keys when `input_fd` is a terminal in the foreground.
    TerminalEvents(int input_fd, bool read_keys);
    ~TerminalEvents() override;
    TerminalEvents(const TerminalEvents&) = delete;
    TerminalEvents& operator=(const TerminalEvents&) = delete;

    SteadyTime now() override;
    Event wait_until(std::optional<SteadyTime> deadline) override;
    void stop_self() override;
    bool interactive() const override { return m_raw; }

private:
    void enter_raw();
    void leave_raw();
    bool read_keys();

    int m_fd;
    int m_timer = -1;
    bool m_raw = false;
    bool m_can_read = false;
    termios m_saved{};
    KeyDecoder m_decoder;
    std::deque<char> m_keys;
};

} // namespace calmlegs
