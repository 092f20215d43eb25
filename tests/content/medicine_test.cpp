// The medicines/ kind: parser, store, look-up by brand name, and the view's source.

#include "content/lookup.h"
#include "content/parse.h"
#include "content/views.h"

#include "support/check_lines.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;
using calmlegs::test::MemoryFileSystem;
using Status = Resolution::Status;

namespace {

const char* const k_good_medicine = R"(id = "diphenhydramine"
name = "Diphenhydramine"
aliases = ["benadryl", "nytol"]
group = "Sedating antihistamines"
examples = ["diphenhydramine", "doxylamine"]
effect = "Can make RLS worse; ask the prescriber."
instead = "A non-drowsy antihistamine."
source = "aasm-2024"
steps = [4, 10]
)";

std::string medicine_toml(const std::string& id, const std::string& name,
                          const std::string& aliases, const std::string& source = "guide") {
    return "id = \"" + id + "\"\nname = \"" + name + "\"\naliases = [" + aliases +
           "]\ngroup = \"G\"\neffect = \"e\"\nsource = \"" + source + "\"\n";
}

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

} // namespace

TEST_CASE("parse_medicine reads every field, with where its names and source are written") {
    Diagnostics diags;
    const auto m =
        parse_medicine(k_good_medicine, "diphenhydramine.toml", "diphenhydramine", diags);
    CHECK(formatted(diags).empty());
    REQUIRE(m.has_value());
    CHECK(m->id == "diphenhydramine");
    CHECK(m->name == "Diphenhydramine");
    CHECK(m->aliases == std::vector<std::string>{"benadryl", "nytol"});
    CHECK(m->group == "Sedating antihistamines");
    CHECK(m->examples == std::vector<std::string>{"diphenhydramine", "doxylamine"});
    CHECK(m->effect == "Can make RLS worse; ask the prescriber.");
    CHECK(m->instead == "A non-drowsy antihistamine.");
    CHECK(m->source == "aasm-2024");
    CHECK(m->source_pos.line == 8);
    CHECK(m->source_pos.column == 10);
    REQUIRE(m->steps.size() == 2);
    CHECK(m->steps[0].number == 4);
    CHECK(m->steps[1].number == 10);
    REQUIRE(m->where.aliases.size() == 2);
    CHECK(m->where.aliases[1].line == 3);
    CHECK(m->where.aliases[1].column == 24);
    CHECK(m->file == "diphenhydramine.toml");
}

TEST_CASE("parse_medicine: missing keys at the top, unknown keys and wrong ids where written") {
    Diagnostics diags;
    const auto m = parse_medicine("id = \"alcohol\"\nname = \"Alcohol\"\nefect = \"x\"\n",
                                  "m/beer.toml", "beer", diags);
    REQUIRE(m.has_value()); // kept for check, with its problems reported
    // In the order the fields are read: the id, the required keys, then the unknown key.
    const std::vector<std::string> expected = {
        "m/beer.toml:1:6: 'id': expected \"beer\" to match the file name beer.toml, found "
        "\"alcohol\" (rename the file or change the id)",
        "m/beer.toml:1:1: missing required key 'group' (expected a string)",
        "m/beer.toml:1:1: missing required key 'effect' (expected a string)",
        "m/beer.toml:1:1: missing required key 'source' (expected a string)",
        "m/beer.toml:3:1: unknown key 'efect'; did you mean 'effect'?",
    };
    CHECK(formatted(diags) == expected);
}

TEST_CASE("the store lists medicines by file, parses one on demand, and layers override by id") {
    MemoryFileSystem files;
    files.add("/base/medicines/alcohol.toml", medicine_toml("alcohol", "Alcohol", "\"wine\""));
    files.add("/base/medicines/caffeine.toml", medicine_toml("caffeine", "Caffeine", ""));
    files.add("/mine/medicines/alcohol.toml", medicine_toml("alcohol", "Drink", "\"beer\""));
    ContentStore store(files, {"/base", "/mine"});
    CHECK(store.medicine_ids() == std::vector<std::string>{"alcohol", "caffeine"});
    CHECK(files.reads().empty());
    const Medicine* alcohol = store.medicine("alcohol");
    REQUIRE(alcohol != nullptr);
    CHECK(alcohol->name == "Drink");
    CHECK(files.reads() == std::vector<std::string>{"/mine/medicines/alcohol.toml"});
    CHECK(store.medicine("nicotine") == nullptr);
    CHECK(store.medicines().size() == 2);
    CHECK(store.diagnostics().empty());
}

TEST_CASE("find_medicine: ids, names, brand names in any case, and close spellings") {
    Shipped shipped;
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"diphenhydramine", "diphenhydramine"},
        {"Benadryl", "diphenhydramine"},
        {"BENADRYL", "diphenhydramine"},
        {"nytol", "diphenhydramine"},
        {"unisom sleepgels", "diphenhydramine"},
        {"unisom", "doxylamine"},
        {"Unisom SleepTabs", "doxylamine"},
        {"metoclopramide", "metoclopramide"},
        {"reglan", "metoclopramide"},
        {"metoclopromide", "metoclopramide"},
        {"sertraline", "ssris"},
        {"caffeine", "caffeine"},
    };
    for (const auto& [query, id] : cases) {
        CAPTURE(query);
        const auto lookup = find_medicine(shipped.store, query);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == id);
    }
    // A group's name typed in full names every entry of it.
    const auto group = find_medicine(shipped.store, "sedating antihistamines");
    CHECK(group.status == Status::ambiguous);
    CHECK(group.candidates.size() >= 2);
    CHECK(find_medicine(shipped.store, "magnesium").status == Status::not_found);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("a medicine's view: the citation of its source, or none for the guide") {
    MemoryFileSystem files;
    files.add("/c/references.toml", "[[reference]]\nid = \"aasm-2024\"\nauthors = \"W.\"\n"
                                    "year = 2024\ntitle = \"T\"\nsource = \"J\"\n"
                                    "origin = \"added\"\n");
    files.add("/c/notes.toml", "[[note]]\nid = \"ask-prescriber\"\ntext = \"Ask first.\"\n");
    files.add("/c/medicines/a.toml", medicine_toml("a", "A", "", "aasm-2024"));
    files.add("/c/medicines/b.toml", medicine_toml("b", "B", "", "guide"));
    files.add("/c/medicines/c.toml", medicine_toml("c", "C", "", "nobody-1999"));
    ContentStore store(files, {"/c"});

    const MedicineView a = build_medicine_view(store, *store.medicine("a"));
    CHECK_FALSE(a.from_guide);
    CHECK(a.citation == "W. (2024). T. J.");
    CHECK(a.ask_prescriber == "Ask first.");
    const MedicineView b = build_medicine_view(store, *store.medicine("b"));
    CHECK(b.from_guide);
    CHECK(b.citation.empty());
    CHECK(store.diagnostics().empty());

    build_medicine_view(store, *store.medicine("c"));
    CHECK(formatted(store.diagnostics()) ==
          std::vector<std::string>{"/c/medicines/c.toml:6:10: 'source' refers to reference "
                                   "\"nobody-1999\", which does not exist"});
}

TEST_CASE("a medicine's view ends with the prescriber even when the content lacks the note") {
    MemoryFileSystem files;
    files.add("/c/medicines/b.toml", medicine_toml("b", "B", ""));
    ContentStore store(files, {"/c"});
    const MedicineView view = build_medicine_view(store, *store.medicine("b"));
    CHECK(view.ask_prescriber.find("ask the prescriber") != std::string::npos);
}
