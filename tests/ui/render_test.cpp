#include "ui/json_content.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include "content/lookup.h"
#include "content/search.h"
#include "content/views.h"

#include "support/memory_files.h"
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
    const std::string page =
        render_supplement(build_supplement_view(shipped.store, *iron), options(80));
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
    const std::string page = render_supplement(
        build_supplement_view(shipped.store, *shipped.store.supplement("glycine")), options(80));
    CHECK(page.find("Dose        The guide gives no amount; ask a healthcare provider.") !=
          std::string::npos);
}

TEST_CASE("every page fits every width, and colour appears only when asked for") {
    Shipped shipped;
    for (int width : {20, 32, 47, 60, 80, 100}) {
        CAPTURE(width);
        for (const Supplement* s : shipped.store.supplements()) {
            check_fits(render_supplement(build_supplement_view(shipped.store, *s), options(width)),
                       width);
            // With each form named, too: the "Form:" line wraps like the rest.
            for (const auto& form : s->forms)
                check_fits(render_supplement(build_supplement_view(shipped.store, *s,
                                                                   FormMatch{form.name, form.note}),
                                             options(width)),
                           width);
            for (const auto& form : s->other_forms)
                check_fits(render_supplement(
                               build_supplement_view(shipped.store, *s, FormMatch{form, {}, false}),
                               options(width)),
                           width);
        }
        for (const Step* step : shipped.store.steps())
            check_fits(render_step(build_step_view(shipped.store, *step), options(width)), width);
        check_fits(render_stack(build_stack_view(shipped.store), options(width)), width);
        check_fits(
            render_supplement_list(build_supplement_list_view(shipped.store), options(width)),
            width);
        check_fits(render_guide_index(build_guide_index_view(shipped.store), options(width)),
                   width);
        check_fits(
            render_intro(build_intro_view(shipped.store, *shipped.store.guide()), options(width)),
            width);
        check_fits(render_closing(*shipped.store.guide(), options(width)), width);
    }
    const std::string colored = render_supplement(
        build_supplement_view(shipped.store, *shipped.store.supplement("iron")), options(80, true));
    CHECK(colored.find("\x1b[1;33m! Only if a blood test") != std::string::npos);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("the stack table shows the five rows with a footnote for the condition") {
    Shipped shipped;
    const std::string page = render_stack(build_stack_view(shipped.store), options(100));
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
    const std::string page = render_step(build_step_view(shipped.store, *ritual), options(100));
    CHECK(page.rfind("Nighttime ritual for calm legs · step 9 of 10\n", 0) == 0);
    CHECK(page.find("  1. Drink an herbal tea") != std::string::npos);
    CHECK(page.find("  6. Picture warmth") != std::string::npos);
    const std::string stack_page =
        render_step(build_step_view(shipped.store, *shipped.store.step(8)), options(100));
    CHECK(stack_page.find("2000–4000 IU") != std::string::npos); // the table is embedded
}

TEST_CASE("supplement JSON carries every key, with names resolved") {
    Shipped shipped;
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json,
                          build_supplement_view(shipped.store, *shipped.store.supplement("iron")),
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

TEST_CASE("the supplement page says which form was named, and what the guide says of it") {
    Shipped shipped;
    auto page_for = [&](const char* query, int width) {
        const SupplementLookup lookup = find_supplement(shipped.store, query);
        REQUIRE(lookup.found != nullptr);
        return render_supplement(build_supplement_view(shipped.store, *lookup.found, lookup.form),
                                 options(width));
    };
    // Under the title and the aliases, before anything else (iron's condition included).
    const auto sulfate = split_lines(page_for("ferrous sulfate", 80));
    REQUIRE(sulfate.size() > 4);
    CHECK(sulfate[0] == "Iron · mineral");
    CHECK(sulfate[1] == "Also: ferritin, iron supplement");
    CHECK(sulfate[2] == "Form: ferrous sulfate — the guide names no particular form");
    CHECK(sulfate[3].empty());
    CHECK(sulfate[4] == "! Only if a blood test shows low ferritin.");
    // A form the guide does not discuss, beside forms it does: those are named.
    const auto oxide = split_lines(page_for("magnesium oxide", 100));
    CHECK(oxide[2] ==
          "Form: oxide — the guide does not discuss this form; it names glycinate and threonate");
    // A form the guide describes: its note, as the content words it.
    CHECK(split_lines(page_for("magnesium glycinate", 80))[2] ==
          "Form: glycinate — for calm and sleep");
    // A form the guide names without a note: the name alone.
    const std::string b6 = page_for("b6", 100);
    CHECK(b6.find("\nForm: B6\n") != std::string::npos);
    // No form named, no line; the Forms field still lists the guide's forms only.
    const std::string plain = page_for("magnesium", 80);
    CHECK(plain.find("Form:") == std::string::npos);
    CHECK(plain.find("oxide") == std::string::npos);
    CHECK(plain.find("• glycinate — for calm and sleep") != std::string::npos);
}

TEST_CASE("supplement JSON carries the form named, or null, and the other forms") {
    Shipped shipped;
    const SupplementLookup lookup = find_supplement(shipped.store, "magnesium oxide");
    REQUIRE(lookup.found != nullptr);
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json, build_supplement_view(shipped.store, *lookup.found, lookup.form),
                          {"magnesium oxide", lookup.match});
    const std::string& text = json.str();
    CHECK(text.find("\"other_forms\":[\"citrate\",\"oxide\"]") != std::string::npos);
    CHECK(text.find("\"query\":\"magnesium oxide\",\"match\":\"exact\","
                    "\"form\":{\"name\":\"oxide\",\"note\":null,\"in_guide\":false}}") !=
          std::string::npos);

    JsonWriter glycinate(JsonWriter::Layout::compact);
    write_supplement_json(glycinate,
                          build_supplement_view(shipped.store, *lookup.found,
                                                FormMatch{"glycinate", "for calm and sleep"}),
                          {"magnesium glycinate", MatchKind::exact});
    CHECK(glycinate.str().find("\"form\":{\"name\":\"glycinate\",\"note\":\"for calm and "
                               "sleep\",\"in_guide\":true}}") != std::string::npos);

    JsonWriter none(JsonWriter::Layout::compact);
    write_supplement_json(none, build_supplement_view(shipped.store, *lookup.found),
                          {"magnesium", MatchKind::exact});
    CHECK(none.str().find("\"form\":null}") != std::string::npos);
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("a view's missing reference is left out of the page and null in JSON") {
    test::MemoryFileSystem files;
    files.add("/c/supplements/alpha.toml",
              "id = \"alpha\"\nname = \"Alpha\"\nkind = \"herb\"\nbenefit = \"b\"\ndose = []\n"
              "caution = [{ text = \"c\", who = [\"everyone\"], source = \"guide\" }]\nreferences "
              "= [\"gone-1999\"]\n");
    ContentStore store(files, {"/c"});
    const SupplementView view = build_supplement_view(store, *store.supplement("alpha"));
    CHECK(store.diagnostics().empty());
    CHECK(render_supplement(view, options(80)).find("Sources") == std::string::npos);
    JsonWriter json(JsonWriter::Layout::compact);
    write_supplement_json(json, view, {"alpha", MatchKind::exact});
    CHECK(json.str().find("\"references\":[{\"id\":\"gone-1999\",\"citation\":null}]") !=
          std::string::npos);
    CHECK(json.str().find("\"safety_note\":null") != std::string::npos);
}

TEST_CASE("the search page: where each hit is, a snippet and the command that shows it") {
    const std::vector<SearchHit> hits = {
        {HitKind::step, "sleep", 4, "Sleep", "Tea before bed", "A warm cup of tea helps."},
        {HitKind::supplement, "chamomile", 0, "Chamomile", "Chamomile", "Chamomile tea calms."},
        {HitKind::intro, "intro", 0, "The guide", "Introduction", "Tea."},
        {HitKind::closing, "closing", 0, "The guide", "Final thoughts", "Tea, too."}};
    CHECK(render_search("tea", {"tea"}, hits, options(60)) == "Search: tea · 4 matches\n"
                                                              "\n"
                                                              "Step 4 · Tea before bed\n"
                                                              "  A warm cup of tea helps.\n"
                                                              "  calmlegs guide 4\n"
                                                              "\n"
                                                              "Chamomile\n"
                                                              "  Chamomile tea calms.\n"
                                                              "  calmlegs supplement chamomile\n"
                                                              "\n"
                                                              "Introduction\n"
                                                              "  Tea.\n"
                                                              "  calmlegs guide intro\n"
                                                              "\n"
                                                              "Final thoughts\n"
                                                              "  Tea, too.\n"
                                                              "  calmlegs guide closing\n");
    CHECK(
        render_search("tea", {"tea"}, {hits[1]}, options(60)).rfind("Search: tea · 1 match\n", 0) ==
        0);

    JsonWriter json(JsonWriter::Layout::compact);
    write_search_json(json, "tea", {hits[0], hits[2]});
    CHECK(json.str() ==
          "{\"query\":\"tea\",\"matches\":["
          "{\"kind\":\"step\",\"id\":\"sleep\",\"number\":4,\"title\":\"Sleep\","
          "\"where\":\"Tea before bed\",\"text\":\"A warm cup of tea helps.\"},"
          "{\"kind\":\"intro\",\"id\":\"intro\",\"number\":null,\"title\":\"The guide\","
          "\"where\":\"Introduction\",\"text\":\"Tea.\"}]}");
    JsonWriter empty(JsonWriter::Layout::compact);
    write_search_json(empty, "xyzzy", {});
    CHECK(empty.str() == "{\"query\":\"xyzzy\",\"matches\":[]}");
}

TEST_CASE("the intro cites its causes' sources, the stack and index views their notes") {
    Shipped shipped;
    const GuideDoc* guide = shipped.store.guide();
    REQUIRE(guide != nullptr);
    const IntroView intro = build_intro_view(shipped.store, *guide);
    std::size_t cited = 0;
    for (const auto& cause : guide->intro.causes)
        for (const auto& ref : cause.references) {
            CAPTURE(ref.id);
            CHECK(intro.citations.count(ref.id) == 1);
            ++cited;
        }
    REQUIRE(cited > 0);
    const std::string page = render_intro(intro, options(200));
    CHECK(page.find("Sources") != std::string::npos);
    CHECK(page.find(intro.citations.begin()->second.substr(0, 20)) != std::string::npos);
    CHECK(split_lines(page).back() == intro.not_advice);

    const GuideIndexView index = build_guide_index_view(shipped.store);
    CHECK(split_lines(render_guide_index(index, options(200))).back() == index.not_advice);
    JsonWriter json(JsonWriter::Layout::compact);
    write_stack_json(json, build_stack_view(shipped.store, TimeOfDay::morning));
    CHECK(json.str().rfind("{\"when\":\"morning\",\"stack\":[{\"id\":\"iron\",", 0) == 0);
    CHECK(shipped.store.diagnostics().empty());
}
