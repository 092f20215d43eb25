#include "content/validate.h"

#include "content/temp_dir.h"
#include "support/check_lines.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {

/// The files of the smallest layer that validates on its own: a guide and the notes the
/// program shows. Paths are relative to the layer.
std::vector<std::pair<std::string, std::string>> minimal_layer() {
    return {{"guide.toml", "title = \"Guide\"\n\n[intro]\nsummary = \"s\"\nwhat_it_is = \"w\"\n"
                           "sensations = [\"s\"]\nmovement = \"m\"\nprevalence = \"p\"\n"
                           "causes_intro = \"c\"\n\n[[intro.cause]]\ntitle = \"t\"\n"
                           "text = \"t\"\n\n[closing]\ntext = \"t\"\npillars = [\"p\"]\n"},
            {"notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n\n[[note]]\n"
                           "id = \"not-advice\"\ntext = \"n\"\n\n[[note]]\n"
                           "id = \"breath-hold\"\ntext = \"b\"\n"}};
}

void add_minimal_layer(test::MemoryFileSystem& files, const std::string& layer) {
    for (const auto& [path, text] : minimal_layer())
        files.add(layer + "/" + path, text);
}

/// A step file whose number is written at 1:10.
std::string step(int number, const std::string& id) {
    return "number = " + std::to_string(number) + "\nid = \"" + id + "\"\ntitle = \"" + id +
           "\"\nsummary = \"s\"\n\n[[section]]\ntitle = \"t\"\ntext = \"t\"\n";
}

/// A supplement file of `id`, its last lines given by `rest` (from line 7 on).
std::string supplement(const std::string& id, const std::string& rest) {
    return "id = \"" + id + "\"\nname = \"" + id +
           "\"\nkind = \"mineral\"\nbenefit = \"b\"\n"
           "dose = [\"1 mg\"]\ncaution = [{ text = \"c\", who = [\"everyone\"], source = \"guide\" "
           "}]\n" +
           rest;
}

/// Serves a MemoryFileSystem but refuses to read some of its files, as a file without read
/// permission would (which the real file system cannot show when the tests run as root).
class RefusingFileSystem final : public FileSystem {
public:
    RefusingFileSystem(const test::MemoryFileSystem& files, std::set<std::string> refused)
        : m_files(files)
        , m_refused(std::move(refused)) {}

    std::optional<std::string> read(const std::string& path, std::string& error) const override {
        if (m_refused.contains(path)) {
            error = "Permission denied";
            return std::nullopt;
        }
        return m_files.read(path, error);
    }
    std::vector<DirEntry> list(const std::string& dir) const override { return m_files.list(dir); }
    bool is_directory(const std::string& path) const override { return m_files.is_directory(path); }
    bool is_file(const std::string& path) const override { return m_files.is_file(path); }

private:
    const test::MemoryFileSystem& m_files;
    std::set<std::string> m_refused;
};

} // namespace

TEST_CASE("the shipped content has no problems") {
    RealFileSystem files;
    const Diagnostics diags = validate_content(files, {test::k_shipped_content});
    test::check_lines(formatted(diags), {});
}

TEST_CASE("a directory of broken files: one problem per line, each with file:line:col") {
    RealFileSystem files;
    const std::string broken = std::string(test::k_test_data) + "/broken";
    const Diagnostics diags = validate_content(files, {test::k_shipped_content, broken});
    const auto lines = formatted(diags);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == broken + "/references.toml:10:6: duplicate id \"smith-2020\" (first "
                               "defined at line 2)");
    CHECK(lines[1] == broken + "/steps/11-extra.toml:5:15: 'references' refers to reference "
                               "\"jones-1999\", which does not exist");
    CHECK(lines[2] == broken + "/supplements/dangling.toml:6:15: 'pairs_with' refers to "
                               "supplement \"glycin\", which does not exist; did you mean "
                               "\"glycine\"?");
    CHECK(lines[3].rfind(broken + "/supplements/syntax.toml:4:", 0) == 0);
    CHECK(lines[3].find("TOML syntax error") != std::string::npos);
    CHECK(lines[4] == broken + "/supplements/typo.toml:6:1: unknown key 'timming'; did you "
                               "mean 'timing'?");
    CHECK(lines[5] == broken + "/supplements/wrong-type.toml:5:8: 'dose': expected an array of "
                               "strings, found an integer");
}

TEST_CASE("cross-file problems: names shared by two entries, copies, stray files") {
    test::MemoryFileSystem files;
    const std::string entry =
        "name = \"Iron\"\nkind = \"mineral\"\nbenefit = \"b\"\n"
        "dose = []\ncaution = [{ text = \"c\", who = [\"everyone\"], source = \"guide\" }]\n";
    files.add("/c/guide.toml", "title = \"t\"\n"); // incomplete, reported below
    files.add("/c/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n");
    files.add("/c/supplements/iron.toml", "id = \"iron\"\n" + entry);
    files.add("/c/supplements/iron-copy.toml", "id = \"iron\"\n" + entry);
    files.add("/c/supplements/ferrum.toml",
              "id = \"ferrum\"\naliases = [\"x\", \"FERRUM\", \"IRON\"]\nname = \"Ferrum\"\n"
              "kind = \"mineral\"\nbenefit = \"b\"\ndose = []\ncaution = [{ text = \"c\", who = "
              "[\"everyone\"], source = \"guide\" }]\n");
    files.add("/c/stray.toml", "x = 1\n");
    files.add("/c/images/a.png", "");
    const auto lines = formatted(validate_content(files, {"/c"}));
    const std::vector<std::string> expected = {
        "/c/guide.toml:1:1: missing required key 'closing' (expected a table)",
        "/c/guide.toml:1:1: missing required key 'intro' (expected a table)",
        "/c/images:1:1: unknown content directory; expected breathing/, exercises/, medicines/, "
        "routines/, steps/ or supplements/",
        "/c/notes.toml:1:1: missing the note \"breath-hold\" that the program shows; add "
        "[[note]] id = \"breath-hold\" with its text",
        "/c/notes.toml:1:1: missing the note \"not-advice\" that the program shows; add [[note]] "
        "id = \"not-advice\" with its text",
        "/c/stray.toml:1:1: unknown content file; expected guide.toml, notes.toml, "
        "references.toml, stack.toml, schedule.toml or triggers.toml, or a file in one of the "
        "directories",
        // ferrum.toml's alias "IRON" is iron's id; "FERRUM" and "Ferrum" are its own id.
        "/c/supplements/ferrum.toml:2:27: duplicate name \"IRON\": /c/supplements/iron.toml "
        "already uses it, so a look-up would be ambiguous",
        "/c/supplements/iron-copy.toml:1:6: 'id': expected \"iron-copy\" to match the file name "
        "iron-copy.toml, found \"iron\" (rename the file or change the id)",
        "/c/supplements/iron.toml:1:6: duplicate id \"iron\" (also /c/supplements/iron-copy.toml)",
    };
    test::check_lines(lines, expected);
}

TEST_CASE("a missing content directory is a problem, not a crash") {
    test::MemoryFileSystem files;
    const auto diags = validate_content(files, {"/nowhere"});
    REQUIRE_FALSE(diags.empty());
    CHECK(diags.problems()[0].format() ==
          "/nowhere:1:1: not a content directory (it does not exist or is not a directory)");
}

TEST_CASE("routines: missing references, a routine that includes itself, bad lengths") {
    test::MemoryFileSystem files;
    files.add("/c/routines/a.toml", R"(id = "a"
name = "A"
summary = "s"

[[step]]
routine = "b"

[[step]]
exercise = "cartwheels"

[[step]]
title = "Rest"
text = "Rest."
seconds = 0
)");
    files.add("/c/routines/b.toml", R"(id = "b"
name = "B"
summary = "s"

[[step]]
routine = "a"

[[step]]
breathing = "box"
seconds = 30
)");
    files.add("/c/breathing/box.toml", R"(id = "box"
name = "Box"
summary = "s"
phases = [{ kind = "inhale", seconds = 4, cue = "In" }, { kind = "sigh", seconds = 4, cue = "?" }]
)");
    const auto lines = formatted(validate_content(files, {"/c"}));
    const std::vector<std::string> expected = {
        "/c/breathing/box.toml:1:1: a breathing pattern needs its default length: cycles or "
        "minutes",
        "/c/breathing/box.toml:4:66: 'kind': expected one of inhale, hold, exhale, rest, found "
        "\"sigh\"",
        "/c/guide.toml:1:1: missing guide.toml: no content layer has one",
        "/c/notes.toml:1:1: missing the note \"breath-hold\" that the program shows; add "
        "[[note]] id = \"breath-hold\" with its text",
        "/c/notes.toml:1:1: missing the note \"not-advice\" that the program shows; add [[note]] "
        "id = \"not-advice\" with its text",
        "/c/notes.toml:1:1: missing the note \"safety\" that the program shows; add [[note]] "
        "id = \"safety\" with its text",
        "/c/routines/a.toml:1:6: routine \"a\" includes itself (a → b → a)",
        "/c/routines/a.toml:9:12: 'exercise' refers to exercise \"cartwheels\", which does not "
        "exist",
        "/c/routines/a.toml:14:11: 'seconds': expected a number from 1 to 3600, found 0",
        "/c/routines/b.toml:1:6: routine \"b\" includes itself (b → a → b)",
        "/c/routines/b.toml:10:11: 'seconds': the length of this step comes from its pattern "
        "(use cycles or minutes)",
    };
    test::check_lines(lines, expected);
}

TEST_CASE("the smallest layer that validates: a guide and the notes") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/c");
    files.add("/c/steps/04-sleep.toml", step(4, "sleep"));
    files.add("/c/supplements/iron.toml", supplement("iron", "steps = [4]\n"));
    test::check_lines(formatted(validate_content(files, {"/c"})), {});
}

TEST_CASE("a step number used twice in one layer is reported once, at the second file") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/c");
    files.add("/c/steps/05-diet.toml", step(5, "diet"));
    files.add("/c/steps/05-sleep.toml", step(5, "sleep"));
    test::check_lines(formatted(validate_content(files, {"/c"})),
                      {"/c/steps/05-sleep.toml:1:10: duplicate step number 5 (also "
                       "/c/steps/05-diet.toml)"});
}

TEST_CASE("step numbers across layers: a clash in the person's file, an override is none") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/s");
    files.add("/s/steps/04-sleep.toml", step(4, "sleep"));
    files.add("/s/steps/05-diet.toml", step(5, "diet"));

    SUBCASE("the same id under another number replaces the shipped step, and clashes") {
        // 05-sleep.toml replaces 04-sleep.toml (same id) but takes 05-diet.toml's number.
        files.add("/u/steps/05-sleep.toml", step(5, "sleep"));
        test::check_lines(formatted(validate_content(files, {"/s", "/u"})),
                          {"/u/steps/05-sleep.toml:1:10: step number 5 is also used by "
                           "/s/steps/05-diet.toml"});
    }
    SUBCASE("a new id under a shipped number clashes, and is reported in the person's file") {
        // "about" sorts before "diet": the report must still be in the file the person wrote.
        files.add("/u/steps/05-about.toml", step(5, "about"));
        test::check_lines(formatted(validate_content(files, {"/s", "/u"})),
                          {"/u/steps/05-about.toml:1:10: step number 5 is also used by "
                           "/s/steps/05-diet.toml"});
    }
    SUBCASE("the same id and number replaces the shipped step: no clash") {
        files.add("/u/steps/04-sleep.toml", step(4, "sleep"));
        test::check_lines(formatted(validate_content(files, {"/s", "/u"})), {});
    }
    SUBCASE("the same id under a free number moves the step: no clash") {
        files.add("/u/steps/06-sleep.toml", step(6, "sleep"));
        test::check_lines(formatted(validate_content(files, {"/s", "/u"})), {});
    }
}

TEST_CASE("a supplement that pairs with itself or avoids itself") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/c");
    files.add("/c/supplements/calcium.toml", supplement("calcium", ""));
    // "pairs_with = [" and "avoid_with = [" are 14 characters: each table opens at column 15.
    files.add("/c/supplements/iron.toml",
              supplement("iron", "pairs_with = [{ id = \"iron\", why = \"w\" }]\n"
                                 "avoid_with = [{ id = \"calcium\" }, { id = \"iron\" }]\n"));
    test::check_lines(formatted(validate_content(files, {"/c"})),
                      {"/c/supplements/iron.toml:7:15: 'pairs_with' names the entry itself",
                       "/c/supplements/iron.toml:8:35: 'avoid_with' names the entry itself"});
}

TEST_CASE("a supplement that points to a step that does not exist") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/c");
    files.add("/c/steps/04-sleep.toml", step(4, "sleep"));
    // "steps = [" is 9 characters: 4 is at column 10, 12 at column 13 and 5 at column 17.
    files.add("/c/supplements/iron.toml", supplement("iron", "steps = [4, 12, 5]\n"));
    test::check_lines(formatted(validate_content(files, {"/c"})),
                      {"/c/supplements/iron.toml:7:13: 'steps' refers to step 12, which does not "
                       "exist",
                       "/c/supplements/iron.toml:7:17: 'steps' refers to step 5, which does not "
                       "exist"});
}

TEST_CASE("a file that cannot be read is reported, and the rest is still checked") {
    test::MemoryFileSystem memory;
    add_minimal_layer(memory, "/c");
    memory.add("/c/steps/04-sleep.toml", step(4, "sleep"));
    memory.add("/c/supplements/iron.toml", supplement("iron", "steps = [4]\n"));
    memory.add("/c/supplements/calcium.toml", supplement("calcium", "steps = [9]\n"));
    const RefusingFileSystem files(
        memory, {"/c/guide.toml", "/c/steps/04-sleep.toml", "/c/supplements/iron.toml"});
    test::check_lines(formatted(validate_content(files, {"/c"})),
                      {"/c/guide.toml:1:1: cannot read this file: Permission denied",
                       "/c/steps/04-sleep.toml:1:1: cannot read this file: Permission denied",
                       "/c/supplements/calcium.toml:7:10: 'steps' refers to step 9, which does "
                       "not exist",
                       "/c/supplements/iron.toml:1:1: cannot read this file: Permission denied"});
}

TEST_CASE("a content file that is a link to nothing is reported, not skipped") {
    // No permission bits stop root, but a link to nothing cannot be read by anyone.
    const test::TempDir dir;
    for (const auto& [path, text] : minimal_layer())
        dir.write(path, text);
    dir.write("steps/04-sleep.toml", step(4, "sleep"));
    std::filesystem::create_directory(dir.path() + "/supplements");
    std::filesystem::create_symlink(dir.path() + "/gone.toml",
                                    dir.path() + "/supplements/iron.toml");
    RealFileSystem files;
    test::check_lines(formatted(validate_content(files, {dir.path()})),
                      {dir.path() + "/supplements/iron.toml:1:1: cannot read this file: it is "
                                    "neither a regular file nor a link to one"});
}

TEST_CASE("check: a medicine's source, steps and names, and the note its page ends with") {
    test::MemoryFileSystem files;
    add_minimal_layer(files, "/c");
    files.add("/c/references.toml", "[[reference]]\nid = \"aasm-2024\"\nauthors = \"W.\"\n"
                                    "year = 2024\ntitle = \"T\"\nsource = \"J\"\n"
                                    "origin = \"added\"\n");
    files.add("/c/supplements/iron.toml",
              "id = \"iron\"\nname = \"Iron\"\nkind = \"mineral\"\nbenefit = \"b\"\n"
              "dose = []\n[[caution]]\ntext = \"c\"\nwho = [\"everyone\"]\n"
              "source = \"guide\"\n");
    files.add("/c/medicines/alcohol.toml",
              "id = \"alcohol\"\nname = \"Alcohol\"\naliases = [\"IRON\"]\ngroup = \"G\"\n"
              "effect = \"e\"\nsource = \"aasm-2042\"\nsteps = [12]\n");
    files.add("/c/medicines/caffeine.toml", "id = \"caffeine\"\nname = \"Caffeine\"\n"
                                            "group = \"G\"\neffect = \"e\"\nsource = \"guide\"\n");
    const auto lines = formatted(validate_content(files, {"/c"}));
    const std::vector<std::string> expected = {
        // A supplement's id taken by a medicine's alias: one look-up finds both kinds.
        "/c/medicines/alcohol.toml:3:12: duplicate name \"IRON\": /c/supplements/iron.toml "
        "already uses it, so a look-up would be ambiguous",
        "/c/medicines/alcohol.toml:6:10: 'source' refers to reference \"aasm-2042\", which does "
        "not exist; expected \"guide\" or a reference id; did you mean \"aasm-2024\"?",
        "/c/medicines/alcohol.toml:7:10: 'steps' refers to step 12, which does not exist",
        "/c/notes.toml:1:1: missing the note \"ask-prescriber\" that the program shows; add "
        "[[note]] id = \"ask-prescriber\" with its text",
    };
    test::check_lines(lines, expected);

    // With the note, and sound medicines, nothing is left to report.
    test::MemoryFileSystem fixed;
    add_minimal_layer(fixed, "/c");
    fixed.add("/c/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n\n[[note]]\n"
                               "id = \"not-advice\"\ntext = \"n\"\n\n[[note]]\n"
                               "id = \"breath-hold\"\ntext = \"b\"\n\n[[note]]\n"
                               "id = \"ask-prescriber\"\ntext = \"a\"\n");
    fixed.add("/c/medicines/caffeine.toml", "id = \"caffeine\"\nname = \"Caffeine\"\n"
                                            "group = \"G\"\neffect = \"e\"\nsource = \"guide\"\n");
    CHECK(formatted(validate_content(fixed, {"/c"})).empty());
}
