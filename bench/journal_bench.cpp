// In-process cost of the journal store's reads on a ten-year journal (3,650 nights, 20,000
// routine runs), without process start-up: opening the file, the summaries of every night (what
// history, stats and compare read), the runs, and the whole export. FILE is a journal made by
// calmlegs_make_journal (bench/journal.sh makes it), the one the whole-command benchmarks read.
//
//     calmlegs_journal_bench FILE [--runs N]

#include "journal/sqlite_store.h"
#include "median.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace calmlegs;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s FILE [--runs N]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 100;
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
