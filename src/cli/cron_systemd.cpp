// calmlegs cron --systemd: the user service and timer, printed, or written to the person's
// systemd user directory (and removed again).

#include "cli/cron.h"

#include "content/files.h"
#include "remind/systemd_units.h"
#include "ui/json.h"

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

const char* const k_enable = "systemctl --user daemon-reload && systemctl --user enable --now "
                             "calmlegs-remind.timer";
const char* const k_disable = "systemctl --user disable --now calmlegs-remind.timer";
const char* const k_reload = "systemctl --user daemon-reload";

/// Where the units go, or "" after reporting that it cannot be told.
std::string unit_dir(Context& context, std::string_view instead) {
    std::string dir = systemd_user_dir(context.system().env("XDG_CONFIG_HOME").value_or(""),
                                       context.system().env("HOME").value_or(""));
    if (dir.empty())
        context.error("cannot tell where your systemd user units go: neither XDG_CONFIG_HOME "
                      "nor HOME is set",
                      std::string(instead));
    return dir;
}

/// The note for a job without --notify: under systemd, its output only reaches the journal.
std::vector<std::string> notes_of(const RemindJob& job) {
    std::vector<std::string> notes = job.notes;
    if (!job.options.notify)
        notes.emplace_back("Under systemd, what calmlegs remind prints goes to the journal "
                           "(journalctl --user -u calmlegs-remind): add --notify to see each "
                           "reminder on the desktop.");
    return notes;
}

void write_json(Context& context, const RemindJob& job, std::string_view action,
                const std::string& dir, const std::vector<UnitFile>& units) {
    JsonWriter json;
    json.begin_object()
        .key("scheduler")
        .value("systemd")
        .key("action")
        .value(action)
        .key("every")
        .value(job.options.every)
        .key("notify")
        .value(job.options.notify)
        .key("directory")
        .text_or_null(dir)
        .key("units")
        .begin_array();
    for (const auto& unit : units) {
        json.begin_object()
            .key("name")
            .value(unit.name)
            .key("path")
            .text_or_null(dir.empty() ? "" : join_path(dir, unit.name))
            .key("text")
            .value(unit.text)
            .end_object();
    }
    json.end_array()
        .key("next")
        .text_or_null(action == "printed" ? "" : k_enable)
        .string_array("notes", notes_of(job))
        .end_object();
    context.print_json(json);
}

ExitStatus install(Context& context, const RemindJob& job, const std::vector<UnitFile>& units) {
    const std::string dir =
        unit_dir(context, "Print the units with 'calmlegs cron --systemd' and save them yourself.");
    if (dir.empty()) return ExitStatus::usage;
    const FileSystem& files = context.system().files();
    // Nothing is written unless every file can be: a unit of the person's own stays theirs.
    bool same = true;
    for (const auto& unit : units) {
        const std::string path = join_path(dir, unit.name);
        if (!files.is_file(path)) {
            same = false;
            continue;
        }
        std::string why;
        const auto text = files.read(path, why);
        if (!text) {
            context.error("cannot read " + path + ": " + why);
            return ExitStatus::usage;
        }
        if (!written_by_calmlegs(*text)) {
            context.error(path + " is not one calmlegs wrote (it has no '" +
                              std::string(k_unit_marker) + "' line): left as it is",
                          "Move it away, or use it instead of calmlegs' units.");
            return ExitStatus::usage;
        }
        same = same && *text == unit.text;
    }
    FileWriter& writer = context.system().writer();
    std::string why;
    if (!same && !writer.make_dirs(dir, 0700, why)) {
        context.error("cannot create " + dir + ": " + why);
        return ExitStatus::usage;
    }
    for (const auto& unit : units) {
        const std::string path = join_path(dir, unit.name);
        // The one exception to 0600: systemd logs "is marked world-inaccessible. This has no
        // effect as configuration data is accessible via APIs" at every reload of a unit file
        // others cannot read, and these hold only the calmlegs command line.
        if (!same && !writer.replace(path, unit.text, 0644, why)) {
            context.error("cannot write " + path + ": " + why);
            return ExitStatus::usage;
        }
    }
    if (context.options.json) {
        write_json(context, job, same ? "unchanged" : "installed", dir, units);
        return ExitStatus::success;
    }
    const int every = job.options.every;
    context.print(fmt::format("{}: {} and {} in {} (calmlegs remind{} {}).\nNow run: {}\n",
                              same ? "already installed" : "installed", k_service_name,
                              k_timer_name, dir, job.options.notify ? " --notify" : "",
                              every_text(every), k_enable));
    print_notes(context, notes_of(job));
    return ExitStatus::success;
}

ExitStatus uninstall(Context& context) {
    const std::string dir = unit_dir(
        context, "Remove calmlegs-remind.service and calmlegs-remind.timer from your systemd "
                 "user directory yourself.");
    if (dir.empty()) return ExitStatus::usage;
    const FileSystem& files = context.system().files();
    // An enabled timer links to its file: once the file is gone, systemctl can no longer
    // disable it, and the dangling link stays behind.
    if (files.is_file(join_path(dir, "timers.target.wants/" + std::string(k_timer_name)))) {
        context.error(std::string(k_timer_name) + " is still enabled",
                      "Disable it first, then uninstall:\n" + std::string(k_disable) +
                          " && calmlegs cron --systemd --uninstall");
        return ExitStatus::usage;
    }
    std::vector<std::string> removed, kept;
    for (const std::string_view name : {k_service_name, k_timer_name}) {
        const std::string path = join_path(dir, std::string(name));
        if (!files.is_file(path)) continue;
        std::string why;
        const auto text = files.read(path, why);
        if (!text || !written_by_calmlegs(*text)) {
            kept.push_back(path);
            continue;
        }
        if (!context.system().writer().remove(path, why)) {
            context.error("cannot remove " + path + ": " + why);
            return ExitStatus::usage;
        }
        removed.push_back(path);
    }
    if (context.options.json) {
        JsonWriter json;
        json.begin_object()
            .key("scheduler")
            .value("systemd")
            .key("action")
            .value(removed.empty() ? "absent" : "uninstalled")
            .key("directory")
            .value(dir)
            .string_array("removed", removed)
            .string_array("kept", kept)
            .key("next")
            .text_or_null(removed.empty() ? "" : k_reload)
            .end_object();
        context.print_json(json);
    } else if (!removed.empty()) {
        std::string text = "uninstalled: removed";
        for (const auto& path : removed)
            text += (path == removed.front() ? " " : " and ") + path;
        context.print(text + ".\nNow run: " + k_reload + "\n");
    } else if (kept.empty()) {
        context.print("nothing to remove: there are no calmlegs units in " + dir + ".\n");
    }
    for (const auto& path : kept)
        context.error(path + " is not one calmlegs wrote: left as it is");
    return kept.empty() ? ExitStatus::success : ExitStatus::usage;
}

} // namespace

ExitStatus run_systemd(Context& context, const CronOptions& options, const RemindJob* job) {
    if (options.uninstall) return uninstall(context);
    std::string why;
    const std::vector<UnitFile> units = systemd_units(*job, why);
    if (units.empty()) {
        context.error("cannot write the systemd units: " + why, "Use other paths (--config FILE).");
        return ExitStatus::usage;
    }
    if (options.install) return install(context, *job, units);
    const std::string dir = systemd_user_dir(context.system().env("XDG_CONFIG_HOME").value_or(""),
                                             context.system().env("HOME").value_or(""));
    if (context.options.json) {
        write_json(context, *job, "printed", dir, units);
        return ExitStatus::success;
    }
    std::string text;
    for (const auto& unit : units)
        text += (text.empty() ? "" : "\n") +
                fmt::format("==> {} <==\n", dir.empty() ? unit.name : join_path(dir, unit.name)) +
                unit.text;
    print_exact(context, text);
    print_notes(context, notes_of(*job));
    context.note("To install: calmlegs cron --systemd --install");
    return ExitStatus::success;
}

} // namespace calmlegs::cli
