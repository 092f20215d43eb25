// The evening's commands follow a running trial (issue 14): the reminders, `tonight` and
// `log` on the trial's ON and OFF nights, across midnight and a daylight-saving change; a
// stopped trial and no journal change nothing. Trials are put in the FakeSystem's journal
// directly (the `trial` command is tested on its own).

#include "cli/remind_machine.h"
#include "cli/trial_tonight.h"
#include "journal/trial.h"
#include "support/trial_samples.h"
#include "ui/trial_line.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

/// Magnesium in the plan, bedtime 22:30: the wind-down and magnesium reminders at 21:45.
const std::string k_config = "[plan]\nsupplements = [\"magnesium\"]\n\n"
                             "[schedule]\nbedtime = \"22:30\"\nwake = \"07:00\"\n";

/// `remind --at TIME --date DATE` on `machine`, piped.
Ran remind_at(Machine& machine, const std::string& time, Date on,
              std::vector<std::string> more = {}) {
    std::vector<std::string> words = {"--at", time, "--date", format_date(on)};
    words.insert(words.end(), more.begin(), more.end());
    return machine.remind(machine.system.now_, words);
}

} // namespace

TEST_CASE("trial line: ON and OFF nights, for a supplement and a routine, numbered from 1") {
    TrialNight night;
    night.index = 8;
    night.on = true;
    CHECK(trial_night_line(night, 42, TrialSubject::supplement, "Magnesium", "200–400 mg") ==
          "ON night 9 of 42: take magnesium, 200–400 mg");
    CHECK(trial_night_line(night, 42, TrialSubject::supplement, "L-theanine", "") ==
          "ON night 9 of 42: take L-theanine");
    CHECK(trial_night_line(night, 42, TrialSubject::routine, "Nightly wind-down",
                           "calmlegs tonight") ==
          "ON night 9 of 42: run the nightly wind-down (calmlegs tonight)");
    night.index = 9;
    night.on = false;
    night.washout = true; // a washout night is an OFF night like any other for the person
    CHECK(trial_night_line(night, 42, TrialSubject::supplement, "Magnesium", "200–400 mg") ==
          "OFF night 10 of 42: no magnesium tonight");
    CHECK(trial_night_line(night, 42, TrialSubject::routine, "Nightly wind-down",
                           "calmlegs tonight") ==
          "OFF night 10 of 42: no nightly wind-down tonight");
}

TEST_CASE("trial_covering: the trial whose schedule covers the night, not stopped by then") {
    Trial first;
    first.id = 1;
    first.design = sample_trial(TrialSubject::supplement, "magnesium", date(2026, 1, 5));
    first.stopped = date(2026, 1, 10);
    Trial second = first;
    second.id = 2;
    second.design.start = date(2026, 1, 8);
    second.stopped.reset();
    CHECK_FALSE(cli::trial_covering({first}, date(2026, 1, 4))); // before it starts
    CHECK(cli::trial_covering({first}, date(2026, 1, 9))->id == 1);
    CHECK_FALSE(cli::trial_covering({first}, date(2026, 1, 10))); // stopped that night
    CHECK_FALSE(cli::trial_covering({first}, date(2026, 2, 16)));
    // Both cover 2026-01-09: the newest (the later start) is followed.
    CHECK(cli::trial_covering({first, second}, date(2026, 1, 9))->id == 2);
    CHECK(cli::trial_covering({second, first}, date(2026, 1, 9))->id == 2);
    CHECK(cli::trial_covering({first, second}, date(2026, 2, 18))->id == 2); // its last night
    CHECK_FALSE(cli::trial_covering({first, second}, date(2026, 2, 19)));
}

TEST_CASE("remind --at the wind-down's time: ON and OFF nights as the calendar has them") {
    Machine machine(k_config);
    const TrialDesign design = sample_trial();
    add_trial(machine.system, design);
    machine.system.now_ = at(date(2026, 1, 1), 12, 0); // the real date does not matter

    SUBCASE("an ON night: the wind-down and the magnesium reminder say take it, with the dose") {
        const TrialNight on = first_night(design, true);
        const Ran ran = remind_at(machine, "21:45", on.date);
        CHECK(ran.status == 0);
        CHECK(ran.err.empty());
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        const std::string line = "ON " + numbered(on) + ": take magnesium, 200–400 mg";
        const std::string out = flat(ran.out);
        // Said under both reminders, first under each title.
        CHECK(contains(out, "21:45 Wind-down " + line));
        CHECK(contains(out, "21:45 Magnesium " + line));
        CHECK(contains(out, "Magnesium: 200–400 mg"));
        CHECK(contains(out, "Run: calmlegs tonight"));
    }
    SUBCASE("an OFF night: no reminder asks for magnesium, and none shows its dose") {
        const TrialNight off = first_night(design, false);
        const Ran ran = remind_at(machine, "21:45", off.date);
        CHECK(ran.status == 0);
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        const std::string line = "OFF " + numbered(off) + ": no magnesium tonight";
        const std::string out = flat(ran.out);
        CHECK(contains(out, "21:45 Wind-down " + line));
        CHECK(contains(out, "21:45 Magnesium " + line));
        CHECK_FALSE(contains(out, "200–400 mg"));
        CHECK_FALSE(contains(out, "The guide takes magnesium"));
        // The ritual still comes: the trial leaves out the magnesium, not the wind-down.
        CHECK(contains(out, "Run: calmlegs tonight"));
    }
    SUBCASE("--json carries the line, the night and ON or OFF; the text is what is said") {
        const TrialNight off = first_night(design, false);
        const Ran ran = remind_at(machine, "21:45", off.date, {"--json"});
        CHECK(ran.status == 0);
        const std::string out = joined(ran.out);
        const std::string trial =
            "\"trial\": {\"line\": \"OFF " + numbered(off) +
            ": no magnesium tonight\",\"on\": false,\"night\": " + std::to_string(off.index + 1) +
            ",\"nights\": 42,\"subject\": \"magnesium\"";
        CHECK(contains(out, trial + ",\"replaces\": false}"));
        CHECK(contains(out, trial + ",\"replaces\": true}"));
        CHECK(contains(out, "\"text\": \"OFF " + numbered(off) + ": no magnesium tonight\""));
        CHECK(contains(out, "\"doses\": []"));
    }
    SUBCASE("the other evening reminders, and the nights outside the trial, are as ever") {
        const TrialNight on = first_night(design, true);
        const Ran screens = remind_at(machine, "21:30", on.date);
        CHECK(titles(screens.out) == std::vector<std::string>{"Screens away"});
        CHECK_FALSE(contains(screens.out, "night"));
        for (Date outside : {date(2026, 1, 4), date(2026, 2, 16)}) {
            const Ran ran = remind_at(machine, "21:45", outside);
            CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
            CHECK_FALSE(contains(ran.out, " of 42"));
            CHECK(contains(flat(ran.out), "Magnesium: 200–400 mg"));
        }
    }
    SUBCASE("nothing due prints nothing, trial or not") {
        const Ran ran = remind_at(machine, "21:46", first_night(design, true).date);
        CHECK(ran.status == 0);
        CHECK(ran.out.empty());
        CHECK(ran.err.empty());
    }
}

TEST_CASE("remind under cron follows the trial: the night's reminders, once, with the line") {
    Machine machine(k_config);
    const TrialDesign design = sample_trial();
    add_trial(machine.system, design);
    const TrialNight off = first_night(design, false);
    // A run at 21:44 records the day; the one at 21:45 delivers the two.
    CHECK(machine.remind(at(off.date, 21, 44)).status == 0);
    const Ran ran = machine.remind(at(off.date, 21, 45));
    CHECK(ran.status == 0);
    CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
    CHECK(
        contains(flat(ran.out), "21:45 Magnesium OFF " + numbered(off) + ": no magnesium tonight"));
    CHECK_FALSE(contains(ran.out, "200–400 mg"));
    const Ran after = machine.remind(at(off.date, 21, 46));
    CHECK(after.out.empty());
}

TEST_CASE("remind: a reminder after midnight belongs to the trial night of the evening before") {
    // Bedtime 00:50: the wind-down (45 minutes before) fires at 00:05 of the next date.
    Machine machine("[plan]\nsupplements = [\"magnesium\"]\n\n[schedule]\nbedtime = \"00:50\"\n");
    const TrialDesign design = sample_trial();
    add_trial(machine.system, design);
    // The last night of the first block and the first of the second are one ON, one OFF.
    const auto schedule = trial_schedule(design);
    const TrialNight last = schedule[6];
    const TrialNight next = schedule[7];
    REQUIRE(last.on != next.on);
    const Ran ran = remind_at(machine, "00:05", next.date);
    CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
    CHECK(contains(flat(ran.out), std::string(last.on ? "ON " : "OFF ") + numbered(last)));
    CHECK_FALSE(contains(ran.out, numbered(next)));
    // The day after the trial's last night: 00:05 still belongs to its last night.
    const Ran end = remind_at(machine, "00:05", add_days(trial_end(design), 1));
    CHECK(contains(end.out, "night 42 of 42"));
}

TEST_CASE("remind: a trial across a daylight-saving change keeps its nights (New York)") {
    // New York springs forward at 02:00 on 2026-03-08 (EST -5 to EDT -4); the trial runs
    // from 2026-03-02, so that night is its 7th, and the night after its 8th.
    Machine machine(k_config, "America/New_York");
    const TrialDesign design =
        sample_trial(TrialSubject::supplement, "magnesium", date(2026, 3, 2));
    add_trial(machine.system, design);
    const auto schedule = trial_schedule(design);
    for (int index : {5, 6, 7}) {
        const TrialNight& night = schedule[static_cast<std::size_t>(index)];
        CAPTURE(index);
        // 21:45 local: EST (-5) before the change, EDT (-4) from the 8th on.
        const int offset = night.date < date(2026, 3, 8) ? -5 : -4;
        CHECK(machine.remind(at(night.date, 21, 44, offset)).status == 0);
        const Ran ran = machine.remind(at(night.date, 21, 45, offset));
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(contains(flat(ran.out), std::string(night.on ? "ON " : "OFF ") + numbered(night)));
        const Ran asked = remind_at(machine, "21:45", night.date);
        CHECK(contains(flat(asked.out), std::string(night.on ? "ON " : "OFF ") + numbered(night)));
    }
}

TEST_CASE("remind: a stopped trial is no longer followed, and no journal changes nothing") {
    Machine machine(k_config);
    const TrialDesign design = sample_trial();
    SUBCASE("stopped: the nights from the stop on are ordinary") {
        const Trial trial = add_trial(machine.system, design);
        const TrialNight off = first_night(design, false);
        std::string why;
        REQUIRE(machine.system.journal->stop_trial(trial.id, off.date, why));
        const Ran ran = remind_at(machine, "21:45", off.date);
        CHECK_FALSE(contains(ran.out, " of 42"));
        CHECK(contains(flat(ran.out), "Magnesium: 200–400 mg"));
        // The nights before the stop still show what they were.
        const Ran before = remind_at(machine, "21:45", design.start);
        CHECK(contains(before.out, "night 1 of 42"));
    }
    SUBCASE("no journal: the reminders as ever, and no journal is made") {
        const Ran ran = remind_at(machine, "21:45", design.start);
        CHECK(ran.status == 0);
        CHECK(ran.err.empty());
        CHECK(contains(flat(ran.out), "Magnesium: 200–400 mg"));
        CHECK_FALSE(machine.system.journal_exists);
    }
    SUBCASE("a journal that cannot be read: the reminders still come, and it is said") {
        machine.system.journal_refusal = "/x/journal.db is not a calmlegs journal";
        const Ran ran = remind_at(machine, "21:45", design.start);
        CHECK(ran.status == 0);
        CHECK(titles(ran.out) == std::vector<std::string>{"Wind-down", "Magnesium"});
        CHECK(contains(ran.err, "is not a calmlegs journal"));
        CHECK(contains(ran.err, "without your trial's ON/OFF line"));
    }
}

TEST_CASE("remind: a trial of the nightly ritual itself") {
    Machine machine(k_config);
    TrialDesign design = sample_trial();
    design.kind = TrialSubject::routine;
    design.subject = "tonight";
    add_trial(machine.system, design);
    const TrialNight on = first_night(design, true);
    const TrialNight off = first_night(design, false);
    const std::string on_out = flat(remind_at(machine, "21:45", on.date).out);
    CHECK(contains(on_out, "21:45 Wind-down ON " + numbered(on) +
                               ": run the nightly wind-down (calmlegs tonight)"));
    CHECK(contains(on_out, "Run: calmlegs tonight"));
    // OFF: the wind-down says the line alone, and no command to run it.
    const Ran off_ran = remind_at(machine, "21:45", off.date);
    const std::string off_out = flat(off_ran.out);
    CHECK(contains(off_out, "21:45 Wind-down OFF " + numbered(off) +
                                ": no nightly wind-down tonight 21:45 Magnesium"));
    CHECK_FALSE(contains(off_out, "Run: calmlegs tonight"));
    CHECK(contains(off_out, "Magnesium: 200–400 mg")); // magnesium is not what is tested
}
