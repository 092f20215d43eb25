#include "content/lookup.h"

#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using Status = Resolution::Status;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

} // namespace

TEST_CASE("find_supplement: ids, aliases, forms and misspellings of the shipped content") {
    Shipped shipped;
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"magnesium", "magnesium"},
        {"Magnesium", "magnesium"},
        {"mag", "magnesium"},
        {"magnesuim", "magnesium"},
        {"glycinate", "magnesium"},
        {"vit d", "vitamin-d"},
        {"Vitamin D", "vitamin-d"},
        {"d3", "vitamin-d"},
        {"melissa", "lemon-balm"},
        {"lemon balm", "lemon-balm"},
        {"b12", "b-vitamins"},
        {"theanine", "l-theanine"},
        {"passion flower", "passionflower"},
        {"valerian root", "valerian"},
    };
    for (const auto& [query, id] : cases) {
        CAPTURE(query);
        const auto lookup = find_supplement(shipped.store, query);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == id);
    }
    CHECK(find_supplement(shipped.store, "magnesuim").match == MatchKind::close);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("find_supplement: ambiguous and unknown names") {
    Shipped shipped;
    const auto vitamin = find_supplement(shipped.store, "vitamin");
    CHECK(vitamin.status == Status::ambiguous);
    std::vector<std::string> ids;
    for (const Supplement* s : vitamin.candidates)
        ids.push_back(s->id);
    CHECK(ids == std::vector<std::string>{"b-vitamins", "vitamin-d"});

    const auto melatonin = find_supplement(shipped.store, "melatonin");
    CHECK(melatonin.status == Status::not_found);
    CHECK(melatonin.found == nullptr);
    CHECK(melatonin.suggestion == nullptr); // nothing shipped is spelt like it

    const auto vitamin_c = find_supplement(shipped.store, "vitamin c");
    CHECK(vitamin_c.status == Status::not_found);
    CHECK(vitamin_c.candidates.empty());

    // Too short to resolve, but the names of one entry contain it: a suggestion only. "ir" is
    // in "iron" and "iron supplement" alone; "k2" in vitamin D's alias "vitamin d3 + k2" alone
    // (the stack's label "Vitamin D3 + K2" is matched only in full).
    for (const auto& [query, id] :
         std::vector<std::pair<const char*, const char*>>{{"ir", "iron"}, {"k2", "vitamin-d"}}) {
        CAPTURE(query);
        const auto lookup = find_supplement(shipped.store, query);
        CHECK(lookup.status == Status::not_found);
        CHECK(lookup.found == nullptr);
        REQUIRE(lookup.suggestion != nullptr);
        CHECK(lookup.suggestion->id == id);
    }
    // One swap from the alias "valerian root" (12 letters allow 2 edits): found.
    const auto valerain = find_supplement(shipped.store, "valerain root");
    REQUIRE(valerain.status == Status::found);
    CHECK(valerain.found->id == "valerian");
    CHECK(valerain.match == MatchKind::close);
    CHECK(valerain.suggestion == nullptr);
    // Five letters that begin one name only: found by prefix.
    const auto ashwa = find_supplement(shipped.store, "ashwa");
    REQUIRE(ashwa.status == Status::found);
    CHECK(ashwa.found->id == "ashwagandha");
    CHECK(ashwa.match == MatchKind::prefix);
}

TEST_CASE("find_supplement: a name copied from the stack table") {
    Shipped shipped;
    // One row, two entries: both are offered.
    const auto either = find_supplement(shipped.store, "Valerian or Passionflower");
    REQUIRE(either.status == Status::ambiguous);
    std::vector<std::string> ids;
    for (const Supplement* s : either.candidates)
        ids.push_back(s->id);
    CHECK(ids == std::vector<std::string>{"valerian", "passionflower"});
    // The table's label and its aside.
    for (const char* query : {"Vitamin D3 + K2", "Iron*", "iron (if low ferritin)"}) {
        CAPTURE(query);
        const auto lookup = find_supplement(shipped.store, query);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == (query[0] == 'V' ? "vitamin-d" : "iron"));
    }
    // A prefix of a name is not a prefix of the label: "val" is Valerian's alone.
    for (const char* prefix : {"val", "valeria", "pass"}) {
        CAPTURE(prefix);
        const auto lookup = find_supplement(shipped.store, prefix);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == (prefix[0] == 'v' ? "valerian" : "passionflower"));
    }
    // An aside alone names nothing.
    CHECK(find_supplement(shipped.store, "(if low ferritin)").status == Status::not_found);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("find_guide_part: numbers, names, intro and closing") {
    Shipped shipped;
    for (int number = 1; number <= 10; ++number) {
        CAPTURE(number);
        const auto lookup = find_guide_part(shipped.store, std::to_string(number));
        REQUIRE(lookup.status == Status::found);
        REQUIRE(lookup.found.step != nullptr);
        CHECK(lookup.found.step->number == number);
    }
    const std::vector<std::pair<const char*, int>> names = {
        {"breathwork", 4},
        {"sleep", 4},
        {"yoga nidra", 4},
        {"ritual", 9},
        {"stack", 8},
        {"herbs", 2},
        {"help", 10},
        {"stretching", 3},
        // A section's title opens its step: iron is step 1's, not step 10's "iron infusions".
        {"iron", 1},
        {"magnesium", 1},
        {"lavender", 2},
        {"valerian", 2},
        {"calf raises", 3},
        {"step 4", 4},
        {"Step 10", 10},
        {"step4", 4}};
    for (const auto& [name, number] : names) {
        CAPTURE(name);
        const auto lookup = find_guide_part(shipped.store, name);
        REQUIRE(lookup.status == Status::found);
        REQUIRE(lookup.found.step != nullptr);
        CHECK(lookup.found.step->number == number);
    }
    CHECK(find_guide_part(shipped.store, "intro").found.kind == GuidePart::Kind::intro);
    CHECK(find_guide_part(shipped.store, "introduction").found.kind == GuidePart::Kind::intro);
    CHECK(find_guide_part(shipped.store, "closing").found.kind == GuidePart::Kind::closing);
    CHECK(find_guide_part(shipped.store, "11").status == Status::not_found);
    CHECK(find_guide_part(shipped.store, "0").status == Status::not_found);
    CHECK(find_guide_part(shipped.store, "step 11").status == Status::not_found);
    CHECK(find_guide_part(shipped.store, "step -1").status != Status::found);
    CHECK(find_guide_part(shipped.store, "step 1 0").status != Status::found);
    // A prefix is the step's own name's: "breath" is step 4's breathwork, although step 6 has a
    // section "Breathwork and herbs together"; "com" is step 3's compress.
    for (const auto& [prefix, number] :
         std::vector<std::pair<const char*, int>>{{"breath", 4}, {"bre", 4}, {"com", 3}}) {
        CAPTURE(prefix);
        const auto lookup = find_guide_part(shipped.store, prefix);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found.step->number == number);
    }
    CHECK(find_guide_part(shipped.store, "steps").status == Status::not_found);
    CHECK(find_guide_part(shipped.store, "xyzzy").status == Status::not_found);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("find_supplement: the names on bottles find their entry, and say which form") {
    Shipped shipped;
    struct Case {
        const char* query;
        const char* id;
        const char* form;
        bool in_guide;
        const char* note;
    };
    const std::vector<Case> cases = {
        {"magnesium oxide", "magnesium", "oxide", false, ""},
        {"Magnesium Citrate", "magnesium", "citrate", false, ""},
        {"ferrous sulfate", "iron", "ferrous sulfate", false, ""},
        {"ferrous bisglycinate", "iron", "ferrous bisglycinate", false, ""},
        {"oxide", "magnesium", "oxide", false, ""}, // a form alone, when one entry has it
        // A form the guide describes, typed as its alias "magnesium glycinate" is written.
        {"magnesium glycinate", "magnesium", "glycinate", true, "for calm and sleep"},
        {"Magnesium-Threonate", "magnesium", "threonate", true, "the guide says it crosses the blood-brain barrier"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        const SupplementLookup lookup = find_supplement(shipped.store, c.query);
        REQUIRE(lookup.status == Status::found);
        CHECK(lookup.found->id == c.id);
        CHECK(lookup.match == MatchKind::exact);
        REQUIRE(lookup.form.has_value());
        CHECK(lookup.form->name == c.form);
        CHECK(lookup.form->in_guide == c.in_guide);
        CHECK(lookup.form->note == c.note);
    }
    // A misspelt bottle name is still that form.
    const auto oxyde = find_supplement(shipped.store, "magnesium oxyde");
    REQUIRE(oxyde.status == Status::found);
    CHECK(oxyde.match == MatchKind::close);
    REQUIRE(oxyde.form.has_value());
    CHECK(oxyde.form->name == "oxide");
    // The entry's own names name no form; nor does a prefix that begins several forms.
    for (const char* query : {"magnesium", "mag", "magn", "iron", "ferrous"}) {
        CAPTURE(query);
        const auto lookup = find_supplement(shipped.store, query);
        REQUIRE(lookup.status == Status::found);
        CHECK_FALSE(lookup.form.has_value());
    }
    CHECK(find_supplement(shipped.store, "ferrous").found->id == "iron");
    // A near miss without a form keeps the usual answers: corrected, or suggested.
    const auto magnesuim = find_supplement(shipped.store, "magnesuim");
    REQUIRE(magnesuim.status == Status::found);
    CHECK(magnesuim.found->id == "magnesium");
    CHECK_FALSE(magnesuim.form.has_value());
    const auto ir = find_supplement(shipped.store, "ir");
    CHECK(ir.status == Status::not_found);
    REQUIRE(ir.suggestion != nullptr);
    CHECK(ir.suggestion->id == "iron");
    CHECK_FALSE(ir.form.has_value());
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("find_supplement: a form two entries share is ambiguous alone, not after a name") {
    test::MemoryFileSystem files;
    const std::string head = "kind = \"mineral\"\nbenefit = \"b\"\ndose = []\ncaution = [{ text = "
                             "\"c\", who = [\"everyone\"], source = \"guide\" }]\n";
    files.add("/c/supplements/alpha.toml",
              "id = \"alpha\"\nname = \"Alpha\"\n" + head + "other_forms = [\"citrate\"]\n");
    files.add("/c/supplements/beta.toml",
              "id = \"beta\"\nname = \"Beta\"\n" + head +
                  "forms = [{ name = \"Citrate\", note = \"gentle\" }]\n");
    ContentStore store(files, {"/c"});

    const auto citrate = find_supplement(store, "citrate");
    REQUIRE(citrate.status == Status::ambiguous);
    std::vector<std::string> ids;
    for (const Supplement* s : citrate.candidates)
        ids.push_back(s->id);
    CHECK(ids == std::vector<std::string>{"alpha", "beta"});
    CHECK(citrate.found == nullptr);
    CHECK_FALSE(citrate.form.has_value());

    const auto alpha = find_supplement(store, "alpha citrate");
    REQUIRE(alpha.status == Status::found);
    CHECK(alpha.found->id == "alpha");
    REQUIRE(alpha.form.has_value());
    CHECK(alpha.form->name == "citrate");
    CHECK_FALSE(alpha.form->in_guide);

    const auto beta = find_supplement(store, "beta citrate");
    REQUIRE(beta.status == Status::found);
    CHECK(beta.found->id == "beta");
    REQUIRE(beta.form.has_value());
    CHECK(beta.form->name == "Citrate");
    CHECK(beta.form->note == "gentle");
    CHECK(beta.form->in_guide);
    CHECK(store.diagnostics().empty());
}
