// The shipped content against the guide: every figure checked here was read off the guide
// (../shared/seed), so a change to the content that alters one fails loudly.

#include "content/store.h"

#include "support/paths.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <iterator>

using namespace calmlegs;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};

    const Supplement& supplement(const char* id) {
        const Supplement* s = store.supplement(id);
        REQUIRE_MESSAGE(s != nullptr, id);
        return *s;
    }
};

bool any_contains(const std::vector<std::string>& texts, std::string_view needle) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& text) {
        return text.find(needle) != std::string::npos;
    });
}

std::vector<std::string> pairing_ids_or_names(const std::vector<Pairing>& items) {
    std::vector<std::string> out;
    for (const auto& item : items)
        out.push_back(item.id.empty() ? item.name : item.id);
    return out;
}

} // namespace

TEST_CASE("every nutrient and herb the guide names has an entry with a caution") {
    Shipped shipped;
    const std::vector<std::string> expected = {
        "ashwagandha", "b-vitamins", "calcium",    "chamomile", "glycine",       "iron",
        "l-theanine",  "lavender",   "lemon-balm", "magnesium", "passionflower", "potassium",
        "reishi",      "taurine",    "valerian",   "vitamin-d"};
    CHECK(shipped.store.supplement_ids() == expected);
    for (const auto& id : expected) {
        CAPTURE(id);
        const Supplement& s = shipped.supplement(id.c_str());
        CHECK_FALSE(s.cautions.empty());
        CHECK_FALSE(s.benefit.empty());
    }
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("magnesium: glycinate and threonate, 200–400 mg before bed, with glycine or taurine") {
    Shipped shipped;
    const Supplement& s = shipped.supplement("magnesium");
    std::vector<std::string> forms;
    for (const auto& form : s.forms)
        forms.push_back(form.name);
    CHECK(forms == std::vector<std::string>{"glycinate", "threonate"});
    CHECK(s.dose == std::vector<std::string>{"200–400 mg"});
    CHECK(s.timing == "Before bed");
    const auto pairs = pairing_ids_or_names(s.pairs_with);
    CHECK(std::count(pairs.begin(), pairs.end(), "glycine") == 1);
    CHECK(std::count(pairs.begin(), pairs.end(), "taurine") == 1);
}

TEST_CASE("iron: only with low ferritin, the four tests, 75–100 µg/L, vitamin C, not with "
          "calcium, tea or coffee") {
    Shipped shipped;
    const Supplement& s = shipped.supplement("iron");
    CHECK(s.condition.find("ferritin") != std::string::npos);
    CHECK(s.tests ==
          std::vector<std::string>{"ferritin", "iron", "TIBC", "transferrin saturation"});
    CHECK(s.target.find("75–100 µg/L") != std::string::npos);
    CHECK(s.dose == std::vector<std::string>{"25–65 mg"});
    CHECK(pairing_ids_or_names(s.pairs_with) == std::vector<std::string>{"vitamin C"});
    CHECK(pairing_ids_or_names(s.avoid_with) ==
          std::vector<std::string>{"calcium", "tea", "coffee"});
    CHECK(any_contains(s.food_sources, "Lentils"));
    CHECK(any_contains(s.food_sources, "Blackstrap molasses"));
}

TEST_CASE("the other figures of steps 1, 2 and 6") {
    Shipped shipped;
    const Supplement& d = shipped.supplement("vitamin-d");
    CHECK(d.target.find("60–80 ng/mL") != std::string::npos);
    CHECK(d.target.find("150–200 nmol/L") != std::string::npos);
    CHECK(any_contains(d.dose, "2000–4000 IU"));
    CHECK(pairing_ids_or_names(d.pairs_with) == std::vector<std::string>{"vitamin K2"});
    CHECK(any_contains(shipped.supplement("valerian").dose, "400–600 mg"));
    CHECK(any_contains(shipped.supplement("passionflower").dose, "300–500 mg"));
    CHECK(any_contains(shipped.supplement("passionflower").how_to_use, "10–15 minutes"));
    CHECK(any_contains(shipped.supplement("chamomile").dose, "1–2 cups"));
    CHECK(any_contains(shipped.supplement("ashwagandha").dose, "300–500 mg"));
    CHECK(shipped.supplement("reishi").timing.find("1–2 hours") != std::string::npos);
    CHECK(any_contains(shipped.supplement("lavender").dose, "5 drops"));
    CHECK(any_contains(shipped.supplement("l-theanine").dose, "100–200 mg"));
    CHECK(shipped.supplement("glycine").dose.empty()); // the guide gives no amount
    CHECK(shipped.supplement("potassium").dose.empty());
}

TEST_CASE("the supplement stack has the guide's five rows, doses and timings") {
    Shipped shipped;
    const auto& stack = shipped.store.stack();
    REQUIRE(stack.size() == 5);
    struct Row {
        const char* label;
        const char* dose;
        const char* timing;
    };
    const Row expected[] = {{"Magnesium glycinate", "200–400 mg", "Evening"},
                            {"Iron", "25–65 mg", "Morning + vitamin C"},
                            {"Vitamin D3 + K2", "2000–4000 IU", "Morning"},
                            {"Ashwagandha", "300 mg", "Evening"},
                            {"Valerian or Passionflower", "400 mg / 300 mg", "Bedtime"}};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(stack[i].label == expected[i].label);
        CHECK(stack[i].dose == expected[i].dose);
        CHECK(stack[i].timing == expected[i].timing);
    }
    CHECK(stack[1].condition.find("ferritin") != std::string::npos);
}

TEST_CASE("the guide has its ten steps, the ritual in order and step 10") {
    Shipped shipped;
    const auto steps = shipped.store.steps();
    REQUIRE(steps.size() == 10);
    const std::vector<std::string> ids = {"nutrients", "herbs",    "circulation", "sleep",  "diet",
                                          "stress",    "activity", "stack",       "ritual", "help"};
    for (std::size_t i = 0; i < steps.size(); ++i) {
        CHECK(steps[i]->number == static_cast<int>(i + 1));
        CHECK(steps[i]->id == ids[i]);
    }
    const Step& ritual = *steps[8];
    const auto ordered = std::find_if(ritual.sections.begin(), ritual.sections.end(),
                                      [](const Section& s) { return s.ordered; });
    REQUIRE(ordered != ritual.sections.end());
    REQUIRE(ordered->items.size() == 6);
    CHECK(ordered->items[0].find("chamomile") != std::string::npos);
    CHECK(ordered->items[1].find("5 minutes") != std::string::npos);
    CHECK(ordered->items[2].find("magnesium") != std::string::npos);
    CHECK(ordered->items[3].find("lavender") != std::string::npos);
    CHECK(ordered->items[4].find("4-7-8") != std::string::npos);
    CHECK(ordered->items[5].find("warmth") != std::string::npos);
    CHECK(ordered->text.find("30–60 minutes") != std::string::npos);

    const Step& help = *steps[9];
    std::string all;
    for (const auto& section : help.sections)
        for (const auto& item : section.items)
            all += item + "\n";
    CHECK(all.find("infusion") != std::string::npos);
    CHECK(all.find("dopamine agonist") != std::string::npos);
    CHECK(all.find("abapentin") != std::string::npos);

    const Step& sleep = *steps[3];
    std::string sleep_text;
    for (const auto& section : sleep.sections) {
        sleep_text += section.text + "\n";
        for (const auto& item : section.items)
            sleep_text += item + "\n";
    }
    CHECK(sleep_text.find("5–6 breaths per minute") != std::string::npos);
    CHECK(sleep_text.find("18–20°C / 65–68°F") != std::string::npos);
}

TEST_CASE("the triggers: the guide's seven, the four 'some people' notice, each from its step") {
    Shipped shipped;
    // Read off the guide: step 4 (caffeine after noon, scrolling before bed), step 5 (sugar,
    // excess alcohol, artificial sweeteners; gluten, dairy and nightshades for some), step 6
    // (stress), step 7 (intense late-evening workouts, being sedentary; the introduction's
    // sitting long hours under poor circulation, step 3).
    struct Expected {
        const char* id;
        std::vector<int> steps;
    };
    const std::vector<Expected> expected = {
        {"caffeine", {4, 5}}, {"alcohol", {5}},     {"sugar", {5}},      {"late-exercise", {7}},
        {"sitting", {3, 7}},  {"stress", {6}},      {"screens", {4}},    {"gluten", {5}},
        {"dairy", {5}},       {"nightshades", {5}}, {"sweeteners", {5}},
    };
    const auto& triggers = shipped.store.triggers();
    REQUIRE(triggers.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Trigger& trigger = triggers[i];
        CAPTURE(trigger.id);
        CHECK(trigger.id == expected[i].id);
        std::vector<int> steps;
        for (const StepRef& step : trigger.steps)
            steps.push_back(step.number);
        CHECK(steps == expected[i].steps);
        CHECK_FALSE(trigger.name.empty());
        // One short line, in the project's words.
        CHECK_FALSE(trigger.text.empty());
        CHECK(trigger.text.size() <= 80);
        CHECK(trigger.text.find('\n') == std::string::npos);
        CHECK_FALSE(trigger.own);
    }
    const auto aliases_of = [&](const char* id) {
        const Trigger* trigger = shipped.store.trigger(id);
        REQUIRE(trigger != nullptr);
        return trigger->aliases;
    };
    const auto screens = aliases_of("screens");
    CHECK(std::count(screens.begin(), screens.end(), "phone") == 1);
    CHECK(std::count(screens.begin(), screens.end(), "blue light") == 1);
    const auto nightshades = aliases_of("nightshades");
    CHECK(nightshades == std::vector<std::string>{"tomatoes", "peppers"});
    CHECK(shipped.store.trigger("caffeine")->name == "Caffeine after noon");
    CHECK(shipped.store.trigger("late-exercise")->name == "Late intense exercise");
    CHECK(shipped.store.trigger("sitting")->name == "Long sitting");
    CHECK(shipped.store.trigger("screens")->name == "Screens before bed");
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("the introduction, the references and the notes") {
    Shipped shipped;
    const GuideDoc* guide = shipped.store.guide();
    REQUIRE(guide != nullptr);
    CHECK(guide->intro.prevalence.find("7–10%") != std::string::npos);
    CHECK(guide->intro.what_it_is.find("Willis-Ekbom") != std::string::npos);
    CHECK(guide->intro.causes.size() == 6);
    // The guide's eight, and the sources this project adds (issue 10).
    CHECK(shipped.store.references().size() >= 8);
    REQUIRE(shipped.store.note(k_note_safety) != nullptr);
    CHECK(shipped.store.note(k_note_safety)->text.find("one new supplement at a time") !=
          std::string::npos);
    CHECK(shipped.store.note(k_note_not_advice) != nullptr);
}

TEST_CASE("every shipped caution names whom it concerns and a source that resolves") {
    Shipped shipped;
    for (const Supplement* s : shipped.store.supplements()) {
        CAPTURE(s->id);
        REQUIRE_FALSE(s->cautions.empty());
        for (const auto& caution : s->cautions) {
            CAPTURE(caution.text);
            CHECK_FALSE(caution.text.empty());
            REQUIRE_FALSE(caution.who.empty());
            for (Audience who : caution.who)
                CHECK(parse_audience(to_string(who)) == who);
            CHECK((caution.source.id == k_source_guide ||
                   shipped.store.reference(caution.source.id) != nullptr));
        }
    }
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("every figure the guide gives still appears in the content (add, never alter)") {
    // Read off ../shared/seed once: every amount with its unit that the guide writes. Safety
    // notes may add figures of their own; none of these may change or go.
    const std::vector<std::string> figures = {
        "1 tsp",       "100–200 mg",  "10–15 minutes", "18–20°C",      "1–2 cups",
        "1–2 hours",   "2 cups",      "20 minutes",    "2000–4000 IU", "200–400 mg",
        "25–65 mg",    "2–3 weeks",   "300 mg",        "300–500 mg",   "30–60 minutes",
        "400 mg",      "400–600 mg",  "5 drops",       "5 minutes",    "60–80 ng/mL",
        "65–68°F",     "75–100 µg"};
    // All of the content's text, with spaces removed, so that "18–20 °C" counts as "18–20°C".
    std::string text;
    for (const auto& file :
         std::filesystem::recursive_directory_iterator(test::k_shipped_content)) {
        if (file.path().extension() != ".toml") continue;
        std::ifstream in(file.path(), std::ios::binary);
        text += std::string(std::istreambuf_iterator<char>(in), {});
    }
    auto squeezed = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    const std::string content = squeezed(text);
    for (const auto& figure : figures) {
        CAPTURE(figure);
        CHECK(content.find(squeezed(figure)) != std::string::npos);
    }
}
