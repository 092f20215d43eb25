#include "run/terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/timerfd.h>
#include <unistd.h>

namespace calmlegs {
namespace {

// The self-pipe: a signal handler may only do async-signal-safe things, so it writes the
// signal's number here and the wait loop reads it.
int g_pipe[2] = {-1, -1};

extern "C" void on_signal(int signal) {
    const int saved = errno;
    const auto byte = static_cast<unsigned char>(signal);
    [[maybe_unused]] const ssize_t written = ::write(g_pipe[1], &byte, 1);
    errno = saved;
}

// SIGPIPE too: when whoever reads the output goes away (`calmlegs tonight | head`), the run
// must stop through the same door as the others, so the terminal is given back.
constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGWINCH, SIGPIPE};
struct sigaction g_previous[sizeof k_signals / sizeof k_signals[0]];

void catch_signal(int signal, struct sigaction* previous) {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(signal, &action, previous);
}

} // namespace

void FdOutput::write(std::string_view text) {
    while (!text.empty()) {
        const ssize_t written = ::write(m_fd, text.data(), text.size());
        if (written < 0) {
            if (errno == EINTR) continue;
            if (m_error == 0) m_error = errno;
            return; // the run goes on, and its end is reported
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
}

TerminalSize FdOutput::size() {
    winsize size{};
    if (::ioctl(m_fd, TIOCGWINSZ, &size) != 0) return {};
    return {size.ws_col, size.ws_row};
}

TerminalEvents::TerminalEvents(int input_fd, bool read_keys)
    : m_fd(input_fd) {
    if (::pipe2(g_pipe, O_NONBLOCK | O_CLOEXEC) != 0) g_pipe[0] = g_pipe[1] = -1;
    // Deadlines go through a timer on the monotonic clock: poll's own timeout may wake up
    // late by a thousandth of the wait (1 ms in a second), a timer by microseconds.
    m_timer = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    for (std::size_t i = 0; i < std::size(k_signals); ++i)
        catch_signal(k_signals[i], &g_previous[i]);
    // Wake up within microseconds of a deadline rather than the default 50 us of slack.
    ::prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
    // Only the foreground process may change the terminal (or it would be stopped by SIGTTOU).
    // tcgetpgrp fails (-1, ENOTTY) on anything but a terminal, so this also asks "a terminal?".
    m_can_read = read_keys && ::tcgetpgrp(m_fd) == ::getpgrp();
    if (m_can_read) enter_raw();
}

TerminalEvents::~TerminalEvents() {
    leave_raw();
    for (std::size_t i = 0; i < std::size(k_signals); ++i)
        ::sigaction(k_signals[i], &g_previous[i], nullptr);
    for (int& fd : g_pipe) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
    if (m_timer >= 0) ::close(m_timer);
}

void TerminalEvents::enter_raw() {
    if (m_raw || ::tcgetattr(m_fd, &m_saved) != 0) return;
    termios raw = m_saved;
    // Keys arrive one at a time and are not echoed; Ctrl-C and Ctrl-Z still send signals.
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (::tcsetattr(m_fd, TCSANOW, &raw) == 0) m_raw = true;
}

void TerminalEvents::leave_raw() {
    if (!m_raw) return;
    ::tcsetattr(m_fd, TCSADRAIN, &m_saved);
    m_raw = false;
}

SteadyTime TerminalEvents::now() {
    return std::chrono::steady_clock::now();
}

bool TerminalEvents::read_keys() {
    char buffer[64];
    const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
    if (got <= 0) return false;
    for (const char key : m_decoder.decode({buffer, static_cast<std::size_t>(got)}))
        m_keys.push_back(key);
    return !m_keys.empty();
}

Event TerminalEvents::wait_until(std::optional<SteadyTime> deadline) {
    // steady_clock is CLOCK_MONOTONIC, so its time points arm the timer as they are.
    itimerspec timer{};
    if (deadline) {
        const auto ns = std::chrono::duration_cast<Nanos>(deadline->time_since_epoch()).count();
        timer.it_value.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        timer.it_value.tv_nsec = static_cast<long>(ns % 1'000'000'000);
        if (timer.it_value.tv_sec == 0 && timer.it_value.tv_nsec == 0) timer.it_value.tv_nsec = 1;
    }
    if (m_timer >= 0) ::timerfd_settime(m_timer, TFD_TIMER_ABSTIME, &timer, nullptr);
    for (;;) {
        if (!m_keys.empty()) {
            Event event{Event::Kind::key, m_keys.front(), 0};
            m_keys.pop_front();
            return event;
        }
        if (deadline && now() >= *deadline) return Event{};
        pollfd fds[3] = {{g_pipe[0], POLLIN, 0}, {m_timer, POLLIN, 0}, {m_fd, POLLIN, 0}};
        const nfds_t count = m_raw ? 3 : 2;
        timespec fallback{}; // without a timer, poll's own (coarser) timeout has to do
        timespec* limit = nullptr;
        if (deadline && m_timer < 0) {
            const auto left = std::chrono::duration_cast<Nanos>(*deadline - now()).count();
            fallback.tv_sec = static_cast<time_t>(left / 1'000'000'000);
            fallback.tv_nsec = static_cast<long>(left % 1'000'000'000);
            limit = &fallback;
        }
        const int ready = ::ppoll(fds, count, limit, nullptr);
        if (ready < 0 && errno != EINTR) return Event{};
        if (ready <= 0) continue; // a signal: looked at on the next turn
        if (fds[0].revents & POLLIN) {
            unsigned char signal = 0;
            if (::read(g_pipe[0], &signal, 1) == 1) {
                switch (signal) {
                case SIGWINCH:
                    return Event{Event::Kind::resize, 0, 0};
                case SIGTSTP:
                    return Event{Event::Kind::suspend, 0, 0};
                default:
                    return Event{Event::Kind::interrupt, 0, signal};
                }
            }
        }
        if (fds[1].revents & POLLIN) { // the deadline came: take the expiry off the timer
            std::uint64_t expirations = 0;
            [[maybe_unused]] const ssize_t got = ::read(m_timer, &expirations, sizeof expirations);
        }
        if (count > 2 && (fds[2].revents & (POLLIN | POLLHUP))) {
            if (!read_keys() && (fds[2].revents & POLLHUP)) {
                // The terminal went away: stop reading it, and carry on with the timers.
                leave_raw();
            }
        }
    }
}

void TerminalEvents::stop_self() {
    const bool was_raw = m_raw;
    leave_raw();
    // Stop for real with the default action, then take the terminal back on SIGCONT.
    struct sigaction default_action {
    }, ours{};
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    ::sigaction(SIGTSTP, &default_action, &ours);
    ::raise(SIGTSTP);
    // cppcheck-suppress unreachableCode ; raise(SIGTSTP) stops the process and returns on SIGCONT
    ::sigaction(SIGTSTP, &ours, nullptr);
    if (was_raw && ::tcgetpgrp(m_fd) == ::getpgrp()) enter_raw();
}

} // namespace calmlegs
