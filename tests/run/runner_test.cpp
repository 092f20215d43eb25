#include "run/runner.h"

#include "support/fake_events.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono_literals;
using calmlegs::test::FakeEvents;

namespace {

/// Records what the runner told it.
class RecordingDisplay final : public Display {
public:
    struct Fired {
        CueKind kind;
        Millis at;
        Nanos elapsed;
        std::size_t step;
    };
    std::vector<Fired> fired;
    std::vector<std::pair<RunEvent, Nanos>> events;
    int frames = 0, suspends = 0, resumes = 0, resizes = 0, begins = 0, ends = 0;
    bool animate = false;
    RunResult result;

    void begin(const Plan&) override { ++begins; }
    void cue(const Cue& cue, Nanos elapsed) override {
        fired.push_back({cue.kind, cue.at, elapsed, cue.step});
    }
    void event(RunEvent event, Nanos elapsed) override { events.emplace_back(event, elapsed); }
    std::optional<Nanos> next_frame(Nanos elapsed) override {
        if (!animate) return std::nullopt;
        return (elapsed / 250ms + 1) * 250ms; // four frames a second
    }
    void frame(Nanos) override { ++frames; }
    void resize() override { ++resizes; }
    void suspend() override { ++suspends; }
    void resume() override { ++resumes; }
    void end(const RunResult& r) override {
        ++ends;
        result = r;
    }

    std::vector<Fired> of(CueKind kind) const {
        std::vector<Fired> out;
        for (const auto& f : fired)
            if (f.kind == kind) out.push_back(f);
        return out;
    }
};

class CountingAnnouncer final : public Announcer {
public:
    std::vector<CueKind> kinds;
    std::vector<std::size_t> batches; ///< how many cues each announcement carried
    void announce(const std::vector<const Cue*>& cues) override {
        for (const Cue* cue : cues)
            kinds.push_back(cue->kind);
        batches.push_back(cues.size());
    }
};

/// Three prompts of 10 s; the second waits for Enter when `waits`.
Plan prompts(bool waits = false) {
    Session session;
    session.id = "three";
    session.title = "Three";
    for (int i = 1; i <= 3; ++i) {
        SessionStep step;
        step.kind = "prompt";
        step.title = "Prompt " + std::to_string(i);
        step.seconds = 10;
        step.waits = waits && i == 2;
        session.steps.push_back(step);
    }
    return plan_session(session);
}

Plan breathing() {
    Session session;
    session.id = "breath";
    session.title = "Breath";
    SessionStep step;
    step.kind = "breathing";
    step.title = "4-7-8";
    step.rhythm = Rhythm{
        {{PhaseKind::inhale, 4, "In"}, {PhaseKind::hold, 7, "Hold"}, {PhaseKind::exhale, 8, "Out"}},
        4,
        false,
        0,
        true,
        ""};
    session.steps.push_back(step);
    return plan_session(session);
}

struct Run {
    FakeEvents events;
    RecordingDisplay display;
    CountingAnnouncer announcer;
    RunResult go(const Plan& plan) { return run_plan(plan, events, display, announcer); }
};

} // namespace

TEST_CASE("every cue fires once, in order, exactly on time") {
    const Plan plan = breathing();
    Run run;
    const RunResult result = run.go(plan);
    REQUIRE(run.display.fired.size() == plan.cues.size());
    for (std::size_t i = 0; i < plan.cues.size(); ++i) {
        CAPTURE(i);
        CHECK(run.display.fired[i].kind == plan.cues[i].kind);
        CHECK(run.display.fired[i].elapsed == Nanos(plan.cues[i].at));
    }
    CHECK(result.outcome == RunResult::Outcome::completed);
    CHECK(result.steps_done == 1);
    CHECK(result.steps_total == 1);
    CHECK(result.elapsed == 76s);
    CHECK(result.wall == 76s);
    CHECK(run.display.begins == 1);
    CHECK(run.display.ends == 1);
}

TEST_CASE("waits are for absolute deadlines, so a late wake-up never adds up") {
    const Plan plan = breathing();
    Run run;
    run.events.set_lateness(300us); // every sleep comes back 0.3 ms late
    const RunResult result = run.go(plan);
    // Each cue is 0.3 ms late: not 0.3 ms more for every cue before it. (The cues at 0 s
    // are due at once, so they are not late at all.)
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed - Nanos(fired.at) == (fired.at > Millis(0) ? Nanos(300us) : Nanos(0)));
    for (std::size_t i = 0; i < run.events.deadlines().size(); ++i)
        CHECK(run.events.deadlines()[i].time_since_epoch() % 1ms == Nanos(0));
    CHECK(result.elapsed == 76s + 300us);
}

TEST_CASE("space pauses: every later deadline moves by the pause") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(5s, ' ');
    run.events.key_at(35s, ' ');
    const RunResult result = run.go(plan);
    REQUIRE(run.display.events.size() == 2);
    CHECK(run.display.events[0] == std::pair{RunEvent::paused, Nanos(5s)});
    CHECK(run.display.events[1] == std::pair{RunEvent::resumed, Nanos(5s)});
    // Routine time stands still while paused: every cue still fires at its own offset.
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
    CHECK(result.elapsed == 30s);
    CHECK(result.wall == 60s);
    CHECK(result.paused == 30s);
    CHECK(result.outcome == RunResult::Outcome::completed);
}

TEST_CASE("n skips the rest of the step, and the next starts at once") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(2s, 'n');
    const RunResult result = run.go(plan);
    const auto ends = run.display.of(CueKind::step_end);
    const auto starts = run.display.of(CueKind::step);
    REQUIRE(ends.size() == 3);
    REQUIRE(starts.size() == 3);
    // The routine clock jumps to the end of step 1; the wall clock says it happened at 2 s.
    CHECK(ends[0].elapsed == Nanos(10s));
    CHECK(starts[1].elapsed == Nanos(10s));
    CHECK(result.wall == 22s);
    CHECK(result.steps_skipped == 1);
    CHECK(result.steps_done == 2);
    REQUIRE(run.display.events.size() == 1);
    CHECK(run.display.events[0].first == RunEvent::skipped);
    // The ticks of the skipped second half never fired.
    std::size_t ticks_of_first = 0;
    for (const auto& fired : run.display.of(CueKind::tick))
        ticks_of_first += fired.step == 0;
    CHECK(ticks_of_first == 1);
}

TEST_CASE("q quits at once") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(12s, 'q');
    const RunResult result = run.go(plan);
    CHECK(result.outcome == RunResult::Outcome::quit);
    CHECK(result.steps_done == 1);
    CHECK(result.wall == 12s);
    CHECK(run.display.fired.back().at <= Millis(12'000));
    CHECK(run.display.of(CueKind::end).empty());
    CHECK(run.display.ends == 1); // the display still gets to say goodbye
}

TEST_CASE("a signal stops the run and is reported") {
    const Plan plan = prompts();
    Run run;
    run.events.at(3s, Event{Event::Kind::interrupt, 0, 15});
    const RunResult result = run.go(plan);
    CHECK(result.outcome == RunResult::Outcome::interrupted);
    CHECK(result.signal == 15);
    CHECK(result.steps_done == 0);
}

TEST_CASE("a step that needs the person waits for Enter on a terminal") {
    const Plan plan = prompts(true);
    Run run;
    run.events.key_at(45s, '\n'); // step 2 starts at 10 s and is done at 45 s
    const RunResult result = run.go(plan);
    CHECK(result.wall == 55s);
    CHECK(result.paused == 0s); // waiting for the person is part of the routine
    CHECK(result.steps_done == 3);
    const auto starts = run.display.of(CueKind::step);
    REQUIRE(starts.size() == 3);
    CHECK(run.display.events[0] == std::pair{RunEvent::waiting, Nanos(10s)});
    // Step 3 starts when Enter is pressed, and the routine's clock goes on from there.
    CHECK(starts[2].elapsed == Nanos(20s));
    std::size_t ticks_of_second = 0;
    for (const auto& fired : run.display.of(CueKind::tick))
        ticks_of_second += fired.step == 1;
    CHECK(ticks_of_second == 0);
}

TEST_CASE("without a terminal, a waiting step takes its nominal length") {
    const Plan plan = prompts(true);
    Run run;
    run.events = FakeEvents(false);
    const RunResult result = run.go(plan);
    CHECK(result.wall == 30s);
    CHECK(run.display.events.empty());
}

TEST_CASE("Ctrl-Z gives the terminal back and counts as a pause") {
    const Plan plan = prompts();
    Run run;
    run.events.at(4s, Event{Event::Kind::suspend, 0, 0});
    run.events.set_stop_length(60s);
    const RunResult result = run.go(plan);
    CHECK(run.events.stops() == 1);
    CHECK(run.display.suspends == 1);
    CHECK(run.display.resumes == 1);
    CHECK(result.wall == 90s);
    CHECK(result.elapsed == 30s);
    CHECK(result.paused == 60s);
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
}

TEST_CASE("keys while paused: n resumes into the next step, q quits, resize redraws") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(1s, ' ');
    run.events.at(2s, Event{Event::Kind::resize, 0, 0});
    run.events.key_at(3s, 'n');
    run.events.key_at(4s, '?');
    run.events.key_at(5s, 'q');
    const RunResult result = run.go(plan);
    CHECK(run.display.resizes == 1);
    std::vector<RunEvent> events;
    for (const auto& [event, at] : run.display.events)
        events.push_back(event);
    CHECK(events == std::vector<RunEvent>{RunEvent::paused, RunEvent::resumed, RunEvent::skipped,
                                          RunEvent::help});
    CHECK(result.outcome == RunResult::Outcome::quit);
    CHECK(result.steps_skipped == 1);
}

TEST_CASE("animation frames come between cues, and sounds only with steps and phases") {
    const Plan plan = breathing();
    Run run;
    run.display.animate = true;
    run.go(plan);
    // Four frames a second for 76 s, less those that fall on a cue.
    CHECK(run.display.frames > 150);
    CHECK(run.display.frames < 304);
    for (CueKind kind : run.announcer.kinds)
        CHECK((kind == CueKind::step || kind == CueKind::phase || kind == CueKind::side));
    CHECK(run.announcer.kinds.size() == 13); // the step and its 12 phases...
    REQUIRE(run.announcer.batches.size() == 12);
    CHECK(run.announcer.batches[0] == 2); // ... the step and the first in-breath said as one
}
