// The journal's commands driven as whole command lines, on a fake clock and an in-memory
// journal (FakeSystem): which night a log belongs to, updates, questions on a terminal, runs
// recorded by themselves, and journals that cannot be opened.

#include "content/temp_dir.h"
#include "support/fake_system.h"
#include "ui/text.h"

#include <csignal>

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

Instant utc(year_month_day day, int hour, int minute = 0) {
    return sys_days{day} + hours{hour} + minutes{minute};
}

constexpr year_month_day k_march_8 = year{2026} / 3 / 8;

/// The night of `date` as stored, or nullopt.
std::optional<Night> stored_night(FakeSystem& system, Date date) {
    std::optional<Night> night;
    std::string why;
    REQUIRE(system.journal->night(date, night, why));
    return night;
}

/// Runs a command line on `system` with its streams emptied first.
Ran run_again(const std::vector<std::string>& words, FakeSystem& system) {
    system.out_.text_.clear();
    system.err_.text_.clear();
    return run_cli(words, system);
}

std::vector<RoutineRun> all_runs(FakeSystem& system) {
    JournalData data;
    std::string why;
    REQUIRE(system.journal->load_all(data, why));
    return data.runs;
}

} // namespace

TEST_CASE("cli log: a night runs from noon to noon") {
    FakeSystem system;
    SUBCASE("at 07:00 the log is about the night before") {
        system.now_ = utc(year{2026} / 3 / 9, 7);
        const Ran ran = run_cli({"log", "--severity", "6", "--took", "mag"}, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "Logged the night of Sunday 2026-03-08"));
        const auto night = stored_night(system, k_march_8);
        REQUIRE(night);
        CHECK(night->severity == 6);
        CHECK(night->supplements == std::vector<std::string>{"magnesium"});
        CHECK(night->logged == system.now_);
    }
    SUBCASE("at 11:59 still the night before; at 12:00 tonight") {
        system.now_ = utc(year{2026} / 3 / 9, 11, 59);
        CHECK(run_cli({"log", "--severity", "2"}, system).status == 0);
        CHECK(stored_night(system, k_march_8));
        system.now_ = utc(year{2026} / 3 / 9, 12, 0);
        CHECK(run_cli({"log", "--severity", "3"}, system).status == 0);
        CHECK(stored_night(system, year{2026} / 3 / 9));
    }
    SUBCASE("in the person's zone, not UTC: 23:30 UTC is 07:30 the next morning in UTC+8") {
        system.vars["TZ"] = "<+08>-8";
        system.now_ = utc(year{2026} / 3 / 8, 23, 30);
        CHECK(run_cli({"log", "--severity", "4"}, system).status == 0);
        CHECK(stored_night(system, k_march_8));
    }
}

TEST_CASE("cli log: logging a night again updates it and keeps what was not given") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    REQUIRE(
        run_cli({"log", "--severity", "6", "--took", "magnesium", "--trigger", "caffeine"}, system)
            .status == 0);
    system.now_ += minutes{5};
    const Ran again = run_again({"log", "--sleep", "3", "--note", "woke twice"}, system);
    CHECK(again.status == 0);
    CHECK(contains(again.out, "Updated the night of Sunday 2026-03-08"));
    const auto night = stored_night(system, k_march_8);
    REQUIRE(night);
    CHECK(night->severity == 6);
    CHECK(night->sleep == 3);
    CHECK(night->note == "woke twice");
    CHECK(night->supplements == std::vector<std::string>{"magnesium"});
    CHECK(night->triggers == std::vector<std::string>{"caffeine"});
    CHECK(night->logged == utc(year{2026} / 3 / 9, 7));
    CHECK(night->updated == system.now_);
    JournalData data;
    std::string why;
    REQUIRE(system.journal->load_all(data, why));
    CHECK(data.nights.size() == 1);
    SUBCASE("--took none and --note '' clear them") {
        CHECK(run_cli({"log", "--took", "none", "--note", ""}, system).status == 0);
        const auto cleared = stored_night(system, k_march_8);
        CHECK(cleared->supplements.empty());
        CHECK(cleared->note.empty());
        CHECK(cleared->severity == 6);
    }
}

TEST_CASE("cli log: a new night takes the plan's supplements unless told") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] =
        dir.write("config.toml", "[plan]\nsupplements = [\"vitamin d\", \"Magnesium\"]\n");
    system.now_ = utc(year{2026} / 3 / 9, 7);
    CHECK(run_cli({"log", "--severity", "5"}, system).status == 0);
    CHECK(stored_night(system, k_march_8)->supplements ==
          std::vector<std::string>{"magnesium", "vitamin-d"});
    CHECK(run_cli({"log", "--date", "2026-03-07", "--severity", "5", "--took", "valerian"}, system)
              .status == 0);
    CHECK(stored_night(system, year{2026} / 3 / 7)->supplements ==
          std::vector<std::string>{"valerian"});
}

TEST_CASE("cli log: what it refuses, saving nothing") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    SUBCASE("a night still to come") {
        const Ran ran = run_cli({"log", "--date", "2026-03-09", "--severity", "3"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "still to come"));
    }
    SUBCASE("a supplement that does not exist, with the line corrected") {
        const Ran ran = run_cli({"log", "--severity", "3", "--took", "valerian,nesium"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "there is no supplement 'nesium'"));
        CHECK(
            contains(ran.err, "Did you mean: calmlegs log --severity 3 --took valerian,magnesium"));
    }
    SUBCASE("nothing like any supplement: no line to offer, the list") {
        const Ran ran = run_cli({"log", "--took", "xyzzy"}, system);
        CHECK(ran.status == 2);
        CHECK_FALSE(contains(ran.err, "Did you mean"));
        CHECK(contains(ran.err, "See them all: calmlegs supplements --all"));
    }
    SUBCASE("none among names") {
        const Ran ran = run_cli({"log", "--took", "none,magnesium"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "--took takes \"none\" alone"));
    }
    SUBCASE("out of range") {
        CHECK(run_cli({"log", "--severity", "11"}, system).status == 2);
        CHECK(run_cli({"log", "--sleep", "0"}, system).status == 2);
        CHECK(run_cli({"log", "--in-bed", "25:00"}, system).status == 2);
    }
    SUBCASE("no answers and no terminal to ask on") {
        const Ran ran = run_cli({"log"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "nothing to log"));
        CHECK(contains(ran.err, "calmlegs log --severity 6 --sleep 3"));
    }
    CHECK_FALSE(stored_night(system, k_march_8));
}

TEST_CASE("cli log: on a terminal, one question at a time, the last night's answers as defaults") {
    FakeSystem system;
    system.on_terminal();
    system.now_ = utc(year{2026} / 3 / 8, 7);
    REQUIRE(
        run_cli({"log", "--severity", "7", "--sleep", "2", "--took", "magnesium"}, system).status ==
        0);
    system.now_ = utc(year{2026} / 3 / 9, 7);
    // Severity: Enter keeps 7; sleep: "9" is refused, then 4; supplements: Enter keeps
    // magnesium; triggers: stress; no diary; a note.
    system.answers = {"", "9", "4", "", "stress", "n", "restless at 2"};
    const Ran ran = run_again({"log"}, system);
    CHECK(ran.status == 0);
    REQUIRE(system.prompts.size() == 7);
    CHECK(contains(system.prompts[0], "[7]"));
    CHECK(contains(system.prompts[1], "[2]"));
    CHECK(contains(system.prompts[3], "[magnesium]"));
    CHECK(contains(ran.err, "Type a whole number from 1 to 5"));
    const auto night = stored_night(system, k_march_8);
    REQUIRE(night);
    CHECK(night->severity == 7);
    CHECK(night->sleep == 4);
    CHECK(night->supplements == std::vector<std::string>{"magnesium"});
    CHECK(night->triggers == std::vector<std::string>{"stress"});
    CHECK(night->note == "restless at 2");
    SUBCASE("with the diary") {
        system.answers = {"5",  "3", "none", "none",  "y",     "22:30",
                          "20", "2", "30",   "06:30", "06:45", ""};
        CHECK(run_cli({"log", "--date", "2026-03-06"}, system).status == 0);
        const auto diary = stored_night(system, year{2026} / 3 / 6)->diary;
        CHECK(diary.into_bed == LocalTime{22, 30});
        CHECK(diary.minutes_to_sleep == 20);
        CHECK(diary.wakings == 2);
        CHECK(diary.minutes_awake == 30);
        CHECK(diary.final_wake == LocalTime{6, 30});
        CHECK(diary.out_of_bed == LocalTime{6, 45});
    }
    SUBCASE("Ctrl-C saves nothing: status 130") {
        system.answers = {"3", "3"};
        system.interrupt_at_end = true;
        const Ran stopped = run_again({"log", "--date", "2026-03-06"}, system);
        CHECK(stopped.status == 130);
        CHECK(contains(stopped.err, "Nothing saved."));
        CHECK_FALSE(stored_night(system, year{2026} / 3 / 6));
    }
}

TEST_CASE("cli: routine runs are recorded by themselves") {
    FakeSystem system;
    const std::vector<std::string> breathe = {"breathe", "5-5", "--cycles", "1"};
    SUBCASE("a finished run, on the night it started") {
        system.now_ = utc(year{2026} / 3 / 9, 1, 30); // 01:30: still the night of March 8
        CHECK(run_cli(breathe, system).status == 0);
        const auto runs = all_runs(system);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].outcome == RunOutcome::finished);
        CHECK(runs[0].night == Date{k_march_8});
        CHECK(runs[0].started == system.now_);
        CHECK(runs[0].steps_done == runs[0].steps_total);
        CHECK(runs[0].uid == "run-1");
        const Ran history = run_again({"history", "--json"}, system);
        CHECK(contains(history.out, "\"outcome\": \"finished\""));
    }
    SUBCASE("SIGTERM: recorded as interrupted, then status 143") {
        system.signals = {{seconds(2), SIGTERM}};
        CHECK(run_cli(breathe, system).status == 143);
        const auto runs = all_runs(system);
        REQUIRE(runs.size() == 1);
        CHECK(runs[0].outcome == RunOutcome::interrupted);
        CHECK(runs[0].signal == SIGTERM);
    }
    SUBCASE("q: recorded as quit") {
        system.on_terminal();
        system.keys = {{seconds(2), 'q'}};
        CHECK(run_cli(breathe, system).status == 130);
        REQUIRE(all_runs(system).size() == 1);
        CHECK(all_runs(system)[0].outcome == RunOutcome::quit);
    }
    SUBCASE("not with --no-journal, --dry-run or at another --speed") {
        auto with = [&](std::string word) {
            std::vector<std::string> words = breathe;
            words.push_back(word);
            return words;
        };
        CHECK(run_cli(with("--no-journal"), system).status == 0);
        CHECK(run_cli(with("--dry-run"), system).status == 0);
        std::vector<std::string> fast = breathe;
        fast.insert(fast.end(), {"--speed", "4"});
        CHECK(run_cli(fast, system).status == 0);
        CHECK(all_runs(system).empty());
        CHECK_FALSE(system.journal_exists);
    }
    SUBCASE("not when [journal] record_runs = false") {
        TempDir dir;
        system.vars["CALMLEGS_CONFIG"] =
            dir.write("config.toml", "[journal]\nrecord_runs = false\n");
        CHECK(run_cli(breathe, system).status == 0);
        CHECK(all_runs(system).empty());
    }
}

TEST_CASE("cli: a journal that cannot be opened stops the command, with its reason") {
    FakeSystem system;
    system.journal_refusal = "/x/journal.db is not a calmlegs journal: it is not an SQLite "
                             "database";
    SUBCASE("log: status 2") {
        const Ran ran = run_cli({"log", "--severity", "3"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "is not a calmlegs journal"));
    }
    SUBCASE("a routine does not start, and says how to run it unrecorded") {
        const Ran ran = run_cli({"breathe", "5-5", "--cycles", "1"}, system);
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        CHECK(contains(ran.err, "add --no-journal"));
        CHECK(run_cli({"breathe", "5-5", "--cycles", "1", "--no-journal"}, system).status == 0);
    }
    SUBCASE("history, stats and export: status 2") {
        for (const char* command : {"history", "stats"})
            CHECK(run_cli({command}, system).status == 2);
        CHECK(run_cli({"export", "--json"}, system).status == 2);
    }
}

TEST_CASE("cli: where the journal is") {
    FakeSystem system;
    system.vars["HOME"] = "/home/ann";
    CHECK(run_cli({"history"}, system).status == 0);
    CHECK(system.journal_opened == "/home/ann/.local/state/calmlegs/journal.db");
    system.vars["XDG_STATE_HOME"] = "/state";
    CHECK(run_cli({"history"}, system).status == 0);
    CHECK(system.journal_opened == "/state/calmlegs/journal.db");
    system.vars["CALMLEGS_JOURNAL"] = "/env.db";
    CHECK(run_cli({"history"}, system).status == 0);
    CHECK(system.journal_opened == "/env.db");
    CHECK(run_cli({"--journal", "/flag.db", "history"}, system).status == 0);
    CHECK(system.journal_opened == "/flag.db");
    SUBCASE("no HOME and no XDG_STATE_HOME: said, with what to do") {
        FakeSystem bare;
        bare.vars.erase("HOME");
        const Ran ran = run_cli({"log", "--severity", "2"}, bare);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs --journal FILE"));
    }
}

TEST_CASE("cli history: no journal yet is an empty history, not an error") {
    FakeSystem system;
    const Ran ran = run_cli({"history"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "calmlegs log"));
    CHECK_FALSE(system.journal_exists); // reading never creates it
}

TEST_CASE("cli export and import: the round trip through the commands") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    REQUIRE(run_cli({"log", "--severity", "6", "--took", "magnesium", "--note", "a, \"b\""}, system)
                .status == 0);
    REQUIRE(run_cli({"breathe", "5-5", "--cycles", "1"}, system).status == 0);
    const Ran exported = run_again({"export", "--json"}, system);
    REQUIRE(exported.status == 0);
    TempDir dir;
    const std::string file = dir.write("journal.json", exported.out);
    FakeSystem other;
    const Ran imported = run_cli({"import", file}, other);
    CHECK(imported.status == 0);
    CHECK(contains(imported.out, "nights 1 added"));
    CHECK(contains(imported.out, "runs 1 added"));
    CHECK(run_again({"export", "--json"}, other).out == exported.out);
    const Ran again = run_again({"import", file}, other);
    CHECK(contains(again.out, "nights 0 added, 0 updated, 1 already there"));
    CHECK(contains(again.out, "runs 0 added, 1 already there"));
    SUBCASE("export needs one format") {
        CHECK(run_cli({"export"}, system).status == 2);
        CHECK(contains(run_again({"export", "--csv", "--json"}, system).err, "not both"));
    }
    SUBCASE("a broken file imports nothing") {
        const Ran broken = run_cli({"import", dir.write("bad.json", "{\"format\": 3")}, other);
        CHECK(broken.status == 2);
        CHECK(contains(broken.err, "bad.json:1:"));
    }
}

TEST_CASE("cli log: diary times that do not add up are refused, saving nothing") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    // Out of bed at 05:00, before the final wake at 06:10.
    const Ran ran = run_cli({"log", "--severity", "4", "--in-bed", "22:40", "--final-wake", "06:10",
                             "--out-of-bed", "05:00"},
                            system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "the sleep diary times do not add up"));
    CHECK_FALSE(stored_night(system, k_march_8));
    // The same times in order are taken.
    CHECK(run_cli({"log", "--severity", "4", "--in-bed", "22:40", "--final-wake", "06:10",
                   "--out-of-bed", "06:30"},
                  system)
              .status == 0);
    CHECK(stored_night(system, k_march_8)->diary.out_of_bed == LocalTime{6, 30});
    // A time given alone must add up with those already logged: a final wake at 07:00 comes
    // after out of bed at 06:30.
    const Ran later = run_again({"log", "--final-wake", "07:00"}, system);
    CHECK(later.status == 2);
    CHECK(contains(later.err, "with the times already logged for this night"));
    CHECK(stored_night(system, k_march_8)->diary.final_wake == LocalTime{6, 10});
}

TEST_CASE("cli log: an unknown trigger lists the triggers and where one's own go") {
    FakeSystem system;
    const Ran ran = run_cli({"log", "--trigger", "xyzzy"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "there is no trigger 'xyzzy'"));
    CHECK(contains(ran.err, "Triggers: caffeine, "));
    CHECK(contains(ran.err, "[journal] triggers"));
}

TEST_CASE("cli history: a note is shown, never obeyed by the terminal") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    REQUIRE(run_cli({"log", "--severity", "2", "--note", "\x1b[31mred\x07"}, system).status == 0);
    const Ran ran = run_again({"history"}, system);
    CHECK(ran.status == 0);
    CHECK_FALSE(contains(ran.out, "\x1b"));
    CHECK_FALSE(contains(ran.out, "\x07"));
    CHECK(contains(ran.out, "^[[31mred^G"));
}

TEST_CASE("cli history: the table is as wide as the terminal, not cut at 100 columns") {
    FakeSystem system;
    system.vars["COLUMNS"] = "200";
    system.now_ = utc(year{2026} / 3 / 9, 7);
    const std::string note(120, 'n');
    REQUIRE(run_cli({"log", "--severity", "2", "--took", "magnesium,valerian,vitamin-d", "--note",
                     note},
                    system)
                .status == 0);
    const Ran wide = run_again({"history"}, system);
    CHECK(contains(wide.out, "magnesium,valerian,vitamin-d"));
    CHECK(contains(wide.out, note));
    system.vars["COLUMNS"] = "60";
    const Ran narrow = run_again({"history"}, system);
    for (const auto& line : split_lines(narrow.out))
        CHECK(display_width(line) <= 60);
    CHECK(contains(narrow.out, "…"));
}

TEST_CASE("cli export: the data as it is, UTF-8 even when the locale is not") {
    FakeSystem system;
    system.now_ = utc(year{2026} / 3 / 9, 7);
    REQUIRE(run_cli({"log", "--severity", "2", "--note", "café"}, system).status == 0);
    system.vars["LANG"] = "C";
    CHECK(contains(run_again({"export", "--json"}, system).out, "café"));
    CHECK(contains(run_again({"export", "--csv"}, system).out, "café"));
}

TEST_CASE("cli import: names resolve as log resolves them, and an unknown one imports nothing") {
    TempDir dir;
    const std::string head = "{\"format\": \"calmlegs-journal\", \"version\": 1, \"nights\": [";
    const std::string tail = "], \"runs\": []}";
    auto night = [](const char* date, const char* took) {
        return std::string("{\"date\": \"") + date +
               "\", \"severity\": 3, \"sleep\": null, \"into_bed\": null, "
               "\"minutes_to_sleep\": null, \"wakings\": null, \"minutes_awake\": null, "
               "\"final_wake\": null, \"out_of_bed\": null, \"supplements\": [" +
               took +
               "], \"triggers\": [\"Coffee\"], \"note\": null, \"logged\": "
               "\"2026-03-09T07:00:00Z\", \"updated\": \"2026-03-09T07:00:00Z\"}";
    };
    FakeSystem system;
    const Ran ran = run_cli(
        {"import", dir.write("a.json", head + night("2026-03-08", "\"Mag\"") + tail)}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.err, "'Mag' is magnesium"));
    const auto stored = stored_night(system, k_march_8);
    REQUIRE(stored);
    CHECK(stored->supplements == std::vector<std::string>{"magnesium"});
    CHECK(stored->triggers == std::vector<std::string>{"caffeine"});
    const Ran unknown = run_again(
        {"import", dir.write("b.json", head + night("2026-03-07", "\"unobtainium\"") + tail)},
        system);
    CHECK(unknown.status == 2);
    CHECK(contains(unknown.err, "the night of 2026-03-07 names the supplement 'unobtainium'"));
    CHECK(contains(unknown.err, "Nothing was imported"));
    CHECK_FALSE(stored_night(system, year{2026} / 3 / 7));
}

TEST_CASE("cli compare: a name of several words, and what is not a name") {
    FakeSystem system;
    const Ran ran = run_cli({"compare", "late", "exercise"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "Late"));
    const Ran none = run_again({"compare", "xyzzy"}, system);
    CHECK(none.status == 1);
    CHECK(contains(none.err, "no supplement, trigger or routine is called 'xyzzy'"));
}

TEST_CASE("cli config: the journal in use follows --journal and CALMLEGS_JOURNAL") {
    FakeSystem system;
    system.vars["CALMLEGS_JOURNAL"] = "/elsewhere/j.db";
    CHECK(contains(run_cli({"config"}, system).out, "/elsewhere/j.db"));
}
