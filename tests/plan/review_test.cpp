#include "plan/review.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

Supplement entry(std::string id, std::vector<TimeOfDay> when, bool sedating = false) {
    Supplement s;
    s.id = id;
    s.name = id;
    s.name[0] = static_cast<char>(std::toupper(s.name[0]));
    s.when = std::move(when);
    s.sedating = sedating;
    return s;
}

Caution caution(std::string text, std::vector<Audience> who, std::string source = "guide") {
    Caution c;
    c.text = std::move(text);
    c.who = std::move(who);
    c.source.id = std::move(source);
    return c;
}

std::vector<Finding::Kind> kinds(const std::vector<Finding>& findings) {
    std::vector<Finding::Kind> out;
    for (const auto& f : findings)
        out.push_back(f.kind);
    return out;
}

} // namespace

TEST_CASE("plan review: sedating supplements together at night") {
    Supplement valerian = entry("valerian", {TimeOfDay::bedtime}, true);
    Supplement passionflower = entry("passionflower", {TimeOfDay::evening}, true);
    Supplement morning_herb = entry("morning-herb", {TimeOfDay::morning}, true);
    valerian.cautions.push_back(caution("Adds to alcohol.", {Audience::sedatives}, "src-1"));
    SUBCASE("two at night: one finding, with the source of their sedatives caution") {
        const auto review = review_plan({&valerian, &passionflower}, {});
        REQUIRE(review.findings.size() == 1);
        CHECK(review.findings[0].kind == Finding::Kind::sedatives);
        CHECK(review.findings[0].text.starts_with("Valerian and Passionflower are both sedating"));
        CHECK(review.findings[0].source == "src-1");
        CHECK(review.findings[0].supplements ==
              std::vector<std::string>{"valerian", "passionflower"});
    }
    SUBCASE("one at night, or the other in the morning: nothing") {
        CHECK(review_plan({&valerian}, {}).findings.empty());
        CHECK(review_plan({&valerian, &morning_herb}, {}).findings.empty());
    }
}

TEST_CASE("plan review: supplements to keep apart, taken at the same time") {
    Supplement iron = entry("iron", {TimeOfDay::morning});
    KeepApart rule;
    rule.from = {Ref{"Calcium", {}}, Ref{"tea", {}}};
    rule.hours = 2;
    rule.source.id = "src-2";
    iron.keep_apart.push_back(rule);
    const Supplement calcium_morning = entry("calcium", {TimeOfDay::morning});
    const Supplement calcium_evening = entry("calcium", {TimeOfDay::evening});
    const Supplement calcium_untimed = entry("calcium", {});
    const auto same = review_plan({&iron, &calcium_morning}, {});
    REQUIRE(same.findings.size() == 1);
    CHECK(same.findings[0].kind == Finding::Kind::spacing);
    CHECK(same.findings[0].text ==
          "Iron and Calcium are both taken in the morning: keep them at least 2 hours apart.");
    CHECK(same.findings[0].source == "src-2");
    // At different times, the rule is kept already.
    CHECK(review_plan({&iron, &calcium_evening}, {}).findings.empty());
    // No time given for one of them: the rule applies.
    const auto untimed = review_plan({&iron, &calcium_untimed}, {});
    REQUIRE(untimed.findings.size() == 1);
    CHECK(untimed.findings[0].text.find("gives no time of day for Calcium") != std::string::npos);
    // Each pair is told once, whichever entry holds the rule.
    Supplement calcium_with_rule = calcium_morning;
    KeepApart back = rule;
    back.from = {Ref{"iron", {}}};
    calcium_with_rule.keep_apart.push_back(back);
    CHECK(review_plan({&iron, &calcium_with_rule}, {}).findings.size() == 1);
}

TEST_CASE("plan review: upper limits against the guide's dose") {
    Supplement magnesium = entry("magnesium", {TimeOfDay::evening});
    magnesium.dose = {"200–400 mg"};
    magnesium.upper_limit = UpperLimit{350, DoseUnit::mg, "", Ref{"ods", {}}, {}};
    SUBCASE("only the top of the range above it: a note, not a finding") {
        const auto review = review_plan({&magnesium}, {});
        CHECK(review.findings.empty());
        REQUIRE(review.notes.size() == 1);
        CHECK(review.notes[0].text.find("goes up to 400 mg, above the upper limit of 350 mg") !=
              std::string::npos);
        CHECK(review.notes[0].source == "ods");
    }
    SUBCASE("the whole range above it: a finding") {
        magnesium.dose = {"500–600 mg"};
        const auto review = review_plan({&magnesium}, {});
        REQUIRE(review.findings.size() == 1);
        CHECK(review.findings[0].kind == Finding::Kind::upper_limit);
        CHECK(review.notes.empty());
    }
    SUBCASE("at or below it, or in another unit: nothing") {
        magnesium.dose = {"350 mg"};
        CHECK(review_plan({&magnesium}, {}).findings.empty());
        CHECK(review_plan({&magnesium}, {}).notes.empty());
        magnesium.dose = {"1 tsp"};
        CHECK(review_plan({&magnesium}, {}).notes.empty());
    }
}

TEST_CASE("plan review: the cautions for the person's conditions, each once") {
    Supplement ashwagandha = entry("ashwagandha", {TimeOfDay::evening});
    ashwagandha.cautions = {
        caution("Avoid in pregnancy and breastfeeding.",
                {Audience::pregnancy, Audience::breastfeeding}, "src-3"),
        caution("Rare liver injury.", {Audience::liver_disease}, "src-4"),
        caution("One at a time.", {Audience::everyone}),
    };
    const auto none = review_plan({&ashwagandha}, {});
    CHECK(none.findings.empty());
    const auto pregnant =
        review_plan({&ashwagandha}, {Audience::pregnancy, Audience::breastfeeding});
    REQUIRE(pregnant.findings.size() == 1); // one caution, though two of its audiences apply
    CHECK(pregnant.findings[0].kind == Finding::Kind::condition);
    CHECK(pregnant.findings[0].text == "Pregnancy, Ashwagandha: Avoid in pregnancy and "
                                       "breastfeeding.");
    CHECK(pregnant.findings[0].source == "src-3");
    const auto both = review_plan({&ashwagandha}, {Audience::liver_disease, Audience::pregnancy});
    CHECK(kinds(both.findings) ==
          std::vector<Finding::Kind>{Finding::Kind::condition, Finding::Kind::condition});
}

TEST_CASE("plan review: findings in the order of the rules") {
    Supplement valerian = entry("valerian", {TimeOfDay::bedtime}, true);
    Supplement passionflower = entry("passionflower", {TimeOfDay::bedtime}, true);
    valerian.cautions = {caution("Not in pregnancy.", {Audience::pregnancy})};
    passionflower.keep_apart = {KeepApart{{Ref{"valerian", {}}}, 1, Ref{"guide", {}}, {}}};
    const auto review = review_plan({&valerian, &passionflower}, {Audience::pregnancy});
    CHECK(kinds(review.findings) == std::vector<Finding::Kind>{Finding::Kind::sedatives,
                                                               Finding::Kind::spacing,
                                                               Finding::Kind::condition});
    CHECK(review.findings[1].text.ends_with("keep them at least 1 hour apart."));
    CHECK(to_string(Finding::Kind::upper_limit) == "upper-limit");
}

TEST_CASE("plan review: of two rules for one pair, the longer is told") {
    Supplement iron = entry("iron", {TimeOfDay::morning});
    Supplement magnesium = entry("magnesium", {TimeOfDay::morning});
    iron.keep_apart = {KeepApart{{Ref{"magnesium", {}}}, 2, Ref{"short", {}}, {}}};
    magnesium.keep_apart = {KeepApart{{Ref{"Iron", {}}}, 4, Ref{"long", {}}, {}}};
    for (const auto& plan : {std::vector<const Supplement*>{&iron, &magnesium},
                             std::vector<const Supplement*>{&magnesium, &iron}}) {
        const auto review = review_plan(plan, {});
        REQUIRE(review.findings.size() == 1);
        CHECK(review.findings[0].text.ends_with("keep them at least 4 hours apart."));
        CHECK(review.findings[0].source == "long");
    }
}

TEST_CASE("plan review: numbers inside words are no amounts") {
    Supplement d = entry("vitamin-d", {TimeOfDay::morning});
    d.upper_limit = UpperLimit{4000, DoseUnit::iu, "", Ref{"nam", {}}, {}};
    // All above the limit, though "D3" and "2" are smaller numbers: a finding, not a note.
    d.dose = {"2 capsules of vitamin D3, 5000–6000 IU"};
    const auto review = review_plan({&d}, {});
    REQUIRE(review.findings.size() == 1);
    CHECK(review.findings[0].kind == Finding::Kind::upper_limit);
    CHECK(review.notes.empty());
    // "1,000 to 5,000 IU": the range starts below the limit.
    d.dose = {"1,000 to 5,000 IU"};
    CHECK(review_plan({&d}, {}).findings.empty());
    CHECK(review_plan({&d}, {}).notes.size() == 1);
}
