// In-process cost of loading all the shipped content (every file parsed and merged, as
// `calmlegs check` does), and of the single-entry look-up path, without process start-up.
//
//     calmlegs_load_bench CONTENT_DIR [--runs N]

#include "content/lookup.h"
#include "content/store.h"
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
        std::fprintf(stderr, "usage: %s CONTENT_DIR [--runs N]\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    const int runs = argc > 3 ? std::atoi(argv[3]) : 200;
    RealFileSystem files;
    std::size_t entries = 0;
    bool clean = true;

    const double all = median_microseconds(runs, [&] {
        ContentStore store(files, {dir});
        entries = store.supplements().size() + store.steps().size() + store.references().size() +
                  store.notes().size() + store.stack().size() + (store.guide() ? 1 : 0) +
                  store.patterns().size() + store.routines().size();
        for (const auto& id : store.exercise_ids())
            entries += store.exercise(id) != nullptr;
        clean = clean && store.diagnostics().empty();
    });
    const double one = median_microseconds(runs, [&] {
        ContentStore store(files, {dir});
        clean = clean && find_supplement(store, "magnesium").found != nullptr;
    });
    const double fuzzy = median_microseconds(runs, [&] {
        ContentStore store(files, {dir});
        clean = clean && find_supplement(store, "magnesuim").found != nullptr;
    });
    std::printf("load all shipped content (%zu entries): median %.0f us\n", entries, all);
    std::printf("look up magnesium by id (one file):      median %.0f us\n", one);
    std::printf("look up 'magnesuim' (all supplements):   median %.0f us\n", fuzzy);
    std::printf("(%d runs each)\n", runs);
    return clean ? 0 : 1;
}
