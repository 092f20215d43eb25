#pragma once

#include "content/config.h"
#include "content/lookup.h"
#include "content/paths.h"
#include "content/search.h"
#include "content/store.h"
#include "exit_status.h"
#include "ui/json.h"
#include "ui/page.h"
#include "ui/style.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace calmlegs::cli {

/// The options every command accepts.
struct GlobalOptions {
    std::string content_dir;
    std::string config_file;
    bool json = false;
    bool no_color = false;
    bool no_pager = false;
};

/// A name that did not lead to exactly one thing, and what to tell the person.
struct Miss {
    std::string query;
    bool ambiguous = false;
    struct Candidate {
        std::string id;   ///< what to type
        std::string name; ///< what it is
    };
    std::vector<Candidate> candidates;   ///< when ambiguous
    std::optional<Candidate> suggestion; ///< when not found: what the person probably meant
    std::vector<Candidate> mentioned;    ///< when not found: entries whose text mentions it
    std::string what;                    ///< "entry", "part of the guide"
    std::string command; ///< the command to type with a name after it, "calmlegs supplement"
    std::string listing; ///< the command that lists everything, "calmlegs supplements --all"
    std::string note;    ///< an extra line of help, e.g. the range of step numbers
    std::string
        search; ///< when not found: a guide search that finds it, "calmlegs guide --search tea"
    std::string none = "the guide has no"; ///< how the message starts
};

/// The miss of a look-up of an entry (a supplement, routine or pattern): its candidates
/// named by id and name. The caller fills in what, command and listing.
template <typename Entry> Miss miss_of(const Lookup<Entry>& lookup, std::string query) {
    Miss miss;
    miss.query = std::move(query);
    miss.ambiguous = lookup.status == Resolution::Status::ambiguous;
    for (const Entry* entry : lookup.candidates)
        miss.candidates.push_back({entry->id, entry->name});
    if (lookup.suggestion) miss.suggestion = {lookup.suggestion->id, lookup.suggestion->name};
    return miss;
}

/// What the guide says about a name that is not an entry or step of its own: the phrase
/// searched for ("vitamin-c" is searched as "vitamin c" when that finds more) and its hits.
struct Mentions {
    std::string phrase;
    std::vector<SearchHit> hits;
    /// The command that shows them, "calmlegs guide --search 'vitamin c'"; "" when none.
    std::string command() const;
};
Mentions find_mentions(ContentStore& store, std::string_view query);

/// The terminal stdout goes to, probed once.
struct TerminalInfo {
    OutputTraits traits;
    int columns = 80;
    int rows = 24;
};

/// What every command needs from the outside world: its options, the terminal, the content,
/// and a place to write. Commands never call isatty or getenv themselves.
class Context {
public:
    GlobalOptions options;

    const TerminalInfo& terminal();
    /// Width and colour for a page: the terminal's width, capped for comfortable reading.
    RenderOptions render_options();
    /// The effective content, or nullptr after reporting why it cannot be found.
    ContentStore* content();
    /// The content layers (resolved on first use); `error` is set when they cannot be found.
    const ContentLayers& layers();
    /// The person's config (--config FILE, else config.toml in their calmlegs directory, else
    /// the defaults), or nullptr after reporting its problems.
    const Config* config();

    /// Writes a page to stdout, through $PAGER when stdout is a terminal and the page is
    /// longer than it (unless --no-pager).
    void page(const std::string& text);
    /// Writes JSON text and a newline to stdout.
    void print_json(const JsonWriter& json);
    /// Prints `text` on stdout as it is (no pager), at once.
    void print(std::string_view text);
    /// Builds the JSON (with --json) or the text page, then prints it; when reading content
    /// met problems on the way, reports those instead, so nothing is half-shown.
    ExitStatus show(const std::function<void(JsonWriter&)>& json,
                    const std::function<std::string(const RenderOptions&)>& text);
    /// `calmlegs: message` on stderr, then the hint (what to type instead) when there is one.
    void error(std::string_view message, std::string_view hint = {});
    /// `status`, unless what was printed could not all be written (a full disk, a closed
    /// descriptor): then that is said on stderr and a success becomes 74, so that a script
    /// never takes a cut-off page for a whole one. A closed pipe stays quiet (141, as SIGPIPE).
    int checked_output(int status);
    /// A line on stderr that is not an error (e.g. "showing Magnesium for 'magnesuim'").
    void note(std::string_view message);
    /// Tells the person a name matched nothing or too much (and, with --json, prints the
    /// miss as JSON on stdout); returns ExitStatus::not_found.
    ExitStatus report_miss(const Miss& miss);
    /// Prints the problems met while reading content; returns ExitStatus::usage.
    ExitStatus report_content_problems();
    /// True when reading content met problems (reported with report_content_problems()).
    bool content_has_problems();

private:
    std::optional<TerminalInfo> m_terminal;
    std::optional<ContentLayers> m_layers;
    std::unique_ptr<RealFileSystem> m_files;
    std::unique_ptr<ContentStore> m_store;
    bool m_config_loaded = false;
    std::optional<Config> m_config;
};

/// Information baked into the binary about where the shipped content is.
ShippedContent shipped_content();

} // namespace calmlegs::cli
