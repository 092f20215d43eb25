#include "cli/runner.h"

#include "cli/commands.h"
#include "cli/misses.h"
#include "cli/trial_tonight.h"

#include "content/config_plan.h"
#include "content/lookup.h"
#include "content/names.h"
#include "plan/plan.h"
#include "remind/reminder_day.h"
#include "run/cue_announcer.h"
#include "run/keep_awake.h"
#include "run/runner.h"
#include "ui/plain_text.h"
#include "ui/render_plan.h"
#include "ui/stream_displays.h"
#include "ui/terminal_display.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <optional>

namespace calmlegs::cli {
namespace {

ExitStatus exit_status(const RunResult& result) {
    switch (result.outcome) {
    case RunResult::Outcome::completed:
        return ExitStatus::success;
    case RunResult::Outcome::quit:
        return ExitStatus::interrupted;
    case RunResult::Outcome::interrupted:
        break;
    }
    switch (result.signal) {
    case SIGINT:
        return ExitStatus::interrupted;
    case SIGTERM:
        return ExitStatus::terminated;
    case SIGHUP:
        return ExitStatus::hangup;
    default: // SIGPIPE: 141, as a shell reports a process the signal ended
        return static_cast<ExitStatus>(128 + result.signal);
    }
}

/// The plan's words in ASCII, for a terminal whose locale is not UTF-8: spelt out before they
/// are laid out, so that the lines still fit the width.
void spell_in_ascii(Plan& plan) {
    plan.title = to_ascii(plan.title);
    for (auto& reason : plan.left_out)
        reason = to_ascii(reason);
    for (auto& step : plan.steps) {
        SessionStep& source = step.source;
        for (std::string* text : {&source.title, &source.text, &source.group})
            *text = to_ascii(*text);
        for (auto& note : source.notes)
            note = to_ascii(note);
        if (source.rhythm) {
            source.rhythm->description = to_ascii(source.rhythm->description);
            for (auto& phase : source.rhythm->phases)
                phase.cue = to_ascii(phase.cue);
        }
    }
    for (auto& cue : plan.cues)
        cue.text = to_ascii(cue.text);
}

/// Writes to another Output in ASCII: for a terminal whose locale is not UTF-8.
class AsciiOutput final : public Output {
public:
    explicit AsciiOutput(Output& to)
        : m_to(to) {}
    void write(std::string_view text) override { m_to.write(to_ascii(text)); }
    void flush() override { m_to.flush(); }
    TerminalSize size() override { return m_to.size(); }

private:
    Output& m_to;
};

/// An instant in the local zone, with its offset (UTC when the zone cannot be told).
std::string local_timestamp(Context& context, Instant instant) {
    const LocalZone* local = context.zone();
    return format_instant_at(instant, local == nullptr ? std::chrono::seconds{0}
                                                       : local->zone->offset_at(instant));
}

RunOutcome outcome_of(const RunResult& result) {
    switch (result.outcome) {
    case RunResult::Outcome::completed:
        return RunOutcome::finished;
    case RunResult::Outcome::quit:
        return RunOutcome::quit;
    case RunResult::Outcome::interrupted:
        break;
    }
    return RunOutcome::interrupted;
}

/// Records a run that ended (however it ended) in the journal; a failure is told, and the
/// run's exit status stays as it is.
void record_run(Context& context, JournalStore& journal, const Plan& plan, const RunResult& result,
                Instant started) {
    System& system = context.system();
    const LocalZone* local = context.zone(); // checked before the run
    RoutineRun run;
    run.uid = system.unique_id();
    run.routine = plan.id;
    run.started = started;
    run.started_offset = local->zone->offset_at(started);
    run.ended = std::max(system.now(), started);
    run.ended_offset = local->zone->offset_at(run.ended);
    run.night = reminder_day(*local->zone, started);
    run.steps_total = static_cast<int>(result.steps_total);
    run.steps_done = static_cast<int>(result.steps_done);
    run.steps_skipped = static_cast<int>(result.steps_skipped);
    run.outcome = outcome_of(result);
    run.signal = run.outcome == RunOutcome::interrupted ? result.signal : 0;
    std::string why;
    if (!journal.add_run(run, why))
        context.error("this run could not be recorded in the journal: " + why,
                      "The journal: " + context.journal_path());
}

/// True when the desktop's idle blanking can be held off: there is a session bus to reach (its
/// address is set, or its socket is at $XDG_RUNTIME_DIR/bus) and systemd-inhibit to ask with.
bool can_keep_awake(const System& system) {
    const auto address = system.env("DBUS_SESSION_BUS_ADDRESS");
    const auto runtime = system.env("XDG_RUNTIME_DIR");
    const bool bus = (address && !address->empty()) ||
                     (runtime && !runtime->empty() && system.files().exists(*runtime + "/bus"));
    return bus && system.can_run(k_inhibit_program);
}

} // namespace

void add_runner_options(CLI::App& app, RunnerOptions& options) {
    app.add_option("--speed", options.speed, "Run X times faster, to preview (0.1 to 1000)")
        ->type_name("X")
        ->check(number_between(0.1, 1000, false));
    app.add_flag("--dry-run", options.dry_run, "Print the timed plan and its length; run nothing");
    app.add_flag("--quiet", options.quiet, "No sound: neither the bell nor the cue command");
    app.add_flag("--no-bell", options.no_bell,
                 "No terminal bell (see [cues] bell in calmlegs-config(5))");
    app.add_flag("--no-journal", options.no_journal,
                 "Do not record this run in the journal (see [journal] in calmlegs-config(5))");
}

std::optional<SessionSettings> session_settings(Context& context, ContentStore& store) {
    const Config* config = context.config();
    if (config == nullptr) return std::nullopt;
    Diagnostics problems;
    SessionSettings settings;
    // The plan's names as look-ups read them ("mag", "Vitamin D"), as ids.
    settings.plan_supplements = resolve_plan(store, *config, problems);
    if (!problems.empty()) {
        for (const auto& problem : problems.problems())
            context.note(problem.format());
        context.error("the plan in the config names a supplement the content does not have",
                      "See them all: calmlegs supplements --all");
        return std::nullopt;
    }
    return settings;
}

Plan display_plan(Context& context, const Session& session, double speed) {
    Plan plan = plan_session(session, speed);
    if (!context.terminal().utf8 && !context.options.json) spell_in_ascii(plan);
    return plan;
}

ExitStatus run_session(Context& context, const Session& session, const RunnerOptions& options) {
    Plan plan = display_plan(context, session, options.speed);
    if (!context.content_ok()) return ExitStatus::usage;
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    if (options.dry_run)
        return context.show([&](JsonWriter& json) { write_plan_json(json, plan); },
                            [&](const RenderOptions& render) { return render_plan(plan, render); });

    // Problems found before the routine starts are told before it starts.
    System& system = context.system();
    std::unique_ptr<Stream> log;
    if (const auto path = system.env("CALMLEGS_EVENT_LOG"); path && !path->empty()) {
        std::string why;
        log = system.append_to(*path, why);
        if (log == nullptr) {
            context.error("cannot open CALMLEGS_EVENT_LOG=" + *path + ": " + why,
                          "Point CALMLEGS_EVENT_LOG at a file that can be written.");
            return ExitStatus::usage;
        }
    }
    // A run is recorded in the journal; a preview at another --speed is not. A journal that
    // cannot be opened stops the run before it starts, with the way to run it without.
    JournalStore* journal = nullptr;
    if (!options.no_journal && options.speed == 1 && config->journal.record_runs) {
        bool missing = false;
        journal = context.journal(OpenMode::create, missing,
                                  "To run it without recording it: add --no-journal");
        if (journal == nullptr || context.zone() == nullptr) return ExitStatus::usage;
    }
    const Instant started = system.now();
    std::vector<std::string> cue_command =
        options.quiet ? std::vector<std::string>{} : config->cue_command;
    if (!cue_command.empty() && !system.can_run(cue_command.front())) {
        context.error("the cue command " + quote_typed(cue_command.front()) +
                          " was not found, so this routine has no spoken cues",
                      "Check [cues] command in the config (see calmlegs-config(5)).");
        cue_command.clear();
    }

    const TerminalInfo& terminal = context.terminal();
    std::string announcer_error;
    RunResult result;
    {
        // Everything that changes the terminal lives in this scope: its destructors give the
        // terminal back before anything else is printed, however the run ended.
        Stream& stdout_stream = system.out();
        AsciiOutput ascii(stdout_stream);
        Output* const chosen =
            terminal.utf8 || context.options.json ? static_cast<Output*>(&stdout_stream) : &ascii;
        Output& out = *chosen;
        const bool json = context.options.json;
        // The full-screen display only where it can be drawn; plain lines everywhere else
        // (a pipe, TERM=dumb, a terminal narrower than 20 columns).
        const bool full_screen = !json && terminal.full_screen;
        std::unique_ptr<Display> screen;
        if (json)
            screen = std::make_unique<JsonDisplay>(out);
        else if (full_screen)
            screen = std::make_unique<TerminalDisplay>(
                out, context.render_options().style,
                terminal.utf8 ? BarGlyphs{} : BarGlyphs::ascii(),
                [&system](Nanos from_now) { return system.clock_time_after(from_now); });
        else
            screen = std::make_unique<PlainDisplay>(out);
        Displays displays;
        displays.add(*screen);
        std::unique_ptr<JsonDisplay> log_display;
        if (log != nullptr) {
            // The event log is a timing trace (bench/routine.sh reads it): wall-clock times on
            // its start and end, no per-second ticks. The journal is the record of runs.
            JsonDisplay::Options log_options;
            log_options.ticks = false;
            log_options.wall_clock = [&context, &system] {
                return local_timestamp(context, system.now());
            };
            log_display = std::make_unique<JsonDisplay>(*log, log_options);
            displays.add(*log_display);
        }

        // The bell is a control character: only on a terminal that draws the full screen.
        const bool bell = full_screen && !options.quiet && !options.no_bell && config->bell.any();
        CueAnnouncer announcer(bell ? &out : nullptr, config->bell, cue_command, system.spawner());
        const auto events = system.events(!json && terminal.keys);
        // The screen is kept from blanking while the full-screen display is up, someone
        // following it; the hold goes first, while signals are still caught, however the run
        // ended (an exception included).
        std::optional<AwakeHold> awake;
        if (full_screen && config->keep_awake && can_keep_awake(system))
            awake.emplace(system.spawner(), keep_awake_command(system.process_id()));
        result = run_plan(plan, *events, displays, announcer);
        announcer_error = announcer.error();
        // Recorded while `events` still catches SIGINT, SIGTERM and SIGHUP: a second Ctrl-C
        // while the journal waits for another process's lock cannot lose the run.
        if (journal != nullptr) record_run(context, *journal, plan, result, started);
    }
    const int output_error = system.out().error();
    if (!announcer_error.empty())
        context.error(announcer_error, "Check [cues] command in the config.");
    // A closed pipe ends the run by its signal (141); any other failed write is told here.
    if (output_error != 0 && output_error != EPIPE && result.signal == 0) {
        context.error(std::string("could not write the output: ") + std::strerror(output_error),
                      "Check where standard output goes (a full disk, a closed file).");
        return ExitStatus::output;
    }
    return exit_status(result);
}

std::optional<Session> routine_session(Context& context, const std::string& name,
                                       const RunnerOptions& options, ExitStatus& status) {
    status = ExitStatus::usage;
    ContentStore* store = context.content();
    if (store == nullptr) return std::nullopt;
    const auto lookup = find_routine(*store, name);
    if (!context.content_ok()) return std::nullopt;
    if (lookup.status != Resolution::Status::found) {
        Miss miss = miss_of(lookup, name);
        miss.what = "routine";
        miss.none = "there is no";
        miss.command = "calmlegs run";
        miss.listing = "calmlegs routines";
        status = report_miss(context, miss);
        return std::nullopt;
    }
    if (lookup.match != MatchKind::exact)
        context.note("(running " + lookup.found->name + " for " + quote_typed(name) + ")");
    auto settings = session_settings(context, *store);
    if (!settings) return std::nullopt;
    // Tonight's trial night (cli/trial_tonight.h): a supplement trial shapes the supplement
    // step; a trial of this routine says its line first. --no-journal reads no journal.
    std::optional<TrialTonight> trial;
    if (!options.no_journal && !trial_of_tonight(context, trial)) return std::nullopt;
    if (trial && trial->trial.design.kind == TrialSubject::supplement)
        settings->trial = SessionTrial{trial->trial.design.subject, trial->night.on, trial->line()};
    Session session = build_session(*store, *lookup.found, *settings);
    if (trial && trial->trial.design.kind == TrialSubject::routine &&
        trial->trial.design.subject == lookup.found->id && !session.steps.empty())
        session.steps.front().notes.insert(session.steps.front().notes.begin(), trial->line() + ".");
    if (lookup.found->id == "tonight" && !session.steps.empty()) {
        // The night's ritual starts with one line on what calmlegs is, and a pointer to the
        // plan review when it found something.
        if (const Note* note = store->note(k_note_not_advice))
            session.steps.front().notes.insert(session.steps.front().notes.begin(), note->text);
        if (const auto review = review_person_plan(context, *store);
            review && !review->findings.empty() && !options.dry_run)
            context.note("calmlegs: your plan has " + std::to_string(review->findings.size()) +
                         (review->findings.size() == 1 ? " finding" : " findings") +
                         " to talk through with your doctor; see: calmlegs plan check");
    }
    status = ExitStatus::success;
    return session;
}

ExitStatus run_routine(Context& context, const std::string& name, const RunnerOptions& options) {
    ExitStatus status = ExitStatus::success;
    const auto session = routine_session(context, name, options, status);
    if (!session) return status;
    return run_session(context, *session, options);
}

} // namespace calmlegs::cli
