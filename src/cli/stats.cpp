// calmlegs stats: streaks, completion and severity over time, each with its number of nights;
// with --chart, then a chart of the whole journal's severity.

#include "journal/stats.h"
#include "cli/commands.h"
#include "cli/journal_chart.h"
#include "cli/journal_read.h"
#include "ui/render_journal.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct StatsOptions {
    bool chart = false;
};

ExitStatus run_stats(Context& context, const StatsOptions& options) {
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;
    std::vector<NightSummary> nights;
    if (!read_all_summaries(context, *reading, nights,
                            SummaryParts{.lists = false, .diary = true, .note = false}))
        return ExitStatus::usage;
    const JournalStats stats = compute_stats(nights, reading->tonight);
    if (!options.chart)
        return context.show(
            [&](JsonWriter& json) { write_stats_json(json, stats); },
            [&](const RenderOptions& render) { return render_stats(stats, render); });
    // The whole journal: from its first night (tonight when it has none) to tonight.
    const auto chart =
        read_chart(context, *reading, stats.first_night.value_or(reading->tonight), stats.today);
    if (!chart) return ExitStatus::usage;
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("stats");
            write_stats_json(json, stats);
            json.key("progress");
            write_progress_json(json, chart->progress);
            json.end_object();
        },
        [&](const RenderOptions& render) {
            // An empty journal: the page already says how to start, and there is no chart.
            if (!stats.first_night) return render_stats(stats, render);
            return render_stats(stats, render) + "\n" +
                   render_chart(chart->progress, chart->names, chart_options(context, render));
        });
}

} // namespace

Command setup_stats(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand(
        "stats", "Streaks, completion rate and severity over time, from the journal");
    auto options = std::make_shared<StatsOptions>();
    app->add_flag("--chart", options->chart,
                  "Then a chart of severity over the whole journal, with the 7-night mean, "
                  "where plan supplements started or stopped, and the nights with a trigger");
    return {app, "calmlegs stats", [&context, options] { return run_stats(context, *options); }};
}

} // namespace calmlegs::cli
