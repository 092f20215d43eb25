// Writes a generated journal for the benchmarks: N nights up to a given night, each logged
// (severity, sleep, supplements, triggers, a note, some with diary times), and M routine runs
// spread over them, through the real SQLite store. Deterministic: the same arguments give the
// same journal.
//
//     calmlegs_make_journal FILE LAST-NIGHT [NIGHTS [RUNS]]
//
// Magnesium is taken from a third of the way in, valerian from halfway, so that `calmlegs
// compare magnesium` has nights on both sides.

#include "journal/sqlite_store.h"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

using namespace calmlegs;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s FILE LAST-NIGHT [NIGHTS [RUNS]]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    std::string why;
    const auto last = parse_date(argv[2], why);
    if (!last) {
        std::fprintf(stderr, "%s: %s\n", argv[2], why.c_str());
        return 2;
    }
    const int nights = argc > 3 ? std::atoi(argv[3]) : 3650;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 20000;

    std::mt19937 random(20261201);
    auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    const char* const routines[] = {"tonight", "breathe-4-7-8", "stretch", "breathe-coherent"};
    const char* const triggers[] = {"caffeine", "alcohol", "sugar", "stress", "screens"};
    JournalData data;
    const Date first = add_days(*last, 1 - nights);
    for (int i = 0; i < nights; ++i) {
        Night night;
        night.date = add_days(first, i);
        const bool magnesium = i >= nights / 3;
        night.severity = std::max(0, std::min(10, 6 - (magnesium ? 1 : 0) + below(5) - 2));
        night.sleep = 1 + below(5);
        if (magnesium) night.supplements.push_back("magnesium");
        if (i >= nights / 2) night.supplements.push_back("valerian");
        if (below(3) == 0) night.triggers.push_back(triggers[below(5)]);
        if (below(4) == 0) night.note = "legs restless after " + std::to_string(below(60)) + " min";
        if (below(2) == 0) {
            night.diary.into_bed = LocalTime{22, below(60)};
            night.diary.minutes_to_sleep = 5 + below(40);
            night.diary.wakings = below(4);
            night.diary.minutes_awake = below(60);
            night.diary.final_wake = LocalTime{6, below(60)};
            night.diary.out_of_bed = LocalTime{7, below(30)};
        }
        const Instant evening{std::chrono::sys_days{night.date} + std::chrono::hours{21}};
        night.logged = night.updated = evening + std::chrono::hours{10};
        data.nights.push_back(night);
    }
    for (int i = 0; i < runs; ++i) {
        RoutineRun run;
        run.uid = "bench-" + std::to_string(i);
        const int night = static_cast<int>(static_cast<long long>(i) * nights / runs);
        run.night = add_days(first, night);
        run.routine = i % 5 == 0 ? routines[0] : routines[below(4)];
        run.started = Instant{std::chrono::sys_days{run.night} + std::chrono::hours{20} +
                              std::chrono::minutes{i % 240}};
        run.ended = run.started + std::chrono::minutes{10};
        run.started_offset = run.ended_offset = std::chrono::hours{1};
        run.steps_total = 9;
        run.outcome = below(10) == 0 ? RunOutcome::quit : RunOutcome::finished;
        run.steps_done = run.outcome == RunOutcome::finished ? 9 : below(9);
        data.runs.push_back(run);
    }
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
    if (opened.status != OpenedJournal::Status::opened) {
        std::fprintf(stderr, "%s\n", opened.why.c_str());
        return 1;
    }
    ImportCounts counts;
    if (!opened.store->import(data, counts, why)) {
        std::fprintf(stderr, "import: %s\n", why.c_str());
        return 1;
    }
    std::printf("journal: %d nights, %d runs, %s to %s\n", counts.nights_added, counts.runs_added,
                format_date(first).c_str(), format_date(*last).c_str());
    return 0;
}
