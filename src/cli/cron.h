#pragma once
// calmlegs cron: what its three files share (cron.cpp the command and the job,
// cron_crontab.cpp the crontab, cron_systemd.cpp the systemd units).

#include "cli/context.h"
#include "remind/remind_job.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::cli {

struct CronOptions {
    std::string every = "5"; ///< checked to be 1 to 15 by the parser
    bool notify = false;
    bool install = false;
    bool uninstall = false;
    bool systemd = false;
};

/// The job the person's session calls for (--config and --content made absolute, the zone
/// and the schedule checked to load, so that the job will not fail every few minutes), or
/// nullopt after reporting why there can be none.
std::optional<RemindJob> session_job(Context& context, const JobOptions& options);

/// Writes `text` to stdout as it is: crontab lines and units hold paths, which must reach
/// the file byte for byte whatever the locale.
void print_exact(Context& context, std::string_view text);

/// The notes of a job on stderr (not with --json, where they are part of the JSON).
void print_notes(Context& context, const std::vector<std::string>& notes);

/// calmlegs cron [--install|--uninstall]: the crontab block. `job` is nullptr for --uninstall.
ExitStatus run_crontab(Context& context, const CronOptions& options, const RemindJob* job);

/// calmlegs cron --systemd [--install|--uninstall]: the user service and timer. `job` is
/// nullptr for --uninstall.
ExitStatus run_systemd(Context& context, const CronOptions& options, const RemindJob* job);

} // namespace calmlegs::cli
