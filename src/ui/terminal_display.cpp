#include "ui/terminal_display.h"

#include "ui/clock_text.h"
#include "ui/stream_displays.h"
#include "ui/text.h"

#include <algorithm>
#include <cmath>

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
    const int filled = static_cast<int>(std::floor(clamp01(fraction) * width + 1e-9));
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
    return std::clamp(width - 24, 10, 48);
}

std::vector<std::string> render_frame(const FrameModel& m, int width, int height,
                                      const Style& style, const BarGlyphs& glyphs) {
    width = std::max(width, 20);
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
    std::string header = style.heading(elide(m.routine, width));
    if (!m.ends_at.empty()) {
        const std::string right = "ends at " + m.ends_at;
        const int gap = width - display_width(m.routine) - display_width(right);
        if (gap >= 2)
            header += std::string(static_cast<std::size_t>(gap), ' ') + style.muted(right);
    }
    lines.push_back({header, 3});
    lines.push_back({"", 1});
    lines.push_back({style.label(elide(m.step, width)), 5});
    add_wrapped(m.text, 0, 2, false);
    for (const auto& note : m.notes)
        add_wrapped(note, 0, 3, true);
    lines.push_back({"", 1});

    // The cue, its countdown and, for a breath, the bar.
    if (!m.cue.empty()) lines.push_back({"  " + style.heading(elide(m.cue, width - 2)), 5});
    std::string meter = "  ";
    if (m.breathing)
        meter += bar(m.breath, breath_bar_width(width), glyphs.full, glyphs.empty, style) + "  ";
    if (!m.countdown.empty()) meter += style.heading(m.countdown);
    if (!m.position.empty()) meter += "   " + style.muted(m.position);
    if (display_width(meter) > width) meter = elide(meter, width);
    lines.push_back({meter, 5});
    lines.push_back({"", 1});

    // Progress of the step and of the whole routine; the bars give way on a narrow terminal.
    auto progress = [&](const char* label, double done, const std::string& left) {
        const std::string tail = "  " + left + " left";
        const int room = width - 9 - display_width(tail);
        std::string line = std::string("  ") + label;
        if (room >= 4)
            line += bar(done, std::min(room, 50), glyphs.done, glyphs.todo, style) + tail;
        else
            line += left + " left";
        return line;
    };
    lines.push_back({progress("step   ", m.step_done, m.step_left), 4});
    lines.push_back({progress("total  ", m.total_done, m.total_left), 4});
    lines.push_back({"", 1});

    std::string status;
    if (m.paused)
        status = width >= 32 ? "Paused. space: go on · q: quit" : "Paused · space · q";
    else if (m.waiting)
        status = width >= 52 ? "Press Enter when you are ready · n: skip · q: quit"
                             : "Enter: go on · q quit";
    else if (m.help)
        status = "space: pause/resume · n: next step · q: quit · Ctrl-Z: suspend · ?: hide";
    else
        status = width >= 40 ? "space pause · n next · q quit · ? help" : "q quit · ? help";
    lines.push_back({(m.paused || m.waiting) ? style.warning(elide(status, width))
                                             : style.muted(elide(status, width)),
                     6});

    // Too short a terminal: drop the least needed lines first, keeping the order.
    for (int keep = 1; static_cast<int>(lines.size()) > height && keep <= 5; ++keep) {
        for (auto it = lines.end();
             it != lines.begin() && static_cast<int>(lines.size()) > height;) {
            --it;
            if (it->keep == keep) it = lines.erase(it);
        }
    }
    std::vector<std::string> out;
    for (const auto& line : lines)
        out.push_back(line.text);
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

void TerminalDisplay::begin(const Plan& plan) {
    m_plan = &plan;
    m_size = m_out.size();
    enter();
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
    const Nanos step_elapsed = std::clamp(elapsed - Nanos(step.at), Nanos(0), Nanos(step.length));
    const Nanos step_left = Nanos(step.length) - step_elapsed;
    m.step_done = step.length.count() > 0 ? static_cast<double>(step_elapsed.count()) /
                                                static_cast<double>(Nanos(step.length).count())
                                          : 1;
    const Nanos total_left = std::max(Nanos(m_plan->total) - elapsed, Nanos(0));
    m.total_done = m_plan->total.count() > 0
                       ? 1 - static_cast<double>(total_left.count()) /
                                 static_cast<double>(Nanos(m_plan->total).count())
                       : 1;
    m.step_left = countdown_text(countdown_left(step_left, speed));
    m.total_left = countdown_text(countdown_left(total_left, speed));
    if (m_ends_at) m.ends_at = m_ends_at(total_left);
    m.paused = m_paused;
    m.waiting = m_waiting;
    m.help = m_help;

    if (m_phase != nullptr && !m_waiting) {
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
    } else if (!m_waiting) {
        m.countdown = m.step_left;
    }
    return m;
}

void TerminalDisplay::draw(Nanos elapsed) {
    m_elapsed = elapsed;
    if (!m_entered || m_plan == nullptr) return;
    if (m_size.columns <= 0) m_size = m_out.size(); // asked again only after a resize
    const int width = std::min(m_size.columns > 0 ? m_size.columns : 80, 100);
    const int height = m_size.rows > 0 ? m_size.rows : 24;
    const FrameModel m = model(elapsed);
    auto lines = render_frame(m, width, height, m_style, m_glyphs);
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
    if (lines.size() < m_shown.size() || m_full_redraw)
        frame += "\x1b[" + std::to_string(lines.size() + 1) + ";1H\x1b[J";
    frame += k_sync_end;
    m_shown = std::move(lines);
    // The window title shows the time left, so it can be read from another window or tab.
    const std::string title = "calmlegs · " + m.total_left + " left";
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
        m_waiting = false;
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
    case CueKind::start:
    case CueKind::tick:
    case CueKind::end:
        break;
    }
    if (cue.kind != CueKind::end) draw(elapsed);
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
    constexpr long long k_min_frame = 80'000'000; // ns
    const long long cells = breath_bar_width(std::min(std::max(m_size.columns, 20), 100));
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
    if (m_plan != nullptr) m_out.write(summary_text(*m_plan, result) + "\n");
    m_out.flush();
}

} // namespace calmlegs
