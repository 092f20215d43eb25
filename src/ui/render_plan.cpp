#include "ui/render_plan.h"

#include "ui/clock_text.h"
#include "ui/text.h"

#include <cstdio>

namespace calmlegs {
namespace {

double seconds(Millis time) {
    return static_cast<double>(time.count()) / 1000.0;
}

/// A plan's times are rounded to the nearest second, as its lengths are, so that at any
/// --speed the end's clock and the total agree ("0:43 End · total 43 s").
std::string plan_clock(Millis time) {
    return clock_text(std::chrono::seconds((time.count() + 500) / 1000)); // halves up, as lengths
}

} // namespace

std::string render_plan(const Plan& plan, const RenderOptions& options) {
    Page page(options);
    const Style& style = page.style();
    std::string tag = length_words(plan.total) + " · " + std::to_string(plan.steps.size()) +
                      (plan.steps.size() == 1 ? " step" : " steps");
    if (plan.speed != 1) {
        char speed[32];
        std::snprintf(speed, sizeof speed, "%g", plan.speed);
        tag += " · at --speed " + std::string(speed);
    }
    page.title(plan.title, tag);
    for (const auto& note : plan.left_out)
        page.muted("Left out: " + note);
    page.blank();

    // "  5:00  " then the step; its details hang under the title.
    const int time_width = display_width(plan_clock(plan.total)) + 2;
    const std::string indent(static_cast<std::size_t>(time_width + 2), ' ');
    const int width = options.width - time_width - 2; // what is left after the times
    // "  5:00  ": a time right-aligned in its column.
    const auto time_lead = [&](const std::string& clock) {
        return std::string(static_cast<std::size_t>(time_width - display_width(clock)), ' ') +
               clock + "  ";
    };
    std::string group;
    for (const auto& step : plan.steps) {
        const SessionStep& source = step.source;
        if (source.group != group) {
            group = source.group;
            if (!group.empty())
                for (const auto& line : wrap(visible(group, true), width))
                    page.raw(indent + style.label(line));
        }
        // A step that waits lasts until Enter; its length counts only when no keys are read.
        std::string head = source.title + " · " +
                           (source.waits ? "until you press Enter (" + length_words(step.length) +
                                               " without a keyboard)"
                                         : length_words(step.length));
        const std::string lead = time_lead(plan_clock(step.at));
        // Details hang under the step's title; a note's lines hang under its "! ".
        auto hang = [&](const std::string& text, const std::string& marker,
                        std::string (Style::*look)(std::string_view) const) {
            const std::string blank(marker.size(), ' ');
            bool is_first = true;
            for (const auto& line :
                 wrap(visible(text, true), width - static_cast<int>(marker.size()))) {
                page.raw(indent + (style.*look)((is_first ? marker : blank) + line));
                is_first = false;
            }
        };
        bool first_line = true;
        for (const auto& line : wrap(visible(head, true), width)) {
            page.raw((first_line ? lead : indent) + (first_line ? style.heading(line) : line));
            first_line = false;
        }
        if (source.rhythm)
            for (const auto& line : wrap(visible(source.rhythm->description, true), width))
                page.raw(indent + line);
        if (source.kind == StepKind::supplement || source.kind == StepKind::prompt)
            hang(source.text, "", &Style::muted);
        for (const auto& note : source.notes)
            hang(note, "! ", &Style::warning);
    }
    page.blank();
    bool first_line = true;
    for (const auto& line : wrap("End · total " + length_words(plan.total), width)) {
        page.raw(first_line ? time_lead(plan_clock(plan.total)) + style.heading(line)
                            : indent + line);
        first_line = false;
    }
    return page.str();
}

void write_plan_json(JsonWriter& json, const Plan& plan) {
    json.begin_object();
    json.key("routine").value(plan.id);
    json.key("title").value(plan.title);
    json.key("speed").value(plan.speed, 3);
    json.key("total").value(seconds(plan.total), 3);
    json.string_array("left_out", plan.left_out);
    json.key("steps").begin_array();
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const PlannedStep& step = plan.steps[i];
        const SessionStep& source = step.source;
        json.begin_object();
        json.key("step").value(static_cast<std::int64_t>(i + 1));
        json.key("title").value(source.title);
        json.key("kind").value(to_string(source.kind));
        json.key("ref").text_or_null(source.ref);
        json.key("group").text_or_null(source.group);
        json.key("text").value(source.text);
        json.string_array("notes", source.notes);
        json.key("offset").value(seconds(step.at), 3);
        json.key("seconds").value(seconds(step.length), 3);
        json.key("waits").value(source.waits);
        json.key("supplements").begin_array();
        for (const auto& supplement : source.supplements) {
            json.begin_object();
            json.key("id").value(supplement.id);
            json.key("name").value(supplement.name);
            json.string_array("dose", supplement.dose);
            json.end_object();
        }
        json.end_array();
        json.key("rhythm");
        if (source.rhythm) {
            const Rhythm& rhythm = *source.rhythm;
            json.begin_object();
            json.key("description").value(rhythm.description);
            json.key("repeats").value(rhythm.repeats);
            json.key("sides").value(rhythm.sides);
            json.key("breathing").value(rhythm.breathing);
            json.key("phases").begin_array();
            for (const auto& phase : rhythm.phases) {
                json.begin_object();
                json.key("phase").value(to_string(phase.kind));
                json.key("seconds").value(phase.seconds / plan.speed, 3); // real time, as the rest
                json.key("cue").value(phase.cue);
                json.end_object();
            }
            json.end_array().end_object();
        } else {
            json.null();
        }
        json.end_object();
    }
    json.end_array();
    json.key("cues").begin_array();
    for (const Cue& cue : plan.cues) {
        if (cue.kind == CueKind::tick) continue;
        json.begin_object();
        json.key("event").value(to_string(cue.kind));
        json.key("step");
        if (cue.kind == CueKind::start || cue.kind == CueKind::end)
            json.null();
        else
            json.value(static_cast<std::int64_t>(cue.step + 1));
        json.key("offset").value(seconds(cue.at), 3);
        json.key("text").value(cue.text);
        if (cue.kind == CueKind::phase) {
            json.key("phase").value(to_string(cue.phase));
            json.key("seconds").value(seconds(cue.length), 3);
            json.key("cycle").value(cue.repeat);
            json.key("cycles").value(cue.repeats);
        }
        if (cue.kind == CueKind::side) json.key("side").value(cue.side == 1 ? "left" : "right");
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

} // namespace calmlegs
