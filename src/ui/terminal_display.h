#pragma once
// The full-screen display for a person at a terminal: titles, the instruction, a countdown,
// a breathing bar that fills on the in-breath and empties on the out-breath, progress bars
// for the step and the routine, and the time the routine will end. It draws on the alternate
// screen, in place and without flicker, and always gives the terminal back as it was.

#include "run/display.h"
#include "run/output.h"
#include "ui/style.h"

#include <functional>
#include <string>
#include <vector>

namespace calmlegs {

/// Everything one frame shows; render_frame() turns it into text.
struct FrameModel {
    std::string routine;
    std::string step; ///< "Step 5 of 9 · 4-7-8 breathing"
    std::string text; ///< the step's instruction
    std::vector<std::string> notes;
    std::string cue;       ///< "Breathe in quietly through your nose"
    std::string countdown; ///< "3", or "" when there is nothing to count
    std::string position;  ///< "cycle 2 of 4", "Left side · 3 of 6"
    bool breathing = false;
    double breath = 0;      ///< how full the breathing bar is, 0 to 1
    double step_done = 0;   ///< 0 to 1
    double total_done = 0;  ///< 0 to 1
    std::string step_left;  ///< "0:41"; "" while the step waits for Enter
    std::string total_left; ///< "6:12"; while the step waits, what is left after it
    std::string ends_at;    ///< "22:41"; "" while the step waits (it ends when you are ready)
    bool paused = false;
    bool waiting = false; ///< the step waits for Enter: nothing counts down
    bool help = false;
};

/// How bars are drawn: Unicode blocks, or ASCII when the locale is not UTF-8.
struct BarGlyphs {
    std::string full = "█";
    std::string empty = "░";
    std::string done = "━";
    std::string todo = "─";
    std::string ellipsis = "…"; ///< ends a line cut to the width
    static BarGlyphs ascii() { return {"#", ".", "=", "-", "..."}; }
};

/// The text of one frame: `height` lines at most, each at most `width` columns however
/// narrow (a line too long is cut with "…", never left to wrap). The model's words come from
/// content files: their control characters are shown in caret notation (visible()).
std::vector<std::string> render_frame(const FrameModel& given, int width, int height,
                                      const Style& style, const BarGlyphs& glyphs);

/// The width of the breathing bar at a terminal width.
int breath_bar_width(int width);

class TerminalDisplay final : public Display {
public:
    /// `ends_at` formats the wall-clock time a duration from now ("22:41"); it is the only
    /// way the display learns the time of day.
    TerminalDisplay(Output& out, Style style, BarGlyphs glyphs,
                    std::function<std::string(Nanos from_now)> ends_at);
    ~TerminalDisplay() override;

    void begin(const Plan& plan, bool interactive) override;
    void cue(const Cue& cue, Nanos elapsed) override;
    void event(RunEvent event, Nanos elapsed) override;
    std::optional<Nanos> next_frame(Nanos elapsed) override;
    void frame(Nanos elapsed) override;
    void resize() override;
    void suspend() override;
    void resume() override;
    void end(const RunResult& result) override;

    /// The model of the frame at `elapsed` (for tests).
    FrameModel model(Nanos elapsed) const;

private:
    void enter();
    void leave();
    void draw(Nanos elapsed);
    /// The width frames are drawn at: the terminal's, at most 100 columns (80 when unknown).
    int width() const;

    Output& m_out;
    Style m_style;
    BarGlyphs m_glyphs;
    std::function<std::string(Nanos)> m_ends_at;
    const Plan* m_plan = nullptr;
    bool m_entered = false;
    bool m_full_redraw = true;
    std::size_t m_step = 0;
    const Cue* m_phase = nullptr; ///< the phase or side cue now running, if any
    const Cue* m_side = nullptr;
    Nanos m_elapsed{0};
    bool m_interactive = false; ///< keys are read: steps that wait for Enter wait
    bool m_paused = false;
    bool m_waiting = false; ///< a step waits for Enter: nothing counts down
    bool m_help = false;
    std::string m_title;              ///< the terminal title last written
    std::vector<std::string> m_shown; ///< the lines on the screen now
    TerminalSize m_size;              ///< the terminal's size, asked on start and resize
};

} // namespace calmlegs
