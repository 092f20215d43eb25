#include "cli/runner.h"

#include "cli/commands.h"

#include "content/lookup.h"
#include "content/names.h"
#include "plan/plan.h"
#include "run/cue_announcer.h"
#include "run/runner.h"
#include "run/terminal.h"
#include "ui/render_plan.h"
#include "ui/stream_displays.h"
#include "ui/terminal_display.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace calmlegs::cli {
namespace {

/// True when the locale says the terminal shows UTF-8 (else bars are drawn in ASCII).
bool utf8_locale() {
    for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        const std::string lower = to_lower_ascii(value);
        return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
    }
    return false;
}

/// "22:41": the local time a duration from now.
std::string clock_time_after(Nanos from_now) {
    const auto when = std::chrono::system_clock::now() +
                      std::chrono::duration_cast<std::chrono::system_clock::duration>(from_now);
    const std::time_t time = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&time, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%H:%M", &local);
    return buffer;
}

/// True when `program` names an executable file, as it is or found on $PATH.
bool can_run(const std::string& program) {
    if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        if (::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

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

/// Appends the JSON events of a run to $CALMLEGS_EVENT_LOG, whatever the display.
class EventLog {
public:
    EventLog() {
        const char* path = std::getenv("CALMLEGS_EVENT_LOG");
        if (path == nullptr || *path == '\0') return;
        m_fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (m_fd >= 0) {
            m_output = std::make_unique<FdOutput>(m_fd);
            m_display = std::make_unique<JsonDisplay>(*m_output);
        } else {
            m_error = std::string("cannot open CALMLEGS_EVENT_LOG=") + path;
        }
    }
    ~EventLog() {
        if (m_fd >= 0) ::close(m_fd);
    }
    Display* display() { return m_display.get(); }
    const std::string& error() const { return m_error; }

private:
    int m_fd = -1;
    std::unique_ptr<FdOutput> m_output;
    std::unique_ptr<JsonDisplay> m_display;
    std::string m_error;
};

} // namespace

const std::vector<std::string>& runner_option_names() {
    static const std::vector<std::string> names = {"--speed", "--dry-run", "--quiet", "--no-bell"};
    return names;
}

void add_runner_options(CLI::App& app, RunnerOptions& options) {
    app.add_option("--speed", options.speed, "Run X times faster, to preview (0.1 to 1000)")
        ->type_name("X")
        ->check(number_between(0.1, 1000, false));
    app.add_flag("--dry-run", options.dry_run, "Print the timed plan and its length; run nothing");
    app.add_flag("--quiet", options.quiet, "No sound: neither the bell nor the cue command");
    app.add_flag("--no-bell", options.no_bell, "No terminal bell at steps and phases");
}

std::optional<SessionSettings> session_settings(Context& context, ContentStore& store) {
    const Config* config = context.config();
    if (config == nullptr) return std::nullopt;
    SessionSettings settings;
    settings.plan_supplements = config->plan_supplements;
    const auto ids = store.supplement_ids();
    bool ok = true;
    for (const auto& ref : config->plan_refs) {
        if (std::find(ids.begin(), ids.end(), ref.id) != ids.end()) continue;
        Problem problem{config->file, ref.pos,
                        "'supplements' refers to supplement \"" + ref.id +
                            "\", which does not exist"};
        // The plan takes ids; an alias, a name or a misspelling gets the id it means.
        const SupplementLookup meant = find_supplement(store, ref.id);
        const Supplement* id =
            meant.status == Resolution::Status::found ? meant.found : meant.suggestion;
        if (id != nullptr) problem.message += "; did you mean \"" + id->id + "\"?";
        context.note(problem.format());
        ok = false;
    }
    if (!ok) {
        context.error("the plan in the config names a supplement the content does not have",
                      "See them all: calmlegs supplements --all");
        return std::nullopt;
    }
    return settings;
}

ExitStatus run_session(Context& context, const Session& session, const RunnerOptions& options) {
    const Plan plan = plan_session(session, options.speed);
    if (context.content_has_problems()) return context.report_content_problems();
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    if (options.dry_run)
        return context.show([&](JsonWriter& json) { write_plan_json(json, plan); },
                            [&](const RenderOptions& render) { return render_plan(plan, render); });

    // Problems found before the routine starts are told before it starts.
    EventLog log;
    if (!log.error().empty()) {
        context.error(log.error(), "Point CALMLEGS_EVENT_LOG at a file that can be written.");
        return ExitStatus::usage;
    }
    std::vector<std::string> cue_command =
        options.quiet ? std::vector<std::string>{} : config->cue_command;
    if (!cue_command.empty() && !can_run(cue_command.front())) {
        context.error("the cue command '" + cue_command.front() +
                          "' was not found, so this routine has no spoken cues",
                      "Check [cues] command in the config (see calmlegs-config(5)).");
        cue_command.clear();
    }

    std::string announcer_error;
    int output_error = 0;
    RunResult result;
    {
        // Everything that changes the terminal lives in this scope: its destructors give the
        // terminal back before anything else is printed, however the run ended.
        FdOutput out(STDOUT_FILENO);
        const bool json = context.options.json;
        const bool terminal = !json && ::isatty(STDOUT_FILENO) == 1;
        std::unique_ptr<Display> screen;
        if (json)
            screen = std::make_unique<JsonDisplay>(out);
        else if (terminal)
            screen = std::make_unique<TerminalDisplay>(
                out, context.render_options().style,
                utf8_locale() ? BarGlyphs{} : BarGlyphs::ascii(), clock_time_after);
        else
            screen = std::make_unique<PlainDisplay>(out);
        Displays displays;
        displays.add(*screen);
        if (log.display() != nullptr) displays.add(*log.display());

        const bool bell = terminal && !options.quiet && !options.no_bell && config->bell.any();
        CueAnnouncer announcer(bell ? &out : nullptr, config->bell, cue_command);
        TerminalEvents events(STDIN_FILENO, !json);
        result = run_plan(plan, events, displays, announcer);
        announcer_error = announcer.error();
        output_error = out.error();
    }
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

ExitStatus run_routine(Context& context, const std::string& name, const RunnerOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const auto lookup = find_routine(*store, name);
    if (context.content_has_problems()) return context.report_content_problems();
    if (lookup.status != Resolution::Status::found) {
        Miss miss = miss_of(lookup, name);
        miss.what = "routine";
        miss.none = "there is no";
        miss.command = "calmlegs run";
        miss.listing = "calmlegs routines";
        return context.report_miss(miss);
    }
    if (lookup.match != MatchKind::exact)
        context.note("(running " + lookup.found->name + " for '" + name + "')");
    const auto settings = session_settings(context, *store);
    if (!settings) return ExitStatus::usage;
    return run_session(context, build_session(*store, *lookup.found, *settings), options);
}

} // namespace calmlegs::cli
