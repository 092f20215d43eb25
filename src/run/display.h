#pragma once
// What a running routine tells the person: a display draws what the runner reports and never
// decides anything itself. ui/ has the terminal, plain and JSON displays.

#include "plan/plan.h"
#include "run/events.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace calmlegs {

/// Changes of the run's state that are not cues.
enum class RunEvent {
    paused,  ///< space: the routine stands still
    resumed, ///< space again
    skipped, ///< n: the rest of the step is skipped
    waiting, ///< a step waits for Enter
    help,    ///< ?: show or hide the key help
};

std::string_view to_string(RunEvent event);

/// How a run ended, and what was done.
struct RunResult {
    enum class Outcome { completed, quit, interrupted };
    Outcome outcome = Outcome::completed;
    int signal = 0; ///< for interrupted: the signal
    std::size_t steps_total = 0;
    std::size_t steps_done = 0;    ///< run to their end (or ended with Enter)
    std::size_t steps_skipped = 0; ///< skipped with n
    Nanos elapsed{0};              ///< routine time, pauses excluded
    Nanos wall{0};                 ///< wall time, pauses included
    Nanos paused{0};               ///< time spent paused (space, Ctrl-Z)
};

class Display {
public:
    virtual ~Display() = default;
    /// The run begins. `interactive`: keys are read, so a step that waits for Enter will wait
    /// (with no countdown) rather than take its own length.
    virtual void begin(const Plan& plan, bool interactive) = 0;
    /// A cue fired; `elapsed` is the routine time measured when it did (pauses excluded), to
    /// be compared with cue.at.
    virtual void cue(const Cue& cue, Nanos elapsed) = 0;
    virtual void event(RunEvent event, Nanos elapsed) = 0;
    /// For animation: the routine time of the next redraw the display wants, if any.
    virtual std::optional<Nanos> next_frame(Nanos /*elapsed*/) { return std::nullopt; }
    virtual void frame(Nanos /*elapsed*/) {}
    virtual void resize() {}
    /// Ctrl-Z: give the terminal back as it was; resume() takes it again.
    virtual void suspend() {}
    virtual void resume() {}
    virtual void end(const RunResult& result) = 0;
};

/// Several displays as one (a screen and an event log).
class Displays final : public Display {
public:
    void add(Display& display) { m_displays.push_back(&display); }
    void begin(const Plan& plan, bool interactive) override;
    void cue(const Cue& cue, Nanos elapsed) override;
    void event(RunEvent event, Nanos elapsed) override;
    std::optional<Nanos> next_frame(Nanos elapsed) override;
    void frame(Nanos elapsed) override;
    void resize() override;
    void suspend() override;
    void resume() override;
    void end(const RunResult& result) override;

private:
    std::vector<Display*> m_displays;
};

/// Sounds for cues: the terminal bell and a spoken cue command. Cues that fall on the same
/// instant (a step and its first phase) come together, so that one sound says them all.
class Announcer {
public:
    virtual ~Announcer() = default;
    virtual void announce(const std::vector<const Cue*>& cues) = 0;
};

/// No sound (--quiet, and tests).
class SilentAnnouncer final : public Announcer {
public:
    void announce(const std::vector<const Cue*>&) override {}
};

} // namespace calmlegs
