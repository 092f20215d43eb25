#include "run/cue_announcer.h"

#include "plan/session_builder.h"
#include "run/runner.h"

#include "support/fake_events.h"
#include "support/fake_output.h"
#include "support/fake_spawner.h"
#include "support/paths.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>

using namespace calmlegs;
using calmlegs::test::FakeEvents;
using calmlegs::test::FakeOutput;
using calmlegs::test::FakeSpawner;
using Argv = std::vector<std::string>;

namespace {

constexpr pid_t k_first = FakeSpawner::k_first_pid;

/// Cues that say these texts, as the runner passes them for one instant: phases of a breath.
struct Instant {
    std::vector<Cue> cues;
    explicit Instant(std::initializer_list<const char*> texts) {
        for (const char* text : texts) {
            Cue cue;
            cue.kind = CueKind::phase;
            cue.phase = PhaseKind::inhale;
            cue.repeat = 1;
            cue.repeats = 4;
            cue.text = text;
            cues.push_back(cue);
        }
    }
    std::vector<const Cue*> pointers() const {
        std::vector<const Cue*> out;
        for (const Cue& cue : cues)
            out.push_back(&cue);
        return out;
    }
};

void say(CueAnnouncer& announcer, std::initializer_list<const char*> texts) {
    const Instant instant(texts);
    announcer.announce(instant.pointers());
}

} // namespace

TEST_CASE("CueAnnouncer rings the bell once per announcement, and flushes it") {
    FakeOutput bell;
    FakeSpawner spawner;
    CueAnnouncer announcer(&bell, BellCues{}, {}, spawner);
    say(announcer, {"Breathe in"});
    CHECK(bell.text() == "\a");
    CHECK(bell.flushes() == 1);
    say(announcer, {"4-7-8 breathing", "Breathe in"}); // two cues of one instant: one bell
    say(announcer, {""});                              // a cue with nothing to say still rings
    CHECK(bell.text() == "\a\a\a");
    CHECK(bell.flushes() == 3);
    CHECK(spawner.spawns().empty()); // no command: nothing is started
    CHECK(announcer.error().empty());
}

TEST_CASE("CueAnnouncer without a bell only runs the command") {
    FakeSpawner spawner;
    CueAnnouncer announcer(nullptr, BellCues{}, {"say"}, spawner);
    say(announcer, {"Breathe in"});
    CHECK(spawner.spawns() == std::vector<Argv>{{"say", "Breathe in"}});
}

TEST_CASE("CueAnnouncer says the cues of one instant as one utterance") {
    FakeSpawner spawner;
    CueAnnouncer announcer(nullptr, BellCues{}, {"espeak", "-s", "140"}, spawner);
    SUBCASE("joined with a period") {
        say(announcer, {"4-7-8 breathing", "Breathe in"});
        CHECK(spawner.spawns() ==
              std::vector<Argv>{{"espeak", "-s", "140", "4-7-8 breathing. Breathe in"}});
    }
    SUBCASE("never a doubled period") {
        say(announcer, {"Lie on your back.", "Left side", "Lift"});
        CHECK(spawner.spawns().at(0).back() == "Lie on your back. Left side. Lift");
    }
    SUBCASE("empty texts are skipped") {
        say(announcer, {"", "A", "", "B", ""});
        CHECK(spawner.spawns().at(0).back() == "A. B");
    }
    SUBCASE("nothing to say: nothing is started") {
        say(announcer, {"", ""});
        say(announcer, {});
        CHECK(spawner.spawns().empty());
    }
}

TEST_CASE("CueAnnouncer stops a cue still speaking when the next one comes") {
    FakeSpawner spawner;
    CueAnnouncer announcer(nullptr, BellCues{}, {"say"}, spawner);
    say(announcer, {"Breathe in"}); // k_first
    say(announcer, {"Hold"});       // k_first + 1: the first is still speaking
    CHECK(spawner.stops() == std::vector<pid_t>{k_first});
    spawner.finish(k_first + 1); // "Hold" was said in time...
    say(announcer, {"Breathe out"});
    CHECK(spawner.stops() == std::vector<pid_t>{k_first}); // ...so it is not stopped
    CHECK(spawner.spawns() ==
          std::vector<Argv>{{"say", "Breathe in"}, {"say", "Hold"}, {"say", "Breathe out"}});
    CHECK(spawner.reaped() == std::vector<pid_t>{k_first + 1});
    // A stopped process is reaped once it has ended, on a later announcement.
    spawner.finish(k_first);
    say(announcer, {"Breathe in"});
    CHECK(spawner.reaped() == std::vector<pid_t>{k_first + 1, k_first});
    CHECK(spawner.stops() == std::vector<pid_t>{k_first, k_first + 2});
    CHECK(announcer.error().empty());
}

TEST_CASE("CueAnnouncer reaps, without waiting, what has ended when it goes") {
    FakeSpawner spawner;
    {
        CueAnnouncer announcer(nullptr, BellCues{}, {"say"}, spawner);
        say(announcer, {"One"});
        say(announcer, {"Two"}); // "One" is stopped
        spawner.finish(k_first);
        spawner.finish(k_first + 1);
    }
    CHECK(spawner.reaped() == std::vector<pid_t>{k_first, k_first + 1});
}

TEST_CASE("CueAnnouncer reports a command that cannot be run once, and stops trying") {
    FakeOutput bell;
    FakeSpawner spawner;
    spawner.fail_with(EACCES);
    CueAnnouncer announcer(&bell, BellCues{}, {"espeak", "-v", "en"}, spawner);
    say(announcer, {"Breathe in"});
    const std::string expected =
        std::string("the cue command 'espeak' could not be run: ") + std::strerror(EACCES);
    CHECK(announcer.error() == expected);
    CHECK(spawner.spawns().size() == 1);
    spawner.fail_with(ENOENT);
    say(announcer, {"Hold"});
    say(announcer, {"Breathe out"});
    CHECK(spawner.spawns().size() == 1);  // never tried again...
    CHECK(announcer.error() == expected); // ...so the first reason stands, said once
    CHECK(bell.text() == "\a\a\a");       // the bell goes on
}

TEST_CASE("CueAnnouncer with the real spawner reports a command that does not exist") {
    CueAnnouncer announcer(nullptr, BellCues{}, {"/nonexistent/calmlegs-cue"});
    say(announcer, {"Breathe in"});
    CHECK(announcer.error() == std::string("the cue command '/nonexistent/calmlegs-cue' could not "
                                           "be run: ") +
                                   std::strerror(ENOENT));
}

namespace {

Cue cue_of(CueKind kind, PhaseKind phase = PhaseKind::move, int repeat = 1) {
    Cue cue;
    cue.kind = kind;
    cue.phase = phase;
    cue.repeat = repeat;
    cue.repeats = 2;
    return cue;
}

/// Shows nothing: only the sounds matter here.
class NoDisplay final : public Display {
public:
    void begin(const Plan&, bool) override {}
    void cue(const Cue&, Nanos) override {}
    void event(RunEvent, Nanos) override {}
    void end(const RunResult&) override {}
};

/// The bells rung through a whole run of a shipped routine, at `ring`, with no keyboard.
std::size_t bells_of(const char* routine_id, BellCues ring) {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
    const Routine* routine = store.routine(routine_id);
    REQUIRE(routine != nullptr);
    const Plan plan = plan_session(build_session(store, *routine, {}), 1000);
    FakeOutput bell;
    FakeSpawner spawner;
    CueAnnouncer announcer(&bell, ring, {"say"}, spawner);
    FakeEvents events(false);
    NoDisplay display;
    run_plan(plan, events, display, announcer);
    return static_cast<std::size_t>(std::count(bell.text().begin(), bell.text().end(), '\a'));
}

} // namespace

TEST_CASE("rings: each kind of cue answers to its own name in [cues] bell") {
    const Cue step = cue_of(CueKind::step);
    const Cue side = cue_of(CueKind::side);
    const Cue change = cue_of(CueKind::phase, PhaseKind::move, 0); // "Switch to the other side"
    const Cue rep = cue_of(CueKind::phase, PhaseKind::move);
    const Cue tick = cue_of(CueKind::tick);
    const Cue end = cue_of(CueKind::step_end);
    CHECK(change.switches_side());
    CHECK_FALSE(rep.switches_side());
    const BellCues defaults;
    CHECK(rings(step, defaults));
    CHECK(rings(side, defaults));
    CHECK(rings(change, defaults));
    for (PhaseKind breath :
         {PhaseKind::inhale, PhaseKind::hold, PhaseKind::exhale, PhaseKind::rest})
        CHECK(rings(cue_of(CueKind::phase, breath), defaults));
    CHECK_FALSE(rings(rep, defaults)); // not at each calf raise
    CHECK_FALSE(rings(tick, defaults));
    CHECK_FALSE(rings(end, defaults));
    // Each name alone rings only its own cues.
    BellCues only_rep = BellCues::none();
    only_rep.rep = true;
    CHECK(rings(rep, only_rep));
    CHECK_FALSE(rings(step, only_rep));
    CHECK_FALSE(rings(change, only_rep));
    BellCues only_side = BellCues::none();
    only_side.side = true;
    CHECK(rings(side, only_side));
    CHECK(rings(change, only_side));
    CHECK_FALSE(rings(cue_of(CueKind::phase, PhaseKind::inhale), only_side));
    for (const Cue& cue : {step, side, change, rep, tick, end})
        CHECK_FALSE(rings(cue, BellCues::none()));
}

TEST_CASE("CueAnnouncer rings once for an instant with a cue that rings, and speaks them all") {
    FakeOutput bell;
    FakeSpawner spawner;
    CueAnnouncer announcer(&bell, BellCues{}, {"say"}, spawner);
    Cue raise = cue_of(CueKind::phase);
    raise.text = "Rise onto your toes";
    Cue step = cue_of(CueKind::step);
    step.text = "Calf raises";
    announcer.announce({&raise}); // a repetition alone: no bell, but it is said
    CHECK(bell.text().empty());
    CHECK(spawner.spawns().size() == 1);
    announcer.announce({&step, &raise}); // a step that begins with one: one bell
    CHECK(bell.text() == "\a");
    CHECK(spawner.spawns().back().back() == "Calf raises. Rise onto your toes");
}

TEST_CASE("the five-minute stretch rings at its steps and sides, not at each repetition") {
    // The stretch (content/routines/stretch.toml): calf raises, 15 reps of 2 phases; leg
    // extensions, 6 reps of 2 phases on each side with a switch between; forward folds, 3 reps
    // of 2 phases; ankle circles, 1 rep of 2 phases on each side with a switch. No breathing.
    // Cues of one instant ring once: a step begins with its first side and first movement.
    // Every kind, as the bell rang before: every instant with a cue, 30 + (24 + 1) + 6 +
    // (4 + 1) = 66.
    BellCues every = BellCues::none();
    every.step = every.side = every.breath = every.rep = true;
    CHECK(bells_of("stretch", every) == 66);
    // The default: 4 steps (the left sides begin with them), 2 switches, 2 right sides.
    CHECK(bells_of("stretch", BellCues{}) == 4 + 2 + 2);
    // Steps only, and never.
    BellCues steps = BellCues::none();
    steps.step = true;
    CHECK(bells_of("stretch", steps) == 4);
    CHECK(bells_of("stretch", BellCues::none()) == 0);
    // 4-7-8 breathing: 4 cycles of in, hold, out: the step with the first in-breath, then
    // 11 more phases.
    CHECK(bells_of("478", BellCues{}) == 12);
}
