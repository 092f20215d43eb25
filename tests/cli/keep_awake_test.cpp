// The screen is kept from blanking while a full-screen routine runs ([cues] keep_awake):
// systemd-inhibit is started through the Spawner when a session bus can be reached, and stopped
// however the routine ends.

#include "run/keep_awake.h"

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

#include <cerrno>
#include <chrono>
#include <csignal>

using namespace calmlegs;
using namespace calmlegs::test;
using Argv = std::vector<std::string>;
using std::chrono::seconds;

namespace {

const Argv k_breathe = {"breathe", "5-5", "--cycles", "1"};

/// A full-screen terminal, a session bus and systemd-inhibit: everything staying awake needs.
void awake_ready(FakeSystem& system) {
    system.on_terminal(80, 24);
    system.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus";
    system.runnable.insert("systemd-inhibit");
}

/// The spawns that were systemd-inhibit (the cue command goes through the same Spawner).
std::vector<Argv> inhibitors(const FakeSystem& system) {
    std::vector<Argv> found;
    for (const Argv& argv : system.spawner_.spawns())
        if (!argv.empty() && argv.front() == "systemd-inhibit") found.push_back(argv);
    return found;
}

/// True when the one process started was asked to stop.
bool stopped(const FakeSystem& system) {
    return system.spawner_.stops() == std::vector<pid_t>{FakeSpawner::k_first_pid};
}

} // namespace

TEST_CASE("keep awake: a full-screen routine holds off blanking, and lets go at its end") {
    FakeSystem system;
    awake_ready(system);
    const Ran ran = run_cli(k_breathe, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "\x1b[?1049h")); // the full screen it was for
    CHECK(inhibitors(system) == std::vector<Argv>{keep_awake_command(FakeSystem::k_process_id)});
    CHECK(stopped(system));
    CHECK(ran.err.empty()); // nothing said about it
}

TEST_CASE("keep awake: a session bus found at $XDG_RUNTIME_DIR/bus will do") {
    TempDir runtime;
    FakeSystem system;
    awake_ready(system);
    system.vars.erase("DBUS_SESSION_BUS_ADDRESS");
    system.vars["XDG_RUNTIME_DIR"] = runtime.path();
    SUBCASE("no bus there: nothing") {
        CHECK(run_cli(k_breathe, system).status == 0);
        CHECK(inhibitors(system).empty());
    }
    SUBCASE("the bus's socket there: held") {
        runtime.write("bus", "");
        CHECK(run_cli(k_breathe, system).status == 0);
        CHECK(inhibitors(system).size() == 1);
        CHECK(stopped(system));
    }
}

TEST_CASE("keep awake: not started where it is not wanted or cannot be") {
    FakeSystem system;
    awake_ready(system);
    Argv words = k_breathe;
    SUBCASE("[cues] keep_awake = false") {
        TempDir home;
        system.vars["CALMLEGS_CONFIG"] = home.write("config.toml", "[cues]\nkeep_awake = false\n");
        const Ran ran = run_cli(words, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "\x1b[?1049h"));
    }
    SUBCASE("no session bus") {
        system.vars.erase("DBUS_SESSION_BUS_ADDRESS");
        CHECK(run_cli(words, system).status == 0);
    }
    SUBCASE("an empty bus address is none") {
        system.vars["DBUS_SESSION_BUS_ADDRESS"] = "";
        CHECK(run_cli(words, system).status == 0);
    }
    SUBCASE("no systemd-inhibit on PATH") {
        system.runnable.clear();
        const Ran ran = run_cli(words, system);
        CHECK(ran.status == 0);
        CHECK(ran.err.empty()); // silently
    }
    SUBCASE("plain lines (TERM=dumb): nobody watches a screen") {
        system.on_terminal(80, 24, "dumb");
        CHECK(run_cli(words, system).status == 0);
    }
    SUBCASE("piped") {
        system.facts = TerminalFacts{};
        CHECK(run_cli(words, system).status == 0);
    }
    SUBCASE("--json") {
        words.push_back("--json");
        CHECK(run_cli(words, system).status == 0);
    }
    SUBCASE("--dry-run") {
        words.push_back("--dry-run");
        CHECK(run_cli(words, system).status == 0);
    }
    CHECK(inhibitors(system).empty());
    CHECK(system.spawner_.spawns().empty());
}

TEST_CASE("keep awake: let go however the routine ends") {
    FakeSystem system;
    awake_ready(system);
    SUBCASE("q") {
        system.keys = {{seconds(2), 'q'}};
        CHECK(run_cli(k_breathe, system).status == 130);
    }
    SUBCASE("Ctrl-C") {
        system.signals = {{seconds(2), SIGINT}};
        CHECK(run_cli(k_breathe, system).status == 130);
    }
    SUBCASE("SIGTERM") {
        system.signals = {{seconds(2), SIGTERM}};
        CHECK(run_cli(k_breathe, system).status == 143);
    }
    SUBCASE("SIGHUP") {
        system.signals = {{seconds(2), SIGHUP}};
        CHECK(run_cli(k_breathe, system).status == 129);
    }
    SUBCASE("an output that cannot be written") {
        system.out_.fail_with = ENOSPC;
        CHECK(run_cli(k_breathe, system).status == 74);
    }
    SUBCASE("the other routine commands: stretch") {
        CHECK(run_cli({"stretch", "--speed", "100"}, system).status == 0);
    }
    CHECK(inhibitors(system).size() == 1);
    CHECK(stopped(system));
}

TEST_CASE("keep awake: alongside the cue command, each process is its own") {
    TempDir home;
    FakeSystem system;
    awake_ready(system);
    system.runnable.insert("say");
    system.vars["CALMLEGS_CONFIG"] = home.write("config.toml", "[cues]\ncommand = [\"say\"]\n");
    CHECK(run_cli(k_breathe, system).status == 0);
    const auto& spawns = system.spawner_.spawns();
    REQUIRE(spawns.size() > 1);
    CHECK(spawns.front().front() == "systemd-inhibit"); // before the first cue
    CHECK(inhibitors(system).size() == 1);
    // Every cue but the last was stopped by the next one; the hold was stopped at the end.
    const auto& stops = system.spawner_.stops();
    REQUIRE_FALSE(stops.empty());
    CHECK(stops.back() == FakeSpawner::k_first_pid);
}
