#include "content/store.h"

#include "support/check_lines.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;
using calmlegs::test::MemoryFileSystem;

namespace {

std::string supplement_toml(const std::string& id, const std::string& name,
                            const std::string& dose) {
    return "id = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"mineral\"\nbenefit = \"b\"\n" +
           "dose = [\"" + dose +
           "\"]\ncaution = [{ text = \"c\", who = [\"everyone\"], source = \"guide\" }]\n";
}

bool was_read(const MemoryFileSystem& files, const std::string& path) {
    const auto& reads = files.reads();
    return std::find(reads.begin(), reads.end(), path) != reads.end();
}

} // namespace

TEST_CASE("ContentStore reads only the files a look-up needs") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "25–65 mg"));
    files.add("/base/supplements/magnesium.toml",
              supplement_toml("magnesium", "Magnesium", "200–400 mg"));
    ContentStore store(files, {"/base"});

    CHECK(store.supplement_ids() == std::vector<std::string>{"iron", "magnesium"});
    CHECK(files.reads().empty()); // listing ids parses nothing

    const Supplement* iron = store.supplement("iron");
    REQUIRE(iron != nullptr);
    CHECK(iron->dose == std::vector<std::string>{"25–65 mg"});
    CHECK(was_read(files, "/base/supplements/iron.toml"));
    CHECK_FALSE(was_read(files, "/base/supplements/magnesium.toml"));

    files.forget_reads();
    CHECK(store.supplement("iron") == iron); // parsed once, then kept
    CHECK(files.reads().empty());
    CHECK(store.supplement("zinc") == nullptr);
    CHECK(store.diagnostics().empty());
}

TEST_CASE("a person's layer overrides shipped entries by id and adds new ones") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "25–65 mg"));
    files.add("/base/references.toml",
              "[[reference]]\nid = \"a-2000\"\nauthors = \"A\"\n"
              "year = 2000\ntitle = \"T\"\nsource = \"S\"\norigin = \"guide\"\n"
              "[[reference]]\nid = \"b-2001\"\nauthors = \"B\"\n"
              "year = 2001\ntitle = \"T\"\nsource = \"S\"\norigin = \"guide\"\n");
    files.add("/mine/supplements/iron.toml", supplement_toml("iron", "Iron (mine)", "my dose"));
    files.add("/mine/supplements/zinc.toml", supplement_toml("zinc", "Zinc", "z"));
    files.add("/mine/references.toml",
              "[[reference]]\nid = \"a-2000\"\nauthors = \"A2\"\n"
              "year = 2000\ntitle = \"T\"\nsource = \"S\"\norigin = \"guide\"\n");
    ContentStore store(files, {"/base", "/mine"});

    CHECK(store.supplement_ids() == std::vector<std::string>{"iron", "zinc"});
    REQUIRE(store.supplement("iron") != nullptr);
    CHECK(store.supplement("iron")->name == "Iron (mine)");
    CHECK_FALSE(was_read(files, "/base/supplements/iron.toml")); // shadowed, never parsed
    REQUIRE(store.supplement("zinc") != nullptr);

    const auto& references = store.references();
    REQUIRE(references.size() == 2);
    CHECK(references[0].authors == "A2"); // replaced in place, order kept
    CHECK(references[1].id == "b-2001");
    CHECK(store.diagnostics().empty());
}

TEST_CASE("a broken entry is reported and never shown") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", "id = \"iron\"\nname = 3\n");
    ContentStore store(files, {"/base"});
    CHECK(store.supplement("iron") == nullptr);
    CHECK_FALSE(store.diagnostics().empty());
    CHECK(store.diagnostics().problems()[0].file == "/base/supplements/iron.toml");
}

TEST_CASE("a broken override gives way to the shipped entry, with one warning and no error") {
    MemoryFileSystem files;
    files.add("/base/supplements/magnesium.toml",
              supplement_toml("magnesium", "Magnesium", "200–400 mg"));
    // supplement_toml writes six lines, so the misspelt key is on line 7.
    files.add("/mine/supplements/magnesium.toml",
              supplement_toml("magnesium", "Magnesium (mine)", "my dose") +
                  "timming = \"Before bed\"\n");
    ContentStore store(files, {"/base", "/mine"});

    const Supplement* magnesium = store.supplement("magnesium");
    REQUIRE(magnesium != nullptr);
    CHECK(magnesium->name == "Magnesium");
    CHECK(magnesium->dose == std::vector<std::string>{"200–400 mg"});
    CHECK(store.diagnostics().empty());
    check_lines(override_warnings(store),
                {"/mine/supplements/magnesium.toml:7:1: unknown key 'timming'; did you mean "
                 "'timing'?; using the shipped entry; run: calmlegs check"});

    // Asked again, or among all entries, the file is not read or told about twice.
    files.forget_reads();
    CHECK(store.supplement("magnesium") == magnesium);
    CHECK(store.supplements() == std::vector<const Supplement*>{magnesium});
    CHECK(files.reads().empty());
    CHECK(store.warnings().size() == 1);
}

TEST_CASE("a warning names the first problem of the file and counts the others") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "25–65 mg"));
    // Two problems: 'name' on line 2 comes first, the unknown key on line 7 is one more.
    std::string mine = supplement_toml("iron", "Iron", "mine") + "colour = \"red\"\n";
    mine.replace(mine.find("\"Iron\""), 6, "3");
    files.add("/mine/supplements/iron.toml", mine);
    ContentStore store(files, {"/base", "/mine"});

    REQUIRE(store.supplement("iron") != nullptr);
    CHECK(store.supplement("iron")->dose == std::vector<std::string>{"25–65 mg"});
    CHECK(store.diagnostics().empty());
    REQUIRE(store.warnings().size() == 1);
    CHECK(store.warnings()[0].first.pos.line == 2);
    CHECK(store.warnings()[0].more == 1);
    check_lines(override_warnings(store),
                {"/mine/supplements/iron.toml:2:8: 'name': expected a string, found an integer "
                 "(+1 more); using the shipped entry; run: calmlegs check"});
}

TEST_CASE("a broken override of a routine gives way to the shipped routine") {
    const std::string routine = "id = \"urge\"\nname = \"Urge\"\nsummary = \"s\"\n"
                                "[[step]]\ntitle = \"Breathe\"\ntext = \"x\"\nseconds = 10\n";
    MemoryFileSystem files;
    files.add("/base/routines/urge.toml", routine);
    std::string mine = routine + "wait = \"yes\"\n"; // line 8, in the step's table
    mine.replace(mine.find("\"Urge\""), 6, "\"My urge\"");
    files.add("/mine/routines/urge.toml", mine);
    ContentStore store(files, {"/base", "/mine"});

    const Routine* urge = store.routine("urge");
    REQUIRE(urge != nullptr);
    CHECK(urge->name == "Urge");
    CHECK(urge->file == "/base/routines/urge.toml");
    CHECK(store.diagnostics().empty());
    check_lines(override_warnings(store),
                {"/mine/routines/urge.toml:8:8: 'wait': expected true or false, found a string; "
                 "using the shipped entry; run: calmlegs check"});
}

TEST_CASE("a broken notes.toml of one's own is left out whole for the shipped one") {
    MemoryFileSystem files;
    files.add("/base/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"Base safety.\"\n"
                                  "[[note]]\nid = \"hold\"\ntext = \"Base hold.\"\n");
    // The first note is sound, but a file with problems is not merged at all.
    files.add("/mine/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"My safety.\"\n"
                                  "[[note]]\nid = \"hold\"\ntext = 3\n");
    ContentStore store(files, {"/base", "/mine"});

    REQUIRE(store.note("safety") != nullptr);
    CHECK(store.note("safety")->text == "Base safety.");
    REQUIRE(store.note("hold") != nullptr);
    CHECK(store.note("hold")->text == "Base hold.");
    CHECK(store.diagnostics().empty());
    check_lines(override_warnings(store),
                {"/mine/notes.toml:6:8: 'text': expected a string, found an integer; using the "
                 "shipped notes.toml; run: calmlegs check"});
}

TEST_CASE("a broken guide.toml of one's own gives way to the shipped one") {
    RealFileSystem real;
    std::string why;
    const auto guide = real.read(std::string(test::k_shipped_content) + "/guide.toml", why);
    REQUIRE(guide.has_value());
    MemoryFileSystem files;
    files.add("/base/guide.toml", *guide);
    files.add("/mine/guide.toml", "title = \"Mine\"\n[intro\n"); // not TOML
    ContentStore store(files, {"/base", "/mine"});

    REQUIRE(store.guide() != nullptr);
    CHECK(store.guide()->title == "Calming Restless Legs Naturally");
    CHECK(store.diagnostics().empty());
    const auto lines = override_warnings(store);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with("/mine/guide.toml:2:"));
    CHECK(lines[0].ends_with("; using the shipped guide.toml; run: calmlegs check"));
}

TEST_CASE("a broken entry of one's own with nothing below it is an error, as it always was") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "25–65 mg"));
    files.add("/mine/supplements/zinc.toml",
              supplement_toml("zinc", "Zinc", "z") + "timming = \"\"\n");
    files.add("/mine/notes.toml", "[[note]]\nid = \"mine\"\ntext = 3\n");
    ContentStore store(files, {"/base", "/mine"});

    CHECK(store.supplement("zinc") == nullptr);
    CHECK(store.note("mine") != nullptr); // a list keeps its entries, as before; the error stops
    check_lines(formatted(store.diagnostics()),
                {"/mine/supplements/zinc.toml:7:1: unknown key 'timming'; did you mean 'timing'?",
                 "/mine/notes.toml:3:8: 'text': expected a string, found an integer"});
    CHECK(store.warnings().empty());
}

TEST_CASE("with two layers above the shipped one, the highest sound entry stands") {
    const std::string broken = supplement_toml("iron", "Iron", "x") + "timming = \"\"\n";
    SUBCASE("the middle layer stands in for a broken top one") {
        MemoryFileSystem files;
        files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "shipped"));
        files.add("/mid/supplements/iron.toml", supplement_toml("iron", "Iron", "middle"));
        files.add("/top/supplements/iron.toml", broken);
        ContentStore store(files, {"/base", "/mid", "/top"});
        REQUIRE(store.supplement("iron") != nullptr);
        CHECK(store.supplement("iron")->dose == std::vector<std::string>{"middle"});
        CHECK_FALSE(was_read(files, "/base/supplements/iron.toml"));
        CHECK(store.diagnostics().empty());
        check_lines(override_warnings(store),
                    {"/top/supplements/iron.toml:7:1: unknown key 'timming'; did you mean "
                     "'timing'?; using /mid/supplements/iron.toml; run: calmlegs check"});
    }
    SUBCASE("both broken: the shipped entry, and one warning for each file") {
        MemoryFileSystem files;
        files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "shipped"));
        files.add("/mid/supplements/iron.toml", broken);
        files.add("/top/supplements/iron.toml", broken);
        ContentStore store(files, {"/base", "/mid", "/top"});
        REQUIRE(store.supplement("iron") != nullptr);
        CHECK(store.supplement("iron")->dose == std::vector<std::string>{"shipped"});
        CHECK(store.diagnostics().empty());
        check_lines(override_warnings(store),
                    {"/mid/supplements/iron.toml:7:1: unknown key 'timming'; did you mean "
                     "'timing'?; using the shipped entry; run: calmlegs check",
                     "/top/supplements/iron.toml:7:1: unknown key 'timming'; did you mean "
                     "'timing'?; using the shipped entry; run: calmlegs check"});
    }
    SUBCASE("a broken middle notes.toml is left out, the top one still merged") {
        MemoryFileSystem files;
        files.add("/base/notes.toml", "[[note]]\nid = \"a\"\ntext = \"base a\"\n");
        files.add("/mid/notes.toml", "[[note]]\nid = \"a\"\ntext = 3\n");
        files.add("/top/notes.toml", "[[note]]\nid = \"b\"\ntext = \"top b\"\n");
        ContentStore store(files, {"/base", "/mid", "/top"});
        REQUIRE(store.notes().size() == 2);
        CHECK(store.note("a")->text == "base a");
        CHECK(store.note("b")->text == "top b");
        CHECK(store.diagnostics().empty());
        CHECK(store.warnings().size() == 1);
    }
    SUBCASE("every layer broken: each file's problems are errors, and nothing is shown") {
        MemoryFileSystem files;
        files.add("/base/supplements/iron.toml", broken);
        files.add("/top/supplements/iron.toml", broken);
        ContentStore store(files, {"/base", "/top"});
        CHECK(store.supplement("iron") == nullptr);
        CHECK(store.warnings().empty());
        store.diagnostics().sort();
        CHECK(formatted(store.diagnostics()) ==
              std::vector<std::string>{
                  "/base/supplements/iron.toml:7:1: unknown key 'timming'; did you mean 'timing'?",
                  "/top/supplements/iron.toml:7:1: unknown key 'timming'; did you mean 'timing'?"});
    }
}

TEST_CASE("check's store (Keep::all) never stands in: the top file's problems are errors") {
    MemoryFileSystem files;
    files.add("/base/supplements/iron.toml", supplement_toml("iron", "Iron", "shipped"));
    files.add("/mine/supplements/iron.toml",
              supplement_toml("iron", "Iron", "mine") + "timming = \"\"\n");
    files.add("/base/notes.toml", "[[note]]\nid = \"a\"\ntext = \"base a\"\n");
    files.add("/mine/notes.toml", "[[note]]\nid = \"a\"\ntext = 3\n");
    ContentStore store(files, {"/base", "/mine"}, ContentStore::Keep::all);
    REQUIRE(store.supplement("iron") != nullptr); // kept, for the checks across files
    CHECK(store.supplement("iron")->dose == std::vector<std::string>{"mine"});
    (void)store.notes();
    CHECK(store.warnings().empty());
    CHECK(store.diagnostics().size() == 2);
}

TEST_CASE("steps are found by number and by id, and a person's file overrides by id") {
    const std::string step4 = "number = 4\nid = \"sleep\"\ntitle = \"Sleep\"\nsummary = \"s\"\n"
                              "[[section]]\ntitle = \"t\"\ntext = \"x\"\n";
    MemoryFileSystem files;
    files.add("/base/steps/04-sleep.toml", step4);
    files.add("/base/steps/01-nutrients.toml",
              "number = 1\nid = \"nutrients\"\ntitle = \"Nutrients\"\nsummary = \"s\"\n"
              "[[section]]\ntitle = \"t\"\ntext = \"x\"\n");
    std::string mine = step4;
    mine.replace(mine.find("\"Sleep\""), 7, "\"My sleep\"");
    files.add("/mine/steps/04-sleep.toml", mine);
    ContentStore store(files, {"/base", "/mine"});

    REQUIRE(store.step(4) != nullptr);
    CHECK(store.step(4)->title == "My sleep");
    REQUIRE(store.step(std::string_view("nutrients")) != nullptr);
    CHECK(store.step(std::string_view("nutrients"))->number == 1);
    CHECK(store.step(7) == nullptr);
    const auto steps = store.steps();
    REQUIRE(steps.size() == 2);
    CHECK(steps[0]->number == 1);
    CHECK(steps[1]->number == 4);
}

TEST_CASE("a broken step of one's own gives way to the shipped step, by number and by id") {
    const std::string step4 = "number = 4\nid = \"sleep\"\ntitle = \"Sleep\"\nsummary = \"s\"\n"
                              "[[section]]\ntitle = \"t\"\ntext = \"x\"\n";
    MemoryFileSystem files;
    files.add("/base/steps/04-sleep.toml", step4);
    files.add("/mine/steps/04-sleep.toml", step4 + "colour = \"blue\"\n");
    ContentStore store(files, {"/base", "/mine"});
    REQUIRE(store.step(4) != nullptr);
    CHECK(store.step(4)->file == "/base/steps/04-sleep.toml");
    CHECK(store.step(std::string_view("sleep")) == store.step(4));
    CHECK(store.diagnostics().empty());
    REQUIRE(store.warnings().size() == 1);
    CHECK(store.warnings()[0].first.file == "/mine/steps/04-sleep.toml");
    CHECK(store.warnings()[0].first.pos.line == 8);
    CHECK(store.warnings()[0].instead == "the shipped entry");
}

TEST_CASE("the guide comes from the top-most layer that has one") {
    MemoryFileSystem files;
    files.add("/base/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"Base safety.\"\n");
    files.add("/mine/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"My safety.\"\n");
    ContentStore store(files, {"/base", "/mine"});
    REQUIRE(store.note("safety") != nullptr);
    CHECK(store.note("safety")->text == "My safety.");
    CHECK(store.guide() == nullptr); // no guide.toml anywhere: nothing, and no crash
}

TEST_CASE("toml_stem") {
    CHECK(toml_stem("iron.toml") == std::optional<std::string>("iron"));
    CHECK_FALSE(toml_stem(".iron.toml").has_value());
    CHECK_FALSE(toml_stem("iron.toml~").has_value());
    CHECK_FALSE(toml_stem(".toml").has_value());
    CHECK_FALSE(toml_stem("README").has_value());
}
