#include "content/config_plan.h"

#include "support/check_lines.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;

namespace {

/// The plan of a config.toml whose only line under [plan] is `supplements = LIST`, resolved
/// against the shipped content, with its problems as file:line:col lines.
struct Resolved {
    std::optional<std::vector<std::string>> ids;
    std::vector<std::string> problems;
};

Resolved resolve(const std::string& config_text) {
    Diagnostics parse_problems;
    const auto config = parse_config(config_text, "config.toml", parse_problems);
    REQUIRE(config.has_value());
    REQUIRE(parse_problems.empty());
    RealFileSystem files;
    ContentStore store(files, {test::k_shipped_content});
    Diagnostics diags;
    Resolved resolved{resolve_plan(store, *config, diags), formatted(diags)};
    CHECK(store.diagnostics().empty());
    return resolved;
}

} // namespace

TEST_CASE("resolve_plan: ids, names, aliases and forms in any case give the canonical ids") {
    const Resolved resolved =
        resolve("[plan]\nsupplements = [\"mag\", \"Vitamin D\", \"IRON\", \"Valerian Root\", "
                "\"magnesium glycinate\", \"lemon-balm\"]\n");
    CHECK(resolved.problems.empty());
    // "magnesium glycinate" is magnesium again: each id once, in the order first written.
    CHECK(resolved.ids ==
          std::vector<std::string>{"magnesium", "vitamin-d", "iron", "valerian", "lemon-balm"});
}

TEST_CASE("resolve_plan: no plan stays unset, an empty plan stays empty") {
    CHECK_FALSE(resolve("[cues]\nbell = false\n").ids.has_value());
    const Resolved empty = resolve("[plan]\nsupplements = []\n");
    REQUIRE(empty.ids.has_value());
    CHECK(empty.ids->empty());
    CHECK(empty.problems.empty());
}

TEST_CASE("resolve_plan: a misspelling or a prefix is not taken, but named, where it is written") {
    // "supplements = [" is 15 characters: the first name starts at column 16; "\"magnesum\", "
    // is 12 more, so the second starts at 28.
    const Resolved resolved = resolve("[plan]\nsupplements = [\"magnesum\", \"magn\", \"iron\"]\n");
    check_lines(resolved.problems,
                {"config.toml:2:16: 'supplements' refers to supplement \"magnesum\", which does "
                 "not exist; did you mean \"magnesium\"?",
                 "config.toml:2:28: 'supplements' refers to supplement \"magn\", which does not "
                 "exist; did you mean \"magnesium\"?"});
    REQUIRE(resolved.ids.has_value());
    CHECK(*resolved.ids == std::vector<std::string>{"iron"});
}

TEST_CASE("resolve_plan: a name of two supplements lists both, a name of none says so") {
    // The stack table's label "Valerian or Passionflower" names both of its entries.
    const Resolved resolved =
        resolve("[plan]\nsupplements = [\"Valerian or Passionflower\", \"zzzz\"]\n");
    check_lines(resolved.problems,
                {"config.toml:2:16: 'supplements': \"Valerian or Passionflower\" names more than "
                 "one supplement: \"valerian\", \"passionflower\"; write the id of the one you "
                 "take",
                 "config.toml:2:45: 'supplements' refers to supplement \"zzzz\", which does not "
                 "exist"});
}
