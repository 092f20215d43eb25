#pragma once
// A Spawner that starts no process: it records what it was asked, and a process runs until
// the test says it has finished (a stopped one too: SIGTERM only asks).

#include "run/cue_announcer.h"

#include <set>
#include <string>
#include <vector>

namespace calmlegs::test {

class FakeSpawner final : public Spawner {
public:
    /// Pids are handed out from here, one more for each process started.
    static constexpr pid_t k_first_pid = 100;

    Spawned spawn(const std::vector<std::string>& argv) override {
        m_spawns.push_back(argv);
        if (m_error != 0) return {-1, m_error};
        const pid_t pid = m_next_pid++;
        m_running.insert(pid);
        return {pid, 0};
    }
    void stop(pid_t pid) override { m_stops.push_back(pid); }
    bool reap(pid_t pid) override {
        if (m_running.count(pid) != 0) return false;
        m_reaped.push_back(pid);
        return true;
    }

    /// Every spawn from now on fails with this errno (0: they succeed).
    void fail_with(int error) { m_error = error; }
    /// The process ends (it said its cue, or took the SIGTERM).
    void finish(pid_t pid) { m_running.erase(pid); }

    /// The argv of every spawn asked for, failed ones included.
    const std::vector<std::vector<std::string>>& spawns() const { return m_spawns; }
    /// Every pid sent a SIGTERM, in order.
    const std::vector<pid_t>& stops() const { return m_stops; }
    /// Every pid reaped, in order (a pid reaped twice would show twice).
    const std::vector<pid_t>& reaped() const { return m_reaped; }
    bool running(pid_t pid) const { return m_running.count(pid) != 0; }

private:
    int m_error = 0;
    pid_t m_next_pid = k_first_pid;
    std::set<pid_t> m_running;
    std::vector<std::vector<std::string>> m_spawns;
    std::vector<pid_t> m_stops;
    std::vector<pid_t> m_reaped;
};

} // namespace calmlegs::test
