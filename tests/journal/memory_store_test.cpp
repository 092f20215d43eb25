// What the memory store adds to the store contract (store_contract_test.cpp): the hooks that
// let the command line's tests see a journal that fails.

#include "journal/journal_samples.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;

TEST_CASE("memory store: fail_next_with fails the next write only, and it changes nothing") {
    MemoryStore store;
    const auto other = store.connect();
    put(store, night_of(date(2026, 3, 1), 4));

    store.fail_next_with("disk I/O error");
    std::string why;
    bool replaced = false;
    bool asked = false;
    CHECK_FALSE(other->change_night(
        date(2026, 3, 1),
        [&](const std::optional<Night>&) {
            asked = true;
            return night_of(date(2026, 3, 1), 9);
        },
        replaced, why));
    CHECK(why == "disk I/O error");
    CHECK_FALSE(asked);
    // Reads still work, and the night is as it was.
    std::optional<Night> night;
    REQUIRE(store.night(date(2026, 3, 1), night, why));
    CHECK(night == night_of(date(2026, 3, 1), 4));
    // The write after it works.
    add(store, run_of("r", "tonight", date(2026, 3, 1), 22, 0));

    store.fail_next_with("database is locked");
    CHECK_FALSE(store.add_run(run_of("s", "tonight", date(2026, 3, 2), 22, 0), why));
    CHECK(why == "database is locked");
    store.fail_next_with("database or disk is full");
    ImportCounts counts;
    CHECK_FALSE(store.import(JournalData{{night_of(date(2026, 3, 9), 1)}, {}}, counts, why));
    CHECK(why == "database or disk is full");
    const JournalData data = everything(store);
    CHECK(data.nights.size() == 1);
    CHECK(data.runs.size() == 1);
}

TEST_CASE("memory store: fail_next_read_with fails the next read only") {
    MemoryStore store;
    put(store, night_of(date(2026, 3, 1), 4));
    store.fail_next_read_with("database disk image is malformed");
    std::vector<NightSummary> out;
    std::string why;
    CHECK_FALSE(store.summaries(date(2026, 3, 1), date(2026, 3, 31), out, why));
    CHECK(why == "database disk image is malformed");
    CHECK(summaries(store, date(2026, 3, 1), date(2026, 3, 31)).size() == 1);
}
