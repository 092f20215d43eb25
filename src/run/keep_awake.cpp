#include "run/keep_awake.h"

namespace calmlegs {

std::vector<std::string> keep_awake_command(pid_t watched) {
    return {k_inhibit_program,
            "--what=idle",
            "--who=calmlegs",
            "--why=a routine is running",
            "--mode=block",
            "tail",
            "--pid=" + std::to_string(watched),
            "-f",
            "/dev/null"};
}

AwakeHold::AwakeHold(Spawner& spawner, const std::vector<std::string>& command)
    : m_spawner(spawner) {
    const Spawned spawned = m_spawner.spawn(command);
    if (spawned.error == 0) m_pid = spawned.pid;
}

AwakeHold::~AwakeHold() {
    if (m_pid <= 0) return;
    // One that has ended already (no logind to ask) is only reaped, never signalled: its pid
    // may be another process's by now. One that takes a moment to take the SIGTERM is left to
    // end; it is reaped with calmlegs.
    if (!m_spawner.reap(m_pid)) {
        m_spawner.stop(m_pid);
        m_spawner.reap(m_pid);
    }
}

} // namespace calmlegs
