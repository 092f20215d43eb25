#include "run/runner.h"

namespace calmlegs {
namespace {

class Runner {
public:
    Runner(const Plan& plan, EventSource& events, Display& display, Announcer& announcer)
        : m_plan(plan)
        , m_events(events)
        , m_display(display)
        , m_announcer(announcer)
        , m_skipped(plan.steps.size(), false) {}

    RunResult run() {
        m_start = m_events.now();
        m_result.steps_total = m_plan.steps.size();
        m_display.begin(m_plan, m_events.interactive());
        std::size_t next = 0;
        while (next < m_plan.cues.size() && !m_stopped) {
            const std::size_t before = next;
            if (!wait_for(next) || m_stopped) break;
            if (next != before) continue; // a skip moved the next cue
            const Cue& cue = m_plan.cues[next++];
            fire(cue, next);
            if (cue.kind == CueKind::step && m_plan.steps[cue.step].source.waits &&
                m_events.interactive())
                wait_for_enter(cue.step, next);
        }
        const SteadyTime now = m_events.now();
        m_result.elapsed = elapsed(now);
        m_result.wall = now - m_start;
        m_display.end(m_result);
        return m_result;
    }

private:
    /// Routine time: pauses excluded, and standing still during one.
    Nanos elapsed(SteadyTime now) const {
        return (m_paused_at ? *m_paused_at : now) - m_start - m_shift;
    }
    SteadyTime due(const Cue& cue) const { return m_start + m_shift + cue.at; }

    /// The step the runner is in while it waits for cue `next`.
    std::size_t current_step(std::size_t next) const {
        const Cue& cue = m_plan.cues[next];
        return cue.kind == CueKind::end ? m_plan.steps.size() : cue.step;
    }

    /// Moves on so that the end of the current step is due now.
    void skip_to_end_of_step(std::size_t& next, bool skipped) {
        const std::size_t step = current_step(next);
        if (step >= m_plan.steps.size()) return;
        next = m_plan.steps[step].end_cue;
        m_shift = m_events.now() - m_start - m_plan.cues[next].at;
        if (skipped) {
            m_skipped[step] = true;
            m_display.event(RunEvent::skipped, elapsed(m_events.now()));
        }
    }

    void stop(RunResult::Outcome outcome, int signal = 0) {
        m_result.outcome = outcome;
        m_result.signal = signal;
        m_stopped = true;
    }

    /// Fires a cue; `next` is the index of the cue after it.
    void fire(const Cue& cue, std::size_t next) {
        // The time is taken on waking, before any drawing, so `elapsed` is the true lateness.
        m_display.cue(cue, elapsed(m_events.now()));
        if (cue.announced()) m_announce.push_back(&cue);
        const bool more_now = next < m_plan.cues.size() && m_plan.cues[next].at == cue.at;
        if (!more_now && !m_announce.empty()) {
            m_announcer.announce(m_announce);
            m_announce.clear();
        }
        if (cue.kind == CueKind::step_end) {
            if (m_skipped[cue.step])
                ++m_result.steps_skipped;
            else
                ++m_result.steps_done;
        }
    }

    /// Handles what ends a wait; false when the run stops.
    bool handle(const Event& event, std::size_t& next) {
        switch (event.kind) {
        case Event::Kind::timeout:
            return true;
        case Event::Kind::resize:
            m_display.resize();
            return true;
        case Event::Kind::interrupt:
            stop(RunResult::Outcome::interrupted, event.signal);
            return false;
        case Event::Kind::suspend:
            suspend(true);
            return true;
        case Event::Kind::key:
            break;
        }
        switch (event.key) {
        case ' ':
            return pause(next);
        case 'n':
            skip_to_end_of_step(next, true);
            return true;
        case 'q':
            stop(RunResult::Outcome::quit);
            return false;
        case '?':
            m_display.event(RunEvent::help, elapsed(m_events.now()));
            return true;
        default:
            return true;
        }
    }

    /// Waits until cue `next` is due, drawing frames and handling keys meanwhile. Returns
    /// false when the run stops; `next` may move (a skip).
    bool wait_for(std::size_t& next) {
        const std::size_t waiting_for = next;
        for (;;) {
            const SteadyTime deadline = due(m_plan.cues[next]);
            SteadyTime wake = deadline;
            if (auto frame = m_display.next_frame(elapsed(m_events.now())))
                wake = std::min(deadline, m_start + m_shift + *frame);
            const Event event = m_events.wait_until(wake);
            if (event.kind == Event::Kind::timeout) {
                if (m_events.now() >= deadline) return true;
                m_display.frame(elapsed(m_events.now()));
                continue;
            }
            if (!handle(event, next)) return false;
            if (next != waiting_for) return true;
        }
    }

    /// Space: stand still until space again (n skips, q quits). The time spent paused is
    /// added to every later deadline.
    bool pause(std::size_t& next) {
        m_paused_at = m_events.now();
        m_display.event(RunEvent::paused, elapsed(*m_paused_at));
        for (;;) {
            const Event event = m_events.wait_until(std::nullopt);
            if (event.kind == Event::Kind::suspend) {
                suspend(false); // already paused: no time is counted twice
                continue;
            }
            if (event.kind == Event::Kind::key && (event.key == ' ' || event.key == 'n')) {
                end_pause();
                m_display.event(RunEvent::resumed, elapsed(m_events.now()));
                if (event.key == 'n') skip_to_end_of_step(next, true);
                return true;
            }
            if (!handle(event, next)) {
                end_pause(); // q or a signal: the run ends with the pause counted as one
                return false;
            }
        }
    }

    /// However a pause ends, its time moves every later deadline and is counted as paused.
    void end_pause() {
        const Nanos length = m_events.now() - *m_paused_at;
        m_shift += length;
        m_result.paused += length;
        m_paused_at.reset();
    }

    /// A step that needs the person (making tea): it lasts until Enter (or n).
    void wait_for_enter(std::size_t step, std::size_t& next) {
        m_display.event(RunEvent::waiting, elapsed(m_events.now()));
        for (;;) {
            const Event event = m_events.wait_until(std::nullopt);
            if (event.kind == Event::Kind::key && (event.key == '\n' || event.key == 'n')) {
                next = m_plan.steps[step].end_cue;
                m_shift = m_events.now() - m_start - m_plan.cues[next].at;
                if (event.key == 'n') {
                    m_skipped[step] = true;
                    m_display.event(RunEvent::skipped, elapsed(m_events.now()));
                }
                return;
            }
            if (event.kind == Event::Kind::key && event.key == ' ') continue; // already still
            if (event.kind == Event::Kind::suspend) {
                suspend(false);
                continue;
            }
            if (!handle(event, next)) return;
        }
    }

    /// Ctrl-Z: give the terminal back, stop, and on return count the stop as a pause.
    void suspend(bool count_as_pause) {
        const SteadyTime stopped_at = m_events.now();
        m_display.suspend();
        m_events.stop_self();
        m_display.resume();
        if (count_as_pause) {
            m_shift += m_events.now() - stopped_at;
            m_result.paused += m_events.now() - stopped_at;
        }
    }

    const Plan& m_plan;
    EventSource& m_events;
    Display& m_display;
    Announcer& m_announcer;
    std::vector<bool> m_skipped;
    std::vector<const Cue*> m_announce; ///< announced cues of the current instant
    SteadyTime m_start{};
    Nanos m_shift{0};
    std::optional<SteadyTime> m_paused_at; ///< while paused (space): when the pause began
    RunResult m_result;
    bool m_stopped = false;
};

} // namespace

RunResult run_plan(const Plan& plan, EventSource& events, Display& display, Announcer& announcer) {
    return Runner(plan, events, display, announcer).run();
}

} // namespace calmlegs
