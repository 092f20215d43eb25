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
    step.kind = StepKind::exercise;
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
        step.kind = StepKind::prompt;
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

    for (const char* bad : {"", "4", "4-7-8-1-2", "0-4", "4--8", "a-b", "4-61", "-4-4", "4-4-",
                            "4 7 8", "4-nan", "4.-4", ".5-5", "4-4e1", "+4-4"}) {
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

TEST_CASE("--minutes rounds a half cycle up, and never below one cycle") {
    // Every number of minutes below is exact in binary, and so is each count of cycles it
    // makes: each lands on a half, or 1/512 of a cycle either side of it, or further off.
    const auto ten = pattern({{PhaseKind::inhale, 4, "In"}, {PhaseKind::exhale, 6, "Out"}}, 4);
    CHECK(cycles_for_minutes(ten, 0.75) == 5);         // 45 s / 10 s = 4.5
    CHECK(cycles_for_minutes(ten, 767.0 / 1024) == 4); // 4.494140625
    CHECK(cycles_for_minutes(ten, 769.0 / 1024) == 5); // 4.505859375
    CHECK(cycles_for_minutes(ten, 0.71875) == 4);      // 4.3125
    CHECK(cycles_for_minutes(ten, 0.78125) == 5);      // 4.6875
    CHECK(cycles_for_minutes(ten, 0.5) == 3);          // 3 exactly

    // A half goes up from an even number too: 2.5 is 3, not 2.
    const auto twelve = pattern({{PhaseKind::inhale, 5, "In"}, {PhaseKind::exhale, 7, "Out"}}, 4);
    CHECK(cycles_for_minutes(twelve, 0.5) == 3);         // 30 s / 12 s = 2.5
    CHECK(cycles_for_minutes(twelve, 255.0 / 512) == 2); // 2.490234375
    CHECK(cycles_for_minutes(twelve, 257.0 / 512) == 3); // 2.509765625

    // At least one cycle: half a cycle rounds up to one, and less is one all the same.
    const auto fifteen =
        pattern({{PhaseKind::inhale, 7.5, "In"}, {PhaseKind::exhale, 7.5, "Out"}}, 4);
    CHECK(cycles_for_minutes(fifteen, 0.125) == 1);  // 7.5 s / 15 s = 0.5
    CHECK(cycles_for_minutes(fifteen, 0.0625) == 1); // 0.25
    CHECK(cycles_for_minutes(fifteen, 0) == 1);

    // A pattern whose cycle takes no time is one cycle, whatever the minutes.
    CHECK(cycles_for_minutes(pattern({}, 4), 5) == 1);
    CHECK(cycles_for_minutes(
              pattern({{PhaseKind::inhale, 0, "In"}, {PhaseKind::exhale, 0, "Out"}}, 4), 5) == 1);

    // The same rounding for a pattern whose default length is in minutes.
    auto by_minutes = pattern({{PhaseKind::inhale, 4, "In"}, {PhaseKind::exhale, 6, "Out"}}, 0);
    by_minutes.minutes = 0.75;
    const Session session = breathing_session(by_minutes, 0, 0, "");
    REQUIRE(session.steps.size() == 1);
    REQUIRE(session.steps[0].rhythm.has_value());
    CHECK(session.steps[0].rhythm->repeats == 5);
    CHECK(session.steps[0].rhythm->description == "5 cycles: in 4 s · out 6 s");
    CHECK(plan_session(session).total == milliseconds(50'000));
}

namespace {

/// A session of one prompt `seconds` long.
Session one_prompt(double seconds) {
    Session session;
    session.id = "one";
    session.title = "One";
    SessionStep step;
    step.kind = StepKind::prompt;
    step.title = "Prompt";
    step.seconds = seconds;
    session.steps.push_back(step);
    return session;
}

} // namespace

TEST_CASE("real times round to the nearest millisecond, a half up") {
    // At --speed 16 a second is 62.5 ms; 1/1024 s either side is 62.439… and 62.561… ms.
    const Plan half = plan_session(one_prompt(1), 16);
    CHECK(half.total == milliseconds(63));
    CHECK(half.steps[0].length == milliseconds(63));
    CHECK(half.cues.back().at == milliseconds(63));
    CHECK(plan_session(one_prompt(1 - 1.0 / 1024), 16).total == milliseconds(62));
    CHECK(plan_session(one_prompt(1 + 1.0 / 1024), 16).total == milliseconds(63));
    // 5 s at --speed 2000 is 2.5 ms: a half goes up from an even number too.
    CHECK(plan_session(one_prompt(5), 2000).total == milliseconds(3));
    // A speed of zero or less is taken as 1.
    CHECK(plan_session(one_prompt(2), 0).speed == 1);
    CHECK(plan_session(one_prompt(2), -3).total == milliseconds(2000));
}

TEST_CASE("a countdown counts a part of a second as a whole one") {
    const auto remaining = [](const Plan& plan) {
        std::vector<int> out;
        for (const Cue& cue : plan.cues)
            if (cue.kind == CueKind::step || cue.kind == CueKind::tick)
                out.push_back(cue.remaining);
        return out;
    };
    // 3 s: the step starts at 3 and ticks 2 and 1; a 1/1024 s more is a fourth second.
    CHECK(remaining(plan_session(one_prompt(3))) == std::vector<int>{3, 2, 1});
    CHECK(remaining(plan_session(one_prompt(3 - 1.0 / 1024))) == std::vector<int>{3, 2, 1});
    CHECK(remaining(plan_session(one_prompt(3 + 1.0 / 1024))) == std::vector<int>{4, 3, 2, 1});
    // Ten of 0.1 s + 0.2 s add up to 3.0000000000000004 s in binary: still 3 whole seconds.
    Session taps;
    taps.title = "Taps";
    SessionStep step;
    step.kind = StepKind::exercise;
    step.title = "Taps";
    step.rhythm = Rhythm{
        {{PhaseKind::move, 0.1, "Lift"}, {PhaseKind::move, 0.2, "Tap"}}, 10, false, 0, false, ""};
    REQUIRE(step.length_seconds() > 3); // the premise: the sum is just over 3
    taps.steps.push_back(step);
    const Plan plan = plan_session(taps);
    CHECK(plan.cues[1].kind == CueKind::step);
    CHECK(plan.cues[1].remaining == 3);
    CHECK(plan.total == milliseconds(3000));
}
