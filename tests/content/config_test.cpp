#include "content/config.h"

#include "content/files.h"

#include "content/temp_dir.h"
#include "support/check_lines.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;

namespace {

/// What parse_config made of a text, and its problems as sorted file:line:col lines.
struct Parsed {
    std::optional<Config> config;
    std::vector<std::string> problems;
};

Parsed parse(std::string_view text) {
    Diagnostics diags;
    auto config = parse_config(text, "config.toml", diags);
    diags.sort();
    return {std::move(config), formatted(diags)};
}

} // namespace

TEST_CASE("config: an empty file gives the defaults") {
    const Parsed parsed = parse("");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    CHECK(parsed.config->bell == BellCues{});
    CHECK(parsed.config->cue_command.empty());
    CHECK_FALSE(parsed.config->plan_supplements.has_value());
    CHECK(parsed.config->plan_refs.empty());
    CHECK(parsed.config->file == "config.toml");
}

TEST_CASE("config: [cues] bell and command") {
    SUBCASE("bell = false turns the bell off") {
        const Parsed parsed = parse("[cues]\nbell = false\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues::none());
    }
    SUBCASE("bell = true keeps it on") {
        const Parsed parsed = parse("[cues]\nbell = true\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues{});
    }
    SUBCASE("a [cues] without bell keeps it on") {
        const Parsed parsed = parse("[cues]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues{});
        CHECK(parsed.config->cue_command.empty());
    }
    SUBCASE("command is the program and its arguments, as written") {
        const Parsed parsed =
            parse("[cues]\ncommand = [\"espeak-ng\", \"-s\", \"130\", \"a b\"]\nbell = false\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->cue_command ==
              std::vector<std::string>{"espeak-ng", "-s", "130", "a b"});
        CHECK(parsed.config->bell == BellCues::none());
    }
    SUBCASE("an empty command is no command") {
        const Parsed parsed = parse("[cues]\ncommand = []\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->cue_command.empty());
    }
}

TEST_CASE("config: [cues] bell takes the kinds of cue to ring at") {
    const auto bell_of = [](const char* text) {
        const Parsed parsed = parse(text);
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        return parsed.config->bell;
    };
    // The default, and true: steps, sides and breaths, not each repetition of an exercise.
    const BellCues defaults = bell_of("");
    CHECK(defaults.step);
    CHECK(defaults.side);
    CHECK(defaults.breath);
    CHECK_FALSE(defaults.rep);
    CHECK(defaults.any());
    CHECK(bell_of("[cues]\nbell = true\n") == defaults);
    CHECK_FALSE(bell_of("[cues]\nbell = false\n").any());
    // A list rings at the kinds it names and no others, in any order, repeats allowed.
    BellCues steps_and_reps = BellCues::none();
    steps_and_reps.step = steps_and_reps.rep = true;
    CHECK(bell_of("[cues]\nbell = [\"rep\", \"step\", \"rep\"]\n") == steps_and_reps);
    BellCues all = steps_and_reps;
    all.side = all.breath = true;
    CHECK(bell_of("[cues]\nbell = [\"step\", \"side\", \"breath\", \"rep\"]\n") == all);
    BellCues breaths = BellCues::none();
    breaths.breath = true;
    CHECK(bell_of("[cues]\nbell = [\"breath\"]\n") == breaths);
    // An empty list is never, as false is.
    CHECK(bell_of("[cues]\nbell = []\n") == BellCues::none());
    CHECK(bell_cue_names() == std::vector<std::string>{"step", "side", "breath", "rep"});
}

TEST_CASE("config: a [cues] bell list names only kinds of cue, each at its file:line:col") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        // "[cues]\nbell = [" is 8 columns on line 2: the first element is at column 9.
        {"[cues]\nbell = [\"reps\"]\n", "config.toml:2:9: 'bell': expected each of step, "
                                        "side, breath, rep, found \"reps\"; did you mean "
                                        "\"rep\"?"},
        {"[cues]\nbell = [\"step\", \"phase\"]\n",
         "config.toml:2:17: 'bell': expected each of step, side, breath, rep, found \"phase\""},
        {"[cues]\nbell = [\"Step\"]\n", "config.toml:2:9: 'bell': expected each of step, "
                                        "side, breath, rep, found \"Step\"; did you mean "
                                        "\"step\"?"},
        {"[cues]\nbell = [\"step\", true]\n",
         "config.toml:2:17: 'bell[1]': expected a string, found a boolean"},
        {"[cues]\nbell = {step = true}\n", "config.toml:2:8: 'bell': expected true, false or an "
                                           "array of step, side, breath, rep, found a table"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, {c.problem});
        // A wrong list falls back to the default, as a wrong type does.
        CHECK(parsed.config->bell == BellCues{});
    }
}

TEST_CASE("config: an empty plan leaves out every supplement, no plan says nothing") {
    SUBCASE("supplements = [] is a plan with nothing in it") {
        const Parsed parsed = parse("[plan]\nsupplements = []\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        REQUIRE(parsed.config->plan_supplements.has_value());
        CHECK(parsed.config->plan_supplements->empty());
        CHECK(parsed.config->plan_refs.empty());
    }
    SUBCASE("no [plan] at all is no plan") {
        const Parsed parsed = parse("[cues]\nbell = true\n");
        REQUIRE(parsed.config);
        CHECK_FALSE(parsed.config->plan_supplements.has_value());
    }
    SUBCASE("a [plan] without supplements is no plan either") {
        const Parsed parsed = parse("[plan]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK_FALSE(parsed.config->plan_supplements.has_value());
    }
    SUBCASE("a plan's names are kept as written, for resolve_plan to read") {
        const Parsed parsed = parse("[plan]\nsupplements = [\"Vitamin D\", \"mag\"]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(*parsed.config->plan_supplements == std::vector<std::string>{"Vitamin D", "mag"});
    }
    SUBCASE("the ids of a plan keep their order and where they are written") {
        const Parsed parsed = parse("[plan]\nsupplements = [\"magnesium\", \"iron\"]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        REQUIRE(parsed.config->plan_supplements.has_value());
        CHECK(*parsed.config->plan_supplements == std::vector<std::string>{"magnesium", "iron"});
        REQUIRE(parsed.config->plan_refs.size() == 2);
        // "supplements = [" is 15 characters, "\"magnesium\", " 13 more.
        CHECK(parsed.config->plan_refs[0].pos.line == 2);
        CHECK(parsed.config->plan_refs[0].pos.column == 16);
        CHECK(parsed.config->plan_refs[1].pos.column == 29);
    }
}

TEST_CASE("config: a value of the wrong type names file:line:col and what was expected") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"[cues]\nbell = \"yes\"\n",
         "config.toml:2:8: 'bell': expected true, false or an array of step, side, breath, rep, "
         "found a string"},
        {"[cues]\nbell = 1\n", "config.toml:2:8: 'bell': expected true, false or an array of "
                               "step, side, breath, rep, found an integer"},
        {"[cues]\ncommand = \"espeak\"\n",
         "config.toml:2:11: 'command': expected an array of strings, found a string"},
        {"[cues]\ncommand = [\"espeak\", 3]\n",
         "config.toml:2:22: 'command[1]': expected a string, found an integer"},
        {"[cues]\ncommand = [\"espeak\", \" \"]\n",
         "config.toml:2:22: 'command': expected non-empty strings"},
        {"[plan]\nsupplements = \"magnesium\"\n",
         "config.toml:2:15: 'supplements': expected an array of strings, found a string"},
        {"[plan]\nsupplements = [\"magnesium\", true]\n",
         "config.toml:2:29: 'supplements[1]': expected a string, found a boolean"},
        {"[plan]\nsupplements = [\"magnesium\", \" \"]\n",
         "config.toml:2:29: 'supplements': expected non-empty strings"},
        {"cues = true\n", "config.toml:1:8: 'cues': expected a table, found a boolean"},
        {"plan = [\"iron\"]\n", "config.toml:1:8: 'plan': expected a table, found an array"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config); // the TOML itself is sound
        check_lines(parsed.problems, {c.problem});
    }
    // A wrong bell falls back to the default rather than to whatever the value looked like.
    CHECK(parse("[cues]\nbell = \"no\"\n").config->bell == BellCues{});
}

TEST_CASE("config: every problem of a file is reported in one pass, in order") {
    const Parsed parsed = parse("[plan]\nsupplements = \"iron\"\n\n[cues]\nbell = \"off\"\n"
                                "command = [1]\n");
    check_lines(parsed.problems,
                {"config.toml:2:15: 'supplements': expected an array of strings, found a string",
                 "config.toml:5:8: 'bell': expected true, false or an array of step, side, "
                 "breath, rep, found a string",
                 "config.toml:6:12: 'command[0]': expected a string, found an integer"});
}

TEST_CASE("config: unknown keys and tables, with a suggestion only when one is close") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"[cues]\nbel = true\n", "config.toml:2:1: unknown key 'bel'; did you mean 'bell'?"},
        {"[cues]\nvolume = 3\n",
         "config.toml:2:1: unknown key 'volume'; expected one of: bell, command"},
        // A bell list is read as a list too: it is still one known key.
        {"[cues]\nbell = [\"step\"]\nvolume = 3\n",
         "config.toml:3:1: unknown key 'volume'; expected one of: bell, command"},
        {"[plan]\nsuplements = [\"iron\"]\n",
         "config.toml:2:1: unknown key 'suplements'; did you mean 'supplements'?"},
        {"[plan]\nvitamins = [\"iron\"]\n",
         "config.toml:2:1: unknown key 'vitamins'; expected one of: supplements"},
        {"[cue]\nbell = false\n", "config.toml:1:2: unknown key 'cue'; did you mean 'cues'?"},
        {"[plans]\n", "config.toml:1:2: unknown key 'plans'; did you mean 'plan'?"},
        {"[colours]\nbell = false\n",
         "config.toml:1:2: unknown key 'colours'; expected one of: cues, plan, me, schedule, reminders"},
        // The bell belongs in [cues]: at the top it is an unknown key, not a setting.
        {"bell = false\n", "config.toml:1:1: unknown key 'bell'; expected one of: cues, plan, me, schedule, reminders"},
        // Keys are suggested up to two edits away: "be" is two from "bell", "b" three.
        {"[cues]\nbe = true\n", "config.toml:2:1: unknown key 'be'; did you mean 'bell'?"},
        {"[cues]\nb = true\n", "config.toml:2:1: unknown key 'b'; expected one of: bell, command"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, {c.problem});
    }
    // A misspelt key sets nothing: the plan stays unset rather than empty.
    CHECK_FALSE(parse("[plan]\nsuplements = [\"iron\"]\n").config->plan_supplements.has_value());
    // An unknown table is not read: its bell does not turn the bell off.
    CHECK(parse("[cue]\nbell = false\n").config->bell == BellCues{});
}

TEST_CASE("config: a TOML syntax error gives its position and no config") {
    Diagnostics diags;
    // 'yes' is neither a string nor a boolean; toml++ stops at the value's first character.
    const auto config = parse_config("[cues]\nbell = yes\n", "config.toml", diags);
    CHECK_FALSE(config.has_value());
    check_lines(formatted(diags), {"config.toml:2:8: TOML syntax error: Error while parsing "
                                   "value: could not determine value type"});
}

TEST_CASE("config: reading the file, a missing file and one that cannot be read say why") {
    // Context::config reports "cannot read the config FILE: <why>" with these reasons.
    const test::TempDir dir;
    RealFileSystem files;
    std::string why;

    const std::string written = dir.write("config.toml", "[cues]\nbell = false\n");
    const auto text = files.read(written, why);
    REQUIRE(text);
    CHECK(*text == "[cues]\nbell = false\n");

    why.clear();
    CHECK_FALSE(files.read(dir.path() + "/none.toml", why).has_value());
    CHECK(why == "No such file or directory");
    CHECK_FALSE(files.is_file(dir.path() + "/none.toml"));

    // Permissions do not stop root, so the unreadable file here is one no one can read: a
    // directory in its place.
    why.clear();
    std::filesystem::create_directory(dir.path() + "/dir.toml");
    CHECK_FALSE(files.read(dir.path() + "/dir.toml", why).has_value());
    CHECK(why == "is a directory");
}

TEST_CASE("config: [me] conditions in the cautions' vocabulary, each once") {
    const Parsed ok =
        parse("[me]\nconditions = [\"pregnancy\", \"kidney-disease\", \"pregnancy\"]\n");
    REQUIRE(ok.config);
    CHECK(ok.problems.empty());
    CHECK(ok.config->conditions ==
          std::vector<Audience>{Audience::pregnancy, Audience::kidney_disease});
    CHECK(parse("").config->conditions.empty());
    // A word outside the vocabulary, and "everyone", are errors where they are written.
    const Parsed bad = parse("[me]\nconditions = [\"pregnancy\", \"pregnacy\", \"everyone\"]\n");
    REQUIRE(bad.problems.size() == 2);
    CHECK(bad.problems[0].starts_with("config.toml:2:28: 'conditions': expected each of "));
    CHECK(bad.problems[0].ends_with("found \"pregnacy\"; did you mean \"pregnancy\"?"));
    CHECK(bad.problems[1] ==
          "config.toml:2:40: 'conditions': \"everyone\" is no condition; list only what applies "
          "to you, such as \"pregnancy\" or \"kidney-disease\"");
    const Parsed unknown = parse("[me]\ncondition = [\"pregnancy\"]\n");
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].starts_with("config.toml:2:1: unknown key 'condition'"));
}
