#include "run/keep_awake.h"

#include "support/fake_spawner.h"

#include <doctest/doctest.h>

#include <cerrno>

using namespace calmlegs;
using calmlegs::test::FakeSpawner;
using Argv = std::vector<std::string>;

namespace {
constexpr pid_t k_first = FakeSpawner::k_first_pid;
}

TEST_CASE("keep_awake_command: systemd-inhibit holds the idle lock for as long as calmlegs runs") {
    CHECK(keep_awake_command(4242) == Argv{"systemd-inhibit", "--what=idle", "--who=calmlegs",
                                           "--why=a routine is running", "--mode=block", "tail",
                                           "--pid=4242", "-f", "/dev/null"});
}

TEST_CASE("AwakeHold starts its command at once and stops it when it goes") {
    FakeSpawner spawner;
    {
        const AwakeHold hold(spawner, {"inhibit", "child"});
        REQUIRE(spawner.spawns() == std::vector<Argv>{{"inhibit", "child"}});
        CHECK(hold.pid() == k_first);
        CHECK(spawner.running(k_first));
        CHECK(spawner.stops().empty()); // never waited for, never stopped while it lives
    }
    CHECK(spawner.stops() == std::vector<pid_t>{k_first});
}

TEST_CASE("AwakeHold: a command that ended at once is reaped, not signalled") {
    // No logind to ask: systemd-inhibit exits at once, and its pid may be another's by the end.
    FakeSpawner spawner;
    {
        const AwakeHold hold(spawner, {"inhibit"});
        spawner.finish(k_first);
    }
    CHECK(spawner.stops().empty());
    CHECK(spawner.reaped() == std::vector<pid_t>{k_first});
}

TEST_CASE("AwakeHold: a command that cannot be started changes nothing") {
    FakeSpawner spawner;
    spawner.fail_with(ENOENT);
    {
        const AwakeHold hold(spawner, {"inhibit"});
        CHECK(hold.pid() == -1);
    }
    CHECK(spawner.spawns().size() == 1);
    CHECK(spawner.stops().empty());
    CHECK(spawner.reaped().empty());
}
