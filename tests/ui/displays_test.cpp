#include "plan/plan.h"
#include "run/runner.h"
#include "ui/clock_text.h"
#include "ui/render_plan.h"
#include "ui/stream_displays.h"
#include "ui/terminal_display.h"
#include "ui/text.h"

#include "support/fake_events.h"
#include "support/fake_output.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace std::chrono_literals;
using calmlegs::test::FakeEvents;
using calmlegs::test::FakeOutput;

namespace {

/// A prompt of 3 s, then two cycles of in 2 s / out 2 s.
Plan small_plan() {
    Session session;
    session.id = "small";
    session.title = "Small";
    SessionStep prompt;
    prompt.kind = "prompt";
    prompt.title = "Settle";
    prompt.text = "Lie down.";
    prompt.seconds = 3;
    session.steps.push_back(prompt);
    SessionStep breath;
    breath.kind = "breathing";
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
    CHECK(out.flushes() >= 9); // every line flushed at once
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
    display.begin(plan);
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
    const int cells = breath_bar_width(60);
    CHECK(cells == 36);
    const auto next = display.next_frame(4s);
    REQUIRE(next.has_value());
    CHECK(*next > Nanos(4s));
    CHECK(*next <= Nanos(4s) + 2 * (Nanos(2s) / cells));
    const auto after = display.next_frame(*next);
    REQUIRE(after.has_value());
    CHECK(*after - *next >= Nanos(80ms));
    CHECK(display.model(*after).breath > display.model(*next).breath);
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
    for (int width : {20, 40, 80, 100})
        for (int height : {6, 10, 24}) {
            CAPTURE(width);
            CAPTURE(height);
            const auto lines = render_frame(m, width, height, Style(false), BarGlyphs{});
            CHECK(static_cast<int>(lines.size()) <= height);
            for (const auto& line : lines)
                CHECK(display_width(line) <= width);
            std::string all;
            for (const auto& line : lines)
                all += line + "\n";
            CHECK(all.find("Step 9 of 10") != std::string::npos);
            CHECK(all.find("q quit") != std::string::npos);
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
        step.kind = "prompt";
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
