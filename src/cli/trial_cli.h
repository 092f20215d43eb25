#pragma once
// What the `calmlegs trial` subcommands share (trial.cpp, trial_start.cpp).

#include "cli/journal_read.h"
#include "journal/trial.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// The options of `trial start`, as typed (numbers as strings: number_between checks them).
struct TrialStartOptions {
    std::vector<std::string> words; ///< the name
    std::string pairs, block, washout, start, seed;
    bool yes = false;
};

/// The journal read for a trial subcommand: the current night and every trial, by start.
struct TrialReading {
    JournalReading journal;
    std::vector<Trial> trials;
};

/// Reads the trials (none without a journal); nullopt after reporting.
std::optional<TrialReading> read_trials(Context& context);

/// `trial`'s result on the reading's night, from the journal's nights of its schedule;
/// nullopt after reporting.
std::optional<TrialResult> analysed(Context& context, const JournalReading& reading,
                                    const Trial& trial);

/// The subject's name as shown: the supplement's or routine's name, else its id.
std::string subject_name(Context& context, const TrialDesign& design);

ExitStatus run_trial_start(Context& context, const TrialStartOptions& options);

} // namespace calmlegs::cli
