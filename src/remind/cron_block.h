#pragma once
// The crontab lines that run `calmlegs remind`, as one block between two marker comments, and
// the edits of a crontab's text that add, replace or remove that block and leave every other
// byte as it was. Pure: `calmlegs cron` reads and writes the crontab through the crontab
// program.

#include "remind/remind_job.h"

#include <string>
#include <string_view>

namespace calmlegs {

/// The first and last lines of the block, each a whole line of its own. Never change them:
/// --install and --uninstall find the blocks of earlier versions by them.
inline constexpr std::string_view k_cron_begin = "# BEGIN calmlegs reminders";
inline constexpr std::string_view k_cron_end = "# END calmlegs reminders";

/// The line a block carries when --install added a line break to a crontab that did not end
/// with one, so that --uninstall takes it out again.
inline constexpr std::string_view k_cron_added_newline =
    "# (calmlegs added the line break before this block; --uninstall takes it out again)";

/// The longest command (what follows the five time fields) Vixie cron reads whole: it keeps
/// MAX_COMMAND (1000) bytes with the terminating NUL and silently drops the rest.
inline constexpr std::size_t k_cron_command_max = 999;

/// `word` as cron hands it to /bin/sh: quoted for the shell, and each '%' as "\%" (cron turns
/// an unescaped '%' into a newline and feeds the rest to the command's stdin). "" when it
/// cannot be written: a backslash before a '%' (cron cannot pass "\%" on) or a control
/// character.
std::string cron_word(std::string_view word);

/// The crontab line of `job`: its schedule ("*/5 * * * *", "* * * * *" every minute), the
/// environment as assignments in the command itself (so that the person's other lines keep
/// theirs), and the command. "" with `why` when a value cannot be written or the command is
/// longer than cron reads.
std::string cron_line(const RemindJob& job, std::string& why);

/// The block: the begin marker, comments that say what the line does and how to remove it,
/// the line, the end marker; each line with its newline.
std::string cron_block(const RemindJob& job, const std::string& line);

/// A crontab's text after an edit.
struct CrontabEdit {
    std::string text;
    int blocks_found = 0; ///< the calmlegs blocks the text had before the edit
    bool changed = false; ///< whether `text` differs from the text edited
};

/// `crontab` with exactly one block, `block` (as cron_block wrote it): it replaces the first
/// block found, and any other is removed; with none, it is added at the end (after a line break
/// of its own, recorded in the block, when the text does not end with one). A block is a line
/// that is exactly k_cron_begin, the next line that is exactly k_cron_end, and the lines
/// between; a marker line without its partner is the person's and is left alone.
CrontabEdit install_cron_block(std::string_view crontab, std::string_view block);

/// `crontab` without its calmlegs blocks, and without the line break a block recorded as
/// added when that block is still at the end: after install_cron_block, the text as it was,
/// byte for byte.
CrontabEdit uninstall_cron_block(std::string_view crontab);

} // namespace calmlegs
