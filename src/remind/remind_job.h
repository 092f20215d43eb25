#pragma once
// What a scheduler (cron, or a systemd user timer) runs every few minutes: `calmlegs remind`
// by its absolute path, with the environment that scheduler lacks. Pure: the caller gathers
// the environment; cron_block.h and systemd_units.h write the job out.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace calmlegs {

/// Which scheduler a job is for: each lacks a different part of a login session.
enum class Scheduler { cron, systemd };

/// What the person's session holds that a job may need; "" for what is not set.
struct JobSurroundings {
    std::string exe;  ///< the absolute path of the running calmlegs
    std::string cwd;  ///< the working directory, to make a relative --config absolute
    std::string home; ///< $HOME
    std::string xdg_config_home, xdg_state_home, xdg_data_home;
    /// $TZ as it is (nullopt when unset), and the zone's tz name ("" when it has none).
    std::optional<std::string> tz;
    std::string zone_name;
    /// --config FILE or $CALMLEGS_CONFIG ("" when the default config is used), and
    /// --content DIR or $CALMLEGS_CONTENT ("" for the shipped content).
    std::string config_file, content_dir;
    /// What notify-send needs to reach the desktop.
    std::string xdg_runtime_dir, dbus_session_bus_address, display, wayland_display;
};

/// How the job runs.
struct JobOptions {
    Scheduler scheduler = Scheduler::cron;
    int every = 5;       ///< minutes between runs, 1 to 15
    bool notify = false; ///< `remind --notify`: desktop notifications instead of output
};

/// `calmlegs remind`, ready to be written into a crontab line or a unit.
struct RemindJob {
    JobOptions options;
    std::string exe;                                      ///< absolute
    std::vector<std::string> args;                        ///< after exe: "remind", ...
    std::vector<std::pair<std::string, std::string>> env; ///< NAME, value; in a stable order
    /// What the person should know about the job (a session bus that cron cannot find).
    std::vector<std::string> notes;
};

/// The minimal PATH a cron job gets, with /usr/local/bin first for a locally built calmlegs
/// or notify-send.
inline constexpr const char* k_job_path = "/usr/local/bin:/usr/bin:/bin";

/// Builds the job from the session it is set up in: for cron HOME, each XDG_* directory that
/// is set (and absolute, as calmlegs would use it), TZ when $TZ is set (else cron follows the
/// system's zone, as calmlegs does), a minimal PATH and, with --notify, the session bus,
/// XDG_RUNTIME_DIR and the display; for systemd only TZ and the XDG_* directories, as the user
/// manager has the rest. --config and --content are passed on as absolute paths.
RemindJob plan_remind_job(const JobSurroundings& session, const JobOptions& options);

/// A D-Bus address's value escaped as the D-Bus specification says: each byte outside
/// [-0-9A-Za-z_/.\*] as %XX.
std::string dbus_escape(std::string_view value);

/// Why `job` cannot be written into a crontab line or a unit: a control character (a newline,
/// a tab) in one of its words or values, named; "" when it can be.
std::string job_problem(const RemindJob& job);

/// "every minute", "every 5 minutes": how often the job runs, as the block, the units and
/// the messages say it.
std::string every_text(int every);

} // namespace calmlegs
