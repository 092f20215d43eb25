#pragma once
// The timed content: breathing patterns, exercises and the routines built from them.

#include "content/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// What a phase of a rhythm asks of the body. Breathing phases drive the breathing bar.
enum class PhaseKind { inhale, hold, exhale, rest, move };

std::string_view to_string(PhaseKind kind);
std::optional<PhaseKind> parse_phase_kind(std::string_view text);
const std::vector<std::string>& phase_kind_names();
/// True for the phases of a breath (inhale, hold, exhale, rest).
bool is_breath(PhaseKind kind);

/// "4", "2.5": seconds as people write them.
std::string seconds_text(double seconds);

/// One timed part of a breath or of one repetition of an exercise.
struct Phase {
    PhaseKind kind = PhaseKind::move;
    double seconds = 0;
    std::string cue; ///< what is shown and said ("Breathe in through your nose")
};

/// The longest a single phase, prompt or pattern may last, in seconds (an hour): anything
/// longer is a typo, not a routine.
inline constexpr double k_max_seconds = 3600;

/// A breathing pattern: phases repeated for a number of cycles or minutes.
struct BreathingPattern {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::string summary;
    std::vector<Phase> phases;
    int cycles = 0;     ///< default length in cycles (0: use minutes)
    double minutes = 0; ///< default length in minutes (0: use cycles)
    std::string file;
    SourcePos pos;
    NamePositions where;

    /// True when the breath is held at some point (the breath-hold caution applies).
    bool has_hold() const;
    /// The length of one cycle, in seconds.
    double cycle_seconds() const;
    /// "in 4 s · hold 7 s · out 8 s"
    std::string rhythm_text() const;
};

/// A stretch or movement: instructions, and repetitions of timed phases, on each side or not.
struct Exercise {
    std::string id;
    std::string name;
    std::vector<std::string> instructions;
    bool sides = false; ///< done on the left, then on the right
    int reps = 1;       ///< repetitions (per side)
    std::vector<Phase> phases;
    double switch_seconds = 0; ///< the pause to change sides
    std::string file;
    SourcePos pos;
    NamePositions where;
};

/// What a routine step is.
enum class StepKind { prompt, exercise, breathing, supplement, routine };

/// "prompt", "exercise", "breathing", "supplement" or "routine": as the content and the JSON
/// output name them.
std::string_view to_string(StepKind kind);

/// One step of a routine, as written in the content.
struct RoutineStep {
    StepKind kind = StepKind::prompt;
    std::string ref;   ///< the id of the exercise, pattern, supplement or routine
    std::string title; ///< optional for references (they have their own names)
    std::string text;
    double seconds = 0; ///< prompts and supplements: the length (nominal when waiting)
    bool wait = false;  ///< waits for Enter on a terminal
    int cycles = 0;     ///< breathing: overrides the pattern's length
    double minutes = 0; ///< breathing: overrides the pattern's length
    /// Ids of notes (notes.toml) shown before the step starts, such as "heat" before a bath.
    std::vector<Ref> notes;
    SourcePos pos;
    SourcePos ref_pos;
};

/// A guided routine: an ordered list of steps.
struct Routine {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    std::string summary;
    std::vector<RoutineStep> steps;
    std::string file;
    SourcePos pos;
    NamePositions where;
};

} // namespace calmlegs
