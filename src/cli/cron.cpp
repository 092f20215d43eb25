// calmlegs cron: the crontab lines (or systemd units) that run `calmlegs remind` every few
// minutes with the environment cron lacks; --install and --uninstall put them in place.

#include "cli/cron.h"

#include "cli/commands.h"

#include <filesystem>
#include <system_error>

namespace calmlegs::cli {

std::optional<RemindJob> session_job(Context& context, const JobOptions& options) {
    System& system = context.system();
    JobSurroundings session;
    session.exe = system.exe_path();
    if (session.exe.empty()) {
        context.error("cannot tell where the calmlegs binary is (/proc/self/exe cannot be read)",
                      "Write the line yourself: */5 * * * * /path/to/calmlegs remind");
        return std::nullopt;
    }
    // A job whose zone, content or config is broken would fail every few minutes: each
    // problem is reported now, once, instead.
    const LocalZone* zone = context.zone();
    if (zone == nullptr || context.schedule() == nullptr) return std::nullopt;

    auto env = [&system](const char* name) { return system.env(name).value_or(""); };
    std::error_code failed;
    session.cwd = std::filesystem::current_path(failed).string();
    session.home = env("HOME");
    session.xdg_config_home = env("XDG_CONFIG_HOME");
    session.xdg_state_home = env("XDG_STATE_HOME");
    session.xdg_data_home = env("XDG_DATA_HOME");
    session.tz = system.env("TZ");
    session.zone_name = zone->name;
    if (context.config_source() != "default") session.config_file = context.config_path();
    session.content_dir = !context.options.content_dir.empty() ? context.options.content_dir
                                                               : env("CALMLEGS_CONTENT");
    session.xdg_runtime_dir = env("XDG_RUNTIME_DIR");
    session.dbus_session_bus_address = env("DBUS_SESSION_BUS_ADDRESS");
    session.display = env("DISPLAY");
    session.wayland_display = env("WAYLAND_DISPLAY");
    return plan_remind_job(session, options);
}

void print_exact(Context& context, std::string_view text) {
    context.system().out().write(text);
}

void print_notes(Context& context, const std::vector<std::string>& notes) {
    if (context.options.json) return;
    for (const auto& note : notes)
        context.note("Note: " + note);
}

namespace {

ExitStatus run_cron(Context& context, const CronOptions& options) {
    std::optional<RemindJob> job;
    if (!options.uninstall) {
        JobOptions job_options;
        job_options.scheduler = options.systemd ? Scheduler::systemd : Scheduler::cron;
        job_options.every = std::stoi(options.every, nullptr, 10);
        job_options.notify = options.notify;
        job = session_job(context, job_options);
        if (!job) return ExitStatus::usage;
    }
    const RemindJob* planned = job ? &*job : nullptr;
    return options.systemd ? run_systemd(context, options, planned)
                           : run_crontab(context, options, planned);
}

} // namespace

Command setup_cron(CLI::App& parent, Context& context) {
    auto options = std::make_shared<CronOptions>();
    CLI::App* app = parent.add_subcommand(
        "cron", "Print the crontab lines that run the reminders, or --install them");
    auto* every = app->add_option("--every", options->every,
                                  "Run calmlegs remind every N minutes, 1 to 15 (default: 5)")
                      ->type_name("N")
                      ->check(number_between(1, 15, true));
    auto* notify = app->add_flag("--notify", options->notify,
                                 "Show the reminders as desktop notifications (notify-send)");
    auto* install = app->add_flag("--install", options->install,
                                  "Add the lines to your crontab (or write the units), or update "
                                  "them");
    app->add_flag("--uninstall", options->uninstall, "Remove exactly what --install added")
        ->excludes(install)
        ->excludes(every)
        ->excludes(notify);
    app->add_flag("--systemd", options->systemd,
                  "A systemd user service and timer instead of crontab lines");
    return {app, "calmlegs cron --install",
            [&context, options] { return run_cron(context, *options); }};
}

} // namespace calmlegs::cli
