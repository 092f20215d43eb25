// Triggers (content/triggers.toml and [journal] triggers of the config): parsing, checking,
// layering and looking them up by what a person types.

#include "content/config_triggers.h"
#include "content/lookup.h"
#include "content/parse.h"
#include "content/validate.h"

#include "support/check_lines.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;
using calmlegs::test::MemoryFileSystem;
using Status = Resolution::Status;

namespace {

/// The smallest layer that validates (a guide, the notes, step 4), and `triggers` as its
/// triggers.toml.
MemoryFileSystem layer_with(const std::string& triggers) {
    MemoryFileSystem files;
    files.add("/c/guide.toml",
              "title = \"Guide\"\n\n[intro]\nsummary = \"s\"\nwhat_it_is = \"w\"\n"
              "sensations = [\"s\"]\nmovement = \"m\"\nprevalence = \"p\"\n"
              "causes_intro = \"c\"\n\n[[intro.cause]]\ntitle = \"t\"\ntext = \"t\"\n\n"
              "[closing]\ntext = \"t\"\npillars = [\"p\"]\n");
    files.add("/c/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n\n[[note]]\n"
                               "id = \"not-advice\"\ntext = \"n\"\n\n[[note]]\n"
                               "id = \"breath-hold\"\ntext = \"b\"\n");
    files.add("/c/steps/04-sleep.toml", "number = 4\nid = \"sleep\"\ntitle = \"Sleep\"\n"
                                        "summary = \"s\"\n\n[[section]]\ntitle = \"t\"\n"
                                        "text = \"t\"\n");
    files.add("/c/triggers.toml", triggers);
    return files;
}

/// A config with `journal` as the body of its [journal] table.
Config config_with(const std::string& journal) {
    Diagnostics diags;
    auto config = parse_config("[journal]\n" + journal, "config.toml", diags);
    check_lines(formatted(diags), {});
    REQUIRE(config.has_value());
    return *config;
}

std::vector<std::string> ids_of(const std::vector<Trigger>& triggers) {
    std::vector<std::string> ids;
    for (const Trigger& trigger : triggers)
        ids.push_back(trigger.id);
    return ids;
}

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

} // namespace

TEST_CASE("parse_triggers reads every field, and steps and aliases are optional") {
    const char* text = R"([[trigger]]
id = "caffeine"
name = "Caffeine after noon"
aliases = ["coffee", "late coffee"]
text = "Coffee from midday on."
steps = [4, 5]

[[trigger]]
id = "stress"
name = "Stress"
text = "A tense day."
)";
    Diagnostics diags;
    const auto triggers = parse_triggers(text, "triggers.toml", diags);
    CHECK(diags.empty());
    REQUIRE(triggers.size() == 2);
    const Trigger& caffeine = triggers[0];
    CHECK(caffeine.id == "caffeine");
    CHECK(caffeine.name == "Caffeine after noon");
    CHECK(caffeine.aliases == std::vector<std::string>{"coffee", "late coffee"});
    CHECK(caffeine.text == "Coffee from midday on.");
    REQUIRE(caffeine.steps.size() == 2);
    CHECK(caffeine.steps[0].number == 4);
    CHECK(caffeine.steps[1].number == 5);
    CHECK(caffeine.steps[1].pos.line == 6);
    CHECK(caffeine.steps[1].pos.column == 13);
    CHECK_FALSE(caffeine.own);
    CHECK(caffeine.file == "triggers.toml");
    CHECK(caffeine.where.name.line == 3);
    REQUIRE(caffeine.where.aliases.size() == 2);
    CHECK(caffeine.where.aliases[1].line == 4);
    CHECK(caffeine.where.aliases[1].column == 22);
    CHECK(triggers[1].aliases.empty());
    CHECK(triggers[1].steps.empty());
}

TEST_CASE("parse_triggers: unknown keys, wrong types, bad and repeated ids at file:line:col") {
    const char* text = R"([[trigger]]
id = "Caffeine"
name = "C"
text = 5
colour = "red"
steps = [0]

[[trigger]]
id = "stress"
name = "Stress"
alias = ["worry"]

[[trigger]]
id = "stress"
name = "Stress again"
text = "t"
)";
    Diagnostics diags;
    const auto triggers = parse_triggers(text, "triggers.toml", diags);
    diags.sort();
    check_lines(formatted(diags),
                {
                    "triggers.toml:2:6: 'id': expected lowercase letters, digits and '-', found "
                    "\"Caffeine\"",
                    "triggers.toml:4:8: 'text': expected a string, found an integer",
                    "triggers.toml:5:1: unknown key 'colour'; expected one of: id, name, aliases, "
                    "text, steps",
                    "triggers.toml:6:10: 'steps': expected step numbers from 1 to 99, found 0",
                    "triggers.toml:8:1: missing required key 'text' (expected a string)",
                    "triggers.toml:11:1: unknown key 'alias'; did you mean 'aliases'?",
                    "triggers.toml:14:6: duplicate id \"stress\" (first defined at line 9)",
                });
    // The first of a repeated id is kept; an entry with wrong fields is still returned (for
    // check's cross-file view).
    REQUIRE(triggers.size() == 2);
    CHECK(triggers[1].name == "Stress");
}

TEST_CASE("check: triggers.toml is content, its steps must exist and its names lead to one") {
    MemoryFileSystem files = layer_with(R"([[trigger]]
id = "screens"
name = "Screens before bed"
aliases = ["phone"]
text = "t"
steps = [4, 12]

[[trigger]]
id = "phones"
name = "Phone"
text = "t"
)");
    check_lines(formatted(validate_content(files, {"/c"})),
                {
                    "/c/triggers.toml:6:13: 'steps' refers to step 12, which does not exist",
                    "/c/triggers.toml:10:8: duplicate name \"Phone\": /c/triggers.toml already "
                    "uses it, so a look-up would be ambiguous",
                });

    // Sound, it has nothing to report; a stray file beside it still is one.
    MemoryFileSystem sound = layer_with("[[trigger]]\nid = \"screens\"\nname = \"Screens\"\n"
                                        "text = \"t\"\nsteps = [4]\n");
    CHECK(formatted(validate_content(sound, {"/c"})).empty());
    sound.add("/c/trigers.toml", "");
    check_lines(formatted(validate_content(sound, {"/c"})),
                {"/c/trigers.toml:1:1: unknown content file; expected guide.toml, notes.toml, "
                 "references.toml, stack.toml, schedule.toml or triggers.toml, or a file in one "
                 "of the directories; did you mean \"triggers.toml\"?"});
}

TEST_CASE("a person's triggers.toml overrides the shipped triggers by id and adds new ones") {
    MemoryFileSystem files = layer_with("[[trigger]]\nid = \"stress\"\nname = \"Stress\"\n"
                                        "text = \"shipped\"\n\n[[trigger]]\nid = \"sugar\"\n"
                                        "name = \"Sugar\"\ntext = \"s\"\n");
    files.add("/own/triggers.toml", "[[trigger]]\nid = \"heat\"\nname = \"A hot room\"\n"
                                    "text = \"h\"\n\n[[trigger]]\nid = \"stress\"\n"
                                    "name = \"Stress\"\ntext = \"mine\"\n");
    ContentStore store(files, {"/c", "/own"});
    CHECK(ids_of(store.triggers()) == std::vector<std::string>{"stress", "sugar", "heat"});
    REQUIRE(store.trigger("stress") != nullptr);
    CHECK(store.trigger("stress")->text == "mine");
    CHECK(store.trigger("heat")->file == "/own/triggers.toml");
    CHECK(store.trigger("cold") == nullptr);
    CHECK(store.diagnostics().empty());
}

TEST_CASE("find_trigger: the guide's triggers by id, name, alias, prefix and misspelling") {
    Shipped shipped;
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"caffeine", "caffeine"},
        {"Caffeine after noon", "caffeine"},
        {"coffee", "caffeine"},
        {"phone", "screens"},
        {"blue light", "screens"},
        {"Blue-Light", "screens"},
        {"late exercise", "late-exercise"},
        {"late workout", "late-exercise"},
        {"sitting", "sitting"},
        {"long sitting", "sitting"},
        {"tomatoes", "nightshades"},
        {"artificial sweeteners", "sweeteners"},
    };
    for (const auto& [query, id] : cases) {
        CAPTURE(query);
        const auto lookup = find_trigger(shipped.store, query);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == id);
        CHECK(lookup.match == MatchKind::exact);
    }
    const auto prefix = find_trigger(shipped.store, "nightsh");
    REQUIRE(prefix.status == Status::found);
    CHECK(prefix.found->id == "nightshades");
    CHECK(prefix.match == MatchKind::prefix);
    const auto typo = find_trigger(shipped.store, "alchohol");
    REQUIRE(typo.status == Status::found);
    CHECK(typo.found->id == "alcohol");
    CHECK(typo.match == MatchKind::close);
    // "sweet" begins "sweets" (sugar) and "sweeteners": both are offered, in the file's order.
    const auto sweet = find_trigger(shipped.store, "sweet");
    REQUIRE(sweet.status == Status::ambiguous);
    REQUIRE(sweet.candidates.size() == 2);
    CHECK(sweet.candidates[0]->id == "sugar");
    CHECK(sweet.candidates[1]->id == "sweeteners");
    CHECK(find_trigger(shipped.store, "moonlight").status == Status::not_found);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("[journal] triggers: each name an id of its words, joined with '-'") {
    const Config config = config_with("triggers = [\"Cold feet\", \"long  drive!\", \"Käse\"]\n");
    const auto& own = config.journal.own_triggers;
    REQUIRE(own.size() == 3);
    CHECK(own[0].id == "cold-feet");
    CHECK(own[0].name == "Cold feet");
    CHECK(own[0].own);
    CHECK(own[0].text.empty());
    CHECK(own[0].file == "config.toml");
    CHECK(own[0].pos.line == 2);
    CHECK(own[0].pos.column == 13);
    CHECK(own[1].id == "long-drive");
    CHECK(own[1].pos.column == 26);
    CHECK(own[2].id == "k\xc3\xa4se"); // a letter beyond ASCII is part of its word
    CHECK(config.journal.record_runs);
}

TEST_CASE("person_triggers: the content's in order, then the person's own, ids unique") {
    Shipped shipped;
    const Config config = config_with("triggers = [\"Cold feet\", \"Long drive\"]\n");
    const auto triggers = person_triggers(shipped.store, config);
    const std::vector<std::string> expected = {
        "caffeine", "alcohol", "sugar",       "late-exercise", "sitting",   "stress",    "screens",
        "gluten",   "dairy",   "nightshades", "sweeteners",    "cold-feet", "long-drive"};
    CHECK(ids_of(triggers) == expected);
    CHECK(triggers[11].own);
    CHECK_FALSE(triggers[10].own);

    // An own trigger with the id of a content one is left out (check_own_triggers says so).
    const Config clash = config_with("triggers = [\"Stress\", \"cold feet\"]\n");
    const auto merged = person_triggers(shipped.store, clash);
    CHECK(merged.size() == 12);
    CHECK(std::count_if(merged.begin(), merged.end(),
                        [](const Trigger& t) { return t.id == "stress"; }) == 1);
    CHECK_FALSE(merged[5].own); // the content's Stress stands
}

TEST_CASE("find_trigger over a person's list: the guide's names first, then one's own") {
    Shipped shipped;
    const Config config =
        config_with("triggers = [\"Cold feet\", \"Long drive\", \"coffee\", \"screen\"]\n");
    const auto triggers = person_triggers(shipped.store, config);
    auto found = [&](std::string_view query) {
        const auto lookup = find_trigger(triggers, query);
        CAPTURE(query);
        REQUIRE(lookup.status == Status::found);
        return lookup;
    };
    CHECK(found("cold feet").found->id == "cold-feet");
    CHECK(found("COLD-FEET").found->own);
    CHECK(found("cold-feet").match == MatchKind::exact);
    CHECK(found("phone").found->id == "screens");
    // "coffee" is an alias of caffeine: the guide's trigger answers, never the own one.
    CHECK(found("coffee").found->id == "caffeine");
    // An own name typed in full wins over a prefix of a content one ("screen" begins
    // "screens").
    CHECK(found("screen").found->id == "screen");
    CHECK(found("screen").found->own);
    // A prefix or misspelling of one's own finds it too, and says so.
    CHECK(found("long dr").found->id == "long-drive");
    CHECK(found("long dr").match == MatchKind::prefix);
    CHECK(found("cold fet").found->id == "cold-feet");
    CHECK(found("cold fet").match == MatchKind::close);

    const auto unknown = find_trigger(triggers, "a full moon");
    CHECK(unknown.status == Status::not_found);
    CHECK(unknown.found == nullptr);
}

TEST_CASE("check_own_triggers: an own name that a content trigger answers to, at file:line:col") {
    Shipped shipped;
    const Config config =
        config_with("triggers = [\"Cold feet\", \"Caffeine\", \"Blue light\", \"Screens before "
                    "bed\"]\n");
    Diagnostics diags;
    check_own_triggers(shipped.store, config, diags);
    check_lines(
        formatted(diags),
        {
            "config.toml:2:26: 'triggers': \"Caffeine\" is already a name of the trigger "
            "\"caffeine\" (Caffeine after noon); log that one as caffeine, and take \"Caffeine\" "
            "out of [journal] triggers, or name yours otherwise",
            "config.toml:2:38: 'triggers': \"Blue light\" is already a name of the trigger "
            "\"screens\" (Screens before bed); log that one as screens, and take \"Blue light\" "
            "out of [journal] triggers, or name yours otherwise",
            "config.toml:2:52: 'triggers': \"Screens before bed\" is already a name of the "
            "trigger \"screens\" (Screens before bed); log that one as screens, and take "
            "\"Screens before bed\" out of [journal] triggers, or name yours otherwise",
        });

    Diagnostics none;
    check_own_triggers(shipped.store, config_with("triggers = [\"cold feet\"]\n"), none);
    CHECK(none.empty());
}
