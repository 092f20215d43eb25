#include "content/validate.h"

#include "support/check_lines.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {} // namespace

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
    CHECK(lines[0] == broken + "/references.toml:9:6: duplicate id \"smith-2020\" (first "
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
    const std::string entry = "name = \"Iron\"\nkind = \"mineral\"\nbenefit = \"b\"\n"
                              "dose = []\ncautions = [\"c\"]\n";
    files.add("/c/guide.toml", "title = \"t\"\n"); // incomplete, reported below
    files.add("/c/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n");
    files.add("/c/supplements/iron.toml", "id = \"iron\"\n" + entry);
    files.add("/c/supplements/iron-copy.toml", "id = \"iron\"\n" + entry);
    files.add("/c/supplements/ferrum.toml",
              "id = \"ferrum\"\naliases = [\"x\", \"FERRUM\", \"IRON\"]\nname = \"Ferrum\"\n"
              "kind = \"mineral\"\nbenefit = \"b\"\ndose = []\ncautions = [\"c\"]\n");
    files.add("/c/stray.toml", "x = 1\n");
    files.add("/c/images/a.png", "");
    const auto lines = formatted(validate_content(files, {"/c"}));
    const std::vector<std::string> expected = {
        "/c/guide.toml:1:1: missing required key 'closing' (expected a table)",
        "/c/guide.toml:1:1: missing required key 'intro' (expected a table)",
        "/c/images:1:1: unknown content directory; expected breathing/, exercises/, routines/, "
        "steps/ or supplements/",
        "/c/notes.toml:1:1: missing the note \"breath-hold\" that the program shows; add "
        "[[note]] id = \"breath-hold\" with its text",
        "/c/notes.toml:1:1: missing the note \"not-advice\" that the program shows; add [[note]] "
        "id = \"not-advice\" with its text",
        "/c/stray.toml:1:1: unknown content file; expected guide.toml, notes.toml, "
        "references.toml or stack.toml, or a file in one of the directories",
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
