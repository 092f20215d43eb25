// `tonight` and `log` on the nights of a running trial (issue 14): the ritual's supplement
// step says the night's line and takes the subject or not; `log` asks whether it was taken
// and refuses to assume it. Trials are put in the FakeSystem's journal directly.

#include "cli/remind_machine.h"
#include "content/temp_dir.h"
#include "journal/trial.h"
#include "support/trial_samples.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

/// A person with `config` as their config.toml, on the evening (20:00 UTC) of `night`.
struct Person {
    TempDir dir;
    FakeSystem system;

    explicit Person(const std::string& config) {
        system.vars["CALMLEGS_CONFIG"] = dir.write("config.toml", config);
        system.vars["COLUMNS"] = "1000";
    }
    Ran run(const std::vector<std::string>& words, Instant now) {
        system.now_ = now;
        system.out_.text_.clear();
        system.err_.text_.clear();
        return run_cli(words, system);
    }
};

const std::string k_magnesium_plan = "[plan]\nsupplements = [\"magnesium\"]\n";

std::optional<Night> stored(FakeSystem& system, Date on) {
    std::optional<Night> night;
    std::string why;
    REQUIRE(system.journal->night(on, night, why));
    return night;
}

} // namespace

TEST_CASE("tonight --dry-run on a magnesium trial's nights: the step says ON or OFF") {
    const TrialDesign design = sample_trial(TrialSubject::supplement, "magnesium");
    const TrialNight on = first_night(design, true);
    const TrialNight off = first_night(design, false);
    SUBCASE("magnesium in the plan") {
        Person person(k_magnesium_plan);
        add_trial(person.system, design);
        const Ran on_ran = person.run({"tonight", "--dry-run"}, at(on.date, 20, 0));
        CHECK(on_ran.status == 0);
        const std::string on_out = flat(on_ran.out);
        CHECK(contains(on_out, "ON " + numbered(on) +
                                   ": take magnesium, 200–400 mg. Take your "
                                   "evening supplement: Magnesium 200–400 mg."));
        const Ran off_ran = person.run({"tonight", "--dry-run"}, at(off.date, 20, 0));
        CHECK(off_ran.status == 0);
        const std::string off_out = flat(off_ran.out);
        CHECK(contains(off_out, "OFF " + numbered(off) + ": no magnesium tonight."));
        CHECK_FALSE(contains(off_out, "Take your evening supplement"));
        // Nothing to take: a short note, not a step that waits for Enter.
        const Ran off_json = person.run({"--json", "tonight", "--dry-run"}, at(off.date, 20, 0));
        CHECK(contains(joined(off_json.out), "\"text\": \"OFF " + numbered(off) +
                                                ": no magnesium tonight.\",\"notes\": [],"));
        CHECK(contains(joined(off_json.out), "\"seconds\": 10,\"waits\": false"));
        CHECK_FALSE(contains(off_out, "200–400 mg"));
        // A night outside the trial: the ritual as ever.
        const Ran before = person.run({"tonight", "--dry-run"}, at(date(2026, 1, 4), 20, 0));
        CHECK(contains(flat(before.out), "Take your evening supplement: Magnesium 200–400 mg."));
        CHECK_FALSE(contains(before.out, " of 42"));
    }
    SUBCASE("magnesium not in the plan: taken on an ON night all the same") {
        Person person("[plan]\nsupplements = [\"ashwagandha\"]\n");
        add_trial(person.system, design);
        const std::string on_out =
            flat(person.run({"tonight", "--dry-run"}, at(on.date, 20, 0)).out);
        CHECK(contains(on_out, "ON " + numbered(on) +
                                   ": take magnesium, 200–400 mg. Take your "
                                   "evening supplements: Ashwagandha"));
        CHECK(contains(on_out, "Magnesium 200–400 mg"));
        // OFF: the other evening supplement is still taken, magnesium is not.
        const std::string off_out =
            flat(person.run({"tonight", "--dry-run"}, at(off.date, 20, 0)).out);
        CHECK(contains(off_out, "OFF " + numbered(off) +
                                    ": no magnesium tonight. Take your evening supplement: "
                                    "Ashwagandha"));
        CHECK_FALSE(contains(off_out, "Magnesium 200–400 mg"));
    }
    SUBCASE("--json: the step's text carries the line") {
        Person person(k_magnesium_plan);
        add_trial(person.system, design);
        const Ran ran = person.run({"tonight", "--dry-run", "--json"}, at(off.date, 20, 0));
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "OFF " + numbered(off) + ": no magnesium tonight."));
    }
    SUBCASE("a stopped trial, and no journal, change nothing") {
        Person person(k_magnesium_plan);
        const Ran none = person.run({"tonight", "--dry-run"}, at(off.date, 20, 0));
        CHECK(contains(flat(none.out), "Take your evening supplement: Magnesium 200–400 mg."));
        CHECK_FALSE(person.system.journal_exists);
        const Trial trial = add_trial(person.system, design);
        std::string why;
        REQUIRE(person.system.journal->stop_trial(trial.id, design.start, why));
        const Ran stopped = person.run({"tonight", "--dry-run"}, at(off.date, 20, 0));
        CHECK(contains(flat(stopped.out), "Take your evening supplement: Magnesium 200–400 mg."));
        CHECK_FALSE(contains(stopped.out, " of 42"));
    }
}

TEST_CASE("tonight on the nights of a trial of the ritual itself") {
    const TrialDesign design = sample_trial(TrialSubject::routine, "tonight");
    const TrialNight on = first_night(design, true);
    const TrialNight off = first_night(design, false);
    Person person(k_magnesium_plan);
    add_trial(person.system, design);
    SUBCASE("an ON night: the line first, the ritual as ever") {
        const Ran ran = person.run({"tonight", "--dry-run"}, at(on.date, 20, 0));
        CHECK(ran.status == 0);
        CHECK(contains(flat(ran.out),
                       "ON " + numbered(on) + ": run the nightly wind-down (calmlegs tonight)."));
        CHECK(contains(flat(ran.out), "Take your evening supplement: Magnesium"));
    }
    SUBCASE("an OFF night: a run says so and runs nothing; --dry-run shows the line") {
        const Ran ran = person.run({"tonight"}, at(off.date, 20, 0));
        CHECK(ran.status == 0);
        CHECK(contains(flat(ran.out), "OFF " + numbered(off) +
                                          ": no nightly wind-down tonight. Your trial leaves "
                                          "the ritual out tonight, so it does not run."));
        CHECK(contains(flat(ran.out), "calmlegs run tonight"));
        JournalData data;
        std::string why;
        REQUIRE(person.system.journal->load_all(data, why));
        CHECK(data.runs.empty());
        const Ran json = person.run({"tonight", "--json"}, at(off.date, 20, 0));
        CHECK(contains(joined(json.out), "\"ran\": false"));
        const Ran dry = person.run({"tonight", "--dry-run"}, at(off.date, 20, 0));
        CHECK(dry.status == 0);
        CHECK(contains(flat(dry.out), "OFF " + numbered(off) + ": no nightly wind-down tonight."));
    }
}

TEST_CASE("log on a magnesium trial's night: taken or not is asked, never assumed") {
    const TrialDesign design = sample_trial(TrialSubject::supplement, "magnesium");
    const TrialNight on = first_night(design, true);
    const TrialNight off = first_night(design, false);
    Person person(k_magnesium_plan);
    const Trial trial = add_trial(person.system, design);
    // The morning after each night.
    const Instant on_morning = at(add_days(on.date, 1), 7, 0);
    const Instant off_morning = at(add_days(off.date, 1), 7, 0);

    SUBCASE("a new night without --took is refused, with the lines to type") {
        const Ran ran = person.run({"log", "--severity", "6"}, on_morning);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "ON " + numbered(on) + " of your magnesium trial"));
        CHECK(
            contains(ran.err, "If you took magnesium: calmlegs log --severity 6 --took magnesium"));
        CHECK(contains(ran.err, "If you did not: calmlegs log --severity 6 --took none"));
        CHECK_FALSE(stored(person.system, on.date));
        const Ran off_ran = person.run({"log", "--severity", "6"}, off_morning);
        CHECK(off_ran.status == 2);
        // The schedule's answer first.
        CHECK(contains(off_ran.err, "If you did not take magnesium: calmlegs log --severity 6 "
                                    "--took none\nIf you did: calmlegs log --severity 6 --took "
                                    "magnesium"));
    }
    SUBCASE("with --took, stored as given, and the confirmation names the trial night") {
        const Ran ran = person.run({"log", "--severity", "6", "--took", "mag"}, on_morning);
        CHECK(ran.status == 0);
        CHECK(
            contains(flat(ran.out), "ON " + numbered(on) +
                                        " of your magnesium trial: taken, as the schedule asks."));
        CHECK(stored(person.system, on.date)->supplements == std::vector<std::string>{"magnesium"});
        const Ran off_ran = person.run({"log", "--severity", "4", "--took", "mag"}, off_morning);
        CHECK(off_ran.status == 0);
        CHECK(contains(flat(off_ran.out), "OFF " + numbered(off) +
                                              " of your magnesium trial: taken, so this night "
                                              "does not keep to the schedule."));
        const Ran json =
            person.run({"log", "--severity", "5", "--took", "none", "--json"}, on_morning);
        CHECK(contains(joined(json.out), "\"trial\": {\"id\": " + std::to_string(trial.id) +
                                             ",\"subject\": \"magnesium\",\"kind\": \"supplement\","
                                             "\"night\": " +
                                             std::to_string(on.index + 1) +
                                             ",\"nights\": 42,\"on\": true,\"took\": false,"
                                             "\"kept\": false}"));
    }
    SUBCASE("an update of a night logged already keeps its list") {
        REQUIRE(person.run({"log", "--severity", "6", "--took", "none"}, on_morning).status == 0);
        const Ran ran = person.run({"log", "--sleep", "3"}, on_morning);
        CHECK(ran.status == 0);
        CHECK(stored(person.system, on.date)->supplements.empty());
        CHECK(contains(flat(ran.out), "not taken, so this night does not keep to the schedule."));
    }
    SUBCASE("on a terminal, the question is asked, with no default, until answered") {
        person.system.on_terminal();
        // Severity, sleep, the trial's question (Enter is asked again, then y), supplements
        // (Enter keeps the list, magnesium in it), triggers, no diary, no note.
        person.system.answers = {"5", "3", "", "y", "", "none", "n", ""};
        const Ran ran = person.run({"log"}, on_morning);
        CHECK(ran.status == 0);
        REQUIRE(person.system.prompts.size() == 8);
        CHECK(person.system.prompts[2] ==
              "Night " + std::to_string(on.index + 1) +
                  " of your magnesium trial was an ON night. Did you take magnesium? y or n: ");
        CHECK(contains(person.system.prompts[4], "[magnesium]"));
        CHECK(contains(ran.err, "Type y or n"));
        CHECK(stored(person.system, on.date)->supplements == std::vector<std::string>{"magnesium"});
        SUBCASE("n takes it out of the list, whatever the list says") {
            person.system.prompts.clear();
            person.system.answers = {"5", "3", "n", "magnesium", "none", "n", ""};
            CHECK(person.run({"log", "--date", format_date(off.date)}, at(date(2026, 3, 1), 7, 0))
                      .status == 0);
            CHECK(contains(person.system.prompts[2], "was an OFF night"));
            CHECK(stored(person.system, off.date)->supplements.empty());
        }
    }
    SUBCASE("nights outside the trial, and a stopped trial, are logged as ever") {
        CHECK(person.run({"log", "--severity", "6"}, at(date(2026, 1, 5), 7, 0)).status == 0);
        std::string why;
        REQUIRE(person.system.journal->stop_trial(trial.id, on.date, why));
        const Ran ran = person.run({"log", "--severity", "6"}, on_morning);
        CHECK(ran.status == 0);
        CHECK_FALSE(contains(ran.out, " of 42"));
        CHECK(stored(person.system, on.date)->supplements == std::vector<std::string>{"magnesium"});
    }
}

TEST_CASE("log on a routine trial's night needs no --took: its runs say it") {
    Person person(k_magnesium_plan);
    const TrialDesign design = sample_trial(TrialSubject::routine, "tonight");
    add_trial(person.system, design);
    const TrialNight on = first_night(design, true);
    const Ran ran = person.run({"log", "--severity", "6"}, at(add_days(on.date, 1), 7, 0));
    CHECK(ran.status == 0);
    CHECK(contains(flat(ran.out), "ON " + numbered(on) + " of your nightly wind-down trial."));
}
