#include "run/terminal.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

using namespace calmlegs;

TEST_CASE("TerminalEvents reads keys only from a terminal: a pipe or a file is not one") {
    // tcgetpgrp() fails on anything but a terminal, so these never count as the foreground
    // terminal, and a step that waits for Enter takes its own length.
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    {
        const TerminalEvents events(pipe_fds[0], true);
        CHECK_FALSE(events.interactive());
    }
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);

    const int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    REQUIRE(null_fd >= 0);
    {
        const TerminalEvents events(null_fd, true);
        CHECK_FALSE(events.interactive());
    }
    ::close(null_fd);
}
