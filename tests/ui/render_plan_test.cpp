// --dry-run: the plan as JSON (speed, left_out, side cues, phase seconds at --speed) and the
// rounding of the times in its text.

#include "plan/plan.h"
#include "plan/session_builder.h"
#include "ui/render_plan.h"

#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

std::string plan_json(const Plan& plan) {
    JsonWriter json(JsonWriter::Layout::compact);
    write_plan_json(json, plan);
    return json.str();
}

/// Checks that each piece is in `text`, each after the one before it.
void check_in_order(const std::string& text, const std::vector<std::string>& pieces) {
    std::size_t from = 0;
    for (const auto& piece : pieces) {
        CAPTURE(piece);
        const auto at = text.find(piece, from);
        CHECK(at != std::string::npos);
        if (at != std::string::npos) from = at + piece.size();
    }
}

/// 4-7-8, typed on the command line, for `cycles` cycles.
Session four_seven_eight(int cycles) {
    std::string error;
    const auto pattern = parse_custom_pattern("4-7-8", error);
    REQUIRE(pattern.has_value());
    return breathing_session(*pattern, cycles, 0, "Careful");
}

/// Lift 2 s, lower 1 s, twice on each side, 3 s to switch sides: 15 s in all.
Session both_sides() {
    Session session;
    session.id = "sides";
    session.title = "Sides";
    SessionStep step;
    step.kind = StepKind::exercise;
    step.ref = "lifts";
    step.title = "Leg lifts";
    step.rhythm = Rhythm{{{PhaseKind::move, 2, "Lift"}, {PhaseKind::move, 1, "Lower"}},
                         2,
                         true,
                         3,
                         false,
                         "2 × (2 s + 1 s), each side"};
    session.steps.push_back(step);
    return session;
}

Session prompts(std::vector<double> seconds) {
    Session session;
    session.id = "halves";
    session.title = "Halves";
    const char* titles[] = {"One", "Two", "Three"};
    for (std::size_t i = 0; i < seconds.size(); ++i) {
        SessionStep step;
        step.kind = StepKind::prompt;
        step.title = titles[i];
        step.seconds = seconds[i];
        session.steps.push_back(step);
    }
    return session;
}

RenderOptions plain(int width) {
    RenderOptions options;
    options.width = width;
    return options;
}

} // namespace

TEST_CASE("plan JSON at --speed 2: 4-7-8 is 2, 3.5 and 4 s, every offset halved") {
    // Nominal: in at 0, hold at 4, out at 11, the second cycle from 19, the end at 38.
    const std::string expected =
        R"({"routine":"4-7-8","title":"4-7-8 breathing","speed":2,"total":19,"left_out":[],)"
        R"("steps":[{"step":1,"title":"4-7-8 breathing","kind":"breathing","ref":"4-7-8",)"
        R"("group":null,"text":"Your own pattern: in 4 s · hold 7 s · out 8 s.",)"
        R"("notes":["Careful"],"offset":0,"seconds":19,"waits":false,"supplements":[],)"
        R"("rhythm":{"description":"2 cycles: in 4 s · hold 7 s · out 8 s","repeats":2,)"
        R"("sides":false,"breathing":true,"phases":[)"
        R"({"phase":"inhale","seconds":2,"cue":"Breathe in"},)"
        R"({"phase":"hold","seconds":3.5,"cue":"Hold"},)"
        R"({"phase":"exhale","seconds":4,"cue":"Breathe out"}]}}],)"
        R"("cues":[{"event":"start","step":null,"offset":0,"text":"4-7-8 breathing"},)"
        R"({"event":"step","step":1,"offset":0,"text":"4-7-8 breathing"},)"
        R"({"event":"phase","step":1,"offset":0,"text":"Breathe in","phase":"inhale",)"
        R"("seconds":2,"cycle":1,"cycles":2},)"
        R"({"event":"phase","step":1,"offset":2,"text":"Hold","phase":"hold",)"
        R"("seconds":3.5,"cycle":1,"cycles":2},)"
        R"({"event":"phase","step":1,"offset":5.5,"text":"Breathe out","phase":"exhale",)"
        R"("seconds":4,"cycle":1,"cycles":2},)"
        R"({"event":"phase","step":1,"offset":9.5,"text":"Breathe in","phase":"inhale",)"
        R"("seconds":2,"cycle":2,"cycles":2},)"
        R"({"event":"phase","step":1,"offset":11.5,"text":"Hold","phase":"hold",)"
        R"("seconds":3.5,"cycle":2,"cycles":2},)"
        R"({"event":"phase","step":1,"offset":15,"text":"Breathe out","phase":"exhale",)"
        R"("seconds":4,"cycle":2,"cycles":2},)"
        R"({"event":"step_end","step":1,"offset":19,"text":""},)"
        R"({"event":"end","step":null,"offset":19,"text":"4-7-8 breathing"}]})";
    CHECK(plan_json(plan_session(four_seven_eight(2), 2)) == expected);
}

TEST_CASE("plan JSON at --speed 3: phase seconds and offsets to the millisecond") {
    // 4, 7 and 8 s are 1.333…, 2.333… and 2.666… s; the offsets 4 and 11 s are 1.333… and
    // 3.666… s, each rounded once from the nominal time, and 19 s is 6.333… s.
    const std::string json = plan_json(plan_session(four_seven_eight(1), 3));
    check_in_order(json,
                   {R"("speed":3,"total":6.333,)", R"("offset":0,"seconds":6.333,)",
                    R"({"phase":"inhale","seconds":1.333,)", R"({"phase":"hold","seconds":2.333,)",
                    R"({"phase":"exhale","seconds":2.667,)",
                    R"("offset":0,"text":"Breathe in","phase":"inhale","seconds":1.333,)",
                    R"("offset":1.333,"text":"Hold","phase":"hold","seconds":2.334,)",
                    R"("offset":3.667,"text":"Breathe out","phase":"exhale","seconds":2.666,)",
                    R"({"event":"step_end","step":1,"offset":6.333,)",
                    R"({"event":"end","step":null,"offset":6.333,)"});
}

TEST_CASE("plan JSON: speed as given, and 1 for none") {
    CHECK(plan_json(plan_session(four_seven_eight(1))).find(R"("speed":1,"total":19,)") !=
          std::string::npos);
    CHECK(plan_json(plan_session(four_seven_eight(1), 0)).find(R"("speed":1,"total":19,)") !=
          std::string::npos);
    CHECK(plan_json(plan_session(four_seven_eight(1), 0.5)).find(R"("speed":0.5,"total":38,)") !=
          std::string::npos);
    // 19 s / 2.5 = 7.6 s; 4 s / 2.5 = 1.6 s.
    const std::string fast = plan_json(plan_session(four_seven_eight(1), 2.5));
    check_in_order(fast, {R"("speed":2.5,"total":7.6,)", R"({"phase":"inhale","seconds":1.6,)"});
}

TEST_CASE("plan JSON: an exercise on both sides cues left, the switch, then right") {
    // At --speed 2: each lift 1 s, each lowering 0.5 s, the switch 1.5 s; 7.5 s in all.
    const std::string json = plan_json(plan_session(both_sides(), 2));
    check_in_order(
        json,
        {R"("rhythm":{"description":"2 × (2 s + 1 s), each side","repeats":2,"sides":true,)"
         R"("breathing":false,"phases":[{"phase":"move","seconds":1,"cue":"Lift"},)"
         R"({"phase":"move","seconds":0.5,"cue":"Lower"}]})",
         R"({"event":"step","step":1,"offset":0,"text":"Leg lifts"})",
         R"({"event":"side","step":1,"offset":0,"text":"Left side","side":"left"})",
         R"({"event":"phase","step":1,"offset":0,"text":"Lift","phase":"move","seconds":1,)"
         R"("cycle":1,"cycles":2})",
         R"({"event":"phase","step":1,"offset":1,"text":"Lower","phase":"move","seconds":0.5,)"
         R"("cycle":1,"cycles":2})",
         R"({"event":"phase","step":1,"offset":1.5,"text":"Lift",)",
         R"({"event":"phase","step":1,"offset":2.5,"text":"Lower",)",
         R"({"event":"phase","step":1,"offset":3,"text":"Switch to the other side",)"
         R"("phase":"move","seconds":1.5,)",
         R"({"event":"side","step":1,"offset":4.5,"text":"Right side","side":"right"})",
         R"({"event":"phase","step":1,"offset":4.5,"text":"Lift","phase":"move","seconds":1,)"
         R"("cycle":1,"cycles":2})",
         R"({"event":"phase","step":1,"offset":5.5,"text":"Lower",)",
         R"({"event":"phase","step":1,"offset":6,"text":"Lift",)",
         R"({"event":"phase","step":1,"offset":7,"text":"Lower","phase":"move","seconds":0.5,)"
         R"("cycle":2,"cycles":2})",
         R"({"event":"step_end","step":1,"offset":7.5,"text":""})"});
    // Exactly two side cues, and no countdown ticks in the JSON.
    std::size_t sides = 0;
    for (auto at = json.find(R"("event":"side")"); at != std::string::npos;
         at = json.find(R"("event":"side")", at + 1))
        ++sides;
    CHECK(sides == 2);
    CHECK(json.find(R"("event":"tick")") == std::string::npos);
}

TEST_CASE("plan JSON and text: left_out names the supplement a person's plan does not list") {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
    const Routine* tonight = store.routine("tonight");
    REQUIRE(tonight != nullptr);

    SessionSettings iron_only;
    iron_only.plan_supplements = std::vector<std::string>{"iron"};
    const Plan without = plan_session(build_session(store, *tonight, iron_only));
    const std::string json = plan_json(without);
    CHECK(
        json.find(R"("left_out":["Magnesium is not in your plan, nor is any other evening or )"
                  R"(bedtime supplement, so the step that takes them is left out."],"steps":[)") !=
        std::string::npos);
    CHECK(json.find(R"("kind":"supplement")") == std::string::npos);
    CHECK(json.find(R"("ref":"magnesium")") == std::string::npos);
    CHECK(without.steps.size() == 9);
    CHECK(render_plan(without, plain(200))
              .find("\nLeft out: Magnesium is not in your plan, nor is any other evening or "
                    "bedtime supplement, so the step that takes them is left out.\n") !=
          std::string::npos);

    SessionSettings magnesium;
    magnesium.plan_supplements = std::vector<std::string>{"magnesium"};
    const Plan with = plan_session(build_session(store, *tonight, magnesium));
    const std::string taking = plan_json(with);
    CHECK(taking.find(R"("left_out":[],"steps":[)") != std::string::npos);
    CHECK(taking.find(R"("title":"Magnesium","kind":"supplement","ref":"magnesium",)") !=
          std::string::npos);
    // The supplements the step asks for, each with the guide's amounts.
    CHECK(taking.find(R"("waits":true,"supplements":[{"id":"magnesium","name":"Magnesium",)"
                      R"("dose":["200–400 mg"]}],"rhythm":null)") != std::string::npos);
    CHECK(with.steps.size() == 10);
    CHECK(render_plan(with, plain(100)).find("Left out") == std::string::npos);

    // No plan at all: nothing is left out, and the step says "if".
    const Plan unsure = plan_session(build_session(store, *tonight, {}));
    CHECK(plan_json(unsure).find(R"("left_out":[],)") != std::string::npos);
    CHECK(plan_json(unsure).find(R"("text":"If magnesium is part of your plan, take it now.)") !=
          std::string::npos);
    CHECK(store.diagnostics().empty());
}

TEST_CASE("the dry-run text rounds its times and lengths at half a second, up") {
    // 1.499 s, then 1 s: the second step starts at 0:01 and the whole is 2.499 s, "2 s".
    const std::string below = render_plan(plan_session(prompts({1.499, 1})), plain(80));
    CHECK(below.find("Halves · 2 s · 2 steps\n") == 0);
    CHECK(below.find("  0:00  One · 1 s\n") != std::string::npos);
    CHECK(below.find("  0:01  Two · 1 s\n") != std::string::npos);
    CHECK(below.find("  0:02  End · total 2 s\n") != std::string::npos);
    // 1.5 s, then 1 s: the second step starts at 0:02 and the whole is 2.5 s, "3 s".
    const std::string half = render_plan(plan_session(prompts({1.5, 1})), plain(80));
    CHECK(half.find("Halves · 3 s · 2 steps\n") == 0);
    CHECK(half.find("  0:00  One · 2 s\n") != std::string::npos);
    CHECK(half.find("  0:02  Two · 1 s\n") != std::string::npos);
    CHECK(half.find("  0:03  End · total 3 s\n") != std::string::npos);
    // At --speed 3, 1 s and 0.5 s are 333 ms and 167 ms: the step at 0:00, the end at 0:01.
    const std::string fast = render_plan(plan_session(prompts({1, 0.5}), 3), plain(80));
    CHECK(fast.find("Halves · 1 s · 2 steps · at --speed 3\n") == 0);
    CHECK(fast.find("  0:00  Two · 0 s\n") != std::string::npos);
    CHECK(fast.find("  0:01  End · total 1 s\n") != std::string::npos);
}
