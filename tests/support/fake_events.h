#pragma once
// A fake clock with scripted input for the runner: time only moves when the runner waits,
// jumping to the deadline (plus an optional lateness) or to the next scripted event.

#include "run/events.h"

#include <deque>
#include <stdexcept>
#include <vector>

namespace calmlegs::test {

class FakeEvents final : public EventSource {
public:
    explicit FakeEvents(bool interactive = true)
        : m_interactive(interactive) {}

    /// Schedules an event at `at` after the start (fake time begins at zero).
    void at(Nanos at, Event event) { m_script.push_back({SteadyTime(at), event}); }
    void key_at(Nanos at, char key) { this->at(at, Event{Event::Kind::key, key, 0}); }
    /// Every timed wake-up comes this late, as a real sleep would.
    void set_lateness(Nanos lateness) { m_lateness = lateness; }
    /// How long a Ctrl-Z stop lasts.
    void set_stop_length(Nanos length) { m_stop_length = length; }

    SteadyTime now() override { return m_now; }

    Event wait_until(std::optional<SteadyTime> deadline) override {
        ++m_waits;
        if (!m_script.empty() && (!deadline || m_script.front().first <= *deadline)) {
            if (m_script.front().first > m_now) {
                m_now = m_script.front().first;
                m_still = 0;
            }
            const Event event = m_script.front().second;
            m_script.pop_front();
            return event;
        }
        if (!deadline) throw std::logic_error("the runner would wait forever");
        if (*deadline < m_now) ++m_past_deadlines;
        // A real sleep until a time already past returns at once; any other comes back late.
        if (*deadline > m_now) {
            m_now = *deadline + m_lateness;
            m_still = 0;
        } else if (++m_still > k_spin_limit) {
            // Far more waits at one instant than a plan has cues there: the runner would spin
            // for ever on a clock that only moves when it sleeps.
            throw std::logic_error("the runner keeps waking up without the time moving");
        }
        m_deadlines.push_back(*deadline);
        return Event{};
    }

    void stop_self() override {
        ++m_stops;
        m_now += m_stop_length;
    }
    bool interactive() const override { return m_interactive; }

    /// Every deadline the runner waited for, in order.
    const std::vector<SteadyTime>& deadlines() const { return m_deadlines; }
    int stops() const { return m_stops; }
    int waits() const { return m_waits; }
    /// Waits for a deadline already past when asked: a runner that keeps asking for one spins.
    int past_deadlines() const { return m_past_deadlines; }

private:
    bool m_interactive;
    SteadyTime m_now{};
    Nanos m_lateness{0};
    Nanos m_stop_length{0};
    std::deque<std::pair<SteadyTime, Event>> m_script;
    std::vector<SteadyTime> m_deadlines;
    int m_stops = 0;
    int m_waits = 0;
    int m_past_deadlines = 0;
    static constexpr int k_spin_limit = 10'000;
    int m_still = 0; ///< timed waits in a row that found their deadline already come
};

} // namespace calmlegs::test
