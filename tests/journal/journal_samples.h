#pragma once
// Nights and runs for the journal store tests, and the two journals the store contract runs
// on: one in memory, one in an SQLite file of a temporary directory.

#include "cli/remind_machine.h" // date(), at(), read_file()
#include "content/temp_dir.h"
#include "journal/memory_store.h"
#include "journal/sqlite_store.h"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace calmlegs::test {

/// A night of `on` rated `severity`, logged at 07:00 the next morning.
inline Night night_of(Date on, int severity) {
    Night night;
    night.date = on;
    night.severity = severity;
    night.logged = at(add_days(on, 1), 7, 0);
    night.updated = night.logged;
    return night;
}

/// A run of `routine` on the evening of `night`, started at `hour`:`minute` (UTC+1) and five
/// minutes long.
inline RoutineRun run_of(std::string uid, std::string routine, Date night, int hour, int minute,
                         RunOutcome outcome = RunOutcome::finished) {
    RoutineRun run;
    run.uid = std::move(uid);
    run.routine = std::move(routine);
    run.started = at(night, hour, minute, 1);
    run.started_offset = std::chrono::hours{1};
    run.ended = run.started + std::chrono::minutes{5};
    run.ended_offset = std::chrono::hours{1};
    run.night = night;
    run.steps_total = 6;
    run.steps_done = outcome == RunOutcome::finished ? 6 : 2;
    run.steps_skipped = outcome == RunOutcome::finished ? 1 : 0;
    run.outcome = outcome;
    run.signal = outcome == RunOutcome::interrupted ? 15 : 0;
    return run;
}

/// Stores `night` as it is, whatever was there; fails the test when the store refuses it.
inline void put(JournalStore& store, const Night& night) {
    bool replaced = false;
    std::string why;
    REQUIRE_MESSAGE(
        store.change_night(
            night.date, [&](const std::optional<Night>&) { return night; }, replaced, why),
        why);
}

inline void add(JournalStore& store, const RoutineRun& run) {
    std::string why;
    REQUIRE_MESSAGE(store.add_run(run, why), why);
}

inline std::vector<NightSummary> summaries(JournalStore& store, Date from, Date to) {
    std::vector<NightSummary> out;
    std::string why;
    REQUIRE_MESSAGE(store.summaries(from, to, out, why), why);
    return out;
}

inline JournalData everything(JournalStore& store) {
    JournalData data;
    std::string why;
    REQUIRE_MESSAGE(store.load_all(data, why), why);
    return data;
}

/// The store contract's journal in memory.
struct MemoryJournal {
    MemoryStore memory;
    JournalStore& store() { return memory; }
    /// Another connection to the same journal.
    std::unique_ptr<JournalStore> connect() { return memory.connect(); }
};

/// The store contract's journal in a new SQLite file.
struct SqliteJournal {
    TempDir dir;
    std::string path = dir.path() + "/state/calmlegs/journal.db";
    std::unique_ptr<JournalStore> main = open(OpenMode::create);

    JournalStore& store() { return *main; }
    std::unique_ptr<JournalStore> connect() { return open(OpenMode::existing); }

    std::unique_ptr<JournalStore> open(OpenMode mode) {
        OpenedJournal opened = open_sqlite_journal(path, mode);
        REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
        return std::move(opened.store);
    }
};

} // namespace calmlegs::test
