#include "run/runner.h"

#include "support/fake_events.h"

#include <doctest/doctest.h>

#include <csignal>
#include <functional>

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
    std::vector<Nanos> frames; ///< the routine time of each frame drawn
    int suspends = 0, resumes = 0, resizes = 0, begins = 0, ends = 0;
    bool interactive = false; ///< what begin() was told
    bool animate = false;
    static constexpr Nanos k_frame_period = 250ms; ///< four frames a second
    /// Wants no more frames after this many, so that a runner stuck redrawing one instant
    /// fails the test instead of hanging it.
    std::size_t frame_limit = 1000;
    RunResult result;

    void begin(const Plan&, bool keys) override {
        ++begins;
        interactive = keys;
    }
    void cue(const Cue& cue, Nanos elapsed) override {
        fired.push_back({cue.kind, cue.at, elapsed, cue.step});
    }
    void event(RunEvent event, Nanos elapsed) override { events.emplace_back(event, elapsed); }
    std::optional<Nanos> next_frame(Nanos elapsed) override {
        if (!animate || frames.size() >= frame_limit) return std::nullopt;
        return (elapsed / k_frame_period + 1) * k_frame_period;
    }
    void frame(Nanos elapsed) override { frames.push_back(elapsed); }
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
        step.kind = StepKind::prompt;
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
    step.kind = StepKind::breathing;
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

/// What the deadlines waited for should be: each cue's offset moved by `shift(cue)` (the time
/// paused, or what Enter or n took off), leaving out the cues that `shift` gives no value.
std::vector<SteadyTime> due_times(const Plan& plan,
                                  const std::function<std::optional<Nanos>(const Cue&)>& shift) {
    std::vector<SteadyTime> out;
    for (const Cue& cue : plan.cues)
        if (const auto by = shift(cue)) out.push_back(SteadyTime(Nanos(cue.at) + *by));
    return out;
}

std::size_t cues_before(const Plan& plan, Millis at) {
    std::size_t count = 0;
    for (const Cue& cue : plan.cues)
        count += cue.at < at;
    return count;
}

std::vector<RunEvent> kinds(const std::vector<std::pair<RunEvent, Nanos>>& events) {
    std::vector<RunEvent> out;
    for (const auto& event : events)
        out.push_back(event.first);
    return out;
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
    run.display.animate = true;   // a display that wants a frame every quarter second...
    const RunResult result = run.go(plan);
    CHECK(run.display.interactive); // the display knew from the start that steps may wait
    // ...gets none while the step waits: nothing counts down until Enter.
    // Routine time runs from 10 s to 20 s only during step 2, which it skips at Enter.
    const auto during_wait = std::count_if(run.display.frames.begin(), run.display.frames.end(),
                                           [](Nanos at) { return at > 10s && at < 20s; });
    CHECK(during_wait == 0);
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
    CHECK_FALSE(run.display.interactive);
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
    // The display wants a frame at every quarter second, k * 250 ms for k = 1..303 (the one at
    // 304 * 250 ms = 76 s is the end). A frame due at the same time as a cue is not drawn: the
    // wake-up is the cue's, and the cue fires instead. Every whole second of the 76 s has a
    // cue (a phase, or else a countdown tick), so the 75 frames at 1 s..75 s give way, and
    // 303 - 75 = 228 are drawn: three a second, at .25, .5 and .75 s.
    std::vector<Nanos> expected;
    for (int k = 1; k < 304; ++k)
        if (k % 4 != 0) expected.push_back(k * Nanos(250ms));
    CHECK(expected.size() == 228);
    CHECK(run.display.frames == expected);
    CHECK(run.events.past_deadlines() == 0);
    for (CueKind kind : run.announcer.kinds)
        CHECK((kind == CueKind::step || kind == CueKind::phase || kind == CueKind::side));
    CHECK(run.announcer.kinds.size() == 13); // the step and its 12 phases...
    REQUIRE(run.announcer.batches.size() == 12);
    CHECK(run.announcer.batches[0] == 2); // ... the step and the first in-breath said as one
}

TEST_CASE("Ctrl-Z while paused stops the process, and only the pause is counted") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(4500ms, ' ');
    run.events.at(10s, Event{Event::Kind::suspend, 0, 0});
    run.events.set_stop_length(60s); // stopped from 10 s to 70 s
    run.events.key_at(79500ms, ' ');
    const RunResult result = run.go(plan);
    CHECK(run.events.stops() == 1);
    CHECK(run.display.suspends == 1);
    CHECK(run.display.resumes == 1);
    // Paused from 4.5 s to 79.5 s: 75 s, the stop inside it not counted twice.
    CHECK(run.display.events == std::vector<std::pair<RunEvent, Nanos>>{
                                    {RunEvent::paused, 4500ms}, {RunEvent::resumed, 4500ms}});
    CHECK(result.paused == 75s);
    CHECK(result.wall == 105s);
    CHECK(result.elapsed == 30s);
    CHECK(result.steps_done == 3);
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
    // Every cue after the pause is due 75 s later than its offset.
    CHECK(run.events.deadlines() == due_times(plan, [](const Cue& cue) {
              return std::optional<Nanos>(cue.at > 4500ms ? 75s : 0s);
          }));
}

TEST_CASE("Ctrl-Z while waiting for Enter: the stop is part of the wait") {
    const Plan plan = prompts(true); // step 2 (index 1) waits, from 10 s
    Run run;
    run.events.at(20s, Event{Event::Kind::suspend, 0, 0});
    run.events.set_stop_length(60s); // stopped from 20 s to 80 s
    run.events.key_at(90s, '\n');
    const RunResult result = run.go(plan);
    CHECK(run.events.stops() == 1);
    CHECK(run.display.suspends == 1);
    CHECK(run.display.resumes == 1);
    CHECK(run.display.events == std::vector<std::pair<RunEvent, Nanos>>{{RunEvent::waiting, 10s}});
    // Waiting is routine time, so a stop during it is no pause: step 2 lasted 80 s, not 10.
    CHECK(result.paused == 0s);
    CHECK(result.wall == 100s);
    CHECK(result.elapsed == 30s);
    CHECK(result.steps_done == 3);
    CHECK(result.steps_skipped == 0);
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
    // Enter at 90 s ends step 2, whose end is at 20 s: the rest comes 70 s late, and the
    // countdown of the waiting step is never waited for.
    CHECK(run.events.deadlines() == due_times(plan, [](const Cue& cue) -> std::optional<Nanos> {
              if (cue.kind == CueKind::tick && cue.step == 1) return std::nullopt;
              return cue.at >= 20s ? 70s : 0s;
          }));
}

TEST_CASE("n while waiting for Enter skips the step, and space, ? and resize do not end it") {
    const Plan plan = prompts(true);
    Run run;
    run.events.key_at(11s, ' '); // already standing still: nothing
    run.events.key_at(12s, '?');
    run.events.at(13s, Event{Event::Kind::resize, 0, 0});
    run.events.key_at(15s, 'n');
    const RunResult result = run.go(plan);
    // n at 15 s moves the routine clock to the end of step 2 (20 s): it runs 5 s ahead of the
    // wall clock from there.
    CHECK(run.display.events == std::vector<std::pair<RunEvent, Nanos>>{{RunEvent::waiting, 10s},
                                                                        {RunEvent::help, 12s},
                                                                        {RunEvent::skipped, 20s}});
    CHECK(run.display.resizes == 1);
    CHECK(result.outcome == RunResult::Outcome::completed);
    CHECK(result.steps_done == 2);
    CHECK(result.steps_skipped == 1);
    CHECK(result.wall == 25s);
    CHECK(result.elapsed == 30s);
    CHECK(result.paused == 0s);
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
    CHECK(run.events.deadlines() == due_times(plan, [](const Cue& cue) -> std::optional<Nanos> {
              if (cue.kind == CueKind::tick && cue.step == 1) return std::nullopt;
              return cue.at >= 20s ? -5s : 0s;
          }));
}

TEST_CASE("a resize tells the display and changes no timing") {
    const Plan plan = prompts();
    Run run;
    run.events.at(3500ms, Event{Event::Kind::resize, 0, 0});
    run.events.at(12s, Event{Event::Kind::resize, 0, 0}); // at the same time as a tick
    const RunResult result = run.go(plan);
    CHECK(run.display.resizes == 2);
    CHECK(run.display.events.empty());
    REQUIRE(run.display.fired.size() == plan.cues.size());
    for (const auto& fired : run.display.fired)
        CHECK(fired.elapsed == Nanos(fired.at));
    CHECK(run.events.deadlines() ==
          due_times(plan, [](const Cue&) { return std::optional<Nanos>(0s); }));
    CHECK(result.outcome == RunResult::Outcome::completed);
    CHECK(result.steps_done == 3);
    CHECK(result.wall == 30s);
    CHECK(result.elapsed == 30s);
    CHECK(result.paused == 0s);
}

TEST_CASE("a hang-up (SIGHUP) stops the run, counting the steps done") {
    const Event hang_up{Event::Kind::interrupt, 0, SIGHUP};
    Run run;
    SUBCASE("during a step") {
        const Plan plan = prompts();
        run.events.at(15s, hang_up); // in step 2: step 1 is done
        const RunResult result = run.go(plan);
        CHECK(result.outcome == RunResult::Outcome::interrupted);
        CHECK(result.signal == 1);
        CHECK(result.steps_total == 3);
        CHECK(result.steps_done == 1);
        CHECK(result.steps_skipped == 0);
        CHECK(result.wall == 15s);
        CHECK(result.elapsed == 15s);
        // The tick at 15 s was due with the hang-up: the hang-up comes first.
        CHECK(run.display.fired.size() == cues_before(plan, 15s));
        CHECK(run.display.of(CueKind::end).empty());
        CHECK(run.display.ends == 1);
    }
    SUBCASE("while paused: the routine time stops where the pause began") {
        const Plan plan = prompts();
        run.events.key_at(12s, ' ');
        run.events.at(20s, hang_up);
        const RunResult result = run.go(plan);
        CHECK(result.outcome == RunResult::Outcome::interrupted);
        CHECK(result.signal == SIGHUP);
        CHECK(result.steps_done == 1);
        CHECK(result.wall == 20s);
        CHECK(result.elapsed == 12s);
        CHECK(result.paused == 8s);
        CHECK(kinds(run.display.events) == std::vector<RunEvent>{RunEvent::paused});
        // The tick at 12 s was due with the space: the key comes first, and the tick never.
        CHECK(run.display.fired.size() == cues_before(plan, 12s));
    }
    SUBCASE("while waiting for Enter") {
        const Plan plan = prompts(true);
        run.events.at(14s, hang_up);
        const RunResult result = run.go(plan);
        CHECK(result.outcome == RunResult::Outcome::interrupted);
        CHECK(result.signal == SIGHUP);
        CHECK(result.steps_done == 1); // the waiting step was not done
        CHECK(result.wall == 14s);
        CHECK(result.elapsed == 14s);
        CHECK(result.paused == 0s);
        // Nothing after the start of step 2 fired: its countdown is not run while it waits.
        CHECK(run.display.fired.size() == cues_before(plan, 10s) + 2); // step 1's end, step 2
    }
}

TEST_CASE("q while paused ends the run with the pause counted, and ? keeps the paused time") {
    const Plan plan = prompts();
    Run run;
    run.events.key_at(12s, ' ');
    run.events.key_at(15s, '?');
    run.events.key_at(20s, 'q');
    const RunResult result = run.go(plan);
    CHECK(run.display.events ==
          std::vector<std::pair<RunEvent, Nanos>>{{RunEvent::paused, 12s}, {RunEvent::help, 12s}});
    CHECK(result.outcome == RunResult::Outcome::quit);
    CHECK(result.wall == 20s);
    CHECK(result.elapsed == 12s);
    CHECK(result.paused == 8s);
}

TEST_CASE("after a pause, animation frames are drawn at their routine times") {
    const Plan plan = prompts();
    Run run;
    run.display.animate = true;
    run.events.key_at(5400ms, ' '); // between the frames at 5.25 s and 5.5 s
    run.events.key_at(35400ms, ' ');
    const RunResult result = run.go(plan);
    CHECK(result.paused == 30s);
    // A frame at every quarter second of the 30 s, but for the whole seconds, where a cue is
    // (a step, its end or a countdown tick): 119 - 29 = 90. Those after the pause are due 30 s
    // later on the wall clock, so none is early or drawn twice.
    std::vector<Nanos> expected;
    for (int k = 1; k < 120; ++k)
        if (k % 4 != 0) expected.push_back(k * Nanos(250ms));
    CHECK(expected.size() == 90);
    CHECK(run.display.frames == expected);
    CHECK(run.events.past_deadlines() == 0);
    // The first wake-up after the pause: the frame at 5.5 s, due at 35.5 s.
    const auto& deadlines = run.events.deadlines();
    const auto after = std::find_if(deadlines.begin(), deadlines.end(),
                                    [](SteadyTime t) { return t > SteadyTime(5400ms); });
    REQUIRE(after != deadlines.end());
    CHECK(*after == SteadyTime(35500ms));
}
