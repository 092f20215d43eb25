#include "ui/json_content.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

RenderOptions options(int width, bool color = false) {
    RenderOptions render;
    render.width = width;
    render.style = Style(color);
    return render;
}

void check_fits(const std::string& page, int width) {
    for (const auto& line : split_lines(page)) {
        CAPTURE(line);
        CHECK(display_width(line) <= width);
    }
}

} // namespace

TEST_CASE("the supplement page: condition first, the facts, and the safety note last") {
    Shipped shipped;
    const Supplement* iron = shipped.store.supplement("iron");
    REQUIRE(iron != nullptr);
    const std::string page = render_supplement(*iron, shipped.store, options(80));
    const auto lines = split_lines(page);
    REQUIRE(lines.size() > 10);
    CHECK(lines[0] == "Iron · mineral");
    // The condition comes before the dose, marked so it cannot be missed.
    const auto condition = page.find("! Only if a blood test shows low ferritin.");
    REQUIRE(condition != std::string::npos);
    CHECK(condition < page.find("Dose        25–65 mg"));
    CHECK(page.find("Tests to ask for: ferritin, iron, TIBC, transferrin saturation") !=
          std::string::npos);
    CHECK(page.find("Pairs with  vitamin C — ") != std::string::npos);
    CHECK(page.find("• Calcium — ") != std::string::npos); // named from its own entry
    CHECK(page.find("Allen, R. P., & Earley, C. J. (2007)") != std::string::npos);
    const Note* safety = shipped.store.note(k_note_safety);
    REQUIRE(safety != nullptr);
    CHECK(lines.back().find("prescription") != std::string::npos);
    CHECK(page.find("! " + safety->text.substr(0, 20)) != std::string::npos);
    CHECK(page.find('\x1b') == std::string::npos);
}

TEST_CASE("a supplement without a dose says so instead of leaving a gap") {
    Shipped shipped;
    const std::string page =
        render_supplement(*shipped.store.supplement("glycine"), shipped.store, options(80));
    CHECK(page.find("Dose        The guide gives no amount; ask a healthcare provider.") !=
          std::string::npos);
}

TEST_CASE("every page fits every width, and colour appears only when asked for") {
    Shipped shipped;
    for (int width : {20, 32, 47, 60, 80, 100}) {
        CAPTURE(width);
        for (const Supplement* s : shipped.store.supplements())
            check_fits(render_supplement(*s, shipped.store, options(width)), width);
        for (const Step* step : shipped.store.steps())
            check_fits(render_step(*step, 10, shipped.store, options(width)), width);
        std::vector<const StackRow*> rows;
        for (const auto& row : shipped.store.stack())
            rows.push_back(&row);
        check_fits(render_stack(rows, shipped.store, options(width)), width);
        check_fits(
            render_supplement_list(shipped.store.supplements(), shipped.store, options(width)),
            width);
        check_fits(render_guide_index(shipped.store.guide(), shipped.store.steps(), shipped.store,
                                      options(width)),
                   width);
        check_fits(render_intro(*shipped.store.guide(), shipped.store, options(width)), width);
    }
    const std::string colored =
        render_supplement(*shipped.store.supplement("iron"), shipped.store, options(80, true));
    CHECK(colored.find("\x1b[1;33m! Only if a blood test") != std::string::npos);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("the stack table shows the five rows with a footnote for the condition") {
    Shipped shipped;
    std::vector<const StackRow*> rows;
    for (const auto& row : shipped.store.stack())
        rows.push_back(&row);
    const std::string page = render_stack(rows, shipped.store, options(100));
    for (const char* text :
         {"Magnesium glycinate", "200–400 mg", "Iron*", "25–65 mg", "Morning + vitamin C",
          "Vitamin D3 + K2", "2000–4000 IU", "Ashwagandha", "300 mg", "Valerian or Passionflower",
          "400 mg / 300 mg", "Bedtime",
          "* Only if a blood test shows low "
          "ferritin"}) {
        CAPTURE(text);
        CHECK(page.find(text) != std::string::npos);
    }
}

TEST_CASE("step pages list their sections, and step 9 is numbered") {
    Shipped shipped;
    const Step* ritual = shipped.store.step(9);
    REQUIRE(ritual != nullptr);
    const std::string page = render_step(*ritual, 10, shipped.store, options(100));
    CHECK(page.rfind("Nighttime ritual for calm legs · step 9 of 10\n", 0) == 0);
    CHECK(page.find("  1. Drink an herbal tea") != std::string::npos);
    CHECK(page.find("  6. Picture warmth") != std::string::npos);
    const std::string stack_page =
        render_step(*shipped.store.step(8), 10, shipped.store, options(100));
    CHECK(stack_page.find("2000–4000 IU") != std::string::npos); // the table is embedded
}

TEST_CASE("supplement JSON carries every key, with names resolved") {
    Shipped shipped;
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json, *shipped.store.supplement("iron"), shipped.store,
                          {"irn", MatchKind::close});
    const std::string& text = json.str();
    for (const char* key :
         {"\"id\":\"iron\"", "\"query\":\"irn\"", "\"match\":\"close\"",
          "\"condition\":\"Only if a blood test",
          "\"tests\":[\"ferritin\",\"iron\",\"TIBC\",\"transferrin saturation\"]",
          "\"pairs_with\":[{\"id\":null,\"name\":\"vitamin C\"",
          "{\"id\":\"calcium\",\"name\":\"Calcium\"", "\"name\":\"tea\"", "\"name\":\"coffee\"",
          "\"safety_note\":\"", "\"forms\":[]", "\"steps\":[1,5,8,10]"}) {
        CAPTURE(key);
        CHECK(text.find(key) != std::string::npos);
    }
}
