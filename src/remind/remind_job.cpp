#include "remind/remind_job.h"

#include <filesystem>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// `path` made absolute against `cwd` (left as it is when there is no cwd to go by).
std::string absolute(const std::string& path, const std::string& cwd) {
    if (path.empty() || path.front() == '/' || cwd.empty()) return path;
    return (std::filesystem::path(cwd) / path).lexically_normal().string();
}

/// The first control character of `text`, or npos.
std::size_t control_at(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7f) return i;
    }
    return std::string_view::npos;
}

} // namespace

std::string dbus_escape(std::string_view value) {
    std::string out;
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                           (byte >= '0' && byte <= '9') ||
                           std::string_view("-_/.\\*").find(c) != std::string_view::npos;
        out += plain ? std::string(1, c) : fmt::format("%{:02x}", byte);
    }
    return out;
}

RemindJob plan_remind_job(const JobSurroundings& session, const JobOptions& options) {
    RemindJob job;
    job.options = options;
    job.exe = session.exe;
    job.args = {"remind"};
    if (options.notify) job.args.emplace_back("--notify");
    if (!session.config_file.empty())
        job.args.insert(job.args.end(), {"--config", absolute(session.config_file, session.cwd)});
    if (!session.content_dir.empty())
        job.args.insert(job.args.end(), {"--content", absolute(session.content_dir, session.cwd)});

    const bool cron = options.scheduler == Scheduler::cron;
    auto set = [&job](const char* name, const std::string& value) {
        if (!value.empty()) job.env.emplace_back(name, value);
    };
    // calmlegs ignores a relative XDG directory (as the XDG spec says), so the job does too.
    auto set_dir = [&set](const char* name, const std::string& value) {
        if (!value.empty() && value.front() == '/') set(name, value);
    };
    if (cron) set("HOME", session.home);
    set_dir("XDG_CONFIG_HOME", session.xdg_config_home);
    set_dir("XDG_STATE_HOME", session.xdg_state_home);
    set_dir("XDG_DATA_HOME", session.xdg_data_home);
    // With no $TZ, calmlegs and the job both follow the system's zone, even when it changes.
    if (session.tz)
        set("TZ", !session.zone_name.empty() ? session.zone_name
                  : session.tz->empty()      ? std::string("UTC")
                                             : *session.tz);
    if (!cron) return job;
    set("PATH", k_job_path);
    if (!options.notify) return job;

    // notify-send reaches the desktop through the session bus; the one at
    // $XDG_RUNTIME_DIR/bus stays the same from one login to the next.
    set_dir("XDG_RUNTIME_DIR", session.xdg_runtime_dir);
    if (!session.xdg_runtime_dir.empty() && session.xdg_runtime_dir.front() == '/') {
        set("DBUS_SESSION_BUS_ADDRESS",
            "unix:path=" + dbus_escape(session.xdg_runtime_dir + "/bus"));
    } else if (!session.dbus_session_bus_address.empty()) {
        set("DBUS_SESSION_BUS_ADDRESS", session.dbus_session_bus_address);
        job.notes.emplace_back("XDG_RUNTIME_DIR is not set, so the line uses this session's bus "
                               "address, which may change at your next login: run calmlegs cron "
                               "--install again then.");
    } else {
        job.notes.emplace_back("No session bus is known (neither XDG_RUNTIME_DIR nor "
                               "DBUS_SESSION_BUS_ADDRESS is set): calmlegs remind --notify will "
                               "print the reminders instead, and cron mails them.");
    }
    set("DISPLAY", session.display);
    set("WAYLAND_DISPLAY", session.wayland_display);
    return job;
}

std::string job_problem(const RemindJob& job) {
    auto problem = [](std::string_view what, std::string_view text) -> std::string {
        const std::size_t at = control_at(text);
        if (at == std::string_view::npos) return {};
        return fmt::format("{} holds a control character (byte {:#04x}), which no crontab line "
                           "or unit can carry",
                           what, static_cast<unsigned char>(text[at]));
    };
    std::string why = problem("the path of calmlegs", job.exe);
    for (std::size_t i = 0; why.empty() && i < job.args.size(); ++i)
        why = problem(i > 0 ? "the value of " + job.args[i - 1] : "an argument", job.args[i]);
    for (std::size_t i = 0; why.empty() && i < job.env.size(); ++i)
        why = problem(job.env[i].first, job.env[i].second);
    return why;
}

std::string every_text(int every) {
    return every == 1 ? "every minute" : fmt::format("every {} minutes", every);
}

} // namespace calmlegs
