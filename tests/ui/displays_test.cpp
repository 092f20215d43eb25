#include "plan/plan.h"
#include "run/runner.h"
#include "ui/clock_text.h"
#include "ui/render_plan.h"
#include "ui/stream_displays.h"
#include "ui/terminal_display.h"
#include "ui/text.h"

#include "support/check_lines.h"
#include "support/fake_events.h"
#include "support/fake_output.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono_literals;
using calmlegs::test::check_lines;
using calmlegs::test::FakeEvents;
using calmlegs::test::FakeOutput;

namespace {

/// A prompt of 3 s, then two cycles of in 2 s / out 2 s.
Plan small_plan() {
    Session session;
    session.id = "small";
    session.title = "Small";
    SessionStep prompt;
    prompt.kind = StepKind::prompt;
    prompt.title = "Settle";
    prompt.text = "Lie down.";
    prompt.seconds = 3;
    session.steps.push_back(prompt);
    SessionStep breath;
    breath.kind = StepKind::breathing;
    breath.title = "Breathe";
    breath.notes = {"Stop if dizzy."};
    breath.rhythm = Rhythm{{{PhaseKind::inhale, 2, "In"}, {PhaseKind::exhale, 2, "Out"}},
                           2,
                           false,
                           0,
                           true,
                           "2 cycles: in 2 s · out 2 s"};
    session.steps.push_back(breath);
    return plan_session(session);
}

RunResult run_with(Display& display, const Plan& plan, FakeEvents& events) {
    SilentAnnouncer silent;
    return run_plan(plan, events, display, silent);
}

} // namespace

TEST_CASE("plain display: one line per step and phase, and a summary") {
    const Plan plan = small_plan();
    FakeOutput out;
    PlainDisplay display(out);
    FakeEvents events;
    run_with(display, plan, events);
    const std::string expected = "Small · 2 steps · 11 s\n"
                                 "0:00 Step 1 of 2: Settle (3 s) Lie down.\n"
                                 "Note: Stop if dizzy.\n"
                                 "0:03 Step 2 of 2: Breathe (8 s)\n"
                                 "0:03   In (2 s) · 1 of 2\n"
                                 "0:05   Out (2 s) · 1 of 2\n"
                                 "0:07   In (2 s) · 2 of 2\n"
                                 "0:09   Out (2 s) · 2 of 2\n"
                                 "Done: Small, 2 of 2 steps in 11 s.\n";
    CHECK(out.text() == expected);
    CHECK(out.text().find('\x1b') == std::string::npos);
    CHECK(out.flushes() == 9); // each of the 9 lines flushed as it is written
}

namespace {

/// Tea that waits for Enter (5 min without keys), then a minute to settle.
Plan tea_then_settle() {
    Session session;
    session.id = "tea";
    session.title = "Tea";
    SessionStep tea;
    tea.kind = StepKind::prompt;
    tea.title = "Herbal tea";
    tea.text = "Make tea.";
    tea.seconds = 300;
    tea.waits = true;
    session.steps.push_back(tea);
    SessionStep settle;
    settle.kind = StepKind::prompt;
    settle.title = "Settle";
    settle.text = "Sit.";
    settle.seconds = 60;
    session.steps.push_back(settle);
    return plan_session(session);
}

} // namespace

TEST_CASE("plain display: a step that waits for Enter tells no length, and ? the keys for it") {
    const Plan plan = tea_then_settle();
    FakeOutput out;
    PlainDisplay display(out);
    FakeEvents events;
    events.key_at(3s, '?');    // while the tea waits: Enter goes on, space does nothing
    events.key_at(400s, '\n'); // 100 s longer than the tea's nominal 5 minutes
    events.key_at(410s, '?');  // on a timed step: the usual keys
    run_with(display, plan, events);
    // The routine's clock stands at the tea's planned end when Enter comes, so Settle is
    // due at 5:00; the summary counts the wall clock: 400 s + 60 s.
    check_lines(split_lines(out.text()), {"Tea · 2 steps · 6 min",
                                          "0:00 Step 1 of 2: Herbal tea (until you press Enter) "
                                          "Make tea.",
                                          "0:00   Press Enter when you are ready (n skips).",
                                          "Keys: Enter go on · n skip this step · q quit",
                                          "5:00 Step 2 of 2: Settle (1 min) Sit.",
                                          "Keys: space pause/resume · n next step · q quit",
                                          "Done: Tea, 2 of 2 steps in 7 min 40 s."});
}

TEST_CASE("plain display: without keys a step that waits takes, and tells, its length") {
    const Plan plan = tea_then_settle();
    FakeOutput out;
    PlainDisplay display(out);
    FakeEvents events(false);
    run_with(display, plan, events);
    check_lines(split_lines(out.text()),
                {"Tea · 2 steps · 6 min", "0:00 Step 1 of 2: Herbal tea (5 min) Make tea.",
                 "5:00 Step 2 of 2: Settle (1 min) Sit.", "Done: Tea, 2 of 2 steps in 6 min."});
}

TEST_CASE("plain display: on a narrow terminal lines break between words, in a pipe never") {
    const Plan plan = tea_then_settle();
    FakeOutput narrow({24, 10});
    PlainDisplay on_terminal(narrow);
    FakeEvents events(false);
    run_with(on_terminal, plan, events);
    // "0:00 Step 1 of 2: Herbal tea (5 min) Make tea." is 46 columns: three lines, the later
    // ones indented by two.
    check_lines(split_lines(narrow.text()),
                {"Tea · 2 steps · 6 min", "0:00 Step 1 of 2: Herbal", "  tea (5 min) Make tea.",
                 "5:00 Step 2 of 2: Settle", "  (1 min) Sit.", "Done: Tea, 2 of 2 steps",
                 "  in 6 min."});
    FakeOutput pipe({0, 0});
    PlainDisplay piped(pipe);
    FakeEvents again(false);
    run_with(piped, plan, again);
    CHECK(split_lines(pipe.text())[1] == "0:00 Step 1 of 2: Herbal tea (5 min) Make tea.");
}

TEST_CASE("plain display: pauses and quitting are told in words") {
    const Plan plan = small_plan();
    FakeOutput out;
    PlainDisplay display(out);
    FakeEvents events;
    events.key_at(1s, ' ');
    events.key_at(4s, ' ');
    events.key_at(5s, 'q');
    run_with(display, plan, events);
    CHECK(out.text().find("0:01 Paused: press space to go on, q to quit.\n0:01 Going on.\n") !=
          std::string::npos);
    // Paused from 1 s to 4 s: at 5 s only 2 s of the 3-second first step have passed.
    CHECK(out.text().find("Stopped: Small, 0 of 2 steps done in 5 s, 3 s of it paused.") !=
          std::string::npos);
}

TEST_CASE("JSON display: one object per event with planned and measured times") {
    const Plan plan = small_plan();
    FakeOutput out;
    JsonDisplay display(out);
    FakeEvents events;
    events.set_lateness(300us);
    run_with(display, plan, events);
    const auto lines = split_lines(out.text());
    REQUIRE(lines.size() == plan.cues.size()); // start and end included, once each
    CHECK(lines.front().rfind("{\"event\":\"start\",\"routine\":\"small\",\"step\":null,"
                              "\"title\":\"Small\",\"text\":\"\",\"steps\":2,\"total\":11,",
                              0) == 0);
    CHECK(lines[1] == "{\"event\":\"step\",\"routine\":\"small\",\"step\":1,\"title\":\"Settle\","
                      "\"text\":\"Lie down.\",\"kind\":\"prompt\",\"seconds\":3,\"waits\":false,"
                      "\"notes\":[],\"offset\":0,\"elapsed\":0}");
    CHECK(lines[2] == "{\"event\":\"tick\",\"routine\":\"small\",\"step\":1,\"title\":\"Settle\","
                      "\"text\":\"\",\"remaining\":2,\"offset\":1,\"elapsed\":1.0003}");
    bool saw_phase = false;
    for (const auto& line : lines)
        if (line.find("\"event\":\"phase\"") != std::string::npos &&
            line.find("\"offset\":5,") != std::string::npos) {
            saw_phase = true;
            CHECK(line.find("\"text\":\"Out\",\"phase\":\"exhale\",\"seconds\":2,\"cycle\":1,"
                            "\"cycles\":2") != std::string::npos);
            CHECK(line.find("\"elapsed\":5.0003") != std::string::npos);
        }
    CHECK(saw_phase);
    CHECK(lines.back() ==
          "{\"event\":\"end\",\"routine\":\"small\",\"step\":null,\"title\":\"Small\","
          "\"text\":\"Done: Small, 2 of 2 steps in 11 s.\",\"outcome\":\"completed\","
          "\"signal\":null,\"steps_done\":2,\"steps_skipped\":0,\"steps_total\":2,\"paused\":0,"
          "\"wall\":11.0003,\"offset\":11,\"elapsed\":11.0003}");
}

TEST_CASE("terminal display: takes the screen, draws frames, gives it all back") {
    const Plan plan = small_plan();
    FakeOutput out({60, 20});
    TerminalDisplay display(out, Style(false), BarGlyphs::ascii(),
                            [](Nanos) { return std::string("22:41"); });
    FakeEvents events;
    run_with(display, plan, events);
    const std::string& text = out.text();
    CHECK(text.rfind("\x1b[?1049h\x1b[22;0t\x1b[?25l", 0) == 0); // alternate screen, cursor hidden
    const auto restored = text.rfind("\x1b[?25h\x1b[23;0t\x1b[?1049l");
    REQUIRE(restored != std::string::npos);
    CHECK(text.rfind("\x1b[?25l") < restored); // nothing hides the cursor after it is shown
    CHECK(text.substr(restored).find("Done: Small, 2 of 2 steps in 11 s.\n") != std::string::npos);
    CHECK(text.find("\x1b]0;calmlegs · 0:11 left\x07") != std::string::npos); // window title
    CHECK(text.find("ends at 22:41") != std::string::npos);
}

TEST_CASE("terminal display: the breathing bar fills on the in-breath and empties on the out") {
    const Plan plan = small_plan();
    FakeOutput out({60, 20});
    TerminalDisplay display(out, Style(false), BarGlyphs::ascii(), nullptr);
    display.begin(plan, true);
    // Walk the cues up to the first inhale (at 3 s).
    std::size_t i = 0;
    for (; plan.cues[i].kind != CueKind::phase; ++i)
        display.cue(plan.cues[i], plan.cues[i].at);
    display.cue(plan.cues[i], 3s);
    CHECK(display.model(3s).breath == doctest::Approx(0));
    CHECK(display.model(4s).breath == doctest::Approx(0.5));
    CHECK(display.model(4s).cue == "In");
    CHECK(display.model(4s).countdown == "1");
    CHECK(display.model(4s).position == "cycle 1 of 2");
    CHECK(display.model(4s).step == "Step 2 of 2 · Breathe");
    CHECK(display.model(4s).notes == std::vector<std::string>{"Stop if dizzy."});
    // The next redraw is when the bar gains cells: it has 36 at 60 columns, so over a 2 s
    // breath one every 55.6 ms; but frames come no more than 12.5 times a second, so two.
    // Frame k comes at the first nanosecond of 2k cells, k × 2 s × 2 / 36 after the phase
    // began (at 3 s), rounded up: at 4 s the bar has 18 cells (k = 9), so k = 10 comes next.
    const int cells = breath_bar_width(60);
    CHECK(cells == 36);
    const auto bar_cells = [&](Nanos at) {
        const auto lines =
            render_frame(display.model(at), 60, 20, Style(false), BarGlyphs::ascii());
        std::size_t count = 0;
        for (const auto& line : lines)
            count += static_cast<std::size_t>(std::count(line.begin(), line.end(), '#'));
        return count;
    };
    CHECK(bar_cells(4s) == 18);
    const auto next = display.next_frame(4s);
    REQUIRE(next.has_value());
    CHECK(*next == Nanos(4'111'111'112)); // 3 s + ⌈10 × 4 s / 36⌉
    CHECK(bar_cells(*next) == 20);
    CHECK(bar_cells(*next - 1ns) == 19);
    const auto after = display.next_frame(*next);
    REQUIRE(after.has_value());
    CHECK(*after == Nanos(4'222'222'223)); // 3 s + ⌈11 × 4 s / 36⌉
    CHECK(bar_cells(*after) == 22);
    // A frame asked for a nanosecond early is the same frame.
    CHECK(display.next_frame(*next - 1ns) == next);
    // The last frame is at 34 cells (k = 17); the 36th cell comes with the out-breath's cue.
    CHECK(display.next_frame(Nanos(3s) + Nanos(1'777'777'778)) == Nanos(3s) + Nanos(1'888'888'889));
    CHECK_FALSE(display.next_frame(Nanos(3s) + Nanos(1'888'888'889)).has_value());
    // The out-breath.
    for (++i; plan.cues[i].kind != CueKind::phase; ++i)
        display.cue(plan.cues[i], plan.cues[i].at);
    display.cue(plan.cues[i], plan.cues[i].at);
    CHECK(display.model(5500ms).breath == doctest::Approx(0.75));
    CHECK(display.model(5500ms).cue == "Out");
    CHECK(display.model(5500ms).total_left == "0:06");
}

TEST_CASE("render_frame fits any terminal and keeps what matters when short") {
    FrameModel m;
    m.routine = "calmlegs · Nightly wind-down";
    m.step = "Step 9 of 10 · 4-7-8 breathing";
    m.text = "In through the nose for 4 seconds, hold for 7, out through the mouth for 8.";
    m.notes = {"If holding your breath makes you light-headed, stop the holds."};
    m.cue = "Breathe in quietly through your nose";
    m.countdown = "3";
    m.position = "cycle 2 of 4";
    m.breathing = true;
    m.breath = 0.5;
    m.step_left = "0:41";
    m.total_left = "2:12";
    m.ends_at = "22:41";
    for (int width : {1, 2, 12, 19, 20, 40, 80, 100})
        for (int height : {6, 10, 24})
            for (const bool colour : {false, true}) {
                CAPTURE(width);
                CAPTURE(height);
                CAPTURE(colour);
                const auto lines = render_frame(m, width, height, Style(colour), BarGlyphs{});
                CHECK(static_cast<int>(lines.size()) <= height);
                for (const auto& line : lines)
                    CHECK(display_width(line) <= width);
                std::string all;
                for (const auto& line : lines)
                    all += line + "\n";
                if (width >= 12) { // what matters most is still there, where it fits
                    CHECK(all.find("Step 9 of") != std::string::npos);
                    CHECK(all.find("q quit") != std::string::npos);
                }
            }
    m.paused = true;
    const auto paused = render_frame(m, 80, 24, Style(false), BarGlyphs{});
    CHECK(paused.back() == "Paused. space: go on · q: quit");
    m.paused = false;
    m.waiting = true;
    CHECK(render_frame(m, 80, 24, Style(false), BarGlyphs{}).back() ==
          "Press Enter when you are ready · n: skip · q: quit");
}

TEST_CASE("the dry-run text lists each step with its offset, and the total") {
    const Plan plan = small_plan();
    RenderOptions options;
    options.width = 80;
    const std::string text = render_plan(plan, options);
    CHECK(text.find("Small · 11 s · 2 steps") == 0);
    CHECK(text.find("0:00  Settle · 3 s") != std::string::npos);
    CHECK(text.find("0:03  Breathe · 8 s") != std::string::npos);
    CHECK(text.find("2 cycles: in 2 s · out 2 s") != std::string::npos);
    CHECK(text.find("! Stop if dizzy.") != std::string::npos);
    CHECK(text.find("0:11  End · total 11 s") != std::string::npos);
}

TEST_CASE("the dry-run text at a --speed rounds its times as it rounds its lengths") {
    Session session;
    session.id = "odd";
    session.title = "Odd";
    for (const char* title : {"One", "Two", "Three"}) {
        SessionStep step;
        step.kind = StepKind::prompt;
        step.title = title;
        step.seconds = 10;
        session.steps.push_back(step);
    }
    // At --speed 4 each step is 2.5 s: they start at 0, 2.5 and 5 s, and end at 7.5 s.
    const Plan plan = plan_session(session, 4);
    RenderOptions options;
    options.width = 80;
    const std::string text = render_plan(plan, options);
    CHECK(text.find("Odd · 8 s · 3 steps · at --speed 4") == 0);
    CHECK(text.find("0:00  One · 3 s") != std::string::npos);
    CHECK(text.find("0:03  Two · 3 s") != std::string::npos);
    CHECK(text.find("0:05  Three · 3 s") != std::string::npos);
    CHECK(text.find("0:08  End · total 8 s") != std::string::npos);
}

TEST_CASE("clock texts") {
    CHECK(clock_text(0s) == "0:00");
    CHECK(clock_text(76s) == "1:16");
    CHECK(clock_text(3723s) == "1:02:03");
    CHECK(countdown_text(999ms) == "0:01");
    CHECK(countdown_text(1000ms) == "0:01");
    CHECK(countdown_text(1001ms) == "0:02");
    CHECK(countdown_text(-5s) == "0:00");
    CHECK(length_words(876s) == "14 min 36 s");
    CHECK(length_words(300s) == "5 min");
    CHECK(length_words(3900s) == "1 h 5 min");
    CHECK(length_words(0s) == "0 s");
    CHECK(seconds_words(2500ms) == "2.5 s");
}

namespace {

/// One breathing step: in 4 s, hold 7 s, out 8 s, once.
Plan four_seven_eight(double speed) {
    Session session;
    session.id = "478";
    session.title = "478";
    SessionStep breath;
    breath.kind = StepKind::breathing;
    breath.title = "Breathe";
    breath.rhythm = Rhythm{
        {{PhaseKind::inhale, 4, "In"}, {PhaseKind::hold, 7, "Hold"}, {PhaseKind::exhale, 8, "Out"}},
        1,
        false,
        0,
        true,
        "1 cycle: in 4 s · hold 7 s · out 8 s"};
    session.steps.push_back(breath);
    return plan_session(session, speed);
}

} // namespace

TEST_CASE("terminal countdowns at --speed 3 count the nominal seconds, each once") {
    // At --speed 3 the hold runs from 1333 to 3667 ms: 2334 ms, 7.002 s nominal, because each
    // time is rounded to the millisecond. The countdown still starts at 7, and each tick (at a
    // whole nominal second, 5 to 10 s) shows one less: 6 down to 1.
    const Plan plan = four_seven_eight(3);
    FakeOutput out({60, 20});
    TerminalDisplay display(out, Style(false), BarGlyphs::ascii(), nullptr);
    display.begin(plan, true);
    std::vector<std::string> shown;
    bool in_hold = false;
    for (const Cue& cue : plan.cues) {
        if (cue.kind == CueKind::end) break;
        display.cue(cue, cue.at);
        if (cue.kind == CueKind::phase) in_hold = cue.phase == PhaseKind::hold;
        if (in_hold && (cue.kind == CueKind::phase || cue.kind == CueKind::tick))
            shown.push_back(display.model(cue.at).countdown);
    }
    CHECK(shown == std::vector<std::string>{"7", "6", "5", "4", "3", "2", "1"});
    // The in-breath (1333 ms: 3.999 s) and the out-breath (2666 ms: 7.998 s) start at 4 and 8;
    // the step and the routine (6333 ms: 18.999 s) at 0:19.
    TerminalDisplay fresh(out, Style(false), BarGlyphs::ascii(), nullptr);
    fresh.begin(plan, true);
    for (const Cue& cue : plan.cues) {
        if (cue.kind == CueKind::end) break;
        fresh.cue(cue, cue.at);
        if (cue.kind != CueKind::phase) continue;
        const FrameModel m = fresh.model(cue.at);
        if (cue.phase == PhaseKind::inhale) {
            CHECK(m.countdown == "4");
            CHECK(m.step_left == "0:19");
            CHECK(m.total_left == "0:19");
        }
        if (cue.phase == PhaseKind::exhale) {
            CHECK(m.countdown == "8");
            CHECK(m.step_left == "0:08");
        }
    }
}

TEST_CASE("terminal countdown: a part of a second counts as one, down to the millisecond") {
    const Plan plan = small_plan(); // the first in-breath: 3 s to 5 s
    FakeOutput out({60, 20});
    TerminalDisplay display(out, Style(false), BarGlyphs::ascii(), nullptr);
    display.begin(plan, true);
    std::size_t i = 0;
    for (; plan.cues[i].kind != CueKind::phase; ++i)
        display.cue(plan.cues[i], plan.cues[i].at);
    display.cue(plan.cues[i], plan.cues[i].at);
    CHECK(display.model(3s).countdown == "2");
    CHECK(display.model(3999ms).countdown == "2"); // 1.001 s left
    CHECK(display.model(4s).countdown == "1");
    CHECK(display.model(4999ms).countdown == "1");
    CHECK(display.model(5s).countdown == "0");
    CHECK(display.model(3999ms).total_left == "0:08"); // 7.001 s left
    CHECK(display.model(4s).total_left == "0:07");
    // At --speed 1000 a second is a millisecond: 4 ms left is still 4.
    const Plan fast = four_seven_eight(1000);
    TerminalDisplay quick(out, Style(false), BarGlyphs::ascii(), nullptr);
    quick.begin(fast, true);
    std::size_t k = 0;
    for (; fast.cues[k].kind != CueKind::phase; ++k)
        quick.cue(fast.cues[k], fast.cues[k].at);
    quick.cue(fast.cues[k], fast.cues[k].at);
    CHECK(quick.model(0ms).countdown == "4");
    CHECK(quick.model(0ms).total_left == "0:19");
    CHECK(quick.model(1ms).countdown == "3");
}

TEST_CASE("plain display at --speed 3: lengths as they are at normal speed") {
    // The out-breath lasts 2666 ms, 7.998 s nominal: said as 8 s, not 8.0 s.
    const Plan plan = four_seven_eight(3);
    FakeOutput out;
    PlainDisplay display(out);
    FakeEvents events;
    run_with(display, plan, events);
    CHECK(out.text() == "478 · 1 step · 19 s\n"
                        "0:00 Step 1 of 1: Breathe (19 s)\n"
                        "0:00   In (4 s)\n"
                        "0:01   Hold (7 s)\n"
                        "0:03   Out (8 s)\n"
                        "Done: 478, 1 of 1 step in 6 s.\n");
}

TEST_CASE("render_frame: each width threshold, one column either side") {
    FrameModel m;
    m.routine = "R";
    m.step = "Step 1 of 1 · S";
    m.cue = "In";
    m.countdown = "4";
    m.breathing = true;
    m.breath = 0.25;
    m.step_left = "0:04";
    m.total_left = "0:04";
    const auto status = [&](int width) {
        return render_frame(m, width, 24, Style(false), BarGlyphs::ascii()).back();
    };
    const auto filled = [&](int width) {
        const auto lines = render_frame(m, width, 24, Style(false), BarGlyphs::ascii());
        std::size_t count = 0;
        for (const auto& line : lines)
            count += static_cast<std::size_t>(std::count(line.begin(), line.end(), '#')) +
                     static_cast<std::size_t>(std::count(line.begin(), line.end(), '.'));
        return count;
    };
    // The breathing bar: 24 columns less than the terminal, from 10 to 48 cells.
    CHECK(breath_bar_width(19) == 10);
    CHECK(breath_bar_width(34) == 10);
    CHECK(breath_bar_width(35) == 11);
    CHECK(breath_bar_width(71) == 47);
    CHECK(breath_bar_width(72) == 48);
    CHECK(breath_bar_width(73) == 48);
    CHECK(filled(34) == 10);
    CHECK(filled(35) == 11);
    CHECK(filled(72) == 48);
    CHECK(filled(73) == 48);
    // The instruction wraps at the terminal's own width, however narrow: a text of 20
    // columns is one line at 20, two at 19.
    m.text = "abcd efgh ijkl mnopq";
    const auto at_20 = render_frame(m, 20, 24, Style(false), BarGlyphs::ascii());
    CHECK(std::find(at_20.begin(), at_20.end(), m.text) != at_20.end());
    const auto at_19 = render_frame(m, 19, 24, Style(false), BarGlyphs::ascii());
    CHECK(std::find(at_19.begin(), at_19.end(), "abcd efgh ijkl") != at_19.end());
    CHECK(std::find(at_19.begin(), at_19.end(), "mnopq") != at_19.end());
    // Below 34 columns the bar keeps 10 cells while "  " + 10 + "  " + a count of two fit
    // (16 columns), then gives way one cell a column.
    CHECK(filled(19) == 10);
    CHECK(breath_bar_width(16) == 10);
    CHECK(breath_bar_width(15) == 9);
    CHECK(breath_bar_width(12) == 6);
    CHECK(breath_bar_width(7) == 1);
    CHECK(breath_bar_width(1) == 1);
    m.text.clear();
    // Where you are ("cycle 2 of 4") gives way before the count: below 34 columns the meter is
    // "  " + 10 cells + "  " + "4", 15 columns, and the position 3 + 12 more.
    m.position = "cycle 2 of 4";
    const auto meter = [&](int width) {
        const auto lines = render_frame(m, width, 24, Style(false), BarGlyphs::ascii());
        for (const auto& line : lines)
            if (line.find('#') != std::string::npos) return line;
        return std::string();
    };
    CHECK(meter(30) == "  ##........  4   cycle 2 of 4"); // a quarter of 10: 2 cells
    CHECK(meter(29) == "  ##........  4");
    m.position.clear();
    // The key help in full from 40 columns.
    CHECK(status(39) == "q quit · ? help");
    CHECK(status(40) == "space pause · n next · q quit · ? help");
    m.paused = true;
    CHECK(status(31) == "Paused · space · q");
    CHECK(status(32) == "Paused. space: go on · q: quit");
    m.paused = false;
    m.waiting = true;
    CHECK(status(51) == "Enter: go on · q quit");
    CHECK(status(52) == "Press Enter when you are ready · n: skip · q: quit");
}

TEST_CASE("the breathing bar fills a cell only when it is whole") {
    FrameModel m;
    m.routine = "R";
    m.step = "S";
    m.breathing = true;
    const auto filled = [&](double breath) {
        m.breath = breath;
        std::size_t count = 0;
        for (const auto& line : render_frame(m, 72, 24, Style(false), BarGlyphs::ascii()))
            count += static_cast<std::size_t>(std::count(line.begin(), line.end(), '#'));
        return count;
    };
    // 48 cells: a quarter is 12; 1/1024 less is 11.95 cells, so 11.
    CHECK(filled(0.25) == 12);
    CHECK(filled(0.25 - 1.0 / 1024) == 11);
    CHECK(filled(0.25 + 1.0 / 1024) == 12);
    // Empty, full, and beyond either end.
    CHECK(filled(0.0) == 0);
    CHECK(filled(1.0) == 48);
    CHECK(filled(1.5) == 48); // clamped
    CHECK(filled(-1) == 0);
}

TEST_CASE("clock texts at their rounding boundaries") {
    // clock_text rounds down.
    CHECK(clock_text(59'999ms) == "0:59");
    CHECK(clock_text(60s) == "1:00");
    CHECK(clock_text(3'599'999ms) == "59:59");
    CHECK(clock_text(3600s) == "1:00:00");
    // countdown_text rounds up.
    CHECK(countdown_text(0ns) == "0:00");
    CHECK(countdown_text(1ns) == "0:01");
    CHECK(countdown_text(59'999ms) == "1:00");
    CHECK(countdown_text(60'001ms) == "1:01");
    CHECK(countdown_text(3'599'001ms) == "1:00:00");
    // length_words rounds a half up.
    CHECK(length_words(1499ms) == "1 s");
    CHECK(length_words(1500ms) == "2 s");
    CHECK(length_words(499ms) == "0 s");
    CHECK(length_words(500ms) == "1 s");
    CHECK(length_words(59'499ms) == "59 s");
    CHECK(length_words(59'500ms) == "1 min");
    CHECK(length_words(3'599'499ms) == "59 min 59 s");
    CHECK(length_words(3'599'500ms) == "1 h");
    CHECK(length_words(-3s) == "0 s");
    // seconds_words: to the tenth, a half up, and no ".0".
    CHECK(seconds_words(2000ms) == "2 s");
    CHECK(seconds_words(2001ms) == "2 s");
    CHECK(seconds_words(2049ms) == "2 s");
    CHECK(seconds_words(2050ms) == "2.1 s");
    CHECK(seconds_words(1949ms) == "1.9 s");
    CHECK(seconds_words(1950ms) == "2 s");
    CHECK(seconds_words(7998ms) == "8 s");
    CHECK(seconds_words(50ms) == "0.1 s");
    CHECK(seconds_words(49ms) == "0 s");
}

TEST_CASE("nominal: a time at --speed as it is at normal speed, to the nearest nanosecond") {
    CHECK(nominal(0ns, 3) == 0ns);
    CHECK(nominal(1ms, 1000) == 1s);
    CHECK(nominal(667ms, 3) == 2001ms); // a 2 s phase at --speed 3, rounded to the millisecond
    CHECK(nominal(20s, 0.5) == 10s);
    // 63 s at --speed 0.7 lasts 90 s, and 90e9 ns × 0.7 is 62999999999.99999 in floating
    // point: rounded, it is 63 s; cut, a nanosecond short, it would read 1:02 on a clock that
    // rounds down.
    CHECK(nominal(90s, 0.7) == 63s);
    CHECK(clock_text(nominal(90s, 0.7)) == "1:03");
    // The half nanosecond: 3 ns at 0.5 is 1.5 ns, rounded away from zero to 2.
    CHECK(nominal(3ns, 0.5) == 2ns);
    CHECK(nominal(1ns, 0.4) == 0ns);
}

TEST_CASE("a step of 59.6 s reads 1 min in the plain display and 1:00 on the countdown") {
    // Both displays make the step's real length nominal with the same nominal(): at each
    // speed it is 59.6 s give or take the planner's millisecond (59.6001 s at --speed 0.7,
    // 59.601 s at --speed 3). The plain display rounds a length to the nearest second, a
    // countdown counts a part of a second as one: both say a minute.
    for (const double speed : {1.0, 0.7, 3.0}) {
        CAPTURE(speed);
        Session session;
        session.id = "long";
        session.title = "Long";
        SessionStep step;
        step.kind = StepKind::prompt;
        step.title = "Sit";
        step.seconds = 59.6;
        session.steps.push_back(step);
        const Plan plan = plan_session(session, speed);
        FakeOutput out;
        PlainDisplay plain(out);
        FakeEvents events(false);
        run_with(plain, plan, events);
        CHECK(split_lines(out.text()).at(1) == "0:00 Step 1 of 1: Sit (1 min)");
        TerminalDisplay screen(out, Style(false), BarGlyphs::ascii(), nullptr);
        screen.begin(plan, false);
        screen.cue(plan.cues[0], 0s);
        screen.cue(plan.cues[1], 0s);
        CHECK(screen.model(0s).step_left == "1:00");
        CHECK(screen.model(0s).countdown == "1:00");
        // 0.6 s (nominal) later, 59 s are left, to the millisecond the plan rounded to.
        const Nanos later = Nanos(plan.steps[0].length) - nominal(59s, 1 / speed);
        CHECK(screen.model(later).step_left == "0:59");
        CHECK(screen.model(later - 2ms).step_left == "1:00");
    }
}
