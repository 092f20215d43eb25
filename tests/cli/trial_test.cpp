// `calmlegs trial` driven as whole command lines on a fake clock and an in-memory journal:
// starting one (the calendar, the question, every refusal), where it stands, its result,
// stopping it and the list.

#include "content/temp_dir.h"
#include "journal/trial.h"
#include "support/fake_system.h"
#include "support/text_checks.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

Date night_of(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

/// 08:00 UTC on the morning after the night `night` (the clock is in UTC).
Instant morning_after(Date night) {
    return sys_days{add_days(night, 1)} + hours{8};
}

std::vector<Trial> kept(FakeSystem& system) {
    std::vector<Trial> trials;
    std::string why;
    REQUIRE(system.journal->trials(trials, why));
    return trials;
}

Ran again(const std::vector<std::string>& words, FakeSystem& system) {
    system.out_.text_.clear();
    system.err_.text_.clear();
    return run_cli(words, system);
}

const std::vector<std::string> k_start = {"trial", "start",   "magnesium",  "--pairs",
                                          "3",     "--block", "7",          "--seed",
                                          "42",    "--start", "2026-03-09", "--yes"};

} // namespace

TEST_CASE("cli trial start: the calendar, the limits, and the trial kept with its seed") {
    FakeSystem system; // the night of 8 March 2026
    const Ran ran = run_cli(k_start, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "Trial of Magnesium"));
    CHECK(contains(ran.out, "42 nights"));
    CHECK(contains(ran.out, "expectation"));
    CHECK(contains(ran.out, "Started the trial of Magnesium"));
    const auto trials = kept(system);
    REQUIRE(trials.size() == 1);
    const TrialDesign& d = trials[0].design;
    CHECK(d.subject == "magnesium");
    CHECK(d.kind == TrialSubject::supplement);
    CHECK(d.seed == 42);
    CHECK(d.washout == 2); // magnesium's entry gives none: the stated default
    CHECK(d.start == night_of(2026, 3, 9));
    CHECK(trials[0].created == system.now_);

    SUBCASE("the same seed gives the same calendar in another journal") {
        FakeSystem other;
        CHECK(run_cli(k_start, other).status == 0);
        const auto calendar = [](const std::string& out) {
            return out.substr(0, out.find("Started"));
        };
        CHECK(calendar(other.out_.text_) == calendar(ran.out));
    }
    SUBCASE("a second start while it is planned is refused, and nothing added") {
        const Ran second = again({"trial", "start", "valerian", "--yes"}, system);
        CHECK(second.status == 2);
        CHECK(contains(second.err, "magnesium"));
        CHECK(kept(system).size() == 1);
    }
}

TEST_CASE("cli trial start: defaults: tomorrow night, a random seed recorded, a routine's 0") {
    FakeSystem system;
    CHECK(run_cli({"trial", "start", "tonight", "--yes"}, system).status == 0);
    const auto trials = kept(system);
    REQUIRE(trials.size() == 1);
    CHECK(trials[0].design.kind == TrialSubject::routine);
    CHECK(trials[0].design.start == night_of(2026, 3, 9));
    CHECK(trials[0].design.washout == 0);
    CHECK(trials[0].design.pairs == 3);
    CHECK(trials[0].design.block == 7);
    CHECK(trials[0].design.seed == 1); // the hex digits of the fake's first id, "run-1"
}

TEST_CASE("cli trial start: refusals") {
    FakeSystem system;
    SUBCASE("iron: blood tests, exit 2") {
        const Ran ran = run_cli({"trial", "start", "iron", "--yes"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "blood tests"));
    }
    SUBCASE("a name that is nothing: exit 1 with a suggestion") {
        // A close spelling is not taken without the question: weeks of nights are not
        // planned on a guess. The line to type has the name as it is spelt.
        const Ran ran = run_cli({"trial", "start", "magnesum", "--pairs", "4", "--yes"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "Did you mean: calmlegs trial start magnesium --pairs 4 --yes"));
        CHECK(kept(system).empty());
        const Ran none = run_cli({"trial", "start", "zzzzqqq", "--yes"}, system);
        CHECK(none.status == 1);
        CHECK(contains(none.err, "no supplement or routine is called"));
    }
    SUBCASE("a trigger is no subject: exit 2") {
        const Ran ran = run_cli({"trial", "start", "caffeine", "--yes"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "is a trigger"));
    }
    SUBCASE("no name: the example, not the words typed twice") {
        const Ran ran = run_cli({"trial", "start", "--yes"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "Try: calmlegs trial start magnesium --yes\n"));
    }
    SUBCASE("a design out of bounds") {
        CHECK(run_cli({"trial", "start", "magnesium", "--pairs", "1", "--yes"}, system).status ==
              2);
        CHECK(run_cli({"trial", "start", "magnesium", "--block", "4", "--yes"}, system).status ==
              2);
        const Ran ran = run_cli(
            {"trial", "start", "magnesium", "--block", "5", "--washout", "3", "--yes"}, system);
        CHECK(ran.status == 2);
    }
    SUBCASE("not on a terminal and no --yes: the calendar, then the line with --yes") {
        const Ran ran = run_cli({"trial", "start", "magnesium"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.out, "Trial of Magnesium"));
        CHECK(contains(ran.err, "calmlegs trial start magnesium --yes"));
    }
    CHECK(kept(system).size() <= 1);
}

TEST_CASE("cli trial start: a caution for the person's conditions refuses it") {
    TempDir dir;
    const std::string path = dir.write("config.toml", "[me]\nconditions = [\"kidney-disease\"]\n");
    FakeSystem system;
    const Ran ran = run_cli({"--config", path, "trial", "start", "magnesium", "--yes"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "kidney"));
    CHECK(kept(system).empty());
}

TEST_CASE("cli trial start: on a terminal it asks") {
    FakeSystem system;
    system.on_terminal(100, 80);
    SUBCASE("yes") {
        system.answers = {"y"};
        CHECK(run_cli({"trial", "start", "magnesium"}, system).status == 0);
        CHECK(system.prompts == std::vector<std::string>{"Start this trial? [y/N] "});
        CHECK(kept(system).size() == 1);
    }
    SUBCASE("a close spelling is asked about, with the name it found") {
        system.answers = {"y"};
        const Ran ran = run_cli({"trial", "start", "magnesum"}, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.err, "'magnesum' is magnesium"));
        CHECK(contains(ran.out, "Trial of Magnesium"));
        CHECK(system.prompts.size() == 1);
    }
    SUBCASE("no, or nothing: exit 1, nothing kept") {
        system.answers = {""};
        CHECK(run_cli({"trial", "start", "magnesium"}, system).status == 1);
        CHECK(kept(system).empty());
    }
    SUBCASE("Ctrl-C: 130, nothing kept") {
        system.interrupt_at_end = true;
        CHECK(run_cli({"trial", "start", "magnesium"}, system).status == 130);
        CHECK(kept(system).empty());
    }
}

TEST_CASE("cli trial status, result, stop and list") {
    FakeSystem system;
    SUBCASE("no trial yet") {
        const Ran ran = run_cli({"trial", "status"}, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "calmlegs trial start"));
        CHECK(run_cli({"trial", "result"}, system).status == 1);
        CHECK(run_cli({"trial", "stop"}, system).status == 1);
    }
    REQUIRE(run_cli(k_start, system).status == 0);
    // Three nights logged following the schedule, then the morning of night 4.
    const auto schedule = trial_schedule(kept(system)[0].design);
    for (int i = 0; i < 3; ++i) {
        const TrialNight& night = schedule[static_cast<std::size_t>(i)];
        system.now_ = morning_after(night.date);
        REQUIRE(again({"log", "--severity", night.on ? "3" : "5", "--took",
                       night.on ? "magnesium" : "none"},
                      system)
                    .status == 0);
    }
    system.now_ = sys_days{schedule[3].date} + hours{14}; // night 4 is tonight
    SUBCASE("status: where it stands, and no effect without --peek") {
        const Ran ran = again({"--json", "trial", "status"}, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "\"logged\": 3"));
        CHECK(contains(ran.out, "\"nights_left\": 39"));
        CHECK_FALSE(contains(ran.out, "\"effect\""));
        const Ran text = again({"trial"}, system); // `trial` alone is the status
        CHECK(contains(text.out, "night 4 of 42"));
        CHECK_FALSE(contains(text.out, "points"));
        const Ran peek = again({"trial", "status", "--peek"}, system);
        CHECK(contains(peek.out, "Peeking invites stopping early on noise"));
    }
    SUBCASE("result: refused before the end, given on --now") {
        const Ran early = again({"trial", "result"}, system);
        CHECK(early.status == 2);
        CHECK(contains(early.err, "calmlegs trial result --now"));
        const Ran now = again({"--json", "trial", "result", "--now"}, system);
        CHECK(now.status == 0);
        CHECK(contains(now.out, "\"key\": \"interim\""));
    }
    SUBCASE("stop: kept, marked stopped; its result only with --peek; then a new one starts") {
        const Ran stop = again({"trial", "stop"}, system);
        CHECK(stop.status == 0);
        CHECK(contains(stop.out, "trial result --peek"));
        REQUIRE(kept(system).size() == 1);
        CHECK(kept(system)[0].stopped == schedule[3].date);
        CHECK(again({"trial", "result", "--now"}, system).status == 2);
        CHECK(again({"trial", "result", "--peek"}, system).status == 0);
        CHECK(again({"trial", "stop"}, system).status == 1);
        CHECK(again({"trial", "start", "valerian", "--yes"}, system).status == 0);
        const Ran list = again({"--json", "trial", "list"}, system);
        CHECK(contains(list.out, "\"state\": \"stopped\""));
        CHECK(contains(list.out, "\"state\": \"planned\""));
        const Ran table = again({"trial", "list"}, system);
        CHECK(contains(table.out, "Valerian"));
    }
    SUBCASE("stop the morning after a rated night: that night stays in the trial") {
        system.now_ = morning_after(schedule[2].date); // night 3 is tonight until noon, rated
        const Ran before = again({"--json", "trial", "status"}, system);
        CHECK(contains(before.out, "\"logged\": 3"));
        const Ran stop = again({"trial", "stop"}, system);
        CHECK(stop.status == 0);
        CHECK(contains(stop.out, "rated, stays in it"));
        REQUIRE(kept(system).size() == 1);
        CHECK(kept(system)[0].stopped == schedule[3].date);
        const Ran after = again({"--json", "trial", "status"}, system);
        CHECK(contains(after.out, "\"state\": \"stopped\""));
        CHECK(contains(after.out, "\"logged\": 3")); // not 2: night 3 was not thrown away
        CHECK(contains(after.out, "\"elapsed\": 3"));
    }
}

TEST_CASE(
    "cli trial status: the night is the person's, across midnight and a change to summer time") {
    FakeSystem system;
    system.vars["TZ"] = "Europe/Berlin"; // summer time from 02:00 on Sunday 29 March 2026
    system.now_ = sys_days{night_of(2026, 3, 20)} + hours{12};
    REQUIRE(
        run_cli({"trial", "start", "magnesium", "--start", "2026-03-26", "--seed", "42", "--yes"},
                system)
            .status == 0);
    const auto schedule = trial_schedule(kept(system)[0].design);
    const auto tonight_line = [&](const Ran& ran) {
        const std::size_t at = ran.out.find("Tonight");
        return at == std::string::npos ? std::string()
                                       : ran.out.substr(at, ran.out.find('\n', at) - at);
    };
    // 00:30 on Monday 30 March, summer time (22:30 UTC): still the night of Sunday 29 March,
    // night 4.
    system.now_ = sys_days{night_of(2026, 3, 29)} + hours{22} + minutes{30};
    Ran ran = again({"trial", "status"}, system);
    CHECK(contains(ran.out, "night 4 of 42"));
    CHECK(contains(tonight_line(ran), schedule[3].on ? "ON: take magnesium" : "OFF: no magnesium"));
    // 11:59 local (09:59 UTC) is that night still; 12:00 local (10:00 UTC) is night 5.
    system.now_ = sys_days{night_of(2026, 3, 30)} + hours{9} + minutes{59};
    CHECK(contains(again({"trial", "status"}, system).out, "night 4 of 42"));
    system.now_ = sys_days{night_of(2026, 3, 30)} + hours{10};
    ran = again({"trial", "status"}, system);
    CHECK(contains(ran.out, "night 5 of 42"));
    CHECK(contains(tonight_line(ran), schedule[4].on ? "ON: take magnesium" : "OFF: no magnesium"));
}

TEST_CASE("cli trial result: the morning after the last night, once it is rated, it is final") {
    FakeSystem system;
    REQUIRE(run_cli(k_start, system).status == 0);
    const auto schedule = trial_schedule(kept(system)[0].design);
    // Every night logged the morning after, ON nights 2 points lower.
    for (std::size_t i = 0; i + 1 < schedule.size(); ++i) {
        const TrialNight& night = schedule[i];
        system.now_ = morning_after(night.date);
        REQUIRE(again({"log", "--severity", night.on ? "3" : "5", "--took",
                       night.on ? "magnesium" : "none"},
                      system)
                    .status == 0);
    }
    // 08:00 after the last night, not yet rated: the night is not over, one night left.
    const TrialNight& last = schedule.back();
    system.now_ = morning_after(last.date);
    CHECK(again({"trial", "result"}, system).status == 2);
    CHECK(contains(again({"--json", "trial", "status"}, system).out, "\"nights_left\": 1"));
    REQUIRE(
        again({"log", "--severity", last.on ? "3" : "5", "--took", last.on ? "magnesium" : "none"},
              system)
            .status == 0);
    // Rated: finished at once, before noon ends the night on the clock.
    const Ran status = again({"--json", "trial", "status"}, system);
    CHECK(contains(status.out, "\"state\": \"finished\""));
    CHECK(contains(status.out, "\"nights_left\": 0"));
    const Ran result = again({"--json", "trial", "result"}, system);
    CHECK(result.status == 0);
    CHECK(contains(result.out, "\"final\": true"));
    CHECK(contains(result.out, "\"pairs_used\": 3"));
    CHECK(contains(again({"trial", "result"}, system).out, "2.0 points lower on"));
}

TEST_CASE("cli report: the latest trial, its result only once it has finished") {
    FakeSystem system;
    CHECK(contains(run_cli({"--json", "report"}, system).out, "\"trial\": null"));
    REQUIRE(run_cli(k_start, system).status == 0);
    const auto schedule = trial_schedule(kept(system)[0].design);
    for (const TrialNight& night : schedule) {
        system.now_ = morning_after(night.date);
        REQUIRE(again({"log", "--severity", night.on ? "3" : "5", "--took",
                       night.on ? "magnesium" : "none"},
                      system)
                    .status == 0);
        if (night.index == 20) {
            // Half way: where it stands, no effect in the page or the data.
            const Ran json = again({"--json", "report"}, system);
            CHECK(contains(json.out, "\"nights_left\": 21"));
            CHECK_FALSE(contains(json.out, "\"effect\""));
            const Ran page = again({"report", "--html", "-"}, system);
            CHECK(contains(page.out, "<section id=\"trial\""));
            CHECK(contains(page.out, "Its result is shown once it ends"));
            CHECK_FALSE(contains(page.out, "points lower"));
            CHECK_FALSE(contains(page.out, "trial-chart"));
        }
    }
    const Ran json = again({"--json", "report"}, system);
    CHECK(contains(json.out, "\"final\": true"));
    const Ran page = again({"report", "--html", "-"}, system);
    CHECK(contains(page.out, "In your trial, severity was 2.0 points lower on"));
    CHECK(contains(page.out, "trial-chart"));
    // 42 nights logged; the default washout, 2 nights of each of the 6 blocks: 12 hollow
    // points, 30 solid.
    CHECK(count_of(page.out, "<circle class=\"night\"") == 30);
    CHECK(count_of(page.out, "<circle class=\"washout\"") == 12);
}
