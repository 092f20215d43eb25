// calmlegs cron without --systemd: the block of crontab lines, printed or put into the
// person's crontab (and taken out again) through the crontab program.

#include "cli/cron.h"

#include "remind/cron_block.h"
#include "ui/json.h"

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

const char* const k_no_crontab_hint =
    "The crontab program comes with cron (Debian and Ubuntu: sudo apt install cron).";

/// "crontab -l exited with status 1: what it said": how a run of the crontab program failed.
std::string failure(std::string_view command, const ProgramResult& result) {
    std::string said = result.err;
    while (!said.empty() && (said.back() == '\n' || said.back() == ' '))
        said.pop_back();
    return std::string(command) +
           (result.status < 0 ? std::string(" could not be run")
                              : fmt::format(" exited with status {}", result.status)) +
           (said.empty() ? "" : ": " + said);
}

/// The person's crontab's text ("" when they have none), or nullopt after reporting why it
/// cannot be read, with `instead`: what to do instead, as a hint.
std::optional<std::string> read_crontab(Context& context, std::string_view instead) {
    System& system = context.system();
    if (!system.can_run("crontab")) {
        context.error("cannot change your crontab: the crontab program is not installed",
                      std::string(k_no_crontab_hint) + "\n" + std::string(instead));
        return std::nullopt;
    }
    const ProgramResult listed = system.run_program({"crontab", "-l"}, "");
    if (listed.status == 0) return listed.out;
    // "no crontab for ann" (Vixie cron, cronie): an empty one.
    if (listed.status == 1 && listed.err.find("no crontab for") != std::string::npos)
        return std::string();
    context.error("cannot read your crontab: " + failure("crontab -l", listed),
                  std::string(instead));
    return std::nullopt;
}

/// Replaces the person's crontab with `text` (removes it when `text` is empty, as an empty
/// crontab and none are the same to cron); false after reporting why it could not.
bool write_crontab(Context& context, const std::string& text) {
    const std::vector<std::string> argv = text.empty() ? std::vector<std::string>{"crontab", "-r"}
                                                       : std::vector<std::string>{"crontab", "-"};
    const ProgramResult wrote = context.system().run_program(argv, text);
    if (wrote.status == 0) return true;
    context.error("cannot change your crontab: " + failure("crontab " + argv[1], wrote),
                  "Your crontab is as it was; see it with: crontab -l");
    return false;
}

ExitStatus uninstall(Context& context) {
    const auto text = read_crontab(
        context, "Or remove the lines from '# BEGIN calmlegs reminders' to '# END calmlegs "
                 "reminders' yourself, with: crontab -e");
    if (!text) return ExitStatus::usage;
    const CrontabEdit edit = uninstall_cron_block(*text);
    if (edit.blocks_found > 0 && !write_crontab(context, edit.text)) return ExitStatus::usage;
    if (context.options.json) {
        JsonWriter json;
        json.begin_object()
            .key("scheduler")
            .value("cron")
            .key("action")
            .value(edit.blocks_found > 0 ? "uninstalled" : "absent")
            .key("blocks_removed")
            .value(edit.blocks_found)
            .end_object();
        context.print_json(json);
    } else if (edit.blocks_found == 0) {
        context.print("nothing to remove: your crontab has no calmlegs block.\n");
    } else {
        context.print(edit.blocks_found == 1
                          ? "uninstalled: the calmlegs block is out of your crontab.\n"
                          : fmt::format("uninstalled: the {} calmlegs blocks are out of your "
                                        "crontab.\n",
                                        edit.blocks_found));
    }
    return ExitStatus::success;
}

void write_json(Context& context, const RemindJob& job, std::string_view action,
                const std::string& line, const std::string& block, int blocks_found) {
    JsonWriter json;
    json.begin_object()
        .key("scheduler")
        .value("cron")
        .key("action")
        .value(action)
        .key("every")
        .value(job.options.every)
        .key("notify")
        .value(job.options.notify)
        .key("line")
        .value(line)
        .key("block")
        .value(block);
    json.key("blocks_found");
    if (blocks_found >= 0)
        json.value(blocks_found);
    else
        json.null();
    json.string_array("notes", job.notes).end_object();
    context.print_json(json);
}

} // namespace

/// Where cron finds the mail program it sends a job's output with.
constexpr const char* k_sendmail = "/usr/sbin/sendmail";

ExitStatus run_crontab(Context& context, const CronOptions& options, const RemindJob* job) {
    if (options.uninstall) return uninstall(context);
    std::string why;
    const std::string line = cron_line(*job, why);
    if (line.empty()) {
        context.error("cannot write a crontab line: " + why,
                      "Use other paths (--config FILE), or a systemd timer: calmlegs cron "
                      "--systemd");
        return ExitStatus::usage;
    }
    const std::string block = cron_block(*job, line);
    // cron hands what a job prints to the mail program; with none, it drops it (Debian's cron
    // logs "No MTA installed, discarding output"), and remind counts it delivered.
    std::vector<std::string> notes = job->notes;
    if (!job->options.notify && !context.system().can_run(k_sendmail))
        notes.push_back(std::string("cron mails what remind prints through ") + k_sendmail +
                        ", which is not installed here, so cron would drop the reminders: add "
                        "--notify to see them on the desktop (calmlegs cron --install --notify), "
                        "or install a mail program such as postfix or msmtp-mta.");
    if (!options.install) {
        if (context.options.json) {
            write_json(context, *job, "printed", line, block, -1);
        } else {
            print_exact(context, block);
            print_notes(context, notes);
            context.note("To install: calmlegs cron --install (or add these lines with: crontab "
                         "-e)");
        }
        return ExitStatus::success;
    }

    const auto text = read_crontab(
        context, "Or add the lines of 'calmlegs cron' to your scheduler yourself, or use a "
                 "systemd timer: calmlegs cron --systemd --install");
    if (!text) return ExitStatus::usage;
    const CrontabEdit edit = install_cron_block(*text, block);
    if (edit.changed && !write_crontab(context, edit.text)) return ExitStatus::usage;
    const std::string action = !edit.changed           ? "unchanged"
                               : edit.blocks_found > 0 ? "updated"
                                                       : "installed";
    if (context.options.json) {
        write_json(context, *job, action, line, block, edit.blocks_found);
        return ExitStatus::success;
    }
    const std::string runs =
        fmt::format("calmlegs remind{} runs {} from your crontab",
                    job->options.notify ? " --notify" : "", every_text(job->options.every));
    context.print(action == "unchanged"
                      ? "already installed: " + runs + " (your crontab is unchanged).\n"
                      : action + ": " + runs + "; remove it with: calmlegs cron --uninstall\n");
    print_notes(context, notes);
    return ExitStatus::success;
}

} // namespace calmlegs::cli
