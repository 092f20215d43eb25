#pragma once
// Holding off the desktop's idle blanking while a full-screen routine runs, so that the
// countdown stays in sight: `systemd-inhibit --what=idle` runs for as long as the routine does.

#include "run/cue_announcer.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace calmlegs {

/// The program that asks the desktop to hold off its idle blanking.
inline constexpr const char* k_inhibit_program = "systemd-inhibit";

/// systemd-inhibit holding the idle lock for a child that lasts as long as process `watched`
/// (GNU tail --pid): stopped, it ends and frees the lock; and should `watched` be killed
/// outright, with no chance to stop it, the lock is still freed a second later.
std::vector<std::string> keep_awake_command(pid_t watched);

/// Holds the desktop awake while it lives: starts `command` through the Spawner, never waits
/// for it, and stops it (SIGTERM) when destroyed, however the routine ended. A command that
/// cannot be started, or that ends at once (no logind to ask), changes nothing and is not said.
class AwakeHold {
public:
    AwakeHold(Spawner& spawner, const std::vector<std::string>& command);
    ~AwakeHold();
    AwakeHold(const AwakeHold&) = delete;
    AwakeHold& operator=(const AwakeHold&) = delete;
    /// The pid of the holding process, or -1 when it could not be started.
    pid_t pid() const { return m_pid; }

private:
    Spawner& m_spawner;
    pid_t m_pid = -1;
};

} // namespace calmlegs
