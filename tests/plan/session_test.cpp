// The shipped routines, resolved and planned: what `calmlegs tonight --dry-run` promises.

#include "plan/plan.h"
#include "plan/session_builder.h"

#include "content/temp_dir.h"
#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace calmlegs;
using std::chrono::milliseconds;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};

    Session session(const char* id, SessionSettings settings = {}) {
        const Routine* routine = store.routine(id);
        REQUIRE_MESSAGE(routine != nullptr, id);
        return build_session(store, *routine, settings);
    }
};

} // namespace

TEST_CASE("every shipped routine plans to its length") {
    Shipped shipped;
    const std::vector<std::pair<const char*, long long>> lengths = {
        {"tonight", 876}, {"stretch", 300},  {"coherent", 300}, {"478", 76},       {"urge", 385},
        {"bath", 1440},   {"compress", 660}, {"contrast", 600}, {"body-scan", 585}};
    CHECK(shipped.store.routine_ids().size() == lengths.size());
    for (const auto& [id, seconds] : lengths) {
        CAPTURE(id);
        const Plan plan = plan_session(shipped.session(id));
        CHECK(plan.total == milliseconds(seconds * 1000));
        CHECK(plan.cues.front().kind == CueKind::start);
        CHECK(plan.cues.back().at == plan.total);
        for (std::size_t i = 1; i < plan.cues.size(); ++i)
            CHECK(plan.cues[i - 1].at <= plan.cues[i].at);
    }
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("tonight is the step-9 ritual in order") {
    Shipped shipped;
    const Session session = shipped.session("tonight");
    std::vector<std::string> titles;
    for (const auto& step : session.steps)
        titles.push_back(step.title);
    const std::vector<std::string> expected = {
        "Herbal tea", "Calf raises", "Leg extensions", "Forward folds",   "Ankle circles",
        "Magnesium",  "Lavender",    "Lie down",       "4-7-8 breathing", "Warmth in your legs"};
    CHECK(titles == expected);
    CHECK(session.steps[0].waits);
    CHECK(session.steps[0].text.find("chamomile and lemon balm") != std::string::npos);
    for (std::size_t i = 1; i <= 4; ++i)
        CHECK(session.steps[i].group == "Five-minute stretch");

    // The kinds, as the enum and as the JSON output names them; the included stretch routine
    // is unfolded into its exercises, so no step is a routine.
    std::vector<std::string_view> kinds;
    for (const auto& step : session.steps)
        kinds.push_back(to_string(step.kind));
    CHECK(kinds == std::vector<std::string_view>{"prompt", "exercise", "exercise", "exercise",
                                                 "exercise", "supplement", "prompt", "prompt",
                                                 "breathing", "prompt"});
    CHECK(to_string(StepKind::routine) == "routine");

    const SessionStep& magnesium = session.steps[5];
    CHECK(magnesium.kind == StepKind::supplement);
    CHECK(magnesium.text.find("200–400 mg") != std::string::npos);
    CHECK(magnesium.text.find("If magnesium is part of your plan") == 0);
    CHECK_FALSE(magnesium.notes.empty()); // its cautions
    CHECK(session.steps[6].text.find("lavender") != std::string::npos);

    const SessionStep& breathing = session.steps[8];
    REQUIRE(breathing.rhythm.has_value());
    CHECK(breathing.rhythm->repeats == 4);
    CHECK(breathing.rhythm->description == "4 cycles: in 4 s · hold 7 s · out 8 s");
    REQUIRE(breathing.notes.size() == 1);
    CHECK(breathing.notes[0].find("light-headed") != std::string::npos);
    CHECK(session.steps[9].text.find("warmth") != std::string::npos);
}

TEST_CASE("a plan of one's own: the ritual never asks for a supplement not in it") {
    Shipped shipped;
    SessionSettings without;
    without.plan_supplements = std::vector<std::string>{"iron"};
    const Session session = shipped.session("tonight", without);
    for (const auto& step : session.steps)
        CHECK(step.kind != StepKind::supplement);
    REQUIRE(session.left_out.size() == 1);
    CHECK(session.left_out[0].find("Magnesium is not in your plan") == 0);

    SessionSettings with;
    with.plan_supplements = std::vector<std::string>{"magnesium"};
    const Session taking = shipped.session("tonight", with);
    CHECK(taking.steps[5].title == "Magnesium");
    CHECK(taking.steps[5].text.find("Take your evening supplement: Magnesium 200–400 mg. The "
                                    "amount is the guide's; take what you and your doctor agreed "
                                    "on.") == 0);
    CHECK(taking.left_out.empty());
}

namespace {

/// The ids of the supplements a step asks for.
std::vector<std::string> supplement_ids(const SessionStep& step) {
    std::vector<std::string> ids;
    for (const auto& s : step.supplements)
        ids.push_back(s.id);
    return ids;
}

/// How many of `notes` are exactly `text`.
long count_of(const std::vector<std::string>& notes, const std::string& text) {
    return std::count(notes.begin(), notes.end(), text);
}

} // namespace

TEST_CASE("the plan drives the ritual: its evening and bedtime supplements, in its order") {
    Shipped shipped;
    SessionSettings settings;
    // Morning ones (vitamin D, iron) are not the ritual's; the others keep the plan's order.
    settings.plan_supplements =
        std::vector<std::string>{"vitamin-d", "ashwagandha", "magnesium", "iron", "glycine"};
    const Session session = shipped.session("tonight", settings);
    CHECK(session.left_out.empty());
    REQUIRE(session.steps.size() == 10);
    const SessionStep& step = session.steps[5];
    CHECK(step.kind == StepKind::supplement);
    CHECK(step.title == "Evening supplements");
    CHECK(step.ref == "ashwagandha"); // the first of them
    CHECK(supplement_ids(step) == std::vector<std::string>{"ashwagandha", "magnesium", "glycine"});
    CHECK(step.supplements[1].dose == std::vector<std::string>{"200–400 mg"});
    CHECK(step.supplements[2].dose.empty()); // the guide gives none for glycine
    // The doses are the guide's ranges of what the person said they take: not a prescription.
    CHECK(step.text == "Take your evening supplements: Ashwagandha 300–500 mg root extract; "
                       "Magnesium 200–400 mg; Glycine. The amounts are the guide's; take what you "
                       "and your doctor agreed on.");
    // The step keeps its place and its length: 30 s, waiting for Enter.
    CHECK(step.seconds == 30);
    CHECK(step.waits);
    // Each one's cautions: one that two share once, as written; one that does not name its
    // supplement led by its name; one that names it as written.
    CHECK(count_of(step.notes, "Introduce one new supplement at a time.") == 1);
    CHECK(count_of(step.notes, "Ashwagandha: Meant for the evening wind-down.") == 1);
    CHECK(count_of(step.notes, "Glycine: The guide gives no amount; check with a healthcare "
                               "provider first, especially if you are pregnant or take any "
                               "medicines.") == 1);
    CHECK(std::any_of(step.notes.begin(), step.notes.end(), [](const std::string& note) {
        return note.starts_with("With kidney disease, take magnesium only if");
    }));
    for (const auto& note : step.notes)
        CHECK_FALSE(note.starts_with("Magnesium: With kidney"));
}

TEST_CASE("the plan drives the ritual: one evening supplement, none, and no plan at all") {
    Shipped shipped;
    SUBCASE("one that is not magnesium: its name, its dose, its cautions as written") {
        SessionSettings settings;
        settings.plan_supplements = std::vector<std::string>{"ashwagandha"};
        const Session session = shipped.session("tonight", settings);
        REQUIRE(session.steps.size() == 10);
        const SessionStep& step = session.steps[5];
        CHECK(step.title == "Ashwagandha");
        CHECK(step.ref == "ashwagandha");
        CHECK(step.text.find("Take your evening supplement: Ashwagandha 300–500 mg root "
                             "extract. The amount is the guide's;") == 0);
        CHECK(count_of(step.notes, "Meant for the evening wind-down.") == 1);
        CHECK(step.text.find("Magnesium") == std::string::npos);
    }
    SUBCASE("only morning supplements, or an empty plan: the step is left out, and why") {
        for (const auto& plan :
             {std::vector<std::string>{"iron", "vitamin-d"}, std::vector<std::string>{}}) {
            SessionSettings settings;
            settings.plan_supplements = plan;
            const Session session = shipped.session("tonight", settings);
            CHECK(session.steps.size() == 9);
            for (const auto& step : session.steps)
                CHECK(step.kind != StepKind::supplement);
            CHECK(session.left_out ==
                  std::vector<std::string>{"Magnesium is not in your plan, nor is any other "
                                           "evening or bedtime supplement, so the step that takes "
                                           "them is left out."});
        }
    }
    SUBCASE("no plan: the routine's own supplement, as the guide's ritual has it") {
        const Session session = shipped.session("tonight");
        const SessionStep& step = session.steps[5];
        CHECK(step.title == "Magnesium");
        CHECK(supplement_ids(step) == std::vector<std::string>{"magnesium"});
        CHECK(step.text.find("If magnesium is part of your plan, take it now.") == 0);
    }
}

TEST_CASE("the stretch routine: four stretches, five minutes") {
    Shipped shipped;
    const Plan plan = plan_session(shipped.session("stretch"));
    REQUIRE(plan.steps.size() == 4);
    CHECK(plan.steps[0].source.title == "Calf raises");
    CHECK(plan.steps[3].source.title == "Ankle circles");
    // How each is timed, as the dry run shows it: repetitions only when there are several.
    REQUIRE(plan.steps[0].source.rhythm.has_value());
    CHECK(plan.steps[0].source.rhythm->description == "15 × (2 s + 3 s)");
    REQUIRE(plan.steps[3].source.rhythm.has_value());
    CHECK(plan.steps[3].source.rhythm->description == "18 s + 18 s, each side");
    for (const auto& step : plan.steps) {
        CHECK(step.length == milliseconds(75'000));
        CHECK_FALSE(step.source.text.empty()); // the instructions
    }
}

TEST_CASE("a routine that refers to something missing is reported, not run") {
    Shipped shipped;
    Routine broken;
    broken.id = "broken";
    broken.name = "Broken";
    broken.file = "broken.toml";
    RoutineStep step;
    step.kind = StepKind::exercise;
    step.ref = "cartwheels";
    step.ref_pos = {7, 12};
    broken.steps.push_back(step);
    const Session session = build_session(shipped.store, broken, {});
    CHECK(session.steps.empty());
    REQUIRE(shipped.store.diagnostics().size() == 1);
    CHECK(shipped.store.diagnostics().problems()[0].format() ==
          "broken.toml:7:12: this step refers to exercise \"cartwheels\", which does not exist or "
          "cannot be read");
}

TEST_CASE("a broken override of a supplement leaves tonight whole: shipped dose, one warning") {
    // The person copied magnesium.toml and misspelt a key: bedtime must still work.
    RealFileSystem files;
    std::string why;
    const auto shipped =
        files.read(std::string(test::k_shipped_content) + "/supplements/magnesium.toml", why);
    REQUIRE(shipped.has_value());
    std::string mine = *shipped;
    mine.replace(mine.find("timing ="), 8, "timming =");
    const test::TempDir own;
    own.write("supplements/magnesium.toml", mine);
    ContentStore store(files, {test::k_shipped_content, own.path()});

    const Routine* tonight = store.routine("tonight");
    REQUIRE(tonight != nullptr);
    const Session session = build_session(store, *tonight, {});
    CHECK(store.diagnostics().empty()); // no error about tonight.toml's magnesium step
    REQUIRE(session.steps.size() == 10);
    CHECK(session.steps[5].title == "Magnesium");
    CHECK(session.steps[5].text.find("200–400 mg") != std::string::npos);
    const auto lines = override_warnings(store);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(own.path() + "/supplements/magnesium.toml:"));
    CHECK(lines[0].find("unknown key 'timming'; did you mean 'timing'?") != std::string::npos);
    CHECK(lines[0].ends_with("; using the shipped entry; run: calmlegs check"));
}

TEST_CASE("a routine step's notes come before it, and a note that does not exist is a problem") {
    test::MemoryFileSystem files;
    files.add("/c/notes.toml", "[[note]]\nid = \"heat\"\ntext = \"Mind the heat.\"\n");
    files.add("/c/routines/warm.toml",
              "id = \"warm\"\nname = \"Warm\"\nsummary = \"s\"\n\n[[step]]\ntitle = \"Heat\"\ntext "
              "= \"t\"\n"
              "seconds = 5\nnotes = [\"heat\"]\n\n[[step]]\ntitle = \"Other\"\ntext = \"t\"\n"
              "seconds = 5\nnotes = [\"cold\"]\n");
    ContentStore store(files, {"/c"});
    const Routine* routine = store.routine("warm");
    REQUIRE(routine != nullptr);
    const Session session = build_session(store, *routine, SessionSettings{});
    REQUIRE(session.steps.size() == 2);
    CHECK(session.steps[0].notes == std::vector<std::string>{"Mind the heat."});
    CHECK(session.steps[1].notes.empty());
    REQUIRE(store.diagnostics().size() == 1);
    CHECK(store.diagnostics().problems()[0].format() ==
          "/c/routines/warm.toml:15:10: 'notes' refers to note \"cold\", which does not exist "
          "in notes.toml");
}
