#include "run/cue_announcer.h"

#include "support/fake_output.h"
#include "support/fake_spawner.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstring>

using namespace calmlegs;
using calmlegs::test::FakeOutput;
using calmlegs::test::FakeSpawner;
using Argv = std::vector<std::string>;

namespace {

constexpr pid_t k_first = FakeSpawner::k_first_pid;

/// Cues that say these texts, as the runner passes them for one instant.
struct Instant {
    std::vector<Cue> cues;
    explicit Instant(std::initializer_list<const char*> texts) {
        for (const char* text : texts) {
            Cue cue;
            cue.kind = CueKind::phase;
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
    CueAnnouncer announcer(&bell, {}, spawner);
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
    CueAnnouncer announcer(nullptr, {"say"}, spawner);
    say(announcer, {"Breathe in"});
    CHECK(spawner.spawns() == std::vector<Argv>{{"say", "Breathe in"}});
}

TEST_CASE("CueAnnouncer says the cues of one instant as one utterance") {
    FakeSpawner spawner;
    CueAnnouncer announcer(nullptr, {"espeak", "-s", "140"}, spawner);
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
    CueAnnouncer announcer(nullptr, {"say"}, spawner);
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
        CueAnnouncer announcer(nullptr, {"say"}, spawner);
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
    CueAnnouncer announcer(&bell, {"espeak", "-v", "en"}, spawner);
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
    CueAnnouncer announcer(nullptr, {"/nonexistent/calmlegs-cue"});
    say(announcer, {"Breathe in"});
    CHECK(announcer.error() == std::string("the cue command '/nonexistent/calmlegs-cue' could not "
                                           "be run: ") +
                                   std::strerror(ENOENT));
}
