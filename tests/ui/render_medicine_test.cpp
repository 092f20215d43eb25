// The medicine page, its JSON, and the list steps 4 and 10 embed.

#include "ui/json_content.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include "content/views.h"

#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

RenderOptions options(int width) {
    RenderOptions render;
    render.width = width;
    render.style = Style(false);
    return render;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the medicine page: the group as its tag, the facts, its source, the prescriber last") {
    Shipped shipped;
    const Medicine* m = shipped.store.medicine("diphenhydramine");
    REQUIRE(m != nullptr);
    const std::string page = render_medicine(build_medicine_view(shipped.store, *m), options(80));
    const auto lines = split_lines(page);
    REQUIRE(lines.size() > 5);
    CHECK(lines[0] == "Diphenhydramine · Sedating antihistamines");
    CHECK(has(page, "Also: benadryl, nytol"));
    CHECK(has(page, "can make RLS worse"));
    CHECK(has(page, "Instead     For allergies"));
    CHECK(has(page, "Winkelman, J. W., Berkowski, J. A."));
    CHECK(has(page, "doi:10.5664/jcsm.11390"));
    // The note is the last thing on the page, marked as a warning.
    const Note* note = shipped.store.note(k_note_ask_prescriber);
    REQUIRE(note != nullptr);
    CHECK(has(page, "! " + note->text.substr(0, 30)));
    CHECK(has(lines.back(), "first."));
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("every shipped medicine page names a source, fits 40 columns and ends with the note") {
    Shipped shipped;
    const auto medicines = shipped.store.medicines();
    CHECK(medicines.size() >= 10);
    for (const Medicine* m : medicines) {
        CAPTURE(m->id);
        const MedicineView view = build_medicine_view(shipped.store, *m);
        const std::string page = render_medicine(view, options(40));
        for (const auto& line : split_lines(page))
            CHECK(display_width(line) <= 40);
        CHECK(has(page, view.from_guide ? "the guide" : view.citation.substr(0, 10)));
        CHECK(has(split_lines(page).back(), "first."));
        // Each effect points to the prescriber (or, for what is sold over the counter, a
        // pharmacist or the prescriber).
        CHECK(has(m->effect, "prescriber"));
    }
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("medicine JSON: kind medicine, every key, the source's citation, the note") {
    Shipped shipped;
    JsonWriter json(JsonWriter::Layout::compact);
    write_medicine_json(json,
                        build_medicine_view(shipped.store, *shipped.store.medicine("caffeine")),
                        {"coffee", MatchKind::exact});
    const std::string& text = json.str();
    CHECK(text.rfind("{\"kind\":\"medicine\",\"id\":\"caffeine\",\"name\":\"Caffeine\"", 0) == 0);
    for (const char* key :
         {"\"group\":\"Stimulants\"", "\"examples\":[]", "\"effect\":\"", "\"instead\":\"",
          "\"source\":{\"id\":\"guide\",\"citation\":null}", "\"steps\":[4,5,10]",
          "\"ask_prescriber\":\"Never stop", "\"query\":\"coffee\"", "\"match\":\"exact\""}) {
        CAPTURE(key);
        CHECK(has(text, key));
    }
    JsonWriter cited(JsonWriter::Layout::compact);
    write_medicine_json(
        cited, build_medicine_view(shipped.store, *shipped.store.medicine("metoclopramide")),
        {"metoclopramide", MatchKind::exact});
    CHECK(has(cited.str(), "\"source\":{\"id\":\"aasm-2024\",\"citation\":\"Winkelman"));
}

TEST_CASE("steps 4 and 10 list the medicines in a section of their own") {
    Shipped shipped;
    for (int number : {4, 10}) {
        CAPTURE(number);
        const Step* step = shipped.store.step(number);
        REQUIRE(step != nullptr);
        const StepView view = build_step_view(shipped.store, *step);
        CHECK(view.medicines.size() == shipped.store.medicine_ids().size());
        const std::string page = render_step(view, options(100));
        CHECK(has(page, "Medicines and substances that can make RLS worse"));
        CHECK(has(page, "Diphenhydramine — Sedating antihistamines — "));
        CHECK(has(page, "calmlegs supplement NAME"));
        JsonWriter json(JsonWriter::Layout::compact);
        write_step_json(json, view, {"x", MatchKind::exact});
        CHECK(has(json.str(), "\"medicines\":[{\"id\":\"alcohol\",\"name\":\"Alcohol\""));
        CHECK(has(json.str(), "\"medicines\":null")); // the guide's own sections
    }
    // A step that shows none reads none.
    const StepView diet = build_step_view(shipped.store, *shipped.store.step(5));
    CHECK(diet.medicines.empty());
}
