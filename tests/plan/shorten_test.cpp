// A routine shortened to fit the time left (`tonight --finish-by`): every step in order, the
// timed parts scaled by one factor, breaths whole, waiting steps at their nominal length.

#include "plan/shorten.h"

#include "plan/session_builder.h"
#include "support/paths.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

/// The shipped tonight routine with no plan: 876 s in all. Waiting for Enter: the tea (300 s),
/// magnesium (30 s), lavender (30 s) and lying down (20 s); timed: calf raises 15 × (2 + 3 s),
/// leg extensions 6 × (4 + 2 s) each side + 3 s, forward folds 3 × (20 + 5 s), ankle circles
/// (18 + 18 s) each side + 3 s, 4-7-8 breathing 4 × 19 s, warmth in the legs 120 s.
Session tonight() {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
    const Routine* routine = store.routine("tonight");
    REQUIRE(routine != nullptr);
    return build_session(store, *routine, {});
}

std::vector<double> lengths(const Session& session) {
    std::vector<double> out;
    for (const auto& step : session.steps)
        out.push_back(step.length_seconds());
    return out;
}

std::vector<std::string> titles(const Session& session) {
    std::vector<std::string> out;
    for (const auto& step : session.steps)
        out.push_back(step.title);
    return out;
}

SessionStep prompt(double seconds, bool waits = false) {
    SessionStep step;
    step.title = "Prompt";
    step.seconds = seconds;
    step.waits = waits;
    return step;
}

SessionStep exercise(int reps, std::vector<double> phases, bool sides, double switch_seconds) {
    SessionStep step;
    step.kind = StepKind::exercise;
    step.title = "Exercise";
    Rhythm rhythm;
    for (double seconds : phases)
        rhythm.phases.push_back({PhaseKind::move, seconds, "Move"});
    rhythm.repeats = reps;
    rhythm.sides = sides;
    rhythm.switch_seconds = switch_seconds;
    step.rhythm = rhythm;
    return step;
}

SessionStep breath(int cycles) {
    SessionStep step = exercise(cycles, {4, 7, 8}, false, 0);
    step.kind = StepKind::breathing;
    step.rhythm->breathing = true;
    step.rhythm->phases = {
        {PhaseKind::inhale, 4, "In"}, {PhaseKind::hold, 7, "Hold"}, {PhaseKind::exhale, 8, "Out"}};
    return step;
}

} // namespace

TEST_CASE("shorten: exactly enough time is the whole ritual, unchanged") {
    const Session session = tonight();
    CHECK(session_seconds(session) == 876);
    const Shortened fit = shorten_to_fit(session, 876);
    CHECK(fit.fit == Fit::full);
    CHECK(fit.seconds == 876);
    CHECK(fit.session.title == "Nightly wind-down");
    CHECK(lengths(fit.session) == lengths(session));
    CHECK(shorten_to_fit(session, 10'000).fit == Fit::full);
}

TEST_CASE("shorten: one second short shortens the longest timed step by that second only") {
    // Scaling every part by a factor just under 1, only the 120 s of warmth rounds lower (to
    // 119 s) before a whole repetition or breath would go: 875 s, every step still there.
    const Session session = tonight();
    const Shortened fit = shorten_to_fit(session, 875);
    CHECK(fit.fit == Fit::shortened);
    CHECK(fit.seconds == 875);
    CHECK(fit.session.title == "Nightly wind-down (shortened)");
    CHECK(titles(fit.session) == titles(session));
    std::vector<double> expected = lengths(session);
    expected.back() = 119;
    CHECK(lengths(fit.session) == expected);
    CHECK(fit.session.steps[8].rhythm->repeats == 4);
}

TEST_CASE("shorten: the shortest ritual, and too little time even for it") {
    // Waiting steps keep 380 s; one calf raise (5 s); one leg extension each side (6 + 6 + 3);
    // one forward fold (25 s); ankle circles of 5 s + 5 s each side (+ 3 s); one breath
    // (19 s); 10 s of warmth: 477 s.
    const Session session = tonight();
    const Session shortest = scale_session(session, 0);
    CHECK(lengths(shortest) == std::vector<double>{300, 5, 15, 25, 23, 30, 30, 20, 19, 10});
    CHECK(shortest.steps[8].rhythm->description == "1 cycle: in 4 s · hold 7 s · out 8 s");
    CHECK(shortest.steps[1].rhythm->description == "2 s + 3 s");
    CHECK(shortest.steps[4].rhythm->description == "5 s + 5 s, each side");

    const Shortened just = shorten_to_fit(session, 477);
    CHECK(just.fit == Fit::shortened);
    CHECK(just.seconds == 477);

    const Shortened short_of = shorten_to_fit(session, 476);
    CHECK(short_of.fit == Fit::too_long);
    CHECK(short_of.seconds == 477);
    CHECK(short_of.session.title == "Nightly wind-down (shortest)");
    CHECK(lengths(short_of.session) == lengths(shortest));
    CHECK(shorten_to_fit(session, 0).fit == Fit::too_long);
}

TEST_CASE("shorten: every fit keeps the steps in order, waits whole, breaths whole") {
    const Session session = tonight();
    double previous = 0;
    for (int seconds = 477; seconds <= 876; ++seconds) {
        CAPTURE(seconds);
        const Shortened fit = shorten_to_fit(session, seconds);
        CHECK(fit.seconds <= seconds);
        CHECK(fit.seconds >= previous); // more time never gives a shorter ritual
        CHECK(fit.seconds == session_seconds(fit.session));
        previous = fit.seconds;
        REQUIRE(fit.session.steps.size() == session.steps.size());
        CHECK(titles(fit.session) == titles(session));
        for (std::size_t i = 0; i < session.steps.size(); ++i) {
            const SessionStep& step = fit.session.steps[i];
            if (step.waits) CHECK(step.seconds == session.steps[i].seconds);
            CHECK(step.length_seconds() <= session.steps[i].length_seconds());
            if (step.rhythm) CHECK(step.rhythm->description == step.rhythm->describe());
        }
        CHECK(fit.session.steps[8].rhythm->repeats >= 1);
    }
    CHECK(previous == 876);
}

TEST_CASE("scale_session: what scales and how, by kind of step") {
    Session session;
    session.title = "Parts";
    session.left_out = {"Something is not in your plan."};
    session.steps = {prompt(120),
                     prompt(300, true),
                     prompt(5),                      // under the floor: kept
                     prompt(1.6),                    // under it too, not whole
                     exercise(15, {2, 3}, false, 0), // repetitions scale
                     exercise(1, {18, 18}, true, 3), // holds scale, the switch stays
                     exercise(1, {4}, false, 0),     // a hold under the floor: kept
                     breath(4)};

    CHECK(lengths(scale_session(session, 1)) == lengths(session));
    CHECK(lengths(scale_session(session, 2)) == lengths(session)); // never longer

    const Session half = scale_session(session, 0.5);
    CHECK(half.title == "Parts");
    CHECK(half.left_out == session.left_out);
    // 120 → 60; waits 300; 5 and 1.6 stay (under the floor); 15 × 5 s → round(7.5) = 8 reps;
    // 18 s holds → 9 s, 2 × 18 + 3 = 39 s; 4 s stays; 4 breaths → 2.
    CHECK(lengths(half) == std::vector<double>{60, 300, 5, 1.6, 40, 39, 4, 38});
    CHECK(half.steps[4].rhythm->repeats == 8);
    CHECK(half.steps[4].rhythm->phases[0].seconds == 2); // each repetition at its own tempo
    CHECK(half.steps[5].rhythm->description == "9 s + 9 s, each side");
    CHECK(half.steps[7].rhythm->description == "2 cycles: in 4 s · hold 7 s · out 8 s");

    // Rounding never lengthens a part: 20.6 s at 0.999 is 20.58 s, which rounds to 21.
    Session odd;
    odd.steps = {prompt(20.6)};
    CHECK(lengths(scale_session(odd, 0.999)) == std::vector<double>{20.6});
    CHECK(lengths(scale_session(odd, 0.95)) == std::vector<double>{20}); // 19.57

    const Session least = scale_session(session, 0);
    // The floors: 10 s for a prompt, 5 s for a hold, one repetition, one breath.
    CHECK(lengths(least) == std::vector<double>{10, 300, 5, 1.6, 5, 23, 4, 19});
}

TEST_CASE("shorten: a routine with nothing to scale offers itself as the shortest") {
    Session session;
    session.title = "Waits";
    session.steps = {prompt(60, true), prompt(60, true)};
    CHECK(shorten_to_fit(session, 120).fit == Fit::full);
    const Shortened fit = shorten_to_fit(session, 119);
    CHECK(fit.fit == Fit::too_long);
    CHECK(fit.seconds == 120);
}
