#include "content/views.h"

#include "support/check_lines.h"
#include "support/memory_files.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;
using calmlegs::test::MemoryFileSystem;

namespace {

std::string entry_toml(const std::string& id, const std::string& name, const std::string& when) {
    return "id = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"mineral\"\nbenefit = \"b\"\n" +
           "dose = [\"1 mg\"]\nwhen = [\"" + when +
           "\"]\ncaution = [{ text = \"c\", who = [\"everyone\"], source = \"guide\" }]\n";
}

// Alpha pairs with Beta, "missing" (never an entry) and coffee (free text), keeps away from
// Gamma (absent, or present but broken), and cites one reference that exists and one that does
// not.
const char* const k_alpha = R"(id = "alpha"
name = "Alpha"
kind = "mineral"
benefit = "b"
dose = ["1 mg"]
caution = [{ text = "c", who = ["everyone"], source = "guide" }]
references = ["r-2000", "gone-1999"]
pairs_with = [
  { id = "beta", why = "together" },
  { id = "missing" },
  { name = "coffee" },
]
avoid_with = [{ id = "gamma" }]
)";

const char* const k_references = "[[reference]]\nid = \"r-2000\"\nauthors = \"Roe, R.\"\n"
                                 "year = 2000\ntitle = \"Legs\"\nsource = \"J. Legs, 1(1), 1–2\"\n"
                                 "origin = \"guide\"\n";

const char* const k_notes = "[[note]]\nid = \"safety\"\ntext = \"Be safe.\"\n"
                            "[[note]]\nid = \"not-advice\"\ntext = \"Not advice.\"\n";

const char* const k_stack = R"([[stack]]
id = "alpha"
label = "Alpha"
supplements = ["alpha"]
dose = "1 mg"
timing = "Morning"
when = ["morning"]
benefit = "b"

[[stack]]
id = "beta"
label = "Beta"
supplements = ["beta"]
dose = "2 mg"
timing = "Bedtime"
when = ["bedtime"]
benefit = "b"
)";

std::string step_toml(int number, const std::string& id, const std::string& show) {
    return "number = " + std::to_string(number) + "\nid = \"" + id +
           "\"\ntitle = \"T\"\nsummary = \"S\"\nreferences = [\"r-2000\"]\n"
           "[[section]]\ntitle = \"One\"\ntext = \"t\"\nreferences = [\"gone-1999\"]\n" +
           show;
}

bool was_read(const MemoryFileSystem& files, const std::string& path) {
    const auto& reads = files.reads();
    return std::find(reads.begin(), reads.end(), path) != reads.end();
}

} // namespace

TEST_CASE("a supplement view names its pairings and records a missing one while it is built") {
    MemoryFileSystem files;
    files.add("/c/supplements/alpha.toml", k_alpha);
    files.add("/c/supplements/beta.toml", entry_toml("beta", "Beta", "morning"));
    files.add("/c/references.toml", k_references);
    files.add("/c/notes.toml", k_notes);
    ContentStore store(files, {"/c"});
    const Supplement* alpha = store.supplement("alpha");
    REQUIRE(alpha != nullptr);
    REQUIRE(store.diagnostics().empty());

    const SupplementView view = build_supplement_view(store, *alpha);
    // A dangling id is the entry's own problem, at the pairing; nothing else is wrong.
    test::check_lines(formatted(store.diagnostics()),
                      {"/c/supplements/alpha.toml:10:3: 'pairs_with' refers to supplement "
                       "\"missing\", which does not exist",
                       "/c/supplements/alpha.toml:13:15: 'avoid_with' refers to supplement "
                       "\"gamma\", which does not exist"});
    REQUIRE(view.pairs_with.size() == 3);
    CHECK(view.pairs_with[0].id == "beta");
    CHECK(view.pairs_with[0].name == "Beta"); // the other entry's display name
    CHECK(view.pairs_with[0].why == "together");
    CHECK(view.pairs_with[1].name == "missing");
    CHECK(view.pairs_with[2].id.empty());
    CHECK(view.pairs_with[2].name == "coffee");
    // Only the reference the content has is cited.
    CHECK(view.citations.size() == 1);
    CHECK(view.citations.at("r-2000") == "Roe, R. (2000). Legs. J. Legs, 1(1), 1–2.");
    CHECK(view.safety_note == "Be safe.");
    CHECK_FALSE(view.form.has_value());
}

TEST_CASE("a supplement view of a pairing whose entry is broken reports that entry only") {
    MemoryFileSystem files;
    files.add("/c/supplements/alpha.toml", k_alpha);
    files.add("/c/supplements/beta.toml", entry_toml("beta", "Beta", "morning"));
    files.add("/c/supplements/gamma.toml", "id = \"gamma\"\nname = 3\n");
    ContentStore store(files, {"/c"});
    const SupplementView view = build_supplement_view(store, *store.supplement("alpha"));
    std::size_t in_alpha = 0, in_gamma = 0;
    for (const auto& problem : store.diagnostics().problems()) {
        in_alpha += problem.file == "/c/supplements/alpha.toml";
        in_gamma += problem.file == "/c/supplements/gamma.toml";
    }
    CHECK(in_alpha == 1); // "missing", not gamma again
    CHECK(in_gamma >= 1);
    CHECK(in_alpha + in_gamma == store.diagnostics().size());
    REQUIRE(view.avoid_with.size() == 1);
    CHECK(view.avoid_with[0].name == "gamma");
    CHECK(view.safety_note.empty()); // no notes.toml: no note, and no problem
}

TEST_CASE("stack and list views keep what belongs to the time asked for") {
    MemoryFileSystem files;
    files.add("/c/supplements/alpha.toml", entry_toml("alpha", "Alpha", "morning"));
    files.add("/c/supplements/beta.toml", entry_toml("beta", "Beta", "bedtime"));
    files.add("/c/stack.toml", k_stack);
    files.add("/c/notes.toml", k_notes);
    ContentStore store(files, {"/c"});

    const StackView all_rows = build_stack_view(store);
    CHECK(all_rows.rows.size() == 2);
    CHECK_FALSE(all_rows.when.has_value());
    const StackView bedtime = build_stack_view(store, TimeOfDay::bedtime);
    REQUIRE(bedtime.rows.size() == 1);
    CHECK(bedtime.rows[0]->id == "beta");
    CHECK(bedtime.when == TimeOfDay::bedtime);
    CHECK(bedtime.safety_note == "Be safe.");

    const SupplementListView morning = build_supplement_list_view(store, TimeOfDay::morning);
    REQUIRE(morning.supplements.size() == 1);
    CHECK(morning.supplements[0]->id == "alpha");
    CHECK(build_supplement_list_view(store).supplements.size() == 2);
    CHECK(build_supplement_list_view(store, TimeOfDay::evening).supplements.empty());
    CHECK(store.diagnostics().empty());
}

TEST_CASE("a step view holds the stack only when a section shows it, and every citation") {
    MemoryFileSystem files;
    files.add("/c/steps/01-plain.toml", step_toml(1, "plain", ""));
    files.add("/c/steps/02-table.toml", step_toml(2, "table", "show = \"stack\"\n"));
    files.add("/c/stack.toml", k_stack);
    files.add("/c/references.toml", k_references);
    files.add("/c/notes.toml", k_notes);
    ContentStore store(files, {"/c"});

    const StepView plain = build_step_view(store, *store.step(1));
    CHECK(plain.step_count == 2);
    CHECK(plain.stack.empty());
    CHECK_FALSE(was_read(files, "/c/stack.toml"));
    // The step cites r-2000 and its section gone-1999, which the content lacks.
    CHECK(plain.citations.size() == 1);
    CHECK(plain.citations.count("r-2000") == 1);

    const StepView table = build_step_view(store, *store.step(2));
    REQUIRE(table.stack.size() == 2);
    CHECK(table.stack[0]->id == "alpha");
    CHECK(store.diagnostics().empty());

    const GuideIndexView index = build_guide_index_view(store);
    CHECK(index.guide == nullptr); // no guide.toml
    CHECK(index.steps.size() == 2);
    CHECK(index.not_advice == "Not advice.");
}
