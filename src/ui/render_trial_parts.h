#pragma once
// What the trial's pages (render_trial.cpp, render_trial_result.cpp) share; not for others.

#include "ui/render_trial.h"

#include <string>
#include <string_view>

namespace calmlegs {

/// Said before any interim number.
inline constexpr std::string_view k_peek_warning =
    "Interim numbers. Peeking invites stopping early on noise: decide nothing on them before "
    "the trial's last night.";

/// "3 pairs of 7-night blocks, 2 washout nights each".
std::string design_words(const TrialDesign& design);
/// "running: night 9 of 42 (pair 2 of 3, block 3 of 6, its night 2 of 7)", and the others:
/// the words of `state`, the trial's on `tonight` (TrialResult::state, which a last night
/// already rated has finished).
std::string state_words(const Trial& trial, TrialState state, Date tonight);
/// "ON: take Magnesium (a washout night)"; "" outside the trial.
std::string tonight_words(const TrialDesign& design, std::string_view shown, Date tonight);
/// "ON nights: 4 of 4 kept; OFF nights: 3 of 4 kept".
std::string adherence_words(const TrialAdherence& adherence);
/// The nights still to pass (tonight's among them until it is rated); 0 once it is over or
/// stopped.
int nights_left(const TrialResult& result);
/// The result's counts as keys of the open object: nights, elapsed, logged, missing,
/// washout_left_out, adherence.
void write_counts_json(JsonWriter& json, const TrialResult& result);

} // namespace calmlegs
