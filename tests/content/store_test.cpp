#include "content/store.h"

#include "support/memory_files.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::MemoryFileSystem;

namespace {

std::string supplement_toml(const std::string& id, const std::string& name,
                            const std::string& dose) {
    return "id = \"" + id + "\"\nname = \"" + name + "\"\nkind = \"mineral\"\nbenefit = \"b\"\n" +
           "dose = [\"" + dose + "\"]\ncautions = [\"c\"]\n";
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
    files.add("/base/references.toml", "[[reference]]\nid = \"a-2000\"\nauthors = \"A\"\n"
                                       "year = 2000\ntitle = \"T\"\nsource = \"S\"\n"
                                       "[[reference]]\nid = \"b-2001\"\nauthors = \"B\"\n"
                                       "year = 2001\ntitle = \"T\"\nsource = \"S\"\n");
    files.add("/mine/supplements/iron.toml", supplement_toml("iron", "Iron (mine)", "my dose"));
    files.add("/mine/supplements/zinc.toml", supplement_toml("zinc", "Zinc", "z"));
    files.add("/mine/references.toml", "[[reference]]\nid = \"a-2000\"\nauthors = \"A2\"\n"
                                       "year = 2000\ntitle = \"T\"\nsource = \"S\"\n");
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
