#pragma once

#include "run/display.h"
#include "ui/output.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace calmlegs {

/// Rings the terminal bell and runs the person's cue command (say, a text-to-speech program)
/// with the cue's text as its last argument: directly, never through a shell, and never
/// waited for, so the timer is not held up. A cue still speaking when the next one comes is
/// stopped, so speech stays in step with the routine.
class CueAnnouncer final : public Announcer {
public:
    /// `bell`: where to ring the bell (nullptr: no bell). `command`: argv (empty: none).
    CueAnnouncer(Output* bell, std::vector<std::string> command);
    ~CueAnnouncer() override;
    void announce(const std::vector<const Cue*>& cues) override;
    /// Why the cue command could not be run, if it could not ("" otherwise).
    const std::string& error() const { return m_error; }

private:
    void reap();

    Output* m_bell;
    std::vector<std::string> m_command;
    pid_t m_speaking = -1;
    std::vector<pid_t> m_stopping;
    std::string m_error;
};

} // namespace calmlegs
