// calmlegs trial: a personal n-of-1 trial of one supplement or routine. `trial start` plans
// one (trial_start.cpp); `trial status`, `result`, `stop` and `list` follow it. `calmlegs
// trial` alone is `trial status`.

#include "cli/commands.h"
#include "cli/trial_cli.h"
#include "cli/trial_tonight.h"
#include "ui/render_trial.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct TrialOptions {
    TrialStartOptions start;
    bool status_peek = false;
    bool result_now = false;
    bool result_peek = false;
    CLI::App* start_app = nullptr;
    CLI::App* status_app = nullptr;
    CLI::App* result_app = nullptr;
    CLI::App* stop_app = nullptr;
    CLI::App* list_app = nullptr;
};

constexpr std::string_view k_how_to_start =
    "Start one: calmlegs trial start magnesium (see calmlegs trial start --help)";

ExitStatus run_status(Context& context, bool peek) {
    const auto reading = read_trials(context);
    if (!reading) return ExitStatus::usage;
    if (reading->trials.empty()) {
        if (!context.content_ok()) return ExitStatus::usage;
        return context.show(
            [&](JsonWriter& json) { json.begin_object().key("trial").null().end_object(); },
            [&](const RenderOptions& render) {
                Page page(render);
                page.paragraph("No trial yet: a trial takes one supplement or routine in blocks "
                               "of nights on and off, in an order drawn by lot, and tells what "
                               "your nights say.");
                page.paragraph(std::string(k_how_to_start));
                return page.str();
            });
    }
    const Trial& trial = reading->trials.back();
    const auto result = analysed(context, reading->journal, trial);
    if (!result) return ExitStatus::usage;
    const std::string name = subject_name(context, trial.design);
    if (!context.content_ok()) return ExitStatus::usage;
    const Date tonight = reading->journal.tonight;
    return context.show(
        [&](JsonWriter& json) { write_trial_status_json(json, *result, name, tonight, peek); },
        [&](const RenderOptions& render) {
            return render_trial_status(*result, name, tonight, peek, render);
        });
}

ExitStatus run_result(Context& context, bool now, bool peek) {
    const auto reading = read_trials(context);
    if (!reading) return ExitStatus::usage;
    if (reading->trials.empty()) {
        context.error("there is no trial to give a result of", k_how_to_start);
        return ExitStatus::not_found;
    }
    const Trial& trial = reading->trials.back();
    const auto result = analysed(context, reading->journal, trial);
    if (!result) return ExitStatus::usage;
    const TrialState state = result->state;
    const std::string name = subject_name(context, trial.design);
    if (state == TrialState::stopped && !peek) {
        context.error("the trial of " + name +
                          " was stopped early: its partial result is shown "
                          "only with --peek's warning",
                      "calmlegs trial result --peek");
        return ExitStatus::usage;
    }
    if ((state == TrialState::planned || state == TrialState::running) && !now && !peek) {
        context.error("the trial of " + name + " runs until " +
                          format_date(trial_end(trial.design)) +
                          ": its result is for the end (peeking invites stopping early on noise)",
                      "Where it stands: calmlegs trial status\nThe interim numbers anyway: "
                      "calmlegs trial result --now");
        return ExitStatus::usage;
    }
    if (!context.content_ok()) return ExitStatus::usage;
    return context.show(
        [&](JsonWriter& json) { write_trial_result_json(json, *result, name); },
        [&](const RenderOptions& render) { return render_trial_result(*result, name, render); });
}

ExitStatus run_stop(Context& context) {
    const auto reading = read_trials(context);
    if (!reading) return ExitStatus::usage;
    const Date tonight = reading->journal.tonight;
    if (reading->trials.empty() || !trial_pending(reading->trials.back(), tonight)) {
        context.error("no trial is planned or running", "Past trials: calmlegs trial list");
        return ExitStatus::not_found;
    }
    const Trial& trial = reading->trials.back();
    const std::string name = subject_name(context, trial.design);
    if (!context.content_ok()) return ExitStatus::usage;
    std::string why;
    // Tonight's night rated already (the morning after, before noon) is over: it stays in the
    // trial, which stops from the next night.
    std::optional<Night> rated;
    if (!reading->journal.store->night(tonight, rated, why)) {
        report_read_error(context, why);
        return ExitStatus::usage;
    }
    const Date stop_night = rated && rated->severity ? add_days(tonight, 1) : tonight;
    if (!reading->journal.store->stop_trial(trial.id, stop_night, why)) {
        context.error("the trial could not be stopped: " + why,
                      "Nothing was changed. The journal: " + context.journal_path());
        return ExitStatus::usage;
    }
    Trial stopped = trial;
    stopped.stopped = stop_night;
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("stopped");
            write_trial_json(json, stopped, name, tonight);
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.paragraph(
                "Stopped the trial of " + name + " on the night of " + format_date(stop_night) +
                (stop_night == tonight
                     ? ""
                     : " (the night of " + format_date(tonight) + ", rated, stays in it)") +
                ". It is kept in the journal, marked stopped.");
            page.paragraph("Its partial result, with a warning: calmlegs trial result --peek");
            page.paragraph("Reminders, tonight and log no longer follow its schedule.");
            return page.str();
        });
}

ExitStatus run_list(Context& context) {
    const auto reading = read_trials(context);
    if (!reading) return ExitStatus::usage;
    std::vector<std::string> names;
    for (const Trial& trial : reading->trials)
        names.push_back(subject_name(context, trial.design));
    if (!context.content_ok()) return ExitStatus::usage;
    auto name_of = [&](const Trial& trial) {
        for (std::size_t i = 0; i < reading->trials.size(); ++i)
            if (reading->trials[i].id == trial.id) return names[i];
        return trial.design.subject;
    };
    const Date tonight = reading->journal.tonight;
    return context.show(
        [&](JsonWriter& json) { write_trial_list_json(json, reading->trials, name_of, tonight); },
        [&](const RenderOptions& render) {
            return render_trial_list(reading->trials, name_of, tonight, render);
        });
}

ExitStatus run_trial(Context& context, const TrialOptions& options) {
    if (options.start_app->parsed()) return run_trial_start(context, options.start);
    if (options.result_app->parsed())
        return run_result(context, options.result_now, options.result_peek);
    if (options.stop_app->parsed()) return run_stop(context);
    if (options.list_app->parsed()) return run_list(context);
    return run_status(context, options.status_app->parsed() && options.status_peek);
}

} // namespace

std::optional<TrialReading> read_trials(Context& context) {
    TrialReading reading;
    auto journal = read_journal(context);
    if (!journal) return std::nullopt;
    reading.journal = *journal;
    if (journal->store == nullptr) return reading;
    std::string why;
    if (!journal->store->trials(reading.trials, why)) {
        report_read_error(context, why);
        return std::nullopt;
    }
    return reading;
}

std::optional<TrialResult> analysed(Context& context, const JournalReading& reading,
                                    const Trial& trial) {
    std::vector<NightSummary> nights;
    if (!read_summaries(context, reading, trial.design.start, trial_end(trial.design), nights,
                        SummaryParts{.lists = true, .diary = false, .note = false}))
        return std::nullopt;
    return analyse_trial(trial, nights, reading.tonight);
}

std::string subject_name(Context& context, const TrialDesign& design) {
    return subject_name(context.content(), design);
}

Command setup_trial(CLI::App& parent, Context& context) {
    auto options = std::make_shared<TrialOptions>();
    CLI::App* app = parent.add_subcommand(
        "trial", "A planned self-experiment with one supplement or routine: nights on and off "
                 "in a random order, analysed honestly");
    app->require_subcommand(0, 1);

    CLI::App* start = app->add_subcommand("start", "Plan a trial and print its calendar");
    TrialStartOptions& s = options->start;
    start->add_option("NAME", s.words, "A supplement or routine, by any name")
        ->required()
        ->check(a_name());
    start->add_option("--pairs", s.pairs, "Pairs of blocks (default 3, from 2 to 12)")
        ->type_name("N")
        ->check(number_between(k_trial_min_pairs, k_trial_max_pairs, true));
    start->add_option("--block", s.block, "Nights in each block (default 7, from 5 to 28)")
        ->type_name("NIGHTS")
        ->check(number_between(k_trial_min_block, k_trial_max_block, true));
    start
        ->add_option("--washout", s.washout,
                     "Nights at the start of each block left out (default: the entry's; 2 for "
                     "a supplement, 0 for a routine)")
        ->type_name("NIGHTS")
        ->check(number_between(0, k_trial_max_block - k_trial_min_analysed, true));
    start->add_option("--start", s.start, "The first night (default: tomorrow night)")
        ->type_name("YYYY-MM-DD")
        ->check(a_date());
    start->add_option("--seed", s.seed, "The seed of the order (default: random; recorded)")
        ->type_name("N")
        ->check(number_between(0, static_cast<double>(k_trial_max_seed), true));
    start->add_flag("--yes", s.yes, "Start without asking");
    options->start_app = start;

    options->status_app = app->add_subcommand("status", "Where the trial stands (no result "
                                                        "before its end)");
    options->status_app->add_flag("--peek", options->status_peek,
                                  "Show the interim numbers too, with a warning");
    options->result_app =
        app->add_subcommand("result", "The trial's result: the effect, its interval and p");
    options->result_app->add_flag("--now", options->result_now,
                                  "Before the end: the interim result");
    options->result_app->add_flag("--peek", options->result_peek,
                                  "A stopped trial's partial result, with a warning");
    options->stop_app = app->add_subcommand("stop", "End the trial early (it is kept, marked "
                                                    "stopped)");
    options->list_app = app->add_subcommand("list", "Every trial, past and present");
    return {app, "calmlegs trial start magnesium",
            [&context, options] { return run_trial(context, *options); }};
}

} // namespace calmlegs::cli
