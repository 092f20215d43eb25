#include "plan/plan.h"
#include "plan/session_builder.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace calmlegs;
using std::chrono::milliseconds;

namespace {

BreathingPattern pattern(std::vector<Phase> phases, int cycles) {
    BreathingPattern p;
    p.id = "test";
    p.name = "Test breathing";
    p.phases = std::move(phases);
    p.cycles = cycles;
    return p;
}

std::vector<const Cue*> of_kind(const Plan& plan, CueKind kind) {
    std::vector<const Cue*> out;
    for (const Cue& cue : plan.cues)
        if (cue.kind == kind) out.push_back(&cue);
    return out;
}

void check_order(const Plan& plan) {
    REQUIRE_FALSE(plan.cues.empty());
    CHECK(plan.cues.front().kind == CueKind::start);
    CHECK(plan.cues.front().at == milliseconds(0));
    CHECK(plan.cues.back().kind == CueKind::end);
    CHECK(plan.cues.back().at == plan.total);
    for (std::size_t i = 1; i < plan.cues.size(); ++i)
        CHECK(plan.cues[i - 1].at <= plan.cues[i].at);
    for (std::size_t s = 0; s < plan.steps.size(); ++s) {
        CHECK(plan.cues[plan.steps[s].first_cue].kind == CueKind::step);
        CHECK(plan.cues[plan.steps[s].end_cue].kind == CueKind::step_end);
        CHECK(plan.cues[plan.steps[s].end_cue].at == plan.steps[s].at + plan.steps[s].length);
    }
}

} // namespace

TEST_CASE("4-7-8: four cycles of in 4 s, hold 7 s, out 8 s, 76 s in all") {
    const auto p = pattern(
        {{PhaseKind::inhale, 4, "In"}, {PhaseKind::hold, 7, "Hold"}, {PhaseKind::exhale, 8, "Out"}},
        4);
    const Plan plan = plan_session(breathing_session(p, 0, 0, "Careful"));
    check_order(plan);
    CHECK(plan.total == milliseconds(76'000));
    REQUIRE(plan.steps.size() == 1);
    CHECK(plan.steps[0].source.notes == std::vector<std::string>{"Careful"});

    const auto phases = of_kind(plan, CueKind::phase);
    REQUIRE(phases.size() == 12);
    const long long expected_at[] = {0, 4, 11, 19, 23, 30, 38, 42, 49, 57, 61, 68};
    const PhaseKind expected_kind[] = {PhaseKind::inhale, PhaseKind::hold, PhaseKind::exhale};
    for (std::size_t i = 0; i < 12; ++i) {
        CAPTURE(i);
        CHECK(phases[i]->at == milliseconds(expected_at[i] * 1000));
        CHECK(phases[i]->phase == expected_kind[i % 3]);
        CHECK(phases[i]->repeat == static_cast<int>(i / 3 + 1));
        CHECK(phases[i]->repeats == 4);
    }
    CHECK(phases[2]->length == milliseconds(8000));

    // A tick at each whole second that has no phase change: 75 seconds minus 11 changes.
    const auto ticks = of_kind(plan, CueKind::tick);
    CHECK(ticks.size() == 64);
    CHECK(ticks.front()->at == milliseconds(1000));
    CHECK(ticks.front()->remaining == 75);
    CHECK(ticks.back()->at == milliseconds(75'000));
    CHECK(ticks.back()->remaining == 1);
}

TEST_CASE("a pattern without a hold gets no hold note") {
    const auto p = pattern({{PhaseKind::inhale, 5, "In"}, {PhaseKind::exhale, 5, "Out"}}, 30);
    const Plan plan = plan_session(breathing_session(p, 0, 0, "Careful"));
    CHECK(plan.total == milliseconds(300'000));
    CHECK(plan.steps[0].source.notes.empty());
}

TEST_CASE("--speed divides every offset, computed from nominal time so nothing accumulates") {
    const auto p = pattern({{PhaseKind::inhale, 1.1, "In"}, {PhaseKind::exhale, 1.3, "Out"}}, 100);
    const Plan slow = plan_session(breathing_session(p, 0, 0, ""), 1);
    const Plan fast = plan_session(breathing_session(p, 0, 0, ""), 3);
    CHECK(slow.total == milliseconds(240'000));
    CHECK(fast.total == milliseconds(80'000));
    CHECK(fast.speed == 3);
    const auto slow_phases = of_kind(slow, CueKind::phase);
    const auto fast_phases = of_kind(fast, CueKind::phase);
    REQUIRE(slow_phases.size() == 200);
    REQUIRE(fast_phases.size() == 200);
    // The last phase starts at 99 × 2.4 + 1.1 = 238.7 s nominal: 79.567 s at speed 3.
    CHECK(slow_phases.back()->at == milliseconds(238'700));
    CHECK(fast_phases.back()->at == milliseconds(79'567));
    check_order(fast);
}

TEST_CASE("an exercise on both sides: left, a switch, right") {
    Session session;
    session.id = "s";
    session.title = "S";
    SessionStep step;
    step.kind = "exercise";
    step.title = "Leg extensions";
    step.rhythm = Rhythm{
        {{PhaseKind::move, 4, "Straighten"}, {PhaseKind::move, 2, "Lower"}}, 6, true, 3, false, ""};
    session.steps.push_back(step);
    const Plan plan = plan_session(session);
    check_order(plan);
    CHECK(plan.total == milliseconds(75'000));
    const auto sides = of_kind(plan, CueKind::side);
    REQUIRE(sides.size() == 2);
    CHECK(sides[0]->text == "Left side");
    CHECK(sides[0]->at == milliseconds(0));
    CHECK(sides[1]->text == "Right side");
    CHECK(sides[1]->at == milliseconds(39'000));
    const auto phases = of_kind(plan, CueKind::phase);
    REQUIRE(phases.size() == 25); // 12 a side and the switch
    CHECK(phases[12]->text == "Switch to the other side");
    CHECK(phases[12]->at == milliseconds(36'000));
    CHECK(phases[12]->length == milliseconds(3000));
    CHECK(phases[13]->side == 2);
}

TEST_CASE("steps follow each other: a step ends before the next begins") {
    Session session;
    session.title = "Two";
    for (int i = 0; i < 2; ++i) {
        SessionStep step;
        step.kind = "prompt";
        step.title = "Prompt " + std::to_string(i + 1);
        step.seconds = 2.5;
        session.steps.push_back(step);
    }
    const Plan plan = plan_session(session);
    check_order(plan);
    std::vector<CueKind> kinds;
    for (const Cue& cue : plan.cues)
        kinds.push_back(cue.kind);
    const std::vector<CueKind> expected = {
        CueKind::start, CueKind::step, CueKind::tick, CueKind::tick,     CueKind::step_end,
        CueKind::step,  CueKind::tick, CueKind::tick, CueKind::step_end, CueKind::end};
    CHECK(kinds == expected);
    CHECK(plan.cues[4].at == milliseconds(2500));
    CHECK(plan.cues[5].at == milliseconds(2500));
    CHECK(plan.cues[2].remaining == 2); // 2.5 s: 3 whole seconds to count, 1 gone
    CHECK(plan.total == milliseconds(5000));
}

TEST_CASE("custom patterns: 2, 3 or 4 numbers of seconds") {
    std::string error;
    auto two = parse_custom_pattern("5-5", error);
    REQUIRE(two.has_value());
    CHECK(error.empty());
    REQUIRE(two->phases.size() == 2);
    CHECK(two->phases[0].kind == PhaseKind::inhale);
    CHECK(two->phases[1].kind == PhaseKind::exhale);
    CHECK_FALSE(two->has_hold());

    auto three = parse_custom_pattern("4-7-8", error);
    REQUIRE(three.has_value());
    CHECK(three->rhythm_text() == "in 4 s · hold 7 s · out 8 s");
    CHECK(three->has_hold());
    CHECK(three->cycles == 4);

    auto four = parse_custom_pattern("4-4-4-4.5", error);
    REQUIRE(four.has_value());
    CHECK(four->phases[3].kind == PhaseKind::rest);
    CHECK(four->phases[3].seconds == 4.5);

    for (const char* bad :
         {"", "4", "4-7-8-1-2", "0-4", "4--8", "a-b", "4-61", "-4-4", "4-4-", "4 7 8", "4-nan",
          "4.-4", ".5-5", "4-4e1", "+4-4"}) {
        const std::string text = bad;
        CAPTURE(text);
        CHECK_FALSE(parse_custom_pattern(bad, error).has_value());
        CHECK(error.find("2 to 4 numbers of seconds") != std::string::npos);
    }
}

TEST_CASE("--minutes becomes the nearest whole number of cycles") {
    const auto p = pattern(
        {{PhaseKind::inhale, 4, "In"}, {PhaseKind::hold, 7, "Hold"}, {PhaseKind::exhale, 8, "Out"}},
        4);
    CHECK(cycles_for_minutes(p, 2) == 6); // 120 s / 19 s = 6.3
    CHECK(cycles_for_minutes(p, 0.1) == 1);
    CHECK(plan_session(breathing_session(p, 0, 2, "")).total == milliseconds(114'000));
    CHECK(plan_session(breathing_session(p, 2, 0, "")).total == milliseconds(38'000));
}
