#pragma once
// The process's surroundings as the command line sees them: its environment, its terminal,
// its standard streams and what a routine needs to run. Abstract so that tests drive whole
// command lines with a fake (tests/support/fake_system.h); RealSystem is the only code in
// src/ that reads the environment or asks whether a descriptor is a terminal.

#include "content/file_writer.h"
#include "content/files.h"
#include "journal/store.h"
#include "remind/time_zone.h"
#include "run/cue_announcer.h"
#include "run/events.h"
#include "run/output.h"
#include "ui/terminal_info.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::cli {

/// A standard stream: an Output that remembers why a write failed.
class Stream : public Output {
public:
    /// The errno of the first write that failed (0 if none did).
    virtual int error() const = 0;
};

/// What a program run to its end did.
struct ProgramResult {
    int status = -1;  ///< its exit status; -1 when it could not be started or was killed
    std::string out;  ///< what it wrote to stdout
    std::string err;  ///< what it wrote to stderr, or why it could not be started
};

class System {
public:
    virtual ~System() = default;
    /// An environment variable; nullopt when it is not set.
    virtual std::optional<std::string> env(std::string_view name) const = 0;
    /// Whether stdin and stdout are terminals, and stdout's size.
    virtual TerminalFacts terminal_facts() const = 0;
    virtual Stream& out() = 0;
    virtual Stream& err() = 0;
    /// Shows `text` through the shell command `pager`; false when it could not be run, in
    /// which case nothing was shown.
    virtual bool page(const std::string& pager, std::string_view text) = 0;
    /// The real directory of the running binary ("" when unknown), to find shipped content.
    virtual std::string exe_dir() const = 0;
    /// True when `program` is an executable, as a path or found on $PATH.
    virtual bool can_run(const std::string& program) const = 0;
    /// The clock, keys and signals of a routine; `read_keys`: read keys from stdin.
    virtual std::unique_ptr<EventSource> events(bool read_keys) = 0;
    /// Starts the cue command's processes.
    virtual Spawner& spawner() = 0;
    /// This process's id: the keep-awake hold watches it, so as to end with the process.
    virtual pid_t process_id() const = 0;
    /// A file opened for appending (the event log); nullptr, with `why` set, when it cannot be.
    virtual std::unique_ptr<Stream> append_to(const std::string& path, std::string& why) = 0;
    /// "22:41": the local wall-clock time a duration from now.
    virtual std::string clock_time_after(Nanos from_now) const = 0;

    // What the reminders need.
    /// The wall clock, to the second.
    virtual Instant now() const = 0;
    /// The absolute path of the running binary ("" when unknown): what crontab lines run.
    virtual std::string exe_path() const = 0;
    /// Reads files (the config, the state, the time zone).
    virtual const FileSystem& files() const = 0;
    /// Writes files (the state, a starter config, calendars, units).
    virtual FileWriter& writer() = 0;
    /// Runs `argv` (argv[0] found on $PATH) to its end, `input` on its stdin, with the
    /// environment of this process (crontab, notify-send).
    virtual ProgramResult run_program(const std::vector<std::string>& argv,
                                      std::string_view input) = 0;

    // What the journal needs.
    /// Opens the journal file at `path` (SQLite in the real process).
    virtual OpenedJournal open_journal(const std::string& path, OpenMode mode) = 0;
    /// Asks a question on the terminal: writes `prompt` to stdout and reads one line from
    /// stdin, without its newline. nullopt at the end of input or when Ctrl-C was pressed
    /// (`interrupted` says which), so that the caller can save nothing and say so.
    virtual std::optional<std::string> read_line(std::string_view prompt, bool& interrupted) = 0;
    /// A new identifier no other run has (random, 32 hex digits): a run's uid.
    virtual std::string unique_id() = 0;
};

/// The real process: getenv, isatty, write(2), popen, the steady clock and signals.
std::unique_ptr<System> real_system();

} // namespace calmlegs::cli
