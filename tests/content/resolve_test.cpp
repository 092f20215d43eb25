#include "content/resolve.h"

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
    // A different word that shares a few letters is not a suggestion: 3 edits of 8 letters.
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
