#include "plan/session_builder.h"

#include "content/names.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace calmlegs {
namespace {

/// How long an OFF night's supplement step shows its line when there is nothing to take.
constexpr double k_trial_note_seconds = 10;

/// A rhythm with its description, as the plan shows it.
Rhythm described(Rhythm rhythm) {
    rhythm.description = rhythm.describe();
    return rhythm;
}

/// True for a supplement taken in the evening or at bedtime: what the ritual's step takes.
bool taken_in_evening(const Supplement& s) {
    return std::any_of(s.when.begin(), s.when.end(), [](TimeOfDay when) {
        return when == TimeOfDay::evening || when == TimeOfDay::bedtime;
    });
}

StepSupplement step_supplement(const Supplement& s) {
    return {s.id, s.name, s.dose};
}

std::string dose_text(const Supplement& s) {
    if (s.dose.empty()) return "The guide gives no amount; ask a healthcare provider.";
    std::string out = "The guide's amount: " + join(s.dose, "; ");
    if (!s.timing.empty()) {
        std::string timing = s.timing;
        timing[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(timing[0])));
        out += ", " + timing;
    }
    return out + ".";
}

class Builder {
public:
    Builder(ContentStore& store, const SessionSettings& settings)
        : m_store(store)
        , m_settings(settings) {
        if (const Note* note = store.note(k_note_breath_hold)) m_hold_note = note->text;
    }

    void add_routine(const Routine& routine, const std::string& group, Session& session) {
        m_path.push_back(routine.id);
        for (const auto& step : routine.steps)
            add_step(routine, step, group, session);
        m_path.pop_back();
    }

private:
    void missing(const Routine& routine, const RoutineStep& step, std::string_view kind) {
        m_store.diagnostics().error(routine.file, step.ref_pos,
                                    "this step refers to " + std::string(kind) + " \"" + step.ref +
                                        "\", which does not exist or cannot be read");
    }

    void add_step(const Routine& routine, const RoutineStep& step, const std::string& group,
                  Session& session) {
        SessionStep out;
        out.group = group;
        out.ref = step.ref;
        out.title = step.title;
        out.text = step.text;
        for (const Ref& id : step.notes)
            if (const Note* note = m_store.note(id.id))
                out.notes.push_back(note->text);
            else
                m_store.diagnostics().error(routine.file, id.pos,
                                            "'notes' refers to note \"" + id.id +
                                                "\", which does not exist in notes.toml");
        switch (step.kind) {
        case StepKind::prompt:
            out.kind = StepKind::prompt;
            out.seconds = step.seconds;
            out.waits = step.wait;
            break;
        case StepKind::exercise: {
            const Exercise* exercise = m_store.exercise(step.ref);
            if (exercise == nullptr) return missing(routine, step, "exercise");
            out.kind = StepKind::exercise;
            if (out.title.empty()) out.title = exercise->name;
            if (out.text.empty()) out.text = join(exercise->instructions, " ");
            out.rhythm = described(Rhythm{exercise->phases, exercise->reps, exercise->sides,
                                          exercise->switch_seconds, false, ""});
            break;
        }
        case StepKind::breathing: {
            const BreathingPattern* pattern = m_store.pattern(step.ref);
            if (pattern == nullptr) return missing(routine, step, "breathing pattern");
            const int cycles = step.cycles > 0    ? step.cycles
                               : step.minutes > 0 ? cycles_for_minutes(*pattern, step.minutes)
                                                  : default_cycles(*pattern);
            out.kind = StepKind::breathing;
            if (out.title.empty()) out.title = pattern->name;
            if (out.text.empty()) out.text = pattern->summary;
            if (pattern->has_hold() && !m_hold_note.empty()) out.notes.push_back(m_hold_note);
            out.rhythm = described(Rhythm{pattern->phases, cycles, false, 0, true, ""});
            break;
        }
        case StepKind::supplement: {
            const Supplement* s = m_store.supplement(step.ref);
            if (s == nullptr) return missing(routine, step, "supplement");
            out.kind = StepKind::supplement;
            out.seconds = step.seconds;
            out.waits = step.wait;
            if (m_settings.trial && follow_trial(*s, out)) break;
            const auto& plan = m_settings.plan_supplements;
            if (plan && taken_in_evening(*s)) {
                // The plan drives the ritual: its evening and bedtime supplements, in its order.
                if (!add_evening_supplements(*s, *plan, out, session)) return;
                break;
            }
            if (out.title.empty()) out.title = s->name;
            if (plan && std::find(plan->begin(), plan->end(), s->id) == plan->end()) {
                // Never ask anyone to take what is not in their own plan.
                session.left_out.push_back(s->name + " is not in your plan, so the step that "
                                                     "takes it is left out.");
                return;
            }
            std::string text =
                plan ? "Take your " + to_lower_first(s->name) + " now. "
                     : "If " + to_lower_first(s->name) + " is part of your plan, take it now. ";
            out.text = text + dose_text(*s) + (out.text.empty() ? "" : " " + out.text);
            out.supplements.push_back(step_supplement(*s));
            if (!s->condition.empty()) out.notes.push_back(s->condition);
            for (const auto& caution : s->cautions)
                out.notes.push_back(caution.text);
            break;
        }
        case StepKind::routine: {
            if (std::find(m_path.begin(), m_path.end(), step.ref) != m_path.end()) {
                m_store.diagnostics().error(routine.file, step.ref_pos,
                                            "routine \"" + step.ref + "\" includes itself");
                return;
            }
            const Routine* inner = m_store.routine(step.ref);
            if (inner == nullptr) return missing(routine, step, "routine");
            add_routine(*inner, group.empty() ? inner->name : group, session);
            return;
        }
        }
        session.steps.push_back(std::move(out));
    }

    /// A supplement step on a trial night, when the trial concerns it: a step of the evening
    /// (its `own` supplement taken in the evening) or of the subject itself. It takes the
    /// plan's evening supplements, the subject among them on an ON night (whatever the plan
    /// says) and not on an OFF one, with the trial's line first; an OFF night with nothing else
    /// to take is a step of the line alone. False when the trial does not concern the step.
    bool follow_trial(const Supplement& own, SessionStep& out) {
        const SessionTrial& trial = *m_settings.trial;
        const bool evening = taken_in_evening(own);
        if (!evening && own.id != trial.subject) return false;
        std::vector<const Supplement*> taken;
        if (evening)
            for (const auto& id : m_settings.plan_supplements.value_or(std::vector<std::string>{}))
                if (const Supplement* s = m_store.supplement(id);
                    s != nullptr && s->id != trial.subject && taken_in_evening(*s))
                    taken.push_back(s);
        if (trial.on)
            if (const Supplement* s = m_store.supplement(trial.subject)) taken.push_back(s);
        if (taken.empty()) {
            // Nothing to take tonight: the step says so rather than being left out, as a short
            // note that waits for nobody (there is nothing to do).
            if (out.title.empty()) out.title = own.name;
            out.ref = trial.subject;
            out.text = trial.line + ".";
            out.waits = false;
            out.seconds = std::min(out.seconds > 0 ? out.seconds : k_trial_note_seconds,
                                   k_trial_note_seconds);
        } else {
            fill_supplements(taken, out);
            out.text = trial.line + ". " + out.text;
        }
        return true;
    }

    /// Fills a supplement step (whose `own` supplement is taken in the evening) with the
    /// evening and bedtime supplements of the person's `plan`, in its order, each with the
    /// guide's amounts, and with their conditions and cautions: one they share once, and with
    /// several supplements each other one led by its supplement's name unless it names it.
    /// False, with the reason in session.left_out, when the plan has none: the step is then
    /// left out.
    bool add_evening_supplements(const Supplement& own, const std::vector<std::string>& plan,
                                 SessionStep& out, Session& session) {
        std::vector<const Supplement*> taken;
        for (const auto& id : plan)
            if (const Supplement* s = m_store.supplement(id); s != nullptr && taken_in_evening(*s))
                taken.push_back(s);
        if (taken.empty()) {
            session.left_out.push_back(
                own.name +
                " is not in your plan, nor is any other evening or bedtime supplement, so the "
                "step that takes them is left out.");
            return false;
        }
        fill_supplements(taken, out);
        return true;
    }

    /// Fills a supplement step with `taken` (not empty), each with the guide's amounts, and
    /// with their conditions and cautions (see add_evening_supplements).
    void fill_supplements(const std::vector<const Supplement*>& taken, SessionStep& out) {
        const bool several = taken.size() > 1;
        std::vector<std::string> items;
        for (const Supplement* s : taken) {
            items.push_back(s->name + (s->dose.empty() ? "" : " " + join(s->dose, " or ")));
            out.supplements.push_back(step_supplement(*s));
        }
        if (out.title.empty()) out.title = several ? "Evening supplements" : taken[0]->name;
        out.ref = taken[0]->id;
        // What the person said they take, with the guide's ranges: never a prescription.
        out.text = std::string(several ? "Take your evening supplements: "
                                       : "Take your evening supplement: ") +
                   join(items, "; ") + ". " +
                   (several ? "The amounts are the guide's; take what you and your doctor "
                              "agreed on."
                            : "The amount is the guide's; take what you and your doctor agreed "
                              "on.") +
                   (out.text.empty() ? "" : " " + out.text);
        std::vector<std::pair<const Supplement*, std::string>> notes;
        for (const Supplement* s : taken) {
            if (!s->condition.empty()) notes.emplace_back(s, s->condition);
            for (const auto& caution : s->cautions)
                notes.emplace_back(s, caution.text);
        }
        std::vector<std::string> shown;
        for (const auto& [s, text] : notes) {
            // An init-capture: clang 14 (the fuzz build) cannot capture a structured binding.
            const auto same = [&wanted = text](const auto& note) { return note.second == wanted; };
            const bool shared = std::count_if(notes.begin(), notes.end(), same) > 1;
            if (shared && std::find(shown.begin(), shown.end(), text) != shown.end()) continue;
            shown.push_back(text);
            const bool named =
                to_lower_ascii(text).find(to_lower_ascii(s->name)) != std::string::npos;
            out.notes.push_back(several && !shared && !named ? s->name + ": " + text : text);
        }
    }

    static int default_cycles(const BreathingPattern& pattern) {
        return pattern.cycles > 0 ? pattern.cycles : cycles_for_minutes(pattern, pattern.minutes);
    }

    static std::string to_lower_first(std::string text) {
        // "Magnesium" reads "magnesium" mid-sentence; "L-theanine" stays as it is.
        if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
            std::islower(static_cast<unsigned char>(text[1])))
            text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
        return text;
    }

    ContentStore& m_store;
    const SessionSettings& m_settings;
    std::string m_hold_note;
    std::vector<std::string> m_path;
};

} // namespace

Session build_session(ContentStore& store, const Routine& routine,
                      const SessionSettings& settings) {
    Session session;
    session.id = routine.id;
    session.title = routine.name;
    Builder(store, settings).add_routine(routine, "", session);
    return session;
}

int cycles_for_minutes(const BreathingPattern& pattern, double minutes) {
    const double cycle = pattern.cycle_seconds();
    if (cycle <= 0) return 1;
    return std::max(1, static_cast<int>(std::lround(minutes * 60 / cycle)));
}

Session breathing_session(const BreathingPattern& pattern, int cycles, double minutes,
                          const std::string& hold_note) {
    if (cycles <= 0)
        cycles = minutes > 0          ? cycles_for_minutes(pattern, minutes)
                 : pattern.cycles > 0 ? pattern.cycles
                                      : cycles_for_minutes(pattern, pattern.minutes);
    Session session;
    session.id = pattern.id;
    session.title = pattern.name;
    SessionStep step;
    step.kind = StepKind::breathing;
    step.ref = pattern.id;
    step.title = pattern.name;
    step.text = pattern.summary;
    if (pattern.has_hold() && !hold_note.empty()) step.notes.push_back(hold_note);
    step.rhythm = described(Rhythm{pattern.phases, cycles, false, 0, true, ""});
    session.steps.push_back(std::move(step));
    return session;
}

std::optional<BreathingPattern> parse_custom_pattern(std::string_view text, std::string& error) {
    error = "expected a named pattern, or 2 to 4 numbers of seconds (from 1 to 60) joined by "
            "'-': 5-5 (in, out), 4-7-8 (in, hold, out) or 4-4-4-4 (in, hold, out, hold)";
    std::vector<double> seconds;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('-', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view part = text.substr(start, end - start);
        double value = 0;
        const auto [last, failure] = std::from_chars(part.data(), part.data() + part.size(), value);
        // Plain decimals only: "4", "4.5"; not "4.", ".5", "4e1" or "+4".
        const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
        const bool plain =
            !part.empty() && is_digit(part.front()) && is_digit(part.back()) &&
            std::all_of(part.begin(), part.end(), [&](char c) { return is_digit(c) || c == '.'; });
        if (!plain || failure != std::errc() || last != part.data() + part.size() ||
            !(value >= 1 && value <= 60))
            return std::nullopt;
        seconds.push_back(value);
        start = end + 1;
    }
    if (seconds.size() < 2 || seconds.size() > 4) return std::nullopt;

    BreathingPattern pattern;
    pattern.id = std::string(text);
    pattern.name = std::string(text) + " breathing";
    pattern.cycles = 4;
    const auto phase = [&](PhaseKind kind, double s, const char* cue) {
        pattern.phases.push_back(Phase{kind, s, cue});
    };
    phase(PhaseKind::inhale, seconds[0], "Breathe in");
    if (seconds.size() >= 3) phase(PhaseKind::hold, seconds[1], "Hold");
    phase(PhaseKind::exhale, seconds[seconds.size() >= 3 ? 2 : 1], "Breathe out");
    if (seconds.size() == 4) phase(PhaseKind::rest, seconds[3], "Hold, lungs empty");
    pattern.summary = "Your own pattern: " + pattern.rhythm_text() + ".";
    error.clear();
    return pattern;
}

} // namespace calmlegs
