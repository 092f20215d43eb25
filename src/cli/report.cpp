// calmlegs report --html FILE: one self-contained page of a period's nights to read, print or
// bring to a doctor; --json: the same report's data.

#include "cli/commands.h"
#include "cli/journal_read.h"
#include "cli/runner.h"
#include "cli/trial_cli.h"
#include "content/names.h"
#include "ui/plain_text.h"
#include "ui/render_content.h"
#include "ui/render_report.h"
#include "ui/text.h"

#include <algorithm>
#include <map>
#include <memory>

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

struct ReportOptions {
    std::string html;        ///< the page's file; "-" for standard output; "" not asked for
    std::string days = "90"; // as typed: CLI11 would read "010" as octal
};

/// The [plan]'s supplements with the guide's dose and timing, as `calmlegs supplement` shows
/// them.
std::vector<ReportPlanEntry> plan_entries(ContentStore& store,
                                          const std::vector<std::string>& ids) {
    std::vector<ReportPlanEntry> entries;
    for (const std::string& id : ids) {
        const Supplement* s = store.supplement(id);
        if (s == nullptr) continue; // reported by content_ok()
        entries.push_back({s->id, s->name, s->condition, s->dose, timing_words(*s)});
    }
    return entries;
}

/// Each plan supplement against the nights without it, over the whole journal.
std::vector<ReportComparison> plan_comparisons(ContentStore& store,
                                               const std::vector<ReportPlanEntry>& plan,
                                               const std::vector<NightSummary>& nights) {
    std::vector<ReportComparison> out;
    for (const ReportPlanEntry& entry : plan) {
        ReportComparison c;
        c.comparison =
            compare_nights(nights, Subject{SubjectKind::supplement, entry.id, entry.name});
        std::map<std::string, std::string, std::less<>> names;
        for (const Confounder& other : c.comparison.confounders)
            if (const Supplement* s = store.supplement(other.id)) names[other.id] = s->name;
        c.words = comparison_words(c.comparison, [&](std::string_view id) {
            const auto it = names.find(id);
            return it == names.end() ? std::string(id) : it->second;
        });
        out.push_back(std::move(c));
    }
    return out;
}

/// The guide's sections marked for the doctor, in the order of the steps.
std::vector<ReportQuestions> doctor_questions(ContentStore& store) {
    std::vector<ReportQuestions> out;
    for (const Step* step : store.steps())
        for (const Section& section : step->sections)
            if (section.doctor_questions)
                out.push_back({section.title, section.text, section.items});
    return out;
}

/// The local date now: when the report was made.
std::optional<Date> local_date(Context& context) {
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return std::nullopt;
    return Date{
        std::chrono::floor<std::chrono::days>(to_local(*zone->zone, context.system().now()))};
}

/// Whether the page may go to `path`: a new file, or an older report. Any other file (the
/// journal, the config, a document) is never written over; false after saying so.
bool may_write(Context& context, const std::string& path) {
    if (path.empty() || path == "-") return true;
    const FileSystem& files = context.system().files();
    if (files.is_directory(path)) {
        context.error(quote_typed(path) + " is a directory",
                      "Name the page's file: calmlegs report --html " +
                          shell_quote(path + "/report.html"));
        return false;
    }
    if (!files.exists(path)) return true;
    std::string why;
    const auto text = files.is_file(path) ? files.read(path, why) : std::nullopt;
    if (text && is_report_page(*text)) return true;
    context.error(quote_typed(path) + " already exists and is not a calmlegs report: it is "
                                      "left as it is",
                  "Choose another name, e.g.: calmlegs report --html report.html (or --html - "
                  "for standard output)");
    return false;
}

/// The journal's latest trial (the last by start), analysed on tonight from `all` (the whole
/// journal), with its words and each night's severity; none without one. False after
/// reporting.
bool latest_trial(Context& context, const JournalReading& reading,
                  const std::vector<NightSummary>& all, std::optional<ReportTrial>& out) {
    out.reset();
    if (reading.store == nullptr) return true;
    std::vector<Trial> trials;
    std::string why;
    if (!reading.store->trials(trials, why)) {
        report_read_error(context, why);
        return false;
    }
    if (trials.empty()) return true;
    ReportTrial trial;
    trial.result = analyse_trial(trials.back(), all, reading.tonight);
    trial.tonight = reading.tonight;
    trial.name = subject_name(context, trials.back().design);
    trial.words = trial_words(trial.result, trial.name);
    const TrialDesign& design = trials.back().design;
    trial.severities.assign(static_cast<std::size_t>(trial_length(design)), std::nullopt);
    for (const NightSummary& night : all) {
        const int index = days_between(design.start, night.date);
        if (index >= 0 && index < trial_length(design) && night.log)
            trial.severities[static_cast<std::size_t>(index)] = night.log->severity;
    }
    out = std::move(trial);
    return true;
}

ExitStatus run_report(Context& context, const ReportOptions& options) {
    const bool json = context.options.json;
    if (options.html.empty() && !json) {
        context.error("report needs to know where to write the page",
                      "Type: calmlegs report --html report.html (or --json for the data)");
        return ExitStatus::usage;
    }
    if (json && options.html == "-") {
        context.error("--json and --html - would both write to standard output",
                      "Type: calmlegs report --html report.html, or calmlegs report --json");
        return ExitStatus::usage;
    }
    if (!may_write(context, options.html)) return ExitStatus::usage;
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::vector<Trigger>* triggers = context.triggers();
    if (triggers == nullptr) return ExitStatus::usage;
    const auto settings = session_settings(context, *store);
    if (!settings) return ExitStatus::usage;
    const auto generated = local_date(context);
    if (!generated) return ExitStatus::usage;
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;

    ReportView view;
    view.generated = *generated;
    view.has_plan = settings->plan_supplements.has_value();
    view.plan_hint = k_plan_hint;
    const std::vector<std::string> plan_ids =
        settings->plan_supplements.value_or(std::vector<std::string>{});
    view.plan = plan_entries(*store, plan_ids);
    if (view.has_plan) {
        const auto review = review_person_plan(context, *store);
        if (!review) return ExitStatus::usage;
        for (const auto* findings : {&review->findings, &review->notes})
            for (const Finding& finding : *findings)
                view.plan_review.push_back(finding.text);
    }

    // The whole journal once: the streaks, and the comparisons (as calmlegs compare makes
    // them, so that the words match the terminal's).
    std::vector<NightSummary> all;
    if (!read_all_summaries(context, *reading, all,
                            SummaryParts{.lists = true, .diary = true, .note = false}))
        return ExitStatus::usage;
    view.stats = compute_stats(all, reading->tonight);
    view.comparisons = plan_comparisons(*store, view.plan, all);

    // The period: the last N nights, tonight's included, from the journal's first night on.
    const Date tonight = reading->tonight;
    Date from = add_days(tonight, 1 - std::stoi(options.days, nullptr, 10));
    if (view.stats.first_night && days_between(from, *view.stats.first_night) > 0)
        from = *view.stats.first_night;
    if (!view.stats.first_night) from = tonight;
    // The whole journal is already read, from its first night: no night lies before it.
    view.progress = compute_progress(all, from, tonight, plan_ids, std::nullopt);
    const int nights = days_between(from, tonight) + 1;
    view.wind_down_nights = nights - (view.stats.today_done ? 0 : 1);

    std::vector<NightSummary> with_notes;
    if (!read_summaries(context, *reading, from, tonight, with_notes,
                        SummaryParts{.lists = false, .diary = false, .note = true}))
        return ExitStatus::usage;
    for (auto it = with_notes.rbegin();
         it != with_notes.rend() && static_cast<int>(view.notes.size()) < k_report_notes; ++it)
        if (it->log && !it->log->note.empty()) view.notes.push_back({it->date, it->log->note});

    if (!latest_trial(context, *reading, all, view.trial)) return ExitStatus::usage;

    for (const TriggerCount& count : view.progress.triggers)
        view.triggers.push_back({count.id, trigger_name(*triggers, count.id), count.nights});
    view.questions = doctor_questions(*store);
    if (const Note* note = store->note(k_note_not_advice)) view.not_advice = note->text;
    if (!context.content_ok()) return ExitStatus::usage;

    if (json) {
        JsonWriter writer;
        write_report_json(writer, view);
        context.print_json(writer);
    }
    if (options.html.empty()) return ExitStatus::success;
    const std::string page = render_report_html(view);
    if (options.html == "-") {
        // A page, not text for the terminal: UTF-8 as its <meta> says, whatever the locale.
        context.system().out().write(page);
        return ExitStatus::success;
    }
    std::string why;
    // What the journal says is as private as the journal: the file is the person's alone.
    if (!context.system().writer().replace(options.html, page, 0600, why)) {
        context.error("cannot write " + quote_typed(options.html) + ": " + why,
                      "Choose a file in a directory you can write to, e.g.: calmlegs report --html "
                      "~/report.html");
        return ExitStatus::output;
    }
    const std::string line =
        fmt::format("Wrote the report of {} logged {} ({} to {}) to {}: open it in a browser to "
                    "read or print.",
                    view.progress.logged, view.progress.logged == 1 ? "night" : "nights",
                    format_date(from), format_date(tonight), shell_quote(options.html));
    // Standard output holds the JSON when it was asked for too.
    if (json)
        context.note(line);
    else
        context.print(visible(line) + "\n"); // a path is shown, never obeyed by the terminal
    return ExitStatus::success;
}

} // namespace

Command setup_report(CLI::App& parent, Context& context) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* app = parent.add_subcommand(
        "report", "Write one page of your nights to read, print or take to a doctor (HTML), or "
                  "its data (--json)");
    app->add_option(
           "--html", options->html,
           "Write the page to FILE (made 0600; replaces an older report, never another file; - for "
           "standard output)")
        ->type_name("FILE")
        ->check(not_empty("a file"));
    app->add_option("--days", options->days,
                    "How many nights back, tonight included (default 90; never before the "
                    "journal's first night)")
        ->type_name("N")
        ->check(number_between(1, 36500, true));
    return {app, "calmlegs report --html report.html",
            [&context, options] { return run_report(context, *options); }};
}

} // namespace calmlegs::cli
