#include "content/parse.h"

#include "support/check_lines.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {

const char* const k_good_supplement = R"(id = "magnesium"
name = "Magnesium"
aliases = ["mag"]
kind = "mineral"
benefit = "Calms muscles."
forms = [{ name = "glycinate", note = "for sleep" }, { name = "threonate" }]
dose = ["200–400 mg"]
timing = "Before bed"
when = ["evening", "bedtime"]
pairs_with = [{ id = "glycine", why = "deeper relaxation" }, { name = "vitamin C" }]
avoid_with = [{ name = "coffee" }]
caution = [{ text = "One at a time.", who = ["everyone"], source = "guide" }]
references = ["boyle-2017"]
steps = [1, 8]
other_forms = ["oxide", "citrate"]
)";

} // namespace

TEST_CASE("parse_supplement reads every field") {
    Diagnostics diags;
    const auto s = parse_supplement(k_good_supplement, "magnesium.toml", "magnesium", diags);
    CHECK(formatted(diags).empty());
    REQUIRE(s.has_value());
    CHECK(s->id == "magnesium");
    CHECK(s->name == "Magnesium");
    CHECK(s->aliases == std::vector<std::string>{"mag"});
    CHECK(s->kind == SupplementKind::mineral);
    REQUIRE(s->forms.size() == 2);
    CHECK(s->forms[0].note == "for sleep");
    CHECK(s->forms[1].note.empty());
    CHECK(s->other_forms == std::vector<std::string>{"oxide", "citrate"});
    CHECK(s->dose == std::vector<std::string>{"200–400 mg"});
    CHECK(s->when == std::vector<TimeOfDay>{TimeOfDay::evening, TimeOfDay::bedtime});
    REQUIRE(s->pairs_with.size() == 2);
    CHECK(s->pairs_with[0].id == "glycine");
    CHECK(s->pairs_with[1].name == "vitamin C");
    CHECK(s->pairs_with[1].pos.line == 10);
    REQUIRE(s->references.size() == 1);
    CHECK(s->references[0].pos.line == 13);
    REQUIRE(s->steps.size() == 2);
    CHECK(s->steps[1].number == 8);
    REQUIRE(s->where.aliases.size() == 1);
    CHECK(s->where.aliases[0].line == 3);
    CHECK(s->where.aliases[0].column == 12);
    CHECK(s->where.name.line == 2);
    CHECK(s->where.id.column == 6);
}

TEST_CASE("a TOML syntax error is reported at its line and column") {
    Diagnostics diags;
    const auto s = parse_supplement("id = \"iron\"\nname = \"Iron\nkind = \"mineral\"\n",
                                    "iron.toml", "iron", diags);
    CHECK_FALSE(s.has_value());
    REQUIRE(diags.size() == 1);
    const Problem& problem = diags.problems()[0];
    CHECK(problem.file == "iron.toml");
    CHECK(problem.pos.line == 2);
    CHECK(problem.message.find("TOML syntax error") == 0);
}

TEST_CASE("every field problem of a file is reported in one pass") {
    const char* text = R"(id = "iron"
name = 7
kind = "mineal"
benefit = "Helps."
dose = "25–65 mg"
timing = "Morning"
doze = ["x"]
caution = []
when = ["noon"]
pairs_with = [{ id = "calcium", name = "Calcium" }]
)";
    Diagnostics diags;
    const auto s = parse_supplement(text, "iron.toml", "iron", diags);
    REQUIRE(s.has_value()); // the fields are wrong, the TOML is not
    diags.sort();
    const auto lines = formatted(diags);
    const std::vector<std::string> expected = {
        "iron.toml:2:8: 'name': expected a string, found an integer",
        "iron.toml:3:8: 'kind': expected one of mineral, vitamin, amino-acid, herb, mushroom, "
        "essential-oil, found \"mineal\"; did you mean \"mineral\"?",
        "iron.toml:5:8: 'dose': expected an array of strings, found a string",
        "iron.toml:7:1: unknown key 'doze'; did you mean 'dose'?",
        "iron.toml:8:11: 'caution': expected at least 1 item, found 0",
        "iron.toml:9:9: 'when': expected each of morning, evening, bedtime, found \"noon\"",
        "iron.toml:10:15: 'pairs_with': expected each item to have either id (another entry) or "
        "name (free text), not both",
    };
    test::check_lines(lines, expected);
}

TEST_CASE("missing required keys are named, at the top of the file") {
    Diagnostics diags;
    parse_supplement("id = \"iron\"\n", "iron.toml", "iron", diags);
    diags.sort();
    const auto lines = formatted(diags);
    const std::vector<std::string> expected = {
        "iron.toml:1:1: missing required key 'benefit' (expected a string)",
        "iron.toml:1:1: missing required key 'caution' (expected an array of tables)",
        "iron.toml:1:1: missing required key 'dose' (expected an array of strings)",
        "iron.toml:1:1: missing required key 'kind' (expected a string)",
        "iron.toml:1:1: missing required key 'name' (expected a string)",
    };
    test::check_lines(lines, expected);
}

TEST_CASE("an entry's id must match its file name") {
    Diagnostics diags;
    std::string text = k_good_supplement;
    parse_supplement(text, "supplements/mag.toml", "mag", diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].pos.line == 1);
    CHECK(diags.problems()[0].pos.column == 6);
    CHECK(diags.problems()[0].message.find("to match the file name mag.toml") != std::string::npos);
}

TEST_CASE("an array of the wrong element type points at the element") {
    Diagnostics diags;
    parse_supplement("id = \"iron\"\nname = \"Iron\"\nkind = \"mineral\"\nbenefit = \"b\"\n"
                     "dose = [\"25 mg\", 3]\ncaution = [{ text = \"c\", who = [\"everyone\"], "
                     "source = \"guide\" }]\n",
                     "iron.toml", "iron", diags);
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].format() == "iron.toml:5:18: 'dose[1]': expected a string, found "
                                          "an integer");
}

TEST_CASE("parse_step checks the file name and the sections") {
    const char* text = R"(number = 4
id = "sleep"
title = "Sleep"
summary = "Rest."

[[section]]
title = "Breathwork"
items = ["In 5 s", "Out 5 s"]

[[section]]
title = "Empty"
)";
    Diagnostics diags;
    auto step = parse_step(text, "steps/04-sleep.toml", "04-sleep", diags);
    REQUIRE(step.has_value());
    CHECK(step->number == 4);
    REQUIRE(step->sections.size() == 2);
    CHECK(step->sections[0].items.size() == 2);
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].pos.line == 10);
    CHECK(diags.problems()[0].message.find("says nothing") != std::string::npos);

    Diagnostics renamed;
    parse_step(text, "steps/05-rest.toml", "05-rest", renamed);
    renamed.sort();
    const auto lines = formatted(renamed);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].find("steps/05-rest.toml:1:10: 'number': expected 5") == 0);
    CHECK(lines[1].find("steps/05-rest.toml:2:6: 'id': expected \"rest\"") == 0);
}

TEST_CASE("parse_step_stem") {
    CHECK(parse_step_stem("04-sleep")->number == 4);
    CHECK(parse_step_stem("10-help")->id == "help");
    CHECK_FALSE(parse_step_stem("sleep").has_value());
    CHECK_FALSE(parse_step_stem("x4-sleep").has_value());
    CHECK_FALSE(parse_step_stem("0-sleep").has_value());
    CHECK_FALSE(parse_step_stem("04-Sleep").has_value());
}

TEST_CASE("list documents report duplicate ids and keep the first") {
    const char* text = R"([[reference]]
id = "allen-2007"
authors = "Allen"
year = 2007
title = "Iron"
source = "Mov Disord"
origin = "guide"

[[reference]]
id = "allen-2007"
authors = "Allen again"
year = 2007
title = "Iron"
source = "Mov Disord"
origin = "guide"
)";
    Diagnostics diags;
    const auto references = parse_references(text, "references.toml", diags);
    REQUIRE(references.size() == 1);
    CHECK(references[0].authors == "Allen");
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].format() ==
          "references.toml:10:6: duplicate id \"allen-2007\" (first defined at line 2)");
}

TEST_CASE("stack rows need their figures") {
    Diagnostics diags;
    const auto rows =
        parse_stack("[[stack]]\nid = \"iron\"\nlabel = \"Iron\"\n", "stack.toml", diags);
    diags.sort();
    CHECK(rows.size() == 1);
    const auto lines = formatted(diags);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "stack.toml:1:1: missing required key 'benefit' (expected a string)");
}

TEST_CASE("Reference::citation") {
    Reference r{"boyle-2017",
                "Boyle, N. B., et al.",
                2017,
                "Magnesium supplementation and sleep quality: a review",
                "Nutrients, 9(9), 997",
                ReferenceOrigin::guide,
                "",
                "",
                "",
                "",
                {}};
    CHECK(r.citation() == "Boyle, N. B., et al. (2017). Magnesium supplementation and sleep "
                          "quality: a review. Nutrients, 9(9), 997.");
}

TEST_CASE("a breathing pattern's default length is cycles or minutes, exactly one") {
    const std::string head = R"(id = "slow"
name = "Slow"
summary = "s"
phases = [{ kind = "inhale", seconds = 4, cue = "In" }, { kind = "exhale", seconds = 6, cue = "Out" }]
)";
    const auto message = [&](const std::string& length) {
        Diagnostics diags;
        const auto pattern = parse_pattern(head + length, "breathing/slow.toml", "slow", diags);
        return diags.empty() ? std::string() : diags.problems().front().message;
    };
    CHECK(message("cycles = 6\n").empty());
    CHECK(message("minutes = 2\n").empty());
    CHECK(message("cycles = 6\nminutes = 2\n") ==
          "a breathing pattern's default length is cycles or minutes, not both");
    CHECK(message("") == "a breathing pattern needs its default length: cycles or minutes");
}
