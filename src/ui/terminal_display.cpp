#include "ui/terminal_display.h"

#include "ui/clock_text.h"
#include "ui/stream_displays.h"
#include "ui/text.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace calmlegs {
namespace {

// Escape sequences, written in one place.
constexpr const char* k_enter =
    "\x1b[?1049h\x1b[22;0t\x1b[?25l"; // alt screen, push title, hide cursor
constexpr const char* k_leave =
    "\x1b[?25h\x1b[23;0t\x1b[?1049l";               // show cursor, pop title, main screen
constexpr const char* k_sync_begin = "\x1b[?2026h"; // draw the frame at once where
constexpr const char* k_sync_end = "\x1b[?2026l";   // the terminal supports it

double clamp01(double value) {
    return std::clamp(value, 0.0, 1.0);
}

std::string repeat(const std::string& glyph, int count) {
    std::string out;
    out.reserve(glyph.size() * static_cast<std::size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i)
        out += glyph;
    return out;
}

std::string bar(double fraction, int width, const std::string& full, const std::string& empty,
                const Style& style) {
    const auto filled = static_cast<int>(std::floor(clamp01(fraction) * width + 1e-9));
    return style.label(repeat(full, filled)) + style.muted(repeat(empty, width - filled));
}

/// The nominal time a countdown counts from a real time left. The plan rounds each time to
/// the millisecond, so a time left can be up to (not quite) a millisecond longer than it is at
/// the speed: a 2 s phase at --speed 3 lasts 667 ms, 2.001 s. That much is not counted, so the
/// countdown starts from 2, not 3; an exact millisecond left (4 ms at --speed 1000) still counts.
Nanos countdown_left(Nanos real_left, double speed) {
    return nominal(std::max(real_left - Nanos(999'999), Nanos(0)), speed);
}

/// A line and how much it matters when the terminal is too short for all of them.
struct Line {
    std::string text;
    int keep; ///< lines with the lowest values are dropped first
};

} // namespace

int breath_bar_width(int width) {
    // Below 34 columns, 10 cells while they fit beside the count, fewer on a narrower screen.
    return std::clamp(width - 24, std::clamp(width - 6, 1, 10), 48);
}

std::vector<std::string> render_frame(const FrameModel& given, int width, int height,
                                      const Style& style, const BarGlyphs& glyphs) {
    width = std::max(width, 1);
    // The names and words come from content files: shown, never obeyed by the terminal.
    FrameModel m = given;
    for (std::string* one_line : {&m.routine, &m.step, &m.cue, &m.position})
        *one_line = visible(*one_line);
    m.text = visible(m.text, true);
    for (auto& note : m.notes)
        note = visible(note, true);
    std::vector<Line> lines;
    auto add_wrapped = [&](const std::string& text, int indent, int keep, bool warning) {
        const std::string pad(static_cast<std::size_t>(indent), ' ');
        bool first = true;
        for (const auto& piece : wrap(text, width - indent - (warning ? 2 : 0))) {
            const std::string shown =
                warning ? style.warning((first ? "! " : "  ") + piece) : piece;
            lines.push_back({pad + shown, keep});
            first = false;
        }
    };

    // Header: the routine, and when it will end.
    std::string header = style.heading(elide(m.routine, width, glyphs.ellipsis));
    if (!m.ends_at.empty()) {
        const std::string right = "ends at " + m.ends_at;
        const int gap = width - display_width(m.routine) - display_width(right);
        if (gap >= 2)
            header += std::string(static_cast<std::size_t>(gap), ' ') + style.muted(right);
    }
    lines.push_back({header, 3});
    lines.push_back({"", 1});
    lines.push_back({style.label(elide(m.step, width, glyphs.ellipsis)), 5});
    add_wrapped(m.text, 0, 2, false);
    for (const auto& note : m.notes)
        add_wrapped(note, 0, 3, true);
    lines.push_back({"", 1});

    // The cue, its countdown and, for a breath, the bar.
    if (!m.cue.empty())
        lines.push_back({"  " + style.heading(elide(m.cue, width - 2, glyphs.ellipsis)), 5});
    std::string meter = "  ";
    if (m.breathing)
        meter += bar(m.breath, breath_bar_width(width), glyphs.full, glyphs.empty, style) + "  ";
    if (!m.countdown.empty()) meter += style.heading(m.countdown);
    // Where you are gives way before the count does on a narrow terminal.
    if (!m.position.empty() && display_width(meter) + 3 + display_width(m.position) <= width)
        meter += "   " + style.muted(m.position);
    lines.push_back({meter, 5});
    lines.push_back({"", 1});

    // Progress of the step and of the whole routine; the bars give way on a narrow terminal.
    auto progress = [&](const char* label, double done, const std::string& left) {
        const std::string tail = "  " + left;
        const int room = width - 9 - display_width(tail);
        std::string line = std::string("  ") + label;
        if (room >= 4)
            line += bar(done, std::min(room, 50), glyphs.done, glyphs.todo, style) + tail;
        else
            line += left;
        return line;
    };
    // A step that waits for Enter counts nothing down: the routine goes on when you do.
    if (m.waiting)
        lines.push_back({"  step   until you press Enter", 4});
    else
        lines.push_back({progress("step   ", m.step_done, m.step_left + " left"), 4});
    lines.push_back({progress("total  ", m.total_done,
                              m.total_left + (m.waiting ? " left after this step" : " left")),
                     4});
    lines.push_back({"", 1});

    std::string status;
    if (m.paused)
        status = width >= 32 ? "Paused. space: go on · q: quit" : "Paused · space · q";
    else if (m.waiting && m.help)
        status = "Enter: go on · n: skip this step · q: quit · Ctrl-Z: suspend · ?: hide";
    else if (m.waiting)
        status = width >= 52 ? "Press Enter when you are ready · n: skip · q: quit"
                             : "Enter: go on · q quit";
    else if (m.help)
        status = "space: pause/resume · n: next step · q: quit · Ctrl-Z: suspend · ?: hide";
    else
        status = width >= 40 ? "space pause · n next · q quit · ? help" : "q quit · ? help";
    lines.push_back({(m.paused || m.waiting) ? style.warning(elide(status, width, glyphs.ellipsis))
                                             : style.muted(elide(status, width, glyphs.ellipsis)),
                     6});

    // Too short a terminal: drop the least needed lines first, keeping the order.
    for (int keep = 1; static_cast<int>(lines.size()) > height && keep <= 5; ++keep) {
        for (auto it = lines.end();
             it != lines.begin() && static_cast<int>(lines.size()) > height;) {
            --it;
            if (it->keep == keep) it = lines.erase(it);
        }
    }
    // Never wider than the terminal, however narrow: a line that wrapped would push the
    // frame down and break every in-place redraw after it.
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(display_width(line.text) > width ? elide(line.text, width, glyphs.ellipsis)
                                                       : line.text);
    if (static_cast<int>(out.size()) > height)
        out.resize(static_cast<std::size_t>(std::max(height, 0)));
    return out;
}

TerminalDisplay::TerminalDisplay(Output& out, Style style, BarGlyphs glyphs,
                                 std::function<std::string(Nanos)> ends_at)
    : m_out(out)
    , m_style(style)
    , m_glyphs(std::move(glyphs))
    , m_ends_at(std::move(ends_at)) {}

TerminalDisplay::~TerminalDisplay() {
    leave();
}

void TerminalDisplay::enter() {
    if (m_entered) return;
    m_out.write(k_enter);
    m_shown.clear();
    m_entered = true;
    m_full_redraw = true;
}

void TerminalDisplay::leave() {
    if (!m_entered) return;
    m_out.write(k_leave);
    m_out.flush();
    m_entered = false;
    m_title.clear();
}

void TerminalDisplay::begin(const Plan& plan, bool interactive) {
    m_plan = &plan;
    m_interactive = interactive;
    m_size = m_out.size();
    enter();
}

int TerminalDisplay::width() const {
    return std::min(m_size.columns > 0 ? m_size.columns : 80, 100);
}

FrameModel TerminalDisplay::model(Nanos elapsed) const {
    FrameModel m;
    if (m_plan == nullptr || m_plan->steps.empty()) return m;
    const double speed = m_plan->speed;
    const PlannedStep& step = m_plan->steps[std::min(m_step, m_plan->steps.size() - 1)];
    m.routine = "calmlegs · " + m_plan->title;
    m.step = "Step " + std::to_string(m_step + 1) + " of " + std::to_string(m_plan->steps.size()) +
             " · " + step.source.title;
    if (!step.source.group.empty()) m.step += " (" + step.source.group + ")";
    m.text = step.source.text;
    m.notes = step.source.notes;
    if (m_step == 0) // what the person's plan left out, said while the routine begins
        m.notes.insert(m.notes.begin(), m_plan->left_out.begin(), m_plan->left_out.end());
    m.paused = m_paused;
    m.waiting = m_waiting;
    m.help = m_help;
    const Nanos total = Nanos(m_plan->total);
    const auto done_of = [&](Nanos left) {
        return total.count() > 0
                   ? 1 - static_cast<double>(left.count()) / static_cast<double>(total.count())
                   : 1;
    };
    if (m_waiting) {
        // The routine stands at the start of the step until Enter, and `elapsed` (which goes
        // on while it waits) says nothing of it: no step countdown, the routine's time left
        // after this step, and no end time, which is when you are ready.
        const Nanos after = std::max(total - Nanos(step.at + step.length), Nanos(0));
        m.total_done = done_of(total - Nanos(step.at));
        m.total_left = countdown_text(countdown_left(after, speed));
        return m;
    }
    const Nanos step_elapsed = std::clamp(elapsed - Nanos(step.at), Nanos(0), Nanos(step.length));
    const Nanos step_left = Nanos(step.length) - step_elapsed;
    m.step_done = step.length.count() > 0 ? static_cast<double>(step_elapsed.count()) /
                                                static_cast<double>(Nanos(step.length).count())
                                          : 1;
    const Nanos total_left = std::max(total - elapsed, Nanos(0));
    m.total_done = done_of(total_left);
    m.step_left = countdown_text(countdown_left(step_left, speed));
    m.total_left = countdown_text(countdown_left(total_left, speed));
    if (m_ends_at) m.ends_at = m_ends_at(total_left);

    if (m_phase != nullptr) {
        const Cue& phase = *m_phase;
        const Nanos into = std::clamp(elapsed - Nanos(phase.at), Nanos(0), Nanos(phase.length));
        const Nanos left = Nanos(phase.length) - into;
        m.cue = phase.text;
        const long long nominal_ns = countdown_left(left, speed).count();
        m.countdown =
            std::to_string(nominal_ns <= 0 ? 0 : (nominal_ns + 999'999'999) / 1'000'000'000);
        const bool breathing = step.source.rhythm && step.source.rhythm->breathing;
        if (breathing) {
            m.breathing = true;
            const double part = phase.length.count() > 0
                                    ? static_cast<double>(into.count()) /
                                          static_cast<double>(Nanos(phase.length).count())
                                    : 1;
            switch (phase.phase) {
            case PhaseKind::inhale:
                m.breath = part;
                break;
            case PhaseKind::hold:
                m.breath = 1;
                break;
            case PhaseKind::exhale:
                m.breath = 1 - part;
                break;
            case PhaseKind::rest:
            case PhaseKind::move:
                m.breath = 0;
                break;
            }
        }
        if (phase.repeats > 1)
            m.position = (breathing ? "cycle " : "rep ") + std::to_string(phase.repeat) + " of " +
                         std::to_string(phase.repeats);
        if (m_side != nullptr)
            m.position = m_side->text + (m.position.empty() ? "" : " · " + m.position);
    } else {
        m.countdown = m.step_left;
    }
    return m;
}

void TerminalDisplay::draw(Nanos elapsed) {
    m_elapsed = elapsed;
    if (!m_entered || m_plan == nullptr) return;
    if (m_size.columns <= 0) m_size = m_out.size(); // asked again only after a resize
    const int height = m_size.rows > 0 ? m_size.rows : 24;
    const FrameModel m = model(elapsed);
    auto lines = render_frame(m, width(), height, m_style, m_glyphs);
    // Only the lines that changed are written, each in place: no flicker, and little to send.
    std::string frame = k_sync_begin;
    if (m_full_redraw) {
        frame += "\x1b[2J";
        m_shown.clear();
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i < m_shown.size() && m_shown[i] == lines[i]) continue;
        frame += "\x1b[" + std::to_string(i + 1) + ";1H";
        frame += lines[i];
        frame += "\x1b[K";
    }
    // What is below the frame is cleared; a frame that fills the screen has nothing below it
    // (the cursor cannot go past the last row, and clearing from there would erase it).
    if ((lines.size() < m_shown.size() || m_full_redraw) && std::cmp_less(lines.size(), height))
        frame += "\x1b[" + std::to_string(lines.size() + 1) + ";1H\x1b[J";
    frame += k_sync_end;
    m_shown = std::move(lines);
    // The window title shows the time left, so it can be read from another window or tab.
    const std::string title =
        "calmlegs · " + (m.waiting ? std::string("waiting for Enter") : m.total_left + " left");
    if (title != m_title) {
        frame += "\x1b]0;" + title + "\x07";
        m_title = title;
    }
    m_out.write(frame);
    m_out.flush();
    m_full_redraw = false;
}

void TerminalDisplay::cue(const Cue& cue, Nanos elapsed) {
    switch (cue.kind) {
    case CueKind::step:
        m_step = cue.step;
        m_phase = nullptr;
        m_side = nullptr;
        // Known now, so that no countdown is drawn before the runner says it waits.
        m_waiting = m_interactive && m_plan->steps[cue.step].source.waits;
        break;
    case CueKind::side:
        m_side = &cue;
        break;
    case CueKind::phase:
        m_phase = &cue;
        break;
    case CueKind::step_end:
        m_phase = nullptr;
        break;
    case CueKind::tick:
        // A step's ticks fire only when it does not wait (the terminal went away, say).
        m_waiting = false;
        break;
    case CueKind::start:
    case CueKind::end:
        break;
    }
    // The start and the first step are one instant: the step's cue draws it, knowing whether
    // the step waits. The end is drawn by end(), on the normal screen.
    if (cue.kind != CueKind::start && cue.kind != CueKind::end) draw(elapsed);
}

void TerminalDisplay::event(RunEvent event, Nanos elapsed) {
    switch (event) {
    case RunEvent::paused:
        m_paused = true;
        break;
    case RunEvent::resumed:
        m_paused = false;
        break;
    case RunEvent::waiting:
        m_waiting = true;
        break;
    case RunEvent::skipped:
        m_waiting = false;
        break;
    case RunEvent::help:
        m_help = !m_help;
        break;
    }
    draw(elapsed);
}

std::optional<Nanos> TerminalDisplay::next_frame(Nanos elapsed) {
    if (m_phase == nullptr || m_paused || m_waiting || m_plan == nullptr) return std::nullopt;
    const PlannedStep& step = m_plan->steps[m_step];
    const Cue& phase = *m_phase;
    if (!step.source.rhythm || !step.source.rhythm->breathing ||
        (phase.phase != PhaseKind::inhale && phase.phase != PhaseKind::exhale))
        return std::nullopt;
    // Redraw when the breathing bar gains or loses a cell, but no more than 12.5 times a
    // second: a slow breath needs no more, and each frame costs a wake-up.
    constexpr long long k_min_frame = 80'000'000;      // ns
    const long long cells = breath_bar_width(width()); // as draw() will draw it
    const long long length = Nanos(phase.length).count();
    const long long into = (elapsed - Nanos(phase.at)).count();
    if (length <= 0 || into >= length) return std::nullopt;
    // Frame k comes at the first nanosecond the bar has k × per_frame cells (rounded up, so
    // that the frame shows them), per_frame the fewest that keep frames k_min_frame apart.
    const long long per_frame = std::max<long long>(1, (k_min_frame * cells + length - 1) / length);
    const long long span = per_frame * length; // k × span / cells: the time of frame k
    const long long frame = into < 0 ? 0 : into * cells / span + 1;
    const long long next = (frame * span + cells - 1) / cells;
    if (next >= length) return std::nullopt;
    return Nanos(phase.at) + Nanos(next);
}

void TerminalDisplay::frame(Nanos elapsed) {
    draw(elapsed);
}

void TerminalDisplay::resize() {
    m_size = m_out.size();
    m_full_redraw = true;
    draw(m_elapsed);
}

void TerminalDisplay::suspend() {
    leave();
}

void TerminalDisplay::resume() {
    m_size = m_out.size(); // the window may have changed while we were stopped
    enter();
    draw(m_elapsed);
}

void TerminalDisplay::end(const RunResult& result) {
    leave();
    // The routine's name comes from a content file: shown, never obeyed.
    if (m_plan != nullptr) m_out.write(visible(summary_text(*m_plan, result)) + "\n");
    m_out.flush();
}

} // namespace calmlegs
