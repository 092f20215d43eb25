// TEMPORARY, to be deleted when the journal branches are merged: the outcome words that
// src/journal/night.cpp (helper H1's branch) defines, so that this branch's tests link without
// it. Weak, so that night.cpp's definitions win once both are in.

#include "journal/night.h"

namespace calmlegs {

__attribute__((weak)) std::string_view to_string(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::finished:
        return "finished";
    case RunOutcome::quit:
        return "quit";
    case RunOutcome::interrupted:
        return "interrupted";
    }
    return "finished";
}

__attribute__((weak)) std::optional<RunOutcome> run_outcome_named(std::string_view word) {
    for (const RunOutcome outcome :
         {RunOutcome::finished, RunOutcome::quit, RunOutcome::interrupted})
        if (to_string(outcome) == word) return outcome;
    return std::nullopt;
}

} // namespace calmlegs
