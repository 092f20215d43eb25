#pragma once
// The systemd user service and timer that run `calmlegs remind` every few minutes, for those
// who use systemd instead of cron. Pure: `calmlegs cron --systemd` writes and removes them.

#include "remind/remind_job.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

inline constexpr std::string_view k_service_name = "calmlegs-remind.service";
inline constexpr std::string_view k_timer_name = "calmlegs-remind.timer";

/// The first line of each unit calmlegs writes: --uninstall removes only files that carry it,
/// and --install overwrites only those.
inline constexpr std::string_view k_unit_marker = "# Written by calmlegs cron --systemd --install";

/// A unit file: its name and its text.
struct UnitFile {
    std::string name;
    std::string text;
};

/// `word` as a unit file needs it: as it is when it holds only safe characters, else in double
/// quotes with '\' and '"' escaped; '%' always as "%%" (a specifier otherwise), and '$' as "$$"
/// when `in_exec` (ExecStart= expands variables, Environment= does not).
std::string unit_word(std::string_view word, bool in_exec);

/// The service (Type=oneshot, ExecStart= calmlegs remind, Environment= for what the job sets)
/// and the timer (OnCalendar= every job.options.every minutes, Persistent=true so that a run
/// missed while the computer slept happens when it wakes, AccuracySec=1s,
/// WantedBy=timers.target), in that order. Empty with `why` when a value cannot be written.
std::vector<UnitFile> systemd_units(const RemindJob& job, std::string& why);

/// True when `text` is a unit calmlegs wrote (it carries k_unit_marker at the start of a line).
bool written_by_calmlegs(std::string_view text);

/// Where systemd looks for the person's own units: $XDG_CONFIG_HOME/systemd/user, or
/// ~/.config/systemd/user when XDG_CONFIG_HOME is unset or not absolute; "" when neither is
/// known.
std::string systemd_user_dir(const std::string& xdg_config_home, const std::string& home);

} // namespace calmlegs
