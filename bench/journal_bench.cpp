// In-process cost of the journal store's reads on a ten-year journal (3,650 nights, 20,000
// routine runs), without process start-up: opening the file, the summaries of every night (what
// history, stats and compare read), the runs, and the whole export. Makes the journal first
// when FILE does not exist, so that the same file serves the whole-command benchmarks.
//
//     calmlegs_journal_bench FILE [--runs N]

#include "journal/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <vector>

using namespace calmlegs;

namespace {

constexpr int k_nights = 3650;
constexpr int k_runs = 20000;

template <typename Work> double median_microseconds(int runs, Work&& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

const Date k_first{std::chrono::year{2016}, std::chrono::January, std::chrono::day{1}};

Instant evening(Date night, int minutes_after_nine) {
    return Instant{std::chrono::sys_days{night}} + std::chrono::hours{20} +
           std::chrono::minutes{minutes_after_nine};
}

/// Ten years of nights, nine in ten of them logged, magnesium from the fourth year on, and
/// 20,000 runs: the wind-down most nights, breathing sessions, some of them cut short.
JournalData ten_years() {
    JournalData data;
    for (int i = 0; i < k_nights; ++i) {
        if (i % 10 == 9) continue;
        Night night;
        night.date = add_days(k_first, i);
        night.severity = (i * 7) % 11;
        night.sleep = 1 + (i * 3) % 5;
        if (i >= 3 * 365) night.supplements.push_back("magnesium");
        if (i % 4 == 0) night.supplements.push_back("iron");
        if (i % 5 == 0) night.triggers = {"caffeine", "stress"};
        if (i % 3 == 0) {
            night.diary.into_bed = LocalTime{23, 0};
            night.diary.minutes_to_sleep = 20;
            night.diary.final_wake = LocalTime{6, 40};
            night.diary.out_of_bed = LocalTime{7, 0};
        }
        if (i % 6 == 0) night.note = "legs restless before midnight";
        night.logged = evening(add_days(night.date, 1), 11 * 60);
        night.updated = night.logged;
        data.nights.push_back(night);
    }
    const char* routines[] = {"tonight", "breathe-4-7-8", "stretch", "breathe-coherent"};
    for (int i = 0; i < k_runs; ++i) {
        RoutineRun run;
        run.uid = "bench-" + std::to_string(i);
        run.night = add_days(k_first, i * k_nights / k_runs);
        run.routine = routines[i % 4];
        run.started = evening(run.night, i % 180);
        run.started_offset = std::chrono::hours{1};
        run.ended = run.started + std::chrono::minutes{12};
        run.ended_offset = run.started_offset;
        run.steps_total = 8;
        run.outcome = i % 9 == 0   ? RunOutcome::interrupted
                      : i % 7 == 0 ? RunOutcome::quit
                                   : RunOutcome::finished;
        run.steps_done = run.outcome == RunOutcome::finished ? 8 : 3;
        run.signal = run.outcome == RunOutcome::interrupted ? 2 : 0;
        data.runs.push_back(run);
    }
    return data;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--runs N]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 100;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        OpenedJournal made = open_sqlite_journal(path, OpenMode::create);
        ImportCounts counts;
        std::string why;
        if (made.status != OpenedJournal::Status::opened ||
            !made.store->import(ten_years(), counts, why)) {
            std::fprintf(stderr, "cannot make %s: %s%s\n", path.c_str(), made.why.c_str(),
                         why.c_str());
            return 1;
        }
        std::printf("made %s: %d nights, %d runs\n", path.c_str(), counts.nights_added,
                    counts.runs_added);
    }

    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    if (opened.status != OpenedJournal::Status::opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", path.c_str(), opened.why.c_str());
        return 1;
    }
    JournalStore& store = *opened.store;
    std::optional<Date> first;
    Date last{};
    std::string why;
    if (!store.span(first, last, why) || !first) {
        std::fprintf(stderr, "%s is empty %s\n", path.c_str(), why.c_str());
        return 1;
    }
    bool clean = true;
    std::size_t summaries = 0;
    std::size_t run_count = 0;
    std::size_t nights = 0;
    const double open = median_microseconds(runs, [&] {
        clean = open_sqlite_journal(path, OpenMode::existing).store != nullptr && clean;
    });
    const double summary = median_microseconds(runs, [&] {
        std::vector<NightSummary> out;
        clean = store.summaries(*first, last, out, why) && clean;
        summaries = out.size();
    });
    const double recent = median_microseconds(runs, [&] {
        std::vector<NightSummary> out;
        clean = store.summaries(add_days(last, -59), last, out, why) && clean;
    });
    const double run_list = median_microseconds(runs, [&] {
        std::vector<RoutineRun> out;
        clean = store.runs(*first, last, out, why) && clean;
        run_count = out.size();
    });
    const double all = median_microseconds(runs, [&] {
        JournalData data;
        clean = store.load_all(data, why) && clean;
        nights = data.nights.size();
    });
    std::printf("open (existing)            %8.1f us\n", open);
    std::printf("summaries, %zu nights    %8.1f us\n", summaries, summary);
    std::printf("summaries, last 60 nights  %8.1f us\n", recent);
    std::printf("runs, %zu               %8.1f us\n", run_count, run_list);
    std::printf("load_all, %zu nights     %8.1f us\n", nights, all);
    std::printf("integrity: %s\n", sqlite_integrity(path).c_str());
    if (!clean) std::fprintf(stderr, "a read failed: %s\n", why.c_str());
    return clean ? 0 : 1;
}
