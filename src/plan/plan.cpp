#include "plan/plan.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace calmlegs {
namespace {

constexpr std::array<std::string_view, 7> k_cue_kinds = {"start", "step",     "side", "phase",
                                                         "tick",  "step_end", "end"};

/// Nominal seconds to real milliseconds at a speed: each offset is converted once, from the
/// nominal time, so rounding never adds up along a long routine.
class Timeline {
public:
    explicit Timeline(double speed)
        : m_speed(speed) {}
    Millis operator()(double nominal_seconds) const {
        return Millis(std::llround(nominal_seconds * 1000.0 / m_speed));
    }

private:
    double m_speed;
};

Cue make_cue(CueKind kind, Millis at, std::size_t step, std::string text = {}) {
    Cue cue;
    cue.kind = kind;
    cue.at = at;
    cue.step = step;
    cue.text = std::move(text);
    return cue;
}

/// The side and phase cues of a rhythm that starts at `start` (nominal seconds).
void add_rhythm(std::vector<Cue>& out, const Rhythm& rhythm, double start, std::size_t step,
                const Timeline& real) {
    double at = start;
    const int sides = rhythm.sides ? 2 : 1;
    for (int side = 1; side <= sides; ++side) {
        if (rhythm.sides) {
            if (side == 2 && rhythm.switch_seconds > 0) {
                Cue change = make_cue(CueKind::phase, real(at), step, "Switch to the other side");
                change.length = real(at + rhythm.switch_seconds) - real(at);
                change.side = 1;
                out.push_back(std::move(change));
                at += rhythm.switch_seconds;
            }
            Cue cue =
                make_cue(CueKind::side, real(at), step, side == 1 ? "Left side" : "Right side");
            cue.side = side;
            out.push_back(std::move(cue));
        }
        for (int repeat = 1; repeat <= rhythm.repeats; ++repeat) {
            for (const auto& phase : rhythm.phases) {
                Cue cue = make_cue(CueKind::phase, real(at), step, phase.cue);
                cue.phase = phase.kind;
                cue.length = real(at + phase.seconds) - real(at);
                cue.repeat = repeat;
                cue.repeats = rhythm.repeats;
                cue.side = rhythm.sides ? side : 0;
                out.push_back(std::move(cue));
                at += phase.seconds;
            }
        }
    }
}

/// Whole nominal seconds, counting a part of a second as one.
int whole_seconds(double seconds) {
    return static_cast<int>(std::ceil(seconds - 1e-9));
}

} // namespace

std::string_view to_string(CueKind kind) {
    return k_cue_kinds[static_cast<std::size_t>(kind)];
}

Plan plan_session(const Session& session, double speed) {
    Plan plan;
    plan.id = session.id;
    plan.title = session.title;
    plan.left_out = session.left_out;
    plan.speed = speed > 0 ? speed : 1;
    const Timeline real(plan.speed);

    plan.cues.push_back(make_cue(CueKind::start, Millis(0), 0, session.title));
    double at = 0;
    for (std::size_t index = 0; index < session.steps.size(); ++index) {
        const SessionStep& step = session.steps[index];
        const double length = step.length_seconds();
        const int seconds = whole_seconds(length);

        std::vector<Cue> own;
        Cue begin = make_cue(CueKind::step, real(at), index, step.title);
        begin.length = real(at + length) - real(at);
        begin.remaining = seconds;
        own.push_back(std::move(begin));
        if (step.rhythm) add_rhythm(own, *step.rhythm, at, index, real);
        // A countdown tick at every whole second that has no other cue of the step.
        for (int second = 1; second < seconds; ++second) {
            const Millis when = real(at + second);
            if (std::any_of(own.begin(), own.end(), [&](const Cue& c) { return c.at == when; }))
                continue;
            Cue tick = make_cue(CueKind::tick, when, index);
            tick.remaining = seconds - second;
            own.push_back(std::move(tick));
        }
        std::stable_sort(own.begin(), own.end(),
                         [](const Cue& a, const Cue& b) { return a.at < b.at; });

        PlannedStep planned;
        planned.source = step;
        planned.at = real(at);
        planned.length = real(at + length) - real(at);
        planned.first_cue = plan.cues.size();
        plan.cues.insert(plan.cues.end(), own.begin(), own.end());
        planned.end_cue = plan.cues.size();
        plan.cues.push_back(make_cue(CueKind::step_end, real(at + length), index));
        plan.steps.push_back(std::move(planned));
        at += length;
    }
    plan.total = real(at);
    plan.cues.push_back(make_cue(CueKind::end, plan.total, 0, session.title));
    return plan;
}

} // namespace calmlegs
