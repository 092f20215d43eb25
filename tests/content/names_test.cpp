#include "content/names.h"

#include <doctest/doctest.h>

using namespace calmlegs;

TEST_CASE("normalize_name drops case, spaces and punctuation") {
    CHECK(normalize_name("Vit. D") == "vitd");
    CHECK(normalize_name("vit-d") == "vitd");
    CHECK(normalize_name("  L-Theanine ") == "ltheanine");
    CHECK(normalize_name("B12") == "b12");
    CHECK(normalize_name("µg") == "µg"); // non-ASCII bytes are kept, not dropped
    CHECK(normalize_name("--") == "");
}

TEST_CASE("edit_distance counts a swap of neighbours as one edit") {
    CHECK(edit_distance("magnesium", "magnesium") == 0);
    CHECK(edit_distance("magnesuim", "magnesium") == 1);  // swap
    CHECK(edit_distance("magnesim", "magnesium") == 1);   // deletion
    CHECK(edit_distance("magnessium", "magnesium") == 1); // insertion
    CHECK(edit_distance("magnezium", "magnesium") == 1);  // substitution
    CHECK(edit_distance("", "iron") == 4);
    CHECK(edit_distance("iron", "") == 4);
    CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("typo_allowance grows with the word, at 4 and at 8 letters") {
    CHECK(typo_allowance("") == 0);
    CHECK(typo_allowance("mag") == 0);
    CHECK(typo_allowance("iron") == 1);
    CHECK(typo_allowance("melissa") == 1);
    CHECK(typo_allowance("valerian") == 2);
    CHECK(typo_allowance("passionflower") == 2);
}

TEST_CASE("nearest_name suggests within the distance only") {
    const std::vector<std::string> keys = {"dose", "timing", "forms"};
    CHECK(nearest_name("doze", keys, 2) == std::optional<std::string>("dose"));
    CHECK(nearest_name("timming", keys, 2) == std::optional<std::string>("timing"));
    CHECK_FALSE(nearest_name("colour", keys, 2).has_value());
}

TEST_CASE("nearest_name: exactly at the distance is suggested, one past it is not") {
    const std::vector<std::string> keys = {"timing"};
    REQUIRE(edit_distance("timxng", "timing") == 1);
    REQUIRE(edit_distance("timxxg", "timing") == 2);
    REQUIRE(edit_distance("txxxng", "timing") == 3);
    CHECK(nearest_name("timing", keys, 0) == std::optional<std::string>("timing"));
    CHECK_FALSE(nearest_name("timxng", keys, 0).has_value());
    CHECK(nearest_name("timxng", keys, 1) == std::optional<std::string>("timing"));
    CHECK_FALSE(nearest_name("timxxg", keys, 1).has_value());
    CHECK(nearest_name("timxxg", keys, 2) == std::optional<std::string>("timing"));
    CHECK_FALSE(nearest_name("txxxng", keys, 2).has_value());
    // Names are compared normalized: case and punctuation cost nothing.
    CHECK(nearest_name("Tim-xng", keys, 1) == std::optional<std::string>("timing"));
}

TEST_CASE("nearest_name: the nearest candidate wins, the first of equals") {
    const std::vector<std::string> keys = {"bell", "belt", "bellow"};
    CHECK(nearest_name("belll", keys, 2) == std::optional<std::string>("bell"));
    CHECK(nearest_name("bel", keys, 2) == std::optional<std::string>("bell"));
    CHECK(nearest_name("bellov", keys, 2) == std::optional<std::string>("bellow"));
}

TEST_CASE("is_valid_id") {
    CHECK(is_valid_id("vitamin-d"));
    CHECK(is_valid_id("4-7-8"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("Vitamin-D"));
    CHECK_FALSE(is_valid_id("-iron"));
    CHECK_FALSE(is_valid_id("iron-"));
    CHECK_FALSE(is_valid_id("lemon--balm"));
    CHECK_FALSE(is_valid_id("lemon balm"));
}

TEST_CASE("id_from_name: the words of a name, lower-cased, joined with '-'") {
    CHECK(id_from_name("cold feet") == "cold-feet");
    CHECK(id_from_name("Cold Feet!") == "cold-feet");
    CHECK(id_from_name("  long   drive ") == "long-drive");
    CHECK(id_from_name("late-night TV") == "late-night-tv");
    CHECK(id_from_name("Vit. D3") == "vit-d3");
    CHECK(id_from_name("coffee") == "coffee");
    CHECK(id_from_name("Käse") == "käse"); // bytes beyond ASCII are part of their word
    CHECK(id_from_name("!?") == "");
    CHECK(id_from_name("") == "");
    // Found alike: the id normalises as the name does.
    CHECK(normalize_name(id_from_name("Cold Feet!")) == normalize_name("Cold Feet!"));
    CHECK(is_valid_id(id_from_name("a long   day at the desk")));
}

TEST_CASE("to_lower_ascii leaves non-ASCII alone") {
    CHECK(to_lower_ascii("Magnesium µg") == "magnesium µg");
}

TEST_CASE("split_words and join_words read what was typed however the shell split it") {
    CHECK(split_words({"caffeine noon"}) == std::vector<std::string>{"caffeine", "noon"});
    CHECK(split_words({" tea ", "", "\tlate\n"}) == std::vector<std::string>{"tea", "late"});
    CHECK(split_words({"", "  "}).empty());
    CHECK(join_words({" 2"}) == "2");
    CHECK(join_words({"vit", " d "}) == "vit d");
    CHECK(join_words({"vitamin  c"}) == "vitamin c");
    CHECK(join_words({}).empty());
}

TEST_CASE("join puts the separator between each two items, and only there") {
    CHECK(join({}, ", ").empty());
    CHECK(join({"iron"}, ", ") == "iron");
    CHECK(join({"step", "side", "breath"}, ", ") == "step, side, breath");
    // An empty item is an item: its separators stay, so nothing shifts.
    CHECK(join({"", "a", ""}, "; ") == "; a; ");
    CHECK(join({"tonight", "stretch", "tonight"}, " → ") == "tonight → stretch → tonight");
}

TEST_CASE("quote shows a name as TOML writes a string") {
    CHECK(quote("magnesium") == "\"magnesium\"");
    CHECK(quote("") == "\"\"");
    CHECK(quote("vitamin d") == "\"vitamin d\"");
}

TEST_CASE("name_marks are the short words and the words with digits") {
    CHECK(name_marks("Vitamin D3 with K2") == std::vector<std::string>{"d3", "k2"});
    CHECK(name_marks("vit c") == std::vector<std::string>{"c"});
    CHECK(name_marks("B vitamins") == std::vector<std::string>{"b"});
    CHECK(name_marks("b12") == std::vector<std::string>{"b12"});
    CHECK(name_marks("magnesium glycinate").empty());
    CHECK(name_marks("L-theanine") == std::vector<std::string>{"l"});
    CHECK(name_marks("").empty());
}

TEST_CASE("nearest_name: a word longer or shorter than the distance allows is not measured") {
    // A 10 MB unknown key in a content file once took minutes: its distance to each key name
    // was measured, cell by cell. Length alone rules it out.
    const std::vector<std::string> keys = {"dose", "timing", "forms"};
    CHECK_FALSE(nearest_name(std::string(10 * 1024 * 1024, 'k'), keys, 2).has_value());
    CHECK(nearest_name("dosexx", keys, 2) == std::optional<std::string>("dose"));
    CHECK_FALSE(nearest_name("dosexxx", keys, 2).has_value());
    CHECK(nearest_name("ds", keys, 2) == std::optional<std::string>("dose"));
    CHECK_FALSE(nearest_name("d", keys, 2).has_value());
}
