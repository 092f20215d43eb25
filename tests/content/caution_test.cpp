// Structured cautions, sourced references and the figures the plan review reads: how they are
// parsed, what each mistake is reported as and where, and what `check` says of their sources.

#include "content/parse.h"
#include "content/validate.h"

#include "support/check_lines.h"
#include "support/memory_files.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {

const char* const k_head = R"(id = "magnesium"
name = "Magnesium"
kind = "mineral"
benefit = "Calms."
dose = ["200–400 mg"]
)";

const char* const k_safety = R"(sedating = true
evidence = "Weak."
evidence_source = "ods-magnesium"

[upper_limit]
amount = 350
unit = "mg"
note = "from supplements"
source = "ods-magnesium"

[[keep_apart]]
from = ["calcium", "tea"]
hours = 2
source = "guide"

[[caution]]
text = "Not with kidney disease."
who = ["kidney-disease", "medicines"]
source = "ods-magnesium"
)";

bool at(SourcePos pos, int line, int column) {
    return pos.line == line && pos.column == column;
}

} // namespace

TEST_CASE("a supplement's cautions, upper limit, spacing, evidence and sedation are read") {
    Diagnostics diags;
    const auto s =
        parse_supplement(std::string(k_head) + k_safety, "magnesium.toml", "magnesium", diags);
    CHECK(formatted(diags).empty());
    REQUIRE(s.has_value());
    CHECK(s->sedating);
    CHECK(s->evidence == "Weak.");
    CHECK(s->evidence_source.id == "ods-magnesium");
    CHECK(at(s->evidence_source.pos, 8, 19));
    REQUIRE(s->upper_limit.has_value());
    CHECK(s->upper_limit->amount == 350);
    CHECK(s->upper_limit->unit == DoseUnit::mg);
    CHECK(s->upper_limit->note == "from supplements");
    CHECK(s->upper_limit->source.id == "ods-magnesium");
    CHECK(at(s->upper_limit->source.pos, 14, 10));
    REQUIRE(s->keep_apart.size() == 1);
    REQUIRE(s->keep_apart[0].from.size() == 2);
    CHECK(s->keep_apart[0].from[0].id == "calcium");
    CHECK(s->keep_apart[0].from[1].id == "tea");
    CHECK(at(s->keep_apart[0].from[1].pos, 17, 20));
    CHECK(s->keep_apart[0].hours == 2);
    CHECK(s->keep_apart[0].source.id == "guide");
    REQUIRE(s->cautions.size() == 1);
    CHECK(s->cautions[0].text == "Not with kidney disease.");
    CHECK(s->cautions[0].who ==
          std::vector<Audience>{Audience::kidney_disease, Audience::medicines});
    CHECK(s->cautions[0].source.id == "ods-magnesium");
    CHECK(at(s->cautions[0].source.pos, 24, 10));
}

TEST_CASE("the optional fields default to nothing") {
    Diagnostics diags;
    const auto s =
        parse_supplement(std::string(k_head) + "\n[[caution]]\ntext = \"t\"\nwho = [\"everyone\"]\n"
                                               "source = \"guide\"\n",
                         "magnesium.toml", "magnesium", diags);
    CHECK(formatted(diags).empty());
    REQUIRE(s.has_value());
    CHECK_FALSE(s->sedating);
    CHECK(s->evidence.empty());
    CHECK_FALSE(s->upper_limit.has_value());
    CHECK(s->keep_apart.empty());
    REQUIRE(s->cautions.size() == 1);
    CHECK(s->cautions[0].who == std::vector<Audience>{Audience::everyone});
}

TEST_CASE("each mistake in the safety fields is reported at its own position") {
    const std::string text = std::string(k_head) + R"(evidence = "Weak."

[upper_limit]
amount = 0
unit = "g"
source = "NIH ODS"

[[keep_apart]]
from = []
hours = 2

[[caution]]
text = "x"
who = ["everyone", "pregnant"]
source = "guide"

[[caution]]
text = "y"
who = []
)";
    Diagnostics diags;
    parse_supplement(text, "magnesium.toml", "magnesium", diags);
    diags.sort();
    test::check_lines(
        formatted(diags),
        {
            "magnesium.toml:6:12: 'evidence': expected 'evidence_source' beside it (\"guide\" "
            "or a reference id)",
            "magnesium.toml:9:10: 'amount': expected a number from 0.001 to 100000, found 0",
            "magnesium.toml:10:8: 'unit': expected one of mg, mcg, IU, found \"g\"; did you "
            "mean \"mg\"?",
            "magnesium.toml:11:10: 'source': expected \"guide\" or a reference id (lowercase "
            "letters, digits and '-'), found \"NIH ODS\"",
            "magnesium.toml:13:1: missing required key 'source' (expected a string)",
            "magnesium.toml:14:8: 'from': expected at least 1 item, found 0",
            "magnesium.toml:19:20: 'who': expected each of everyone, pregnancy, breastfeeding, "
            "children, kidney-disease, liver-disease, heart-disease, lung-disease, diabetes, "
            "thyroid, autoimmune, allergy, anticoagulants, sedatives, alcohol, driving, surgery, "
            "haemochromatosis, medicines, found \"pregnant\"; did you mean \"pregnancy\"?",
            "magnesium.toml:22:1: missing required key 'source' (expected a string)",
            "magnesium.toml:24:7: 'who': expected at least 1 item, found 0",
        });
}

TEST_CASE("an evidence source needs the evidence, and the old cautions list is refused") {
    Diagnostics diags;
    parse_supplement(std::string(k_head) + "cautions = [\"c\"]\nevidence_source = \"guide\"\n",
                     "magnesium.toml", "magnesium", diags);
    diags.sort();
    test::check_lines(formatted(diags),
                      {
                          "magnesium.toml:1:1: missing required key 'caution' (expected an "
                          "array of tables)",
                          "magnesium.toml:6:1: unknown key 'cautions'; did you mean 'caution'?",
                          "magnesium.toml:7:19: 'evidence_source': expected 'evidence' beside it",
                      });
}

TEST_CASE("a reference says where it comes from, and may carry a url or doi") {
    const char* text = R"([[reference]]
id = "aasm-2024"
authors = "Winkelman, J. W. et al."
year = 2024
title = "The treatment of restless legs syndrome"
source = "Journal of Clinical Sleep Medicine"
origin = "added"
doi = "10.5664/jcsm.11390"

[[reference]]
id = "allen-2007"
authors = "Allen, R. P., & Earley, C. J."
year = 2007
title = "Iron"
source = "Mov Disord"

[[reference]]
id = "ods-iron"
authors = "NIH Office of Dietary Supplements"
year = 2023
title = "Iron: Fact Sheet for Health Professionals"
source = "ods.od.nih.gov"
origin = "ours"
url = "https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/"
)";
    Diagnostics diags;
    const auto references = parse_references(text, "references.toml", diags);
    diags.sort();
    test::check_lines(formatted(diags),
                      {
                          "references.toml:10:1: missing required key 'origin' (expected a "
                          "string)",
                          "references.toml:23:10: 'origin': expected one of guide, added, found "
                          "\"ours\"",
                      });
    REQUIRE(references.size() == 3);
    CHECK(references[0].origin == ReferenceOrigin::added);
    CHECK(references[0].doi == "10.5664/jcsm.11390");
    CHECK(references[0].citation() ==
          "Winkelman, J. W. et al. (2024). The treatment of restless legs syndrome. Journal of "
          "Clinical Sleep Medicine. doi:10.5664/jcsm.11390");
    CHECK(references[0].short_tag() == "Winkelman 2024");
    CHECK(references[1].short_tag() == "Allen 2007");
    CHECK(references[2].url == "https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/");
    CHECK(references[2].citation() ==
          "NIH Office of Dietary Supplements (2023). Iron: Fact Sheet for Health Professionals. "
          "ods.od.nih.gov. https://ods.od.nih.gov/factsheets/Iron-HealthProfessional/");
    CHECK(references[2].short_tag() == "NIH ODS 2023");
}

TEST_CASE("a short tag: a surname, an organisation's initials, or a short name as it is") {
    Reference r;
    r.year = 2020;
    r.authors = "LiverTox";
    CHECK(r.short_tag() == "LiverTox 2020");
    r.authors = "Ekbom, K.";
    CHECK(r.short_tag() == "Ekbom 2020");
    r.authors = "Institute of Medicine";
    CHECK(r.short_tag() == "IM 2020");
    r.authors = "Picchietti et al.";
    CHECK(r.short_tag() == "Picchietti 2020");
}

TEST_CASE("audiences: the vocabulary in its order, each spelt as content writes it") {
    CHECK(audience_names().size() == 19);
    CHECK(audience_names().front() == "everyone");
    CHECK(audience_names().back() == "medicines");
    for (const auto& name : audience_names()) {
        CAPTURE(name);
        const auto who = parse_audience(name);
        REQUIRE(who.has_value());
        CHECK(to_string(*who) == name);
    }
    CHECK(parse_audience("Pregnancy") == std::nullopt); // content is exact
    CHECK(audience_words(Audience::kidney_disease) == "kidney disease");
    CHECK(audience_words(Audience::medicines) == "other medicines");
}

TEST_CASE("largest_amount: the top of a range, in the unit asked for") {
    CHECK(largest_amount({"200–400 mg"}, DoseUnit::mg) == 400.0);
    CHECK(largest_amount({"2000–4000 IU vitamin D3"}, DoseUnit::iu) == 4000.0);
    CHECK(largest_amount({"2000–4000 IU vitamin D3"}, DoseUnit::mg) == std::nullopt);
    CHECK(largest_amount({"1,000 mcg", "25 µg"}, DoseUnit::mcg) == 1000.0);
    CHECK(largest_amount({"300–500 mg root extract", "1 tsp dried herb"}, DoseUnit::mg) == 500.0);
    CHECK(largest_amount({"vitamin B12 at 50 mcg"}, DoseUnit::mcg) == 50.0); // not the 12
    CHECK(largest_amount({"2.5mg"}, DoseUnit::mg) == 2.5);
    CHECK(largest_amount({"5 mgx"}, DoseUnit::mg) == std::nullopt);
    CHECK(largest_amount({}, DoseUnit::mg) == std::nullopt);
}

TEST_CASE("smallest_amount and dose_ranges: the start of a range, only before its unit") {
    CHECK(smallest_amount({"200–400 mg"}, DoseUnit::mg) == 200.0);
    CHECK(smallest_amount({"200-400 mg"}, DoseUnit::mg) == 200.0);
    CHECK(smallest_amount({"1,000 to 5,000 IU"}, DoseUnit::iu) == 1000.0);
    CHECK(smallest_amount({"400 mg", "300–500 mg"}, DoseUnit::mg) == 300.0);
    // Numbers that are no amount of the unit: inside a word, or of another unit.
    CHECK(smallest_amount({"2 capsules of vitamin D3, 5000–6000 IU"}, DoseUnit::iu) == 5000.0);
    CHECK(smallest_amount({"1 tsp dried herb"}, DoseUnit::mg) == std::nullopt);
    CHECK(smallest_amount({"2 g, 400 mg"}, DoseUnit::mg) == 400.0);
    const auto ranges = dose_ranges({"100–200 mg", "50 mg"}, DoseUnit::mg);
    REQUIRE(ranges.size() == 2);
    CHECK(ranges[0].low == 100.0);
    CHECK(ranges[0].high == 200.0);
    CHECK(ranges[1].low == 50.0);
    CHECK(ranges[1].high == 50.0);
}

TEST_CASE("check: every source is the guide or a reference that exists") {
    test::MemoryFileSystem files;
    files.add("/c/guide.toml", "title = \"Guide\"\n\n[intro]\nsummary = \"s\"\nwhat_it_is = \"w\"\n"
                               "sensations = [\"s\"]\nmovement = \"m\"\nprevalence = \"p\"\n"
                               "causes_intro = \"c\"\n\n[[intro.cause]]\ntitle = \"t\"\n"
                               "text = \"t\"\n\n[closing]\ntext = \"t\"\npillars = [\"p\"]\n");
    files.add("/c/notes.toml", "[[note]]\nid = \"safety\"\ntext = \"s\"\n\n[[note]]\n"
                               "id = \"not-advice\"\ntext = \"n\"\n\n[[note]]\n"
                               "id = \"breath-hold\"\ntext = \"b\"\n");
    files.add("/c/references.toml", "[[reference]]\nid = \"ods-magnesium\"\nauthors = \"O\"\n"
                                    "year = 2022\ntitle = \"T\"\nsource = \"S\"\n"
                                    "origin = \"added\"\n");
    files.add("/c/supplements/magnesium.toml", std::string(k_head) + R"(evidence = "Weak."
evidence_source = "zzz-1999"

[upper_limit]
amount = 350
unit = "mg"
source = "yyy-1999"

[[keep_apart]]
from = ["calcium", "levothyroxine", "some antibiotics"]
hours = 2
source = "xxx-1999"

[[caution]]
text = "a"
who = ["everyone"]
source = "ods-magnesium"

[[caution]]
text = "b"
who = ["kidney-diseases"]
source = "ods-magnesum"
)");
    test::check_lines(
        formatted(validate_content(files, {"/c"})),
        {
            "/c/supplements/magnesium.toml:7:19: 'evidence_source' refers to reference "
            "\"zzz-1999\", which does not exist",
            "/c/supplements/magnesium.toml:12:10: 'source' refers to reference \"yyy-1999\", "
            "which does not exist",
            "/c/supplements/magnesium.toml:17:10: 'source' refers to reference \"xxx-1999\", "
            "which does not exist",
            "/c/supplements/magnesium.toml:26:8: 'who': expected each of everyone, pregnancy, "
            "breastfeeding, children, kidney-disease, liver-disease, heart-disease, "
            "lung-disease, diabetes, thyroid, autoimmune, allergy, anticoagulants, sedatives, "
            "alcohol, driving, surgery, haemochromatosis, medicines, found "
            "\"kidney-diseases\"; did you mean \"kidney-disease\"?",
            "/c/supplements/magnesium.toml:27:10: 'source' refers to reference "
            "\"ods-magnesum\", which does not exist; did you mean \"ods-magnesium\"?",
        });
}
