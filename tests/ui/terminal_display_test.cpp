// The full-screen display as a terminal would show it: steps that wait for Enter, and any
// width down to one column. What it wrote is read back into screens (support/fake_screen.h).

#include "ui/terminal_display.h"

#include "run/runner.h"
#include "ui/text.h"

#include "support/fake_events.h"
#include "support/fake_output.h"
#include "support/fake_screen.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono_literals;
using calmlegs::test::FakeEvents;
using calmlegs::test::FakeOutput;
using calmlegs::test::Screen;
using calmlegs::test::screens_of;

namespace {

/// As tonight begins: tea that waits for Enter (5 min), then 1 min and 30 s of prompts.
Plan tea_first(double speed) {
    Session session;
    session.id = "tea";
    session.title = "Tea";
    for (const auto& [title, seconds, waits] :
         {std::tuple{"Herbal tea", 300, true}, {"Settle", 60, false}, {"Rest", 30, false}}) {
        SessionStep step;
        step.kind = StepKind::prompt;
        step.title = title;
        step.text = "Do it.";
        step.seconds = seconds;
        step.waits = waits;
        session.steps.push_back(step);
    }
    return plan_session(session, speed);
}

/// The screens of a run of `plan` on a terminal of `size`, keys as `events` scripts them.
std::vector<Screen> run_screens(const Plan& plan, FakeEvents& events, TerminalSize size,
                                bool colour = false, const BarGlyphs& glyphs = {}) {
    FakeOutput out(size);
    TerminalDisplay display(out, Style(colour), glyphs, [](Nanos) { return std::string("22:41"); });
    SilentAnnouncer silent;
    run_plan(plan, events, display, silent);
    return screens_of(out.text());
}

bool has_line(const Screen& screen, const std::string& line) {
    return std::find(screen.lines.begin(), screen.lines.end(), line) != screen.lines.end();
}

const std::string k_waiting_title = "calmlegs · waiting for Enter";

} // namespace

TEST_CASE("terminal display: a step that waits for Enter counts nothing down") {
    for (const double speed : {1.0, 1000.0}) {
        CAPTURE(speed);
        const Plan plan = tea_first(speed);
        const Nanos second = Nanos(1s) / static_cast<long long>(speed);
        FakeEvents events;
        events.key_at(3 * second, '?');    // 3 s into the wait...
        events.key_at(10 * second, '?');   // ...and hidden again
        events.key_at(400 * second, '\n'); // 400 s: longer than the tea's 5 minutes
        const auto screens = run_screens(plan, events, {80, 24});
        REQUIRE(screens.size() >= 5);
        // From the very first frame of the step, before the runner says it waits: no step
        // countdown ("5:00 left"), the routine's time after this step (1 min 30 s, at normal
        // speed whatever the --speed), no end time, and the keys that work now.
        for (std::size_t i = 0; i < 4; ++i) {
            CAPTURE(i);
            CAPTURE(screens[i].text());
            CHECK(screens[i].title == k_waiting_title);
            CHECK(has_line(screens[i], "  step   until you press Enter"));
            CHECK(screens[i].text().find("  total  ") != std::string::npos);
            CHECK(screens[i].text().find("1:30 left after this step") != std::string::npos);
            CHECK(screens[i].text().find("ends at") == std::string::npos);
            CHECK(screens[i].text().find("5:00") == std::string::npos);
            CHECK(screens[i].text().find("4:57") == std::string::npos); // 3 s in, at the ?
            CHECK(screens[i].text().find("0:00") == std::string::npos);
        }
        // The step cue, the wait, ? (the keys, Enter among them), ? again.
        CHECK(screens[1].lines.back() == "Press Enter when you are ready · n: skip · q: quit");
        CHECK(screens[2].lines.back() ==
              "Enter: go on · n: skip this step · q: quit · Ctrl-Z: suspend · ?: hide");
        CHECK(screens[3].lines.back() == "Press Enter when you are ready · n: skip · q: quit");
        // Enter: the next step counts down from its start, and so does the routine.
        const auto next = std::find_if(screens.begin() + 4, screens.end(),
                                       [](const Screen& s) { return s.title != k_waiting_title; });
        REQUIRE(next != screens.end());
        CHECK(has_line(*next, "Step 2 of 3 · Settle"));
        CHECK(next->title == "calmlegs · 1:30 left");
        CHECK(next->text().find("1:00 left") != std::string::npos);
        CHECK(next->text().find("ends at 22:41") != std::string::npos);
        CHECK(next->lines.back() == "space pause · n next · q quit · ? help");
    }
}

TEST_CASE("terminal display: the model of a waiting step has no countdown and no end time") {
    const Plan plan = tea_first(1);
    FakeOutput out({80, 24});
    TerminalDisplay display(out, Style(false), BarGlyphs{}, [](Nanos) { return std::string("x"); });
    display.begin(plan, true);
    display.cue(plan.cues[0], 0s); // start
    display.cue(plan.cues[1], 0s); // the tea
    display.event(RunEvent::waiting, 0s);
    // The runner's clock goes on while the step waits; the model does not follow it.
    for (const Nanos elapsed : {Nanos(0s), Nanos(3s), Nanos(299s), Nanos(400s)}) {
        CAPTURE(elapsed.count());
        const FrameModel m = display.model(elapsed);
        CHECK(m.waiting);
        CHECK(m.countdown.empty());
        CHECK(m.step_left.empty());
        CHECK(m.step_done == 0);
        CHECK(m.total_left == "1:30");
        CHECK(m.total_done == 0); // the tea is the first step: nothing is done yet
        CHECK(m.ends_at.empty());
    }
    // Should the runner not wait after all (the terminal went away), the step's first tick
    // brings its countdown back.
    REQUIRE(plan.cues[2].kind == CueKind::tick);
    display.cue(plan.cues[2], 1s);
    CHECK_FALSE(display.model(1s).waiting);
    CHECK(display.model(1s).step_left == "4:59");
    CHECK(display.model(1s).ends_at == "x");
}

TEST_CASE("terminal display: without keys a step that waits takes its length and counts it") {
    const Plan plan = tea_first(1);
    FakeEvents events(false);
    const auto screens = run_screens(plan, events, {80, 24});
    REQUIRE_FALSE(screens.empty());
    CHECK(screens[0].title == "calmlegs · 6:30 left");
    CHECK(screens[0].text().find("5:00 left") != std::string::npos);
    CHECK(screens[0].text().find("until you press Enter") == std::string::npos);
    for (const auto& screen : screens)
        CHECK(screen.title != k_waiting_title);
}

namespace {

/// A routine with everything a frame shows: a long title, a note, a breath with its bar and
/// cycles, an exercise on both sides, and a step that waits.
Plan everything() {
    Session session;
    session.id = "all";
    session.title = "A routine with a title far longer than a narrow terminal";
    SessionStep breath;
    breath.kind = StepKind::breathing;
    breath.title = "4-7-8 breathing, lying on your back";
    breath.text = "In through the nose for 4 seconds, hold for 7, out through the mouth for 8.";
    breath.notes = {"If holding your breath makes you light-headed, stop the holds."};
    breath.rhythm = Rhythm{{{PhaseKind::inhale, 4, "Breathe in quietly through your nose"},
                            {PhaseKind::hold, 7, "Hold"},
                            {PhaseKind::exhale, 8, "Breathe out through your mouth"}},
                           2,
                           false,
                           0,
                           true,
                           ""};
    session.steps.push_back(breath);
    SessionStep stretch;
    stretch.kind = StepKind::exercise;
    stretch.title = "Leg extensions";
    stretch.text = "Straighten one knee until the leg is level with the hip.";
    stretch.rhythm = Rhythm{{{PhaseKind::move, 2, "Straighten your leg and hold"},
                             {PhaseKind::move, 1, "Lower it slowly"}},
                            2,
                            true,
                            1,
                            false,
                            ""};
    session.steps.push_back(stretch);
    SessionStep tea;
    tea.kind = StepKind::prompt;
    tea.title = "Herbal tea";
    tea.text = "Make a cup of chamomile and lemon balm tea.";
    tea.seconds = 300;
    tea.waits = true;
    session.steps.push_back(tea);
    return plan_session(session);
}

} // namespace

TEST_CASE("terminal display: no line is ever wider than the terminal, down to one column") {
    const Plan plan = everything();
    // The tea starts at 19 × 2 + (9 × 2 + 1) = 57 s.
    for (const int width : {1, 12, 19, 20}) {
        for (const bool colour : {false, true}) {
            CAPTURE(width);
            CAPTURE(colour);
            FakeEvents events;
            events.key_at(5s, ' ');   // paused...
            events.key_at(6s, ' ');   // ...and on
            events.key_at(58s, '?');  // the keys, while the tea waits
            events.key_at(60s, '\n'); // the end
            const auto screens = run_screens(plan, events, {width, 24}, colour);
            REQUIRE(screens.size() > 50); // every cue and the breaths' frames
            for (const auto& screen : screens) {
                CHECK(screen.lines.size() <= 24);
                for (const auto& line : screen.lines) {
                    CAPTURE(line);
                    CHECK(display_width(line) <= width);
                }
            }
            // What is cut still shows where it was cut.
            CHECK(screens.front().lines.front().find("…") != std::string::npos);
        }
    }
}

TEST_CASE("terminal display: in ASCII a cut line ends with '...' and still fits") {
    const Plan plan = everything();
    for (const int width : {2, 3, 12, 20}) {
        CAPTURE(width);
        FakeEvents events;
        events.key_at(60s, '\n');
        const auto screens = run_screens(plan, events, {width, 24}, false, BarGlyphs::ascii());
        REQUIRE(!screens.empty());
        for (const auto& screen : screens)
            for (const auto& line : screen.lines) {
                CAPTURE(line);
                CHECK(display_width(line) <= width);
                CHECK(line.find("…") == std::string::npos);
            }
        // Three columns or more: the cut is marked; fewer: the text is only cut.
        const std::string& header = screens.front().lines.front();
        CHECK((header.find("...") != std::string::npos) == (width >= 3));
    }
}

TEST_CASE("terminal display: a frame that fills a short screen is never cleared from below") {
    // Moving to the row below the last one leaves the cursor on the last row, and clearing
    // from there would erase the keys line until the next change.
    const Plan plan = everything();
    for (const int rows : {6, 8, 10, 12}) {
        CAPTURE(rows);
        FakeOutput out({80, rows});
        TerminalDisplay display(out, Style(false), BarGlyphs{}, nullptr);
        display.begin(plan, true);
        for (const Cue& cue : plan.cues) {
            if (cue.kind == CueKind::end) break;
            display.cue(cue, cue.at);
        }
        CHECK(out.text().find("\x1b[" + std::to_string(rows + 1) + ";1H") == std::string::npos);
        CHECK(out.text().find("\x1b[" + std::to_string(rows) + ";1H") != std::string::npos);
    }
}

TEST_CASE("terminal display: a resize to one column and back redraws within the width") {
    const Plan plan = everything();
    FakeOutput out({80, 24});
    TerminalDisplay display(out, Style(true), BarGlyphs{}, nullptr);
    display.begin(plan, true);
    // From which screen on each width holds: 80 columns, one after 20 s, 12 after 40 s.
    std::vector<std::pair<std::size_t, int>> widths = {{0, 80}};
    for (const Cue& cue : plan.cues) {
        if (cue.kind == CueKind::end) break;
        display.cue(cue, cue.at);
        if (cue.at == 20s || cue.at == 40s) {
            const int width = cue.at == 20s ? 1 : 12;
            out.set_size({width, 24});
            widths.emplace_back(screens_of(out.text()).size(), width);
            display.resize();
        }
    }
    REQUIRE(widths.size() == 3);
    const auto screens = screens_of(out.text());
    REQUIRE(screens.size() > widths[2].first);
    CHECK(widths[2].first - widths[1].first > 5); // several frames drawn at one column
    for (std::size_t i = 0; i < screens.size(); ++i) {
        int width = 0;
        for (const auto& [from, w] : widths)
            if (i >= from) width = w;
        CAPTURE(i);
        CAPTURE(width);
        for (const auto& line : screens[i].lines)
            CHECK(display_width(line) <= width);
    }
    // Each resize clears the screen and draws every line again.
    std::size_t cleared = 0;
    for (std::size_t at = out.text().find("\x1b[2J"); at != std::string::npos;
         at = out.text().find("\x1b[2J", at + 1))
        ++cleared;
    CHECK(cleared == 3); // the first frame and the two resizes
}
