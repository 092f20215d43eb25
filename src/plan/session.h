#pragma once
// A routine with every reference resolved: the steps as they will be done, in order, with
// their texts, notes and rhythms. Plain data, so the planner over it is a pure function.

#include "content/routine_model.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// Phases repeated: the cycles of a breath, or the repetitions of an exercise on each side.
struct Rhythm {
    std::vector<Phase> phases;
    int repeats = 1;           ///< cycles, or repetitions per side
    bool sides = false;        ///< left side, then right side
    double switch_seconds = 0; ///< the pause between the sides
    bool breathing = false;    ///< drives the breathing bar
    std::string description;   ///< "in 4 s · hold 7 s · out 8 s", for the plan

    /// The whole length in seconds.
    double seconds() const;
    /// What the plan shows of it: "4 cycles: in 4 s · hold 7 s · out 8 s" for a breath,
    /// "15 × (2 s + 3 s)", "6 × (4 s + 2 s), each side" or "18 s + 18 s, each side" for an
    /// exercise.
    std::string describe() const;
};

/// A supplement a step asks the person to take, with the guide's amounts of it.
struct StepSupplement {
    std::string id;
    std::string name;
    std::vector<std::string> dose; ///< as the content writes it ("200–400 mg"); may be empty
};

/// One step as it will be done.
struct SessionStep {
    StepKind kind = StepKind::prompt; ///< never StepKind::routine: included routines are unfolded
    std::string ref;                  ///< the exercise, pattern or supplement id ("" for a prompt)
    std::string title;
    std::string text;
    std::vector<std::string> notes; ///< shown before the step starts (cautions)
    std::string group;              ///< the included routine it came from, if any
    double seconds = 0;             ///< prompts and supplements: length (nominal when waiting)
    bool waits = false;             ///< waits for Enter on a terminal
    std::optional<Rhythm> rhythm;
    /// Supplement steps: what it asks to take, in the order of the person's [plan] (the
    /// step's own supplement when there is no plan).
    std::vector<StepSupplement> supplements;

    /// The nominal length in seconds.
    double length_seconds() const;
};

/// A resolved routine.
struct Session {
    std::string id;
    std::string title;
    std::vector<SessionStep> steps;
    std::vector<std::string> left_out; ///< why steps were left out (e.g. not in the plan)
};

} // namespace calmlegs
