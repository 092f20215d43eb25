#include "content/names.h"
#include "content/parse.h"
#include "content/toml_reader.h"

namespace calmlegs {
namespace {

std::vector<Phase> read_phases(FieldReader& fields, bool breathing) {
    std::vector<Phase> phases;
    fields.tables(
        "phases", Presence::required,
        [&](const toml::table& table) {
            FieldReader item(table, fields.file(), fields.diagnostics());
            Phase phase;
            if (breathing) {
                const std::string kind =
                    item.choice("kind", Presence::required, {"inhale", "hold", "exhale", "rest"});
                if (auto parsed = parse_phase_kind(kind)) phase.kind = *parsed;
            }
            phase.seconds =
                item.number("seconds", Presence::required, 0.1, k_max_seconds).value_or(0);
            phase.cue = item.string("cue", Presence::required);
            item.finish();
            phases.push_back(std::move(phase));
        },
        1);
    return phases;
}

} // namespace

std::optional<BreathingPattern> parse_pattern(std::string_view text, const std::string& file,
                                              std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    BreathingPattern pattern;
    read_entry_head(fields, pattern, stem);
    pattern.summary = fields.string("summary", Presence::required);
    pattern.phases = read_phases(fields, true);
    pattern.cycles = fields.integer("cycles", Presence::optional, 1, 1000).value_or(0);
    pattern.minutes = fields.number("minutes", Presence::optional, 0.1, 60).value_or(0);
    if (root->contains("cycles") && root->contains("minutes"))
        fields.error("a breathing pattern's default length is cycles or minutes, not both");
    else if (!root->contains("cycles") && !root->contains("minutes"))
        fields.error("a breathing pattern needs its default length: cycles or minutes");
    fields.finish();
    return pattern;
}

std::optional<Exercise> parse_exercise(std::string_view text, const std::string& file,
                                       std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Exercise exercise;
    read_entry_head(fields, exercise, stem);
    exercise.instructions = fields.strings("instructions", Presence::required, 1);
    exercise.sides = fields.boolean("sides", false);
    exercise.reps = fields.integer("reps", Presence::required, 1, 1000).value_or(1);
    exercise.phases = read_phases(fields, false);
    exercise.switch_seconds =
        fields.number("switch_seconds", Presence::optional, 0, k_max_seconds).value_or(0);
    if (!exercise.sides && exercise.switch_seconds > 0)
        fields.error_at("switch_seconds", "'switch_seconds': only an exercise done on both sides "
                                          "(sides = true) switches sides");
    fields.finish();
    return exercise;
}

std::optional<Routine> parse_routine(std::string_view text, const std::string& file,
                                     std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Routine routine;
    read_entry_head(fields, routine, stem);
    routine.summary = fields.string("summary", Presence::required);
    fields.tables(
        "step", Presence::required,
        [&](const toml::table& table) {
            FieldReader item(table, file, diags);
            RoutineStep step;
            step.pos = item.position();
            struct Kind {
                const char* key;
                StepKind kind;
            };
            int references = 0;
            for (const Kind& kind :
                 {Kind{"exercise", StepKind::exercise}, Kind{"breathing", StepKind::breathing},
                  Kind{"supplement", StepKind::supplement}, Kind{"routine", StepKind::routine}}) {
                std::string ref = item.string(kind.key, Presence::optional);
                if (ref.empty()) continue;
                ++references;
                step.kind = kind.kind;
                step.ref = ref;
                step.ref_pos = item.position_of_key(kind.key);
                if (!is_valid_id(ref))
                    item.error_at(kind.key, "'" + std::string(kind.key) +
                                                "': expected an id (lowercase letters, digits "
                                                "and '-'), found \"" +
                                                ref + "\"");
            }
            if (references > 1)
                item.error("a step is one thing: expected at most one of exercise, breathing, "
                           "supplement or routine");
            if (step.kind == StepKind::routine)
                for (const char* key : {"title", "text"})
                    if (table.contains(key))
                        item.error_at(key, "'" + std::string(key) +
                                               "': a step that runs another routine takes its "
                                               "titles and texts from that routine");
            const bool prompt = step.kind == StepKind::prompt;
            const bool timed = prompt || step.kind == StepKind::supplement;
            step.title = item.string("title", prompt ? Presence::required : Presence::optional);
            step.text = item.string("text", prompt ? Presence::required : Presence::optional);
            step.seconds = item.number("seconds", timed ? Presence::required : Presence::optional,
                                       1, k_max_seconds)
                               .value_or(0);
            if (!timed && step.seconds > 0)
                item.error_at("seconds", "'seconds': the length of this step comes from its " +
                                             std::string(step.kind == StepKind::breathing
                                                             ? "pattern (use cycles or minutes)"
                                                             : "exercise or routine"));
            step.wait = item.boolean("wait", false);
            if (step.wait && !timed)
                item.error_at("wait", "'wait': only a prompt or supplement step waits for Enter");
            step.cycles = item.integer("cycles", Presence::optional, 1, 1000).value_or(0);
            step.minutes = item.number("minutes", Presence::optional, 0.1, 60).value_or(0);
            step.notes = item.ids("notes", Presence::optional);
            if ((step.cycles > 0 || step.minutes > 0) && step.kind != StepKind::breathing)
                item.error("cycles and minutes belong to a breathing step");
            if (step.cycles > 0 && step.minutes > 0)
                item.error("a breathing step takes cycles or minutes, not both");
            item.finish();
            routine.steps.push_back(std::move(step));
        },
        1);
    fields.finish();
    return routine;
}

} // namespace calmlegs
