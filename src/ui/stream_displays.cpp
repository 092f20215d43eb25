#include "ui/stream_displays.h"

#include "ui/clock_text.h"
#include "ui/json.h"
#include "ui/text.h"

#include <cmath>

namespace calmlegs {
namespace {

double seconds(Nanos time) {
    return static_cast<double>(time.count()) / 1e9;
}

std::string step_label(const Plan& plan, std::size_t step) {
    return "Step " + std::to_string(step + 1) + " of " + std::to_string(plan.steps.size());
}

} // namespace

std::string_view to_string(RunResult::Outcome outcome) {
    switch (outcome) {
    case RunResult::Outcome::completed:
        return "completed";
    case RunResult::Outcome::quit:
        return "quit";
    case RunResult::Outcome::interrupted:
        break;
    }
    return "interrupted";
}

std::string summary_text(const Plan& plan, const RunResult& result) {
    std::string done = std::to_string(result.steps_done) + " of " +
                       std::to_string(result.steps_total) +
                       (result.steps_total == 1 ? " step" : " steps");
    if (result.steps_skipped > 0) done += " (" + std::to_string(result.steps_skipped) + " skipped)";
    std::string took = length_words(result.wall);
    if (result.paused >= std::chrono::seconds(1))
        took += ", " + length_words(result.paused) + " of it paused";
    switch (result.outcome) {
    case RunResult::Outcome::completed:
        return "Done: " + plan.title + ", " + done + " in " + took + ".";
    case RunResult::Outcome::quit:
        return "Stopped: " + plan.title + ", " + done + " done in " + took + ".";
    case RunResult::Outcome::interrupted:
        break;
    }
    return "Interrupted: " + plan.title + ", " + done + " done in " + took + ".";
}

void PlainDisplay::line(const std::string& text_as_given) {
    // One line an event: a control character or newline from a content file is shown as ^X.
    const std::string text = visible(text_as_given);
    // On a terminal (too narrow or dumb for the full screen), long lines break between words
    // rather than where the terminal would cut them; a pipe or file gets whole lines.
    const int columns = m_out.size().columns;
    std::string out;
    if (columns > 0 && display_width(text) > columns)
        out = wrap_with_prefix(text, columns, "", "  ");
    else
        out = text + "\n";
    m_out.write(out);
    m_out.flush();
}

void PlainDisplay::begin(const Plan& plan, bool interactive) {
    m_plan = &plan;
    m_interactive = interactive;
    line(plan.title + " · " + std::to_string(plan.steps.size()) +
         (plan.steps.size() == 1 ? " step · " : " steps · ") +
         length_words(nominal(plan.total, plan.speed)));
    for (const auto& note : plan.left_out)
        line("Left out: " + note);
}

void PlainDisplay::cue(const Cue& cue, Nanos) {
    const std::string at = clock_text(cue.at);
    switch (cue.kind) {
    case CueKind::step: {
        const PlannedStep& step = m_plan->steps[cue.step];
        for (const auto& note : step.source.notes)
            line("Note: " + note);
        // A step that waits for Enter has no length to tell: it lasts until Enter.
        const bool waits = m_interactive && step.source.waits;
        m_waiting = false;
        std::string text = at + " " + step_label(*m_plan, cue.step) + ": " + cue.text + " (" +
                           (waits ? std::string("until you press Enter")
                                  : length_words(nominal(step.length, m_plan->speed))) +
                           ")";
        if (!step.source.text.empty()) text += " " + step.source.text;
        line(text);
        break;
    }
    case CueKind::side:
        line(at + "   " + cue.text);
        break;
    case CueKind::phase: {
        std::string text =
            at + "   " + cue.text + " (" + seconds_words(nominal(cue.length, m_plan->speed)) + ")";
        if (cue.repeats > 1)
            text += " · " + std::to_string(cue.repeat) + " of " + std::to_string(cue.repeats);
        line(text);
        break;
    }
    case CueKind::start:
    case CueKind::tick:
    case CueKind::step_end:
    case CueKind::end:
        break;
    }
}

void PlainDisplay::event(RunEvent event, Nanos elapsed) {
    const std::string at = clock_text(elapsed);
    switch (event) {
    case RunEvent::paused:
        line(at + " Paused: press space to go on, q to quit.");
        break;
    case RunEvent::resumed:
        line(at + " Going on.");
        break;
    case RunEvent::skipped:
        m_waiting = false;
        line(at + " Skipped the rest of this step.");
        break;
    case RunEvent::waiting:
        m_waiting = true;
        line(at + "   Press Enter when you are ready (n skips).");
        break;
    case RunEvent::help:
        // The keys that work now: while a step waits, space does nothing and Enter goes on.
        line(m_waiting ? "Keys: Enter go on · n skip this step · q quit"
                       : "Keys: space pause/resume · n next step · q quit");
        break;
    }
}

void PlainDisplay::end(const RunResult& result) {
    line(summary_text(*m_plan, result));
}

/// Every event has the same first keys: event, routine, step (1-based; null before the
/// first step and at the end), title (the step's, or the routine's), text.
JsonWriter JsonDisplay::event_head(std::string_view event, std::optional<std::size_t> step,
                                   std::string_view text) const {
    JsonWriter json(JsonWriter::Layout::compact);
    json.begin_object();
    json.key("event").value(event);
    json.key("routine").value(m_plan->id);
    json.key("step").number_or_null(step ? static_cast<std::int64_t>(*step + 1) : 0);
    json.key("title").value(step ? m_plan->steps[*step].source.title : m_plan->title);
    json.key("text").value(text);
    return json;
}

void JsonDisplay::write(JsonWriter& json) {
    json.end_object();
    m_out.write(json.str() + "\n");
    m_out.flush();
}

void JsonDisplay::begin(const Plan& plan, bool /*interactive*/) {
    m_plan = &plan;
    JsonWriter json = event_head("start", std::nullopt, "");
    json.key("steps").value(static_cast<std::int64_t>(plan.steps.size()));
    json.key("total").value(seconds(plan.total), 3);
    json.key("speed").value(plan.speed, 3);
    json.string_array("left_out", plan.left_out);
    if (m_options.wall_clock) json.key("at").value(m_options.wall_clock());
    json.key("offset").value(0.0);
    json.key("elapsed").value(0.0);
    write(json);
}

void JsonDisplay::cue(const Cue& cue, Nanos elapsed) {
    if (cue.kind == CueKind::start) return; // "start" was written by begin()
    if (cue.kind == CueKind::end) return;   // "end" carries the outcome: written by end()
    if (cue.kind == CueKind::tick && !m_options.ticks) return;
    m_step = cue.step;
    const PlannedStep& step = m_plan->steps[cue.step];
    JsonWriter json =
        event_head(to_string(cue.kind), cue.step,
                   cue.kind == CueKind::step ? std::string_view(step.source.text) : cue.text);
    switch (cue.kind) {
    case CueKind::step:
        json.key("kind").value(to_string(step.source.kind));
        json.key("seconds").value(seconds(cue.length), 3);
        json.key("waits").value(step.source.waits);
        json.string_array("notes", step.source.notes);
        break;
    case CueKind::side:
        json.key("side").value(cue.side == 1 ? "left" : "right");
        break;
    case CueKind::phase:
        json.key("phase").value(to_string(cue.phase));
        json.key("seconds").value(seconds(cue.length), 3);
        json.key("cycle").value(cue.repeat);
        json.key("cycles").value(cue.repeats);
        break;
    case CueKind::tick:
        json.key("remaining").value(cue.remaining);
        break;
    default:
        break;
    }
    json.key("offset").value(seconds(cue.at), 3);
    json.key("elapsed").value(seconds(elapsed), 6);
    write(json);
}

void JsonDisplay::event(RunEvent event, Nanos elapsed) {
    if (event == RunEvent::help) return;
    JsonWriter json = event_head(to_string(event), m_step, "");
    json.key("offset").null(); // not a planned moment
    json.key("elapsed").value(seconds(elapsed), 6);
    write(json);
}

void JsonDisplay::end(const RunResult& result) {
    const bool completed = result.outcome == RunResult::Outcome::completed;
    JsonWriter json = event_head("end", std::nullopt, summary_text(*m_plan, result));
    json.key("outcome").value(to_string(result.outcome));
    json.key("signal").number_or_null(result.signal);
    json.key("steps_done").value(static_cast<std::int64_t>(result.steps_done));
    json.key("steps_skipped").value(static_cast<std::int64_t>(result.steps_skipped));
    json.key("steps_total").value(static_cast<std::int64_t>(result.steps_total));
    json.key("paused").value(seconds(result.paused), 6);
    json.key("wall").value(seconds(result.wall), 6);
    if (m_options.wall_clock) json.key("at").value(m_options.wall_clock());
    // The planned end, when the routine got there.
    json.key("offset");
    if (completed)
        json.value(seconds(m_plan->total), 3);
    else
        json.null();
    json.key("elapsed").value(seconds(result.elapsed), 6);
    write(json);
}

} // namespace calmlegs
