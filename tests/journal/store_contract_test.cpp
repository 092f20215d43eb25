// The journal store contract, run on both stores: the memory store that the statistics and the
// command line are tested with, and the SQLite store that keeps a person's journal.

#include "journal/journal_samples.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;

TYPE_TO_STRING_AS("memory", MemoryJournal);
TYPE_TO_STRING_AS("sqlite", SqliteJournal);

namespace {

const Date k_march_1 = date(2026, 3, 1);
const Date k_march_5 = date(2026, 3, 5);
const Date k_march_10 = date(2026, 3, 10);

std::vector<std::string> uids(const std::vector<RoutineRun>& runs) {
    std::vector<std::string> out;
    for (const RoutineRun& run : runs)
        out.push_back(run.uid);
    return out;
}

std::vector<Date> dates(const std::vector<NightSummary>& summaries) {
    std::vector<Date> out;
    for (const NightSummary& summary : summaries)
        out.push_back(summary.date);
    return out;
}

/// A night with every field given, the lists out of order and one supplement twice.
Night full_night() {
    Night night = night_of(k_march_5, 6);
    night.sleep = 3;
    night.diary.into_bed = LocalTime{23, 10};
    night.diary.minutes_to_sleep = 25;
    night.diary.wakings = 2;
    night.diary.minutes_awake = 40;
    night.diary.final_wake = LocalTime{6, 30};
    night.diary.out_of_bed = LocalTime{6, 45};
    night.supplements = {"valerian", "magnesium", "valerian"};
    night.triggers = {"stress", "caffeine", "my-own-trigger"};
    night.note = "Legs \"buzzing\" after the film; walked at 2 a.m. — better after";
    night.updated = night.logged + std::chrono::minutes{3};
    return night;
}

/// full_night() as a store gives it back: its lists sorted, each id once.
Night full_night_stored() {
    Night night = full_night();
    night.supplements = {"magnesium", "valerian"};
    night.triggers = {"caffeine", "my-own-trigger", "stress"};
    return night;
}

} // namespace

TEST_CASE_TEMPLATE("journal store: an empty journal has no nights, runs or span", Journal,
                   MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    std::string why;
    std::optional<Night> night = Night{};
    CHECK(store.night(k_march_5, night, why));
    CHECK_FALSE(night);
    night = Night{};
    CHECK(store.night_before(k_march_5, night, why));
    CHECK_FALSE(night);
    CHECK(summaries(store, k_march_1, k_march_10).empty());
    std::vector<RoutineRun> runs{run_of("x", "tonight", k_march_1, 22, 0)};
    CHECK(store.runs(k_march_1, k_march_10, runs, why));
    CHECK(runs.empty());
    std::optional<Date> first = k_march_1;
    Date last{};
    CHECK(store.span(first, last, why));
    CHECK_FALSE(first);
    const JournalData data = everything(store);
    CHECK(data.nights.empty());
    CHECK(data.runs.empty());
}

TEST_CASE_TEMPLATE("journal store: change_night stores a whole night and says when it replaced one",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    std::string why;
    bool replaced = true;
    bool saw_none = false;
    REQUIRE(store.change_night(
        k_march_5,
        [&](const std::optional<Night>& stored) {
            saw_none = !stored;
            return full_night();
        },
        replaced, why));
    CHECK(saw_none);
    CHECK_FALSE(replaced);

    // Read back: the lists sorted and each id once, everything else as given.
    const Night expected = full_night_stored();
    std::optional<Night> stored;
    REQUIRE(store.night(k_march_5, stored, why));
    REQUIRE(stored);
    CHECK(*stored == expected);

    // The second change is handed the stored night, and replaces it.
    std::optional<Night> handed;
    REQUIRE(store.change_night(
        k_march_5,
        [&](const std::optional<Night>& was) {
            handed = was;
            Night night = *was;
            night.severity = 2;
            night.supplements = {"iron"};
            night.diary = SleepDiary{};
            night.note.clear();
            return night;
        },
        replaced, why));
    CHECK(replaced);
    CHECK(handed == expected);
    REQUIRE(store.night(k_march_5, stored, why));
    REQUIRE(stored);
    CHECK(stored->severity == 2);
    CHECK(stored->supplements == std::vector<std::string>{"iron"});
    CHECK(stored->triggers == expected.triggers);
    CHECK(stored->diary.empty());
    CHECK(stored->note.empty());
    CHECK(everything(store).nights.size() == 1);
}

TEST_CASE_TEMPLATE("journal store: a night out of range is refused and nothing is stored", Journal,
                   MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    put(store, night_of(k_march_1, 4));
    struct Bad {
        const char* what;
        void (*spoil)(Night&);
    };
    const Bad bad[] = {
        {"severity", [](Night& n) { n.severity = 11; }},
        {"severity", [](Night& n) { n.severity = -1; }},
        {"sleep quality", [](Night& n) { n.sleep = 0; }},
        {"sleep quality", [](Night& n) { n.sleep = 6; }},
        {"minutes awake", [](Night& n) { n.diary.minutes_awake = -5; }},
        {"into bed",
         [](Night& n) {
             n.diary.into_bed = LocalTime{24, 0};
         }},
        {"supplement",
         [](Night& n) {
             n.supplements = {"magnesium", ""};
         }},
        {"control character", [](Night& n) { n.triggers = {"late\tdinner"}; }},
        {"another date", [](Night& n) { n.date = k_march_10; }},
    };
    for (const Bad& each : bad) {
        CAPTURE(each.what);
        for (const Date date : {k_march_1, k_march_5}) {
            std::string why;
            bool replaced = false;
            CHECK_FALSE(store.change_night(
                date,
                [&](const std::optional<Night>&) {
                    Night night = night_of(date, 9);
                    each.spoil(night);
                    return night;
                },
                replaced, why));
            CHECK(why.find(each.what) != std::string::npos);
        }
    }
    const JournalData data = everything(store);
    REQUIRE(data.nights.size() == 1);
    CHECK(data.nights[0] == night_of(k_march_1, 4));
}

TEST_CASE_TEMPLATE("journal store: night_before is the last night logged before the date", Journal,
                   MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    for (const Date date : {k_march_10, k_march_1, k_march_5})
        put(store, night_of(date, 5));
    add(store, run_of("r1", "tonight", date(2026, 3, 8), 21, 0)); // a run is not a log
    const auto before = [&](Date date) {
        std::optional<Night> night;
        std::string why;
        REQUIRE_MESSAGE(store.night_before(date, night, why), why);
        return night ? std::optional<Date>(night->date) : std::nullopt;
    };
    CHECK(before(k_march_1) == std::nullopt);
    CHECK(before(k_march_5) == k_march_1);
    CHECK(before(date(2026, 3, 6)) == k_march_5);
    CHECK(before(k_march_10) == k_march_5);
    CHECK(before(date(2026, 3, 11)) == k_march_10);
    CHECK(before(date(2027, 1, 1)) == k_march_10);
}

TEST_CASE_TEMPLATE("journal store: runs come by start, from the nights asked for, each uid once",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    const RoutineRun late = run_of("c", "tonight", k_march_5, 22, 0);
    const RoutineRun early = run_of("z", "breathe-4-7-8", k_march_5, 21, 0);
    const RoutineRun same_start = run_of("a", "stretch", k_march_5, 22, 0, RunOutcome::quit);
    const RoutineRun before = run_of("b", "tonight", k_march_1, 23, 30, RunOutcome::interrupted);
    const RoutineRun after = run_of("d", "tonight", k_march_10, 21, 0);
    for (const RoutineRun& run : {late, early, same_start, before, after})
        add(store, run);
    // The same uid again is left as it was.
    RoutineRun again = late;
    again.routine = "stretch";
    again.outcome = RunOutcome::quit;
    add(store, again);

    std::vector<RoutineRun> runs;
    std::string why;
    REQUIRE(store.runs(k_march_5, k_march_5, runs, why));
    CHECK(uids(runs) == std::vector<std::string>{"z", "a", "c"});
    REQUIRE(runs.size() == 3);
    CHECK(runs[2] == late);
    CHECK(runs[1] == same_start);
    REQUIRE(store.runs(k_march_1, k_march_10, runs, why));
    CHECK(uids(runs) == std::vector<std::string>{"b", "z", "a", "c", "d"});
    CHECK(runs[0] == before);
    REQUIRE(store.runs(date(2026, 3, 2), date(2026, 3, 9), runs, why));
    CHECK(uids(runs) == std::vector<std::string>{"z", "a", "c"});
}

TEST_CASE_TEMPLATE("journal store: a run with no uid, no routine or negative counts is refused",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    RoutineRun no_uid = run_of("", "tonight", k_march_5, 22, 0);
    RoutineRun no_routine = run_of("u1", "", k_march_5, 22, 0);
    RoutineRun negative = run_of("u2", "tonight", k_march_5, 22, 0);
    negative.steps_done = -1;
    RoutineRun no_outcome = run_of("u3", "tonight", k_march_5, 22, 0);
    no_outcome.outcome = static_cast<RunOutcome>(7);
    const RoutineRun tab = run_of("u4", "tonight\tstretch", k_march_5, 22, 0);
    for (const RoutineRun& run : {no_uid, no_routine, negative, no_outcome, tab}) {
        std::string why;
        CHECK_FALSE(store.add_run(run, why));
        CHECK_FALSE(why.empty());
    }
    CHECK(everything(store).runs.empty());
}

TEST_CASE_TEMPLATE("journal store: summaries give each night's log, routines finished and runs",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    // March 1: a log and no run. March 3: runs and no log. March 5: both. March 7: only an
    // interrupted run. March 10: outside the range asked for.
    put(store, night_of(k_march_1, 7));
    const Date march_3 = date(2026, 3, 3);
    add(store, run_of("m3-a", "tonight", march_3, 22, 0, RunOutcome::interrupted));
    add(store, run_of("m3-b", "tonight", march_3, 22, 30));
    add(store, run_of("m3-c", "breathe-4-7-8", march_3, 21, 0));
    add(store, run_of("m3-d", "breathe-4-7-8", march_3, 23, 50));
    put(store, full_night());
    add(store, run_of("m5-a", "stretch", k_march_5, 21, 0, RunOutcome::quit));
    add(store, run_of("m5-b", "tonight", k_march_5, 21, 30));
    const Date march_7 = date(2026, 3, 7);
    add(store, run_of("m7-a", "tonight", march_7, 22, 0, RunOutcome::interrupted));
    put(store, night_of(k_march_10, 2));
    add(store, run_of("m10-a", "tonight", k_march_10, 22, 0));

    const auto got = summaries(store, k_march_1, march_7);
    REQUIRE(dates(got) == std::vector<Date>{k_march_1, march_3, k_march_5, march_7});
    CHECK(got[0].log == night_of(k_march_1, 7));
    CHECK(got[0].finished.empty());
    CHECK(got[0].runs == 0);
    CHECK_FALSE(got[1].log);
    CHECK(got[1].finished == std::vector<std::string>{"breathe-4-7-8", "tonight"});
    CHECK(got[1].runs == 4);
    REQUIRE(got[2].log);
    CHECK(got[2].log->severity == 6);
    CHECK(got[2].log->supplements == std::vector<std::string>{"magnesium", "valerian"});
    CHECK(got[2].finished == std::vector<std::string>{"tonight"});
    CHECK(got[2].runs == 2);
    CHECK_FALSE(got[3].log);
    CHECK(got[3].finished.empty());
    CHECK(got[3].runs == 1);

    // One night alone, a range with nothing in it, and the whole journal.
    const auto one = summaries(store, k_march_10, k_march_10);
    REQUIRE(one.size() == 1);
    CHECK(one[0].log == night_of(k_march_10, 2));
    CHECK(one[0].finished == std::vector<std::string>{"tonight"});
    CHECK(one[0].runs == 1);
    CHECK(summaries(store, date(2026, 3, 11), date(2026, 4, 30)).empty());
    CHECK(summaries(store, date(2026, 1, 1), date(2026, 12, 31)).size() == 5);
}

TEST_CASE_TEMPLATE("journal store: the span runs from the first night to the last, logs and runs",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    std::optional<Date> first;
    Date last{};
    std::string why;
    put(store, night_of(k_march_5, 3));
    REQUIRE(store.span(first, last, why));
    CHECK(first == k_march_5);
    CHECK(last == k_march_5);
    add(store, run_of("r", "tonight", k_march_1, 22, 0));
    REQUIRE(store.span(first, last, why));
    CHECK(first == k_march_1);
    CHECK(last == k_march_5);
    add(store, run_of("s", "tonight", k_march_10, 22, 0));
    put(store, night_of(date(2026, 3, 7), 3));
    REQUIRE(store.span(first, last, why));
    CHECK(first == k_march_1);
    CHECK(last == k_march_10);
}

TEST_CASE_TEMPLATE("journal store: load_all gives every night by date and every run by start",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    put(store, night_of(k_march_10, 1));
    put(store, full_night());
    put(store, night_of(k_march_1, 8));
    add(store, run_of("2", "tonight", k_march_10, 22, 0));
    add(store, run_of("1", "tonight", k_march_1, 22, 0));
    const JournalData data = everything(store);
    REQUIRE(data.nights.size() == 3);
    CHECK(data.nights[0] == night_of(k_march_1, 8));
    CHECK(data.nights[1].date == k_march_5);
    CHECK(data.nights[1].note == full_night().note);
    CHECK(data.nights[2] == night_of(k_march_10, 1));
    CHECK(uids(data.runs) == std::vector<std::string>{"1", "2"});
}

TEST_CASE_TEMPLATE("journal store: import adds, updates and counts, and a second import adds "
                   "nothing",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    put(store, night_of(k_march_1, 8));
    put(store, night_of(k_march_5, 5));
    add(store, run_of("kept", "tonight", k_march_1, 22, 0));

    JournalData data;
    data.nights = {night_of(k_march_1, 8), night_of(k_march_5, 2), night_of(k_march_10, 1),
                   full_night()}; // March 5 twice: the second one wins
    data.runs = {run_of("kept", "stretch", k_march_1, 22, 0),
                 run_of("new", "tonight", k_march_10, 21, 0),
                 run_of("new", "tonight", k_march_10, 21, 0)};
    ImportCounts counts;
    std::string why;
    REQUIRE_MESSAGE(store.import(data, counts, why), why);
    CHECK(counts.nights_added == 1);     // March 10
    CHECK(counts.nights_unchanged == 1); // March 1
    CHECK(counts.nights_updated == 2);   // March 5, then March 5 again
    CHECK(counts.runs_added == 1);
    CHECK(counts.runs_present == 2);

    const JournalData after = everything(store);
    REQUIRE(after.nights.size() == 3);
    CHECK(after.nights[1] == full_night_stored());
    REQUIRE(after.runs.size() == 2);
    CHECK(after.runs[0].routine == "tonight"); // the run already there was left as it was

    // The journal's own contents again: nothing to add, nothing to change.
    REQUIRE(store.import(after, counts, why));
    CHECK(counts.nights_added == 0);
    CHECK(counts.nights_updated == 0);
    CHECK(counts.nights_unchanged == 3);
    CHECK(counts.runs_added == 0);
    CHECK(counts.runs_present == 2);
    CHECK(everything(store).nights == after.nights);
    CHECK(everything(store).runs == after.runs);
}

TEST_CASE_TEMPLATE("journal store: an import with one bad night or run changes nothing", Journal,
                   MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    put(store, night_of(k_march_1, 8));
    const JournalData before = everything(store);
    Night bad = night_of(k_march_10, 3);
    bad.sleep = 9;
    JournalData data;
    data.nights = {night_of(k_march_1, 1), night_of(k_march_5, 5), bad};
    data.runs = {run_of("r", "tonight", k_march_5, 22, 0)};
    ImportCounts counts;
    counts.nights_added = 42;
    std::string why;
    CHECK_FALSE(store.import(data, counts, why));
    CHECK(why.find("sleep quality 9") != std::string::npos);
    CHECK(counts.nights_added == 42);
    data.nights.pop_back();
    data.runs.push_back(run_of("", "tonight", k_march_5, 22, 0));
    CHECK_FALSE(store.import(data, counts, why));
    CHECK(everything(store).nights == before.nights);
    CHECK(everything(store).runs.empty());
}

TEST_CASE_TEMPLATE("journal store: what one connection writes, another reads, and an export "
                   "imported into an empty journal is the same journal",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    const auto other = journal.connect();
    put(journal.store(), full_night());
    add(*other, run_of("r", "tonight", k_march_5, 22, 0));
    put(*other, night_of(k_march_1, 3));
    const JournalData data = everything(*other);
    CHECK(data.nights == everything(journal.store()).nights);
    CHECK(data.runs.size() == 1);
    CHECK(everything(journal.store()).runs == data.runs);

    Journal fresh;
    ImportCounts counts;
    std::string why;
    REQUIRE(fresh.store().import(data, counts, why));
    CHECK(counts.nights_added == 2);
    CHECK(counts.runs_added == 1);
    const JournalData copy = everything(fresh.store());
    CHECK(copy.nights == data.nights);
    CHECK(copy.runs == data.runs);
}

namespace {

Trial trial_of(std::string subject, Date start) {
    Trial trial;
    trial.design.subject = std::move(subject);
    trial.design.start = start;
    trial.design.washout = 2;
    trial.design.seed = k_trial_max_seed; // the largest seed survives the store
    trial.created = Instant{std::chrono::seconds{1'772'000'000}};
    return trial;
}

} // namespace

TEST_CASE_TEMPLATE("journal store: trials are added with an id, listed by start, and stopped once",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    std::string why;
    std::vector<Trial> trials{trial_of("x", k_march_1)};
    REQUIRE(store.trials(trials, why));
    CHECK(trials.empty());

    // A 42-night trial from March 5 runs until April 15; a second is refused while it is
    // planned or runs, and named.
    Trial first = trial_of("magnesium", k_march_5);
    REQUIRE_MESSAGE(store.add_trial(first, k_march_1, why), why);
    CHECK(first.id > 0);
    Trial second = trial_of("valerian", date(2026, 5, 1));
    second.design.kind = TrialSubject::routine;
    CHECK_FALSE(store.add_trial(second, k_march_1, why));
    CHECK(why.find("a trial of magnesium is planned from 2026-03-05 to 2026-04-15") == 0);
    CHECK_FALSE(store.add_trial(second, date(2026, 4, 15), why));
    CHECK(why.find("a trial of magnesium runs from 2026-03-05 to 2026-04-15") == 0);
    // The night after its end, another can start.
    REQUIRE_MESSAGE(store.add_trial(second, date(2026, 4, 16), why), why);
    CHECK(second.id != first.id);

    REQUIRE(store.trials(trials, why));
    REQUIRE(trials.size() == 2);
    CHECK(trials[0] == first);
    CHECK(trials[1] == second);
    CHECK(trials[1].design.kind == TrialSubject::routine);

    REQUIRE_MESSAGE(store.stop_trial(second.id, date(2026, 5, 3), why), why);
    CHECK_FALSE(store.stop_trial(second.id, date(2026, 5, 4), why));
    CHECK(why == "the trial of valerian was stopped on 2026-05-03 already");
    CHECK_FALSE(store.stop_trial(first.id + second.id + 7, date(2026, 5, 4), why));
    REQUIRE(store.trials(trials, why));
    REQUIRE(trials.size() == 2);
    CHECK(trials[1].stopped == date(2026, 5, 3));
    CHECK_FALSE(trials[0].stopped);
    // A stopped trial blocks nothing.
    Trial third = trial_of("iron", date(2026, 5, 10));
    CHECK(store.add_trial(third, date(2026, 5, 4), why));
}

TEST_CASE_TEMPLATE("journal store: a trial out of its bounds is refused and nothing is stored",
                   Journal, MemoryJournal, SqliteJournal) {
    Journal journal;
    JournalStore& store = journal.store();
    std::string why;
    Trial bad = trial_of("magnesium", k_march_5);
    bad.design.pairs = 1;
    CHECK_FALSE(store.add_trial(bad, k_march_1, why));
    CHECK(why.find("2 to 12 pairs") != std::string::npos);
    bad = trial_of("magnesium", k_march_5);
    bad.design.washout = 5; // of a 7-night block, only 2 would be left
    CHECK_FALSE(store.add_trial(bad, k_march_1, why));
    bad = trial_of("", k_march_5);
    CHECK_FALSE(store.add_trial(bad, k_march_1, why));
    bad = trial_of("mag\tnesium", k_march_5);
    CHECK_FALSE(store.add_trial(bad, k_march_1, why));
    std::vector<Trial> trials;
    REQUIRE(store.trials(trials, why));
    CHECK(trials.empty());
}
