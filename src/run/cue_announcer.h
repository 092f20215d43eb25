#pragma once

#include "content/config.h"
#include "run/display.h"
#include "run/output.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace calmlegs {

/// A child process started, or why it could not be.
struct Spawned {
    pid_t pid = -1;
    int error = 0; ///< an errno value; 0 when the process was started
};

/// Starts, stops and reaps the cue command's processes: abstract so that tests put a fake in
/// place of the real processes.
class Spawner {
public:
    virtual ~Spawner() = default;
    /// Starts `argv` (argv[0] looked up in PATH, never through a shell) with its input and
    /// outputs on /dev/null, and does not wait for it.
    virtual Spawned spawn(const std::vector<std::string>& argv) = 0;
    /// Asks a process to stop (SIGTERM); it ends, and can be reaped, some time later.
    virtual void stop(pid_t pid) = 0;
    /// Reaps a process that has ended, without waiting: false while it still runs.
    virtual bool reap(pid_t pid) = 0;
};

/// The real processes: posix_spawnp, kill and waitpid(WNOHANG).
Spawner& posix_spawner();

/// True when the bell rings for `cue`: its kind (a step, a side or the switch between the
/// sides, a phase of a breath, a movement of a repetition) is one of `ring`.
bool rings(const Cue& cue, const BellCues& ring);

/// Rings the terminal bell at the kinds of cue the person chose ([cues] bell) and runs their
/// cue command (say, a text-to-speech program) at every cue, with the cue's text as its last
/// argument: directly, never through a shell, and never waited for, so the timer is not held
/// up. A cue still speaking when the next one comes is stopped, so speech stays in step.
class CueAnnouncer final : public Announcer {
public:
    /// `bell`: where to ring the bell (nullptr: no bell); `ring`: at which cues. `command`:
    /// argv (empty: none).
    CueAnnouncer(Output* bell, BellCues ring, std::vector<std::string> command,
                 Spawner& spawner = posix_spawner());
    ~CueAnnouncer() override;
    CueAnnouncer(const CueAnnouncer&) = delete;
    CueAnnouncer& operator=(const CueAnnouncer&) = delete;
    void announce(const std::vector<const Cue*>& cues) override;
    /// Why the cue command could not be run, if it could not ("" otherwise). After the first
    /// failure it is not tried again, so the reason is given once.
    const std::string& error() const { return m_error; }

private:
    void reap();

    Output* m_bell;
    BellCues m_ring;
    std::vector<std::string> m_command;
    Spawner& m_spawner;
    pid_t m_speaking = -1;
    std::vector<pid_t> m_stopping;
    std::string m_error;
};

} // namespace calmlegs
