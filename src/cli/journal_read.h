#pragma once
// What the commands that read the journal share (history, stats, compare, export).

#include "cli/context.h"
#include "journal/progress.h"

namespace calmlegs::cli {

/// The journal to read, and the current night.
struct JournalReading {
    JournalStore* store = nullptr; ///< nullptr when there is no journal yet
    Date tonight;                  ///< the night now is in (noon to noon)
};

/// Opens the journal to read it (never creating it) and tells the current night; nullopt
/// after reporting why it cannot (exit status 2).
std::optional<JournalReading> read_journal(Context& context);

/// Reads the nights from `from` to `to` (none without a journal), at least the `parts` asked
/// for; false after reporting.
bool read_summaries(Context& context, const JournalReading& reading, Date from, Date to,
                    std::vector<NightSummary>& out, const SummaryParts& parts = {});

/// Reads every night of the journal (none without one), tonight's included, at least the
/// `parts` asked for; false after reporting (stats and compare read it all).
bool read_all_summaries(Context& context, const JournalReading& reading,
                        std::vector<NightSummary>& out, const SummaryParts& parts);

/// Reads what the pictures of the nights from `from` to `to` need (the nights of the moving
/// means' first window too, and the logged night before them) and computes their progress,
/// with the starts and stops of the supplements in `plan` (ids); false after reporting.
bool read_progress(Context& context, const JournalReading& reading, Date from, Date to,
                   const std::vector<std::string>& plan, Progress& out);

/// The ids of the supplements in the person's [plan] (none without one), resolved as the
/// routines resolve them; nullopt after reporting a problem with the config or the plan.
std::optional<std::vector<std::string>> plan_supplement_ids(Context& context, ContentStore& store);

/// "cannot read the journal: WHY" with the journal's path.
void report_read_error(Context& context, const std::string& why);

} // namespace calmlegs::cli
