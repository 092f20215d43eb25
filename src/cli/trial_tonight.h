#pragma once
// The trial a night belongs to, as the evening's commands follow it (remind, tonight, run,
// log): read from the journal without ever creating it; no journal is no trial.

#include "cli/context.h"
#include "journal/trial.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::cli {

/// A trial's night, with what it tests as the person reads it.
struct TrialTonight {
    Trial trial;
    TrialNight night;
    int nights = 0;      ///< in the whole trial
    std::string name;    ///< the subject's name ("Magnesium"); its id when the content lacks it
    std::string dose;    ///< a supplement's first dose line ("200–400 mg"); "" for a routine
    std::string command; ///< a routine's command ("calmlegs tonight"); "" for a supplement
    /// "ON night 9 of 42: take magnesium, 200–400 mg" (ui/trial_line.h).
    std::string line() const;
};

/// Of `trials`, the one whose schedule covers `night` and that was not stopped on or before
/// it, whatever the real date; the newest (last by start, then id) when several do.
std::optional<Trial> trial_covering(const std::vector<Trial>& trials, Date night);

/// The command that runs routine `id`: "calmlegs tonight" for the nightly ritual, else
/// "calmlegs run ID".
std::string routine_command(std::string_view id);

/// The subject's name as shown: its supplement's or routine's name in `store`, else (no
/// content, or an entry it lost) its id.
std::string subject_name(ContentStore* store, const TrialDesign& design);

/// The trial night of `night` (see trial_covering) into `out`, nullopt when there is none,
/// the journal's path cannot be told, or there is no journal yet. False only after reporting
/// (with `hint` after the report) that the journal cannot be opened or read; each caller
/// decides what that means for it (`remind` still delivers its reminders).
bool trial_tonight(Context& context, Date night, std::optional<TrialTonight>& out,
                   std::string_view hint = {});

/// trial_tonight for the night the clock is in now (noon to noon). False after reporting that
/// the local zone cannot be told, or the journal cannot be opened or read (the hint then says
/// that --no-journal runs a routine without it).
bool trial_of_tonight(Context& context, std::optional<TrialTonight>& out);

} // namespace calmlegs::cli
