#pragma once
// The displays for pipes, cron, screen readers and scripts: one line per step and phase in
// plain text, or one JSON object per event. Both flush every line at once.

#include "run/display.h"
#include "run/output.h"
#include "ui/json.h"

#include <functional>
#include <string>

namespace calmlegs {

/// One plain line per step, side and phase, prefixed with its planned time; no escape codes.
/// A step that waits for Enter (when keys are read) says so in place of its length.
class PlainDisplay final : public Display {
public:
    explicit PlainDisplay(Output& out)
        : m_out(out) {}
    void begin(const Plan& plan, bool interactive) override;
    void cue(const Cue& cue, Nanos elapsed) override;
    void event(RunEvent event, Nanos elapsed) override;
    void end(const RunResult& result) override;

private:
    /// Writes one line of the run, its control characters (newlines too) shown as ^X.
    void line(const std::string& text);
    Output& m_out;
    const Plan* m_plan = nullptr;
    bool m_interactive = false; ///< keys are read: steps that wait for Enter wait
    bool m_waiting = false;     ///< a step waits for Enter now
};

/// One compact JSON object per line per event, with the planned offset and the measured
/// elapsed routine time in seconds (keys documented in calmlegs(1)).
class JsonDisplay final : public Display {
public:
    /// What a JSON event stream holds besides the events of `--json`.
    struct Options {
        bool ticks = true; ///< the countdown's per-second ticks
        /// When set: the wall-clock time now, added to the start and end events as "at"
        /// (the event log, CALMLEGS_EVENT_LOG).
        std::function<std::string()> wall_clock;
    };
    explicit JsonDisplay(Output& out)
        : m_out(out) {}
    JsonDisplay(Output& out, Options options)
        : m_out(out)
        , m_options(std::move(options)) {}
    void begin(const Plan& plan, bool interactive) override;
    void cue(const Cue& cue, Nanos elapsed) override;
    void event(RunEvent event, Nanos elapsed) override;
    void end(const RunResult& result) override;

private:
    JsonWriter event_head(std::string_view event, std::optional<std::size_t> step,
                          std::string_view text) const;
    void write(JsonWriter& json);

    Output& m_out;
    Options m_options;
    const Plan* m_plan = nullptr;
    std::size_t m_step = 0;
};

/// The text of a run's summary: "Done: 9 of 9 steps of Nightly wind-down in 14 min 31 s."
std::string summary_text(const Plan& plan, const RunResult& result);

/// The words for a run's outcome: "completed", "quit" or "interrupted".
std::string_view to_string(RunResult::Outcome outcome);

} // namespace calmlegs
