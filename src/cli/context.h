#pragma once
// What every command is handed: its global options, the terminal (decided once), the content
// and config (loaded on first use) and the ways to write. Commands never read the environment
// or ask about the terminal themselves: the System does, behind a seam tests replace.

#include "cli/system.h"
#include "content/config.h"
#include "content/paths.h"
#include "content/store.h"
#include "journal/store.h"
#include "remind/local_zone.h"
#include "remind/schedule.h"
#include "exit_status.h"
#include "ui/json.h"
#include "ui/page.h"
#include "ui/terminal_info.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace calmlegs::cli {

/// The options every command accepts.
struct GlobalOptions {
    std::string content_dir;
    std::string config_file;
    std::string journal_file;
    bool json = false;
    bool no_color = false;
    bool no_pager = false;
};

class Context {
public:
    explicit Context(System& system)
        : m_system(system) {}

    GlobalOptions options;
    /// The words typed after "calmlegs", and the command chosen among them (set by run()).
    std::vector<std::string> typed;
    std::string command;
    /// A corrected line to offer: "calmlegs ..." when it parses and can be typed back as
    /// shown, else "" (set by run(); without it nothing is offered).
    std::function<std::string(const std::vector<std::string>&)> offer;

    System& system() { return m_system; }
    /// The terminal's abilities, decided on first use (after the options are parsed).
    const TerminalInfo& terminal();
    /// Width, colour and glyphs for a page: the terminal's width, capped for reading.
    RenderOptions render_options();

    // Loading (cli/loading.cpp).
    /// The content layers (resolved on first use); `error` is set when they cannot be found.
    const ContentLayers& layers();
    /// The effective content, or nullptr after reporting why it cannot be found.
    ContentStore* content();
    /// The person's config (--config FILE, else config.toml in their calmlegs directory, else
    /// the defaults), or nullptr after reporting its problems.
    const Config* config();
    /// The config file in use: --config FILE, else $CALMLEGS_CONFIG, else config.toml in the
    /// person's calmlegs directory ("" when neither HOME nor XDG_CONFIG_HOME is set); and
    /// what chose it ("--config", "CALMLEGS_CONFIG" or "default").
    std::string config_path();
    std::string config_source();
    /// The local time zone ($TZ, else the system's), or nullptr after reporting why not.
    const LocalZone* zone();
    /// The person's reminder schedule (content and config, plan applied), or nullptr after
    /// reporting the problems of either.
    const PersonSchedule* schedule();
    /// The triggers the person can log: the content's and their own ([journal] triggers), or
    /// nullptr after reporting a problem with either.
    const std::vector<Trigger>* triggers();
    /// $XDG_STATE_HOME/calmlegs ("" when neither it nor HOME is set).
    std::string state_dir();

    // The journal (cli/journal_access.cpp).
    /// The journal file: --journal FILE, else $CALMLEGS_JOURNAL, else journal.db in the state
    /// directory ("" when neither HOME nor XDG_STATE_HOME is set); and what chose it
    /// ("--journal", "CALMLEGS_JOURNAL" or "default").
    std::string journal_path();
    std::string journal_source();
    /// The journal, opened on first use. nullptr when it cannot be opened (reported: a corrupt
    /// or foreign file, a newer schema, no path) or, with OpenMode::existing, when there is
    /// no journal yet (`missing` set, nothing reported: reading commands say it their way).
    /// `hint` follows the report of a journal that cannot be opened.
    JournalStore* journal(OpenMode mode, bool& missing, std::string_view hint = {});
    /// The night `instant` belongs to (noon to noon, local time); nullopt after reporting that
    /// the local zone cannot be told.
    std::optional<Date> night_of(Instant instant);

    /// After a command has loaded what it will show: reports the content's problems (and
    /// returns false), or prints the warnings of overrides that were set aside (once) and
    /// returns true. Each command calls it once, before it writes anything.
    bool content_ok();

    // Writing (cli/output.cpp).
    /// Writes a page to stdout, through $PAGER when stdout is a terminal and the page is
    /// longer than it (unless --no-pager).
    void page(const std::string& text);
    /// Writes JSON text and a newline to stdout.
    void print_json(const JsonWriter& json);
    /// Prints `text` on stdout as it is (no pager).
    void print(std::string_view text);
    /// Prints the JSON (with --json) or the text page; the callbacks only format.
    ExitStatus show(const std::function<void(JsonWriter&)>& json,
                    const std::function<std::string(const RenderOptions&)>& text);
    /// `calmlegs: message` on stderr, then the hint (what to type instead) when there is one.
    void error(std::string_view message, std::string_view hint = {});
    /// A line on stderr that is not an error (e.g. "showing Magnesium for 'magnesuim'").
    void note(std::string_view message);
    /// `status`, unless what was printed could not all be written (a full disk, a closed
    /// descriptor): then that is said on stderr and a success becomes 74, so that a script
    /// never takes a cut-off page for a whole one. A closed pipe stays quiet (141).
    int checked_output(int status);

private:
    /// Writes to a standard stream, in ASCII when the locale is not UTF-8, with every control
    /// character shown in caret notation but our own colours (Style::safe).
    void write(Stream& stream, std::string_view text);
    void report_content_problems();
    void report_config_problems(Diagnostics& diags);

    System& m_system;
    std::optional<TerminalInfo> m_terminal;
    std::optional<ContentLayers> m_layers;
    std::unique_ptr<RealFileSystem> m_files;
    std::unique_ptr<ContentStore> m_store;
    std::set<std::string> m_warned; ///< the override warnings already printed
    bool m_config_loaded = false;
    std::optional<Config> m_config;
    bool m_zone_loaded = false;
    std::optional<LocalZone> m_zone;
    bool m_schedule_loaded = false;
    std::optional<PersonSchedule> m_schedule;
    std::unique_ptr<JournalStore> m_journal;
    bool m_triggers_loaded = false;
    std::optional<std::vector<Trigger>> m_triggers;
};

/// Information baked into the binary about where the shipped content is.
ShippedContent shipped_content();

} // namespace calmlegs::cli
