// calmlegs history: the journal's nights, a table and a severity sparkline, or (--chart) a
// chart of their severity.

#include "cli/commands.h"
#include "cli/journal_chart.h"
#include "cli/journal_read.h"
#include "journal/exchange.h"
#include "ui/render_history.h"
#include "ui/render_journal.h"

#include <algorithm>
#include <memory>

namespace calmlegs::cli {
namespace {

struct HistoryOptions {
    std::string days = "14"; // as typed: CLI11 would read "010" as octal
    bool chart = false;
};

void write_history_json(JsonWriter& json, const HistoryView& view,
                        const std::vector<RoutineRun>& runs) {
    json.begin_object();
    json.key("journal").value(view.journal);
    json.key("from").value(format_date(view.from));
    json.key("to").value(format_date(view.to));
    json.key("nights").begin_array();
    auto run = runs.begin();
    for (const NightSummary& night : view.nights) {
        json.begin_object();
        json.key("date").value(format_date(night.date));
        json.key("log");
        if (night.log)
            write_night_json(json, *night.log);
        else
            json.null();
        json.key("sleep");
        const auto figures = night.log ? sleep_figures(night.log->diary) : std::nullopt;
        if (figures) {
            json.begin_object();
            json.key("time_in_bed").value(figures->time_in_bed);
            json.key("total_sleep").value(figures->total_sleep);
            json.key("efficiency").value(figures->efficiency, 3);
            json.end_object();
        } else {
            json.null();
        }
        json.key("wind_down").value(night.did(k_wind_down_routine));
        json.string_array("finished", night.finished);
        json.key("runs").begin_array();
        while (run != runs.end() && run->night < night.date)
            ++run;
        for (; run != runs.end() && run->night == night.date; ++run)
            write_run_json(json, *run);
        json.end_array();
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

/// The chart of the nights from `from` to `to`, or with --json their progress.
ExitStatus show_chart(Context& context, const JournalReading& reading, Date from, Date to) {
    const auto chart = read_chart(context, reading, from, to);
    if (!chart) return ExitStatus::usage;
    return context.show([&](JsonWriter& json) { write_progress_json(json, chart->progress); },
                        [&](const RenderOptions& render) {
                            return render_chart(chart->progress, chart->names,
                                                chart_options(context, render));
                        });
}

ExitStatus run_history(Context& context, const HistoryOptions& options) {
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;
    HistoryView view;
    view.to = reading->tonight;
    view.from = add_days(view.to, 1 - std::stoi(options.days, nullptr, 10));
    if (options.chart) return show_chart(context, *reading, view.from, view.to);
    view.journal = context.journal_path();
    view.sparkline = context.terminal().tty;
    if (!read_summaries(context, *reading, view.from, view.to, view.nights))
        return ExitStatus::usage;
    std::vector<RoutineRun> runs;
    if (context.options.json && reading->store != nullptr) {
        // Every run only for scripts: the table needs no more than the summaries.
        std::string why;
        if (!reading->store->runs(view.from, view.to, runs, why)) {
            report_read_error(context, why);
            return ExitStatus::usage;
        }
    }
    return context.show([&](JsonWriter& json) { write_history_json(json, view, runs); },
                        [&](const RenderOptions& render) {
                            // A table, not prose: as wide as the terminal, so that what was
                            // taken and the notes show in full where there is room.
                            RenderOptions table = render;
                            table.width = std::max(render.width, context.terminal().columns);
                            return render_history(view, table);
                        });
}

} // namespace

Command setup_history(CLI::App& parent, Context& context) {
    auto options = std::make_shared<HistoryOptions>();
    CLI::App* app = parent.add_subcommand(
        "history", "The journal's last nights: severity, sleep, wind-down, what you took");
    app->add_option("--days", options->days, "How many nights back, tonight included (default 14)")
        ->type_name("N")
        ->check(number_between(1, 36500, true));
    app->add_flag("--chart", options->chart,
                  "A chart of severity night by night instead of the table, with the 7-night "
                  "mean, where plan supplements started or stopped, and the nights with a "
                  "trigger");
    return {app, "calmlegs history --days 30",
            [&context, options] { return run_history(context, *options); }};
}

} // namespace calmlegs::cli
