// The safety layer on a supplement's page and in its JSON: cautions right after the dose, with
// their audiences and source tags; the upper limit with the dose; the evidence line last.

#include "ui/json_content.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include "content/views.h"

#include "support/memory_files.h"

#include <doctest/doctest.h>

#include <memory>

using namespace calmlegs;

namespace {

struct Content {
    test::MemoryFileSystem files;
    std::unique_ptr<ContentStore> store;

    Content() {
        files.add("/c/references.toml",
                  "[[reference]]\nid = \"roe-2020\"\nauthors = \"Roe, R. et al.\"\nyear = 2020\n"
                  "title = \"Legs\"\nsource = \"J. Legs\"\norigin = \"added\"\n"
                  "doi = \"10.1/legs\"\n\n"
                  "[[reference]]\nid = \"doe-2001\"\nauthors = \"Doe, D.\"\nyear = 2001\n"
                  "title = \"Feet\"\nsource = \"J. Feet\"\norigin = \"guide\"\n");
        files.add("/c/supplements/beta.toml",
                  "id = \"beta\"\nname = \"Beta\"\nkind = \"herb\"\nbenefit = \"b\"\n"
                  "dose = []\ncaution = [{ text = \"c\", who = [\"everyone\"], "
                  "source = \"guide\" }]\n");
        files.add("/c/supplements/alpha.toml", R"(id = "alpha"
name = "Alpha"
kind = "herb"
benefit = "Calms."
dose = ["200–400 mg"]
timing = "Before bed"
forms = [{ name = "glycinate" }]
references = ["doe-2001"]
steps = []
sedating = true
evidence = "Weak."
evidence_source = "roe-2020"

[upper_limit]
amount = 350
unit = "mg"
note = "from supplements"
source = "roe-2020"

[[keep_apart]]
from = ["beta", "tea"]
hours = 2
source = "guide"

[[caution]]
text = "Not with kidney disease."
who = ["kidney-disease", "medicines"]
source = "roe-2020"

[[caution]]
text = "One at a time."
who = ["everyone"]
source = "guide"
)");
        store = std::make_unique<ContentStore>(files, std::vector<std::string>{"/c"});
    }

    SupplementView view() { return build_supplement_view(*store, *store->supplement("alpha")); }
};

RenderOptions wide() {
    RenderOptions options;
    options.width = 120;
    return options;
}

std::size_t line_of(const std::vector<std::string>& lines, std::string_view start) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i].rfind(start, 0) == 0) return i;
    FAIL("no line starts with " << start);
    return 0;
}

} // namespace

TEST_CASE("the page: cautions in their own block right after the dose and timing") {
    Content content;
    const std::string page = render_supplement(content.view(), wide());
    CHECK(content.store->diagnostics().empty());
    const auto lines = split_lines(page);
    CHECK(lines[0] == "Alpha · herb, sedating");
    const std::size_t dose = line_of(lines, "Dose ");
    CHECK(lines[dose + 1] == "Upper limit 350 mg a day from supplements (Roe 2020). The guide's "
                             "dose goes up to 400 mg, above this limit.");
    CHECK(lines[dose + 2] == "Timing      Before bed");
    CHECK(lines[dose + 3].empty());
    CHECK(lines[dose + 4] == "Cautions");
    CHECK(lines[dose + 5] ==
          "  • Kidney disease, other medicines: Not with kidney disease. [Roe 2020]");
    CHECK(lines[dose + 6] == "  • One at a time. [guide]");
    CHECK(lines[dose + 7].empty());
    CHECK(line_of(lines, "Forms ") == dose + 8);
    CHECK(line_of(lines, "Keep apart  2 hours apart from Beta, tea [guide]") > dose);
}

TEST_CASE("the page: the evidence line ends the body, then the sources with their origin") {
    Content content;
    const auto lines = split_lines(render_supplement(content.view(), wide()));
    const std::size_t evidence = line_of(lines, "Evidence for RLS: Weak. [Roe 2020]");
    CHECK(line_of(lines, "Keep apart") < evidence);
    CHECK(lines[evidence + 1].empty());
    CHECK(lines[evidence + 2] ==
          "Sources     • Doe, D. (2001). Feet. J. Feet. (listed by the guide)");
    CHECK(lines[evidence + 3] ==
          "            • Roe, R. et al. (2020). Legs. J. Legs. doi:10.1/legs");
}

TEST_CASE("no upper-limit warning when the guide's dose stays within it") {
    Content content;
    Supplement copy = *content.store->supplement("alpha");
    copy.upper_limit->amount = 400;
    const std::string page = render_supplement(build_supplement_view(*content.store, copy), wide());
    CHECK(page.find("Upper limit 350") == std::string::npos);
    CHECK(page.find("Upper limit 400 mg a day from supplements (Roe 2020)\n") != std::string::npos);
}

TEST_CASE("JSON: cautions, upper limit, spacing, sedation and evidence, each source resolved") {
    Content content;
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json, content.view(), {"alpha", MatchKind::exact});
    const std::string& text = json.str();
    const std::string roe = R"({"id":"roe-2020","origin":"added","citation":"Roe, R. et al. )"
                            R"((2020). Legs. J. Legs. doi:10.1/legs"})";
    const std::string guide = R"({"id":"guide","origin":"guide","citation":null})";
    for (const std::string& key :
         {R"("cautions":[{"text":"Not with kidney disease.","who":["kidney-disease","medicines"],)"
          R"("source":)" +
              roe + R"(},{"text":"One at a time.","who":["everyone"],"source":)" + guide + "}]",
          std::string(R"("sedating":true)"),
          R"("upper_limit":{"amount":350,"unit":"mg","note":"from supplements","source":)" + roe +
              R"(,"dose_max":400})",
          R"("keep_apart":[{"from":[{"id":"beta","name":"Beta"},{"id":null,"name":"tea"}],)"
          R"("hours":2,"source":)" +
              guide + "}]",
          R"("evidence":{"text":"Weak.","source":)" + roe + "}"}) {
        CAPTURE(key);
        CHECK(text.find(key) != std::string::npos);
    }
}

TEST_CASE("JSON: no upper limit or evidence is null, and an unknown source has no origin") {
    Content content;
    Supplement copy = *content.store->supplement("alpha");
    copy.upper_limit.reset();
    copy.evidence.clear();
    copy.cautions[0].source.id = "gone-1999";
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json, build_supplement_view(*content.store, copy),
                          {"alpha", MatchKind::exact});
    CHECK(json.str().find(R"("upper_limit":null)") != std::string::npos);
    CHECK(json.str().find(R"("evidence":null)") != std::string::npos);
    CHECK(json.str().find(R"("source":{"id":"gone-1999","origin":null,"citation":null})") !=
          std::string::npos);
}
