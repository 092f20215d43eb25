#include "content/resolve.h"

#include "content/names.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using Status = Resolution::Status;

namespace {

// Entries: 0 magnesium, 1 vitamin-d, 2 b-vitamins, 3 lemon-balm, 4 iron.
std::vector<NameKey> keys() {
    return {{"magnesium", 0},  {"Magnesium", 0},  {"mag", 0},        {"vitamin-d", 1},
            {"Vitamin D3", 1}, {"vit d", 1},      {"b-vitamins", 2}, {"vitamin b", 2},
            {"lemon-balm", 3}, {"Lemon balm", 3}, {"melissa", 3},    {"iron", 4}};
}

} // namespace

TEST_CASE("resolve_name: exact matches ignore case, spaces and punctuation") {
    for (const char* query : {"magnesium", "MAGNESIUM", "mag", "Mag."}) {
        CAPTURE(query);
        const auto r = resolve_name(query, keys());
        REQUIRE(r.status == Status::found);
        CHECK(r.entries == std::vector<std::size_t>{0});
        CHECK(r.match == MatchKind::exact);
    }
    CHECK(resolve_name("vit d", keys()).entries == std::vector<std::size_t>{1});
    CHECK(resolve_name("VitD", keys()).entries == std::vector<std::size_t>{1});
    CHECK(resolve_name("Melissa", keys()).entries == std::vector<std::size_t>{3});
}

TEST_CASE("resolve_name: a unique prefix of three or more characters") {
    auto r = resolve_name("lem", keys());
    REQUIRE(r.status == Status::found);
    CHECK(r.entries == std::vector<std::size_t>{3});
    CHECK(r.match == MatchKind::prefix);
    // Two characters are too few to guess from.
    CHECK(resolve_name("le", keys()).status == Status::not_found);
}

TEST_CASE("resolve_name: an ambiguous prefix lists every candidate once") {
    const auto r = resolve_name("vitamin", keys());
    CHECK(r.status == Status::ambiguous);
    CHECK(r.entries == std::vector<std::size_t>{1, 2});
}

TEST_CASE("resolve_name: close misspellings resolve") {
    const auto r = resolve_name("magnesuim", keys());
    REQUIRE(r.status == Status::found);
    CHECK(r.entries == std::vector<std::size_t>{0});
    CHECK(r.match == MatchKind::close);
    CHECK(resolve_name("irn", keys()).status == Status::not_found); // too short to guess
    CHECK(resolve_name("melisa", keys()).entries == std::vector<std::size_t>{3});
}

TEST_CASE("resolve_name: a misspelling never changes the letter or number that names a sibling") {
    // "vitamin c" is one letter from "vitamin b" and "vitamin d", but names neither.
    const auto c = resolve_name("vitamin c", keys());
    CHECK(c.status == Status::not_found);
    CHECK(c.entries.empty());
    CHECK_FALSE(c.suggestion.has_value());
    // With the marks kept, the rest may still be misspelt.
    const auto d = resolve_name("vitamn d3", keys());
    REQUIRE(d.status == Status::found);
    CHECK(d.entries == std::vector<std::size_t>{1});
    CHECK(d.match == MatchKind::close);
}

TEST_CASE("resolve_name: an unknown name suggests the entry probably meant, or none") {
    const auto r = resolve_name("magnezzeum", keys());
    CHECK(r.status == Status::not_found); // 3 edits: more than a typo of 10 letters allows
    CHECK(r.entries.empty());
    REQUIRE(r.suggestion.has_value());
    CHECK(*r.suggestion == 0); // magnesium: within a third of 10 letters
    // A different word that shares a few letters is not a suggestion: 4 edits of 8 letters.
    CHECK_FALSE(resolve_name("magnolia", keys()).suggestion.has_value());
    // Too short for a prefix, but a name contains it.
    const auto ir = resolve_name("ir", keys());
    CHECK(ir.status == Status::not_found);
    REQUIRE(ir.suggestion.has_value());
    CHECK(*ir.suggestion == 4);
    // Every name containing it belongs to one entry: "balm" is in "lemon-balm" and
    // "Lemon balm"; "ami" is in the names of two entries, so it is no one's.
    const auto balm = resolve_name("balm", keys());
    REQUIRE(balm.suggestion.has_value());
    CHECK(*balm.suggestion == 3);
    CHECK_FALSE(resolve_name("ami", keys()).suggestion.has_value());
    // Nothing near: no suggestion rather than a random one.
    CHECK_FALSE(resolve_name("xyzzy", keys()).suggestion.has_value());
    CHECK_FALSE(resolve_name("qq", keys()).suggestion.has_value());
}

TEST_CASE("resolve_name: empty queries and empty key sets find nothing") {
    CHECK(resolve_name("", keys()).status == Status::not_found);
    CHECK(resolve_name("--", keys()).status == Status::not_found);
    CHECK(resolve_name("iron", {}).status == Status::not_found);
}

TEST_CASE("resolve_name: an exact-only key matches only in full") {
    // Entry 0 valerian, 1 passionflower; the label names both.
    const std::vector<NameKey> keys = {{"valerian", 0},
                                       {"passionflower", 1},
                                       {"Valerian or Passionflower", 0, true},
                                       {"Valerian or Passionflower", 1, true}};
    const auto both = resolve_name("valerian or passionflower", keys);
    CHECK(both.status == Status::ambiguous);
    CHECK(both.entries == std::vector<std::size_t>{0, 1});
    // Its prefix, misspelling or part is no match and no suggestion.
    CHECK(resolve_name("valerian or", keys).status == Status::not_found);
    CHECK(resolve_name("val", keys).entries == std::vector<std::size_t>{0});
    CHECK(resolve_name("valerian or passionflowr", keys).status == Status::not_found);
    CHECK_FALSE(resolve_name("or passion", keys).suggestion.has_value());
}

TEST_CASE("resolve_name: a suggestion is at most a third of the query's length away") {
    // One key, so the nearest name is known; none of these queries is a prefix of it, inside
    // it, or close enough to be a typo, so only the length rule decides.
    const std::vector<NameKey> magnesium = {{"magnesium", 0}};
    // 3 edits of 9 letters: 3 * 3 == 9, the most the rule allows.
    REQUIRE(edit_distance("mugnosiam", "magnesium") == 3);
    const auto at_limit = resolve_name("mugnosiam", magnesium);
    CHECK(at_limit.status == Status::not_found);
    REQUIRE(at_limit.suggestion.has_value());
    CHECK(*at_limit.suggestion == 0);
    // 3 edits of 8 letters: 3 * 3 == 8 + 1, one letter too short.
    REQUIRE(edit_distance("mugnosim", "magnesium") == 3);
    const auto past_limit = resolve_name("mugnosim", magnesium);
    CHECK(past_limit.status == Status::not_found);
    CHECK_FALSE(past_limit.suggestion.has_value());

    const std::vector<NameKey> timing = {{"timing", 0}};
    // 2 edits of 6 letters (3 * 2 == 6) is suggested; 2 edits of 5 letters is not.
    REQUIRE(edit_distance("timxxg", "timing") == 2);
    CHECK(resolve_name("timxxg", timing).suggestion == std::optional<std::size_t>(0));
    REQUIRE(edit_distance("timxg", "timing") == 2);
    CHECK_FALSE(resolve_name("timxg", timing).suggestion.has_value());
}

TEST_CASE("resolve_name: a misspelling resolves only within the typo allowance") {
    const std::vector<NameKey> magnesium = {{"magnesium", 0}};
    // 8 letters allow 2 edits: 2 resolves, 3 does not (and 3 * 3 > 8 suggests nothing).
    REQUIRE(edit_distance("mxgnesum", "magnesium") == 2);
    const auto two = resolve_name("mxgnesum", magnesium);
    CHECK(two.status == Status::found);
    CHECK(two.match == MatchKind::close);
    REQUIRE(edit_distance("mxgnxsum", "magnesium") == 3);
    const auto three = resolve_name("mxgnxsum", magnesium);
    CHECK(three.status == Status::not_found);
    CHECK_FALSE(three.suggestion.has_value());
    // 7 letters allow 1 edit: 2 is only a suggestion (3 * 2 <= 7).
    REQUIRE(edit_distance("mgnesum", "magnesium") == 2);
    const auto seven = resolve_name("mgnesum", magnesium);
    CHECK(seven.status == Status::not_found);
    CHECK(seven.suggestion == std::optional<std::size_t>(0));
    // 4 letters allow 1 edit, 3 letters none.
    const std::vector<NameKey> iron = {{"iron", 0}};
    CHECK(resolve_name("irom", iron).status == Status::found);
    CHECK(resolve_name("irn", iron).status == Status::not_found);
}

TEST_CASE("resolve_name: the variant named is the one every matching name agrees on") {
    // Entry 0 magnesium with the forms glycinate (variant 0), oxide (1) and citrate (2); entry 1
    // iron with the forms ferrous sulfate (0) and citrate (1).
    const std::vector<NameKey> keys = {{"magnesium", 0},
                                       {"glycinate", 0, false, 0},
                                       {"magnesium glycinate", 0, false, 0},
                                       {"oxide", 0, false, 1},
                                       {"magnesium oxide", 0, false, 1},
                                       {"citrate", 0, false, 2},
                                       {"magnesium citrate", 0, false, 2},
                                       {"iron", 1},
                                       {"ferrous sulfate", 1, false, 0},
                                       {"iron ferrous sulfate", 1, false, 0},
                                       {"citrate", 1, false, 1},
                                       {"iron citrate", 1, false, 1}};
    struct Case {
        const char* query;
        std::size_t entry;
        MatchKind match;
        int variant;
    };
    for (const Case& c : std::vector<Case>{
             {"magnesium", 0, MatchKind::exact, -1},      // the entry's own name
             {"Magnesium Oxide", 0, MatchKind::exact, 1}, // name and form
             {"oxide", 0, MatchKind::exact, 1},           // the form alone
             {"ferrous sulfate", 1, MatchKind::exact, 0}, // a form that does not repeat the name
             {"magnesium gly", 0, MatchKind::prefix, 0},  // begins one form only
             {"magnes", 0, MatchKind::prefix, -1},        // begins the name and every form
             {"ferrous", 1, MatchKind::prefix, 0},        // begins one form only
             {"magnesium oxdie", 0, MatchKind::close, 1}, // a swap in the form
             {"iron citrate", 1, MatchKind::exact, 1}}) {
        CAPTURE(c.query);
        const auto r = resolve_name(c.query, keys);
        REQUIRE(r.status == Status::found);
        CHECK(r.entries == std::vector<std::size_t>{c.entry});
        CHECK(r.match == c.match);
        CHECK(r.variant == c.variant);
    }
    // A form both entries have is ambiguous alone, and names no variant.
    const auto citrate = resolve_name("citrate", keys);
    CHECK(citrate.status == Status::ambiguous);
    CHECK(citrate.entries == std::vector<std::size_t>{0, 1});
    CHECK(citrate.variant == -1);
}
