// calmlegs stats: streaks, completion and severity over time, each with its number of nights.

#include "journal/stats.h"
#include "cli/commands.h"
#include "cli/journal_read.h"
#include "ui/render_journal.h"

namespace calmlegs::cli {
namespace {

ExitStatus run_stats(Context& context) {
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;
    std::vector<NightSummary> nights;
    if (!read_all_summaries(context, *reading, nights,
                            SummaryParts{.lists = false, .diary = true, .note = false}))
        return ExitStatus::usage;
    const JournalStats stats = compute_stats(nights, reading->tonight);
    return context.show([&](JsonWriter& json) { write_stats_json(json, stats); },
                        [&](const RenderOptions& render) { return render_stats(stats, render); });
}

} // namespace

Command setup_stats(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand(
        "stats", "Streaks, completion rate and severity over time, from the journal");
    return {app, "calmlegs stats", [&context] { return run_stats(context); }};
}

} // namespace calmlegs::cli
