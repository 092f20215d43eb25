#include "cli/context.h"

#include "calmlegs_config.h"
#include "content/names.h"
#include "ui/text.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace calmlegs::cli {
namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr ? value : "";
}

/// The real path of the directory holding the running binary ("" when unknown).
std::string exe_dir() {
    char buffer[4096];
    const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) return {};
    std::string path(buffer, static_cast<std::size_t>(length));
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

/// The errno of the first write to standard output that failed, 0 if none did.
int g_output_error = 0;

void write_all(std::FILE* stream, std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), stream) != text.size() && stream == stdout &&
        g_output_error == 0)
        g_output_error = errno;
}

/// Flushes standard output, remembering why it failed if it did.
void flush_stdout() {
    if (std::fflush(stdout) != 0 && g_output_error == 0) g_output_error = errno;
}

/// Sends `text` through the pager command; false when the pager could not be run, in which
/// case nothing was shown and the caller prints the text itself.
bool run_pager(const std::string& command, const std::string& text) {
    // The person quitting the pager early must not kill us with SIGPIPE.
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    ::setenv("LESS", "FRX", 0); // the person's own LESS, if any, is left alone
    flush_stdout();
    std::FILE* pipe = ::popen(command.c_str(), "w");
    bool shown = false;
    if (pipe != nullptr) {
        write_all(pipe, text);
        const int status = ::pclose(pipe);
        // 126/127: the shell could not find or run the pager; nothing reached the screen.
        shown = status != -1 &&
                !(WIFEXITED(status) && (WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126));
    }
    ::sigaction(SIGPIPE, &previous, nullptr);
    return shown;
}

} // namespace

ShippedContent shipped_content() {
    return ShippedContent{CALMLEGS_BUILD_DIR, CALMLEGS_SOURCE_CONTENT_DIR, CALMLEGS_BIN_TO_CONTENT,
                          CALMLEGS_INSTALL_CONTENT_DIR};
}

const TerminalInfo& Context::terminal() {
    if (!m_terminal) {
        TerminalInfo info;
        info.traits.is_tty = ::isatty(STDOUT_FILENO) == 1;
        info.traits.no_color_flag = options.no_color;
        info.traits.no_color_env = !env("NO_COLOR").empty();
        const std::string term = env("TERM");
        info.traits.dumb_term = term.empty() || term == "dumb";
        struct winsize size {};
        if (info.traits.is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 &&
            size.ws_col > 0) {
            info.columns = size.ws_col;
            info.rows = size.ws_row > 0 ? size.ws_row : info.rows;
        } else if (const int columns = std::atoi(env("COLUMNS").c_str()); columns > 0) {
            info.columns = columns;
        }
        m_terminal = info;
    }
    return *m_terminal;
}

RenderOptions Context::render_options() {
    const TerminalInfo& info = terminal();
    RenderOptions render;
    // Long lines are hard to read: prose stops at 100 columns even on a wide terminal.
    render.width = std::clamp(info.columns, 20, 100);
    render.style = Style(should_use_color(info.traits));
    return render;
}

const ContentLayers& Context::layers() {
    if (!m_files) m_files = std::make_unique<RealFileSystem>();
    if (!m_layers) {
        ContentSettings settings;
        settings.flag_dir = options.content_dir;
        settings.env_dir = env("CALMLEGS_CONTENT");
        settings.xdg_config_home = env("XDG_CONFIG_HOME");
        settings.home = env("HOME");
        settings.exe_dir = exe_dir();
        m_layers = resolve_content_layers(settings, shipped_content(), *m_files);
    }
    return *m_layers;
}

const Config* Context::config() {
    if (m_config_loaded) return m_config ? &*m_config : nullptr;
    m_config_loaded = true;
    const bool chosen = !options.config_file.empty();
    const std::string path =
        chosen ? options.config_file : default_config_path(env("XDG_CONFIG_HOME"), env("HOME"));
    RealFileSystem files;
    if (path.empty() || (!chosen && !files.is_file(path))) {
        m_config.emplace(); // no config yet: the defaults
        return &*m_config;
    }
    std::string why;
    const auto text = files.read(path, why);
    if (!text) {
        error("cannot read the config " + path + ": " + why,
              chosen ? "Check the path given to --config." : "");
        return nullptr;
    }
    Diagnostics diags;
    m_config = parse_config(*text, path, diags);
    if (!diags.empty()) {
        diags.sort();
        std::string lines;
        for (const auto& problem : diags.problems())
            lines += visible(problem.format()) + "\n";
        write_all(stderr, lines);
        error("the config has problems; see calmlegs-config(5)");
        m_config.reset();
        return nullptr;
    }
    return &*m_config;
}

ContentStore* Context::content() {
    if (!m_store) {
        const ContentLayers& found = layers();
        if (!found.error.empty()) {
            error(found.error);
            return nullptr;
        }
        m_store = std::make_unique<ContentStore>(*m_files, found.layers);
    }
    return m_store.get();
}

void Context::page(const std::string& text) {
    const TerminalInfo& info = terminal();
    const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    if (info.traits.is_tty && !options.no_pager && lines >= info.rows) {
        std::string pager = env("PAGER");
        if (std::getenv("PAGER") == nullptr) pager = "less -FRX";
        if (!pager.empty() && pager != "cat" && run_pager(pager, text)) return;
    }
    write_all(stdout, text);
    flush_stdout();
}

void Context::print(std::string_view text) {
    write_all(stdout, text);
    flush_stdout();
}

void Context::print_json(const JsonWriter& json) {
    write_all(stdout, json.str());
    write_all(stdout, "\n");
    flush_stdout();
}

ExitStatus Context::show(const std::function<void(JsonWriter&)>& json,
                         const std::function<std::string(const RenderOptions&)>& text) {
    JsonWriter writer;
    std::string page_text;
    if (options.json)
        json(writer);
    else
        page_text = text(render_options());
    if (content_has_problems()) return report_content_problems();
    if (options.json)
        print_json(writer);
    else
        page(page_text);
    return ExitStatus::success;
}

void Context::error(std::string_view message, std::string_view hint) {
    flush_stdout();
    // Messages echo what was typed: no control character of it may reach the terminal.
    std::string text = "calmlegs: " + visible(message, true) + "\n";
    if (!hint.empty()) text += visible(hint, true) + "\n";
    write_all(stderr, text);
}

int Context::checked_output(int status) {
    flush_stdout();
    if (!std::ferror(stdout)) return status;
    const int error = g_output_error;
    // A reader that went away early (| head) is no fault: quiet, as SIGPIPE would have been.
    if (error == EPIPE) return status != 0 ? status : to_int(ExitStatus::broken_pipe);
    this->error(std::string("could not write the output: ") +
                    (error != 0 ? std::strerror(error) : "write error"),
                "Check where standard output goes (a full disk, a closed file).");
    return status != 0 ? status : to_int(ExitStatus::output); // a failure keeps its own status
}

void Context::note(std::string_view message) {
    flush_stdout();
    write_all(stderr, visible(message, true) + "\n");
}

Mentions find_mentions(ContentStore& store, std::string_view query) {
    Mentions out;
    out.phrase = join_words({std::string(query)});
    if (normalize_name(out.phrase).size() < 3) return out; // "c" is in everything
    out.hits = search_content(store, {out.phrase});
    if (out.hits.empty() && out.phrase.find_first_of("-_/") != std::string::npos) {
        std::string spaced = out.phrase;
        std::replace_if(
            spaced.begin(), spaced.end(), [](char c) { return c == '-' || c == '_' || c == '/'; },
            ' ');
        spaced = join_words({spaced});
        if (auto hits = search_content(store, {spaced}); !hits.empty()) {
            out.phrase = spaced;
            out.hits = std::move(hits);
        }
    }
    return out;
}

std::string Mentions::command() const {
    return hits.empty() ? "" : "calmlegs guide --search " + shell_quote(phrase);
}

ExitStatus Context::report_miss(const Miss& miss) {
    // Nothing that could be a name (an empty word, only spaces or punctuation) is a usage
    // error: there is nothing to look up.
    if (normalize_name(miss.query).empty()) {
        error(join_words({miss.query}).empty() ? "no " + miss.what + " name was given."
                                               : "'" + miss.query + "' is not a name.",
              "See them all: " + miss.listing);
        return ExitStatus::usage;
    }
    if (options.json) {
        JsonWriter json;
        json.begin_object();
        json.key("query").value(miss.query);
        json.key("status").value(miss.ambiguous ? "ambiguous" : "not_found");
        json.key("candidates").begin_array();
        for (const auto& candidate : miss.candidates)
            json.begin_object()
                .key("id")
                .value(candidate.id)
                .key("name")
                .value(candidate.name)
                .end_object();
        json.end_array();
        json.key("suggestion").text_or_null(miss.suggestion ? miss.suggestion->id : "");
        json.key("mentioned_in").begin_array();
        for (const auto& entry : miss.mentioned)
            json.begin_object()
                .key("id")
                .value(entry.id)
                .key("name")
                .value(entry.name)
                .end_object();
        json.end_array();
        json.key("search").text_or_null(miss.search);
        json.end_object();
        print_json(json);
    }
    const std::string& query = miss.query;
    // One line per entry to type, the names in brackets lined up.
    auto lines = [&](const std::vector<Miss::Candidate>& entries) {
        int width = 0;
        for (const auto& entry : entries)
            width = std::max(width, display_width(entry.id));
        std::string out;
        for (const auto& entry : entries)
            out +=
                "\n  " + miss.command + " " + pad_right(entry.id, width) + "  (" + entry.name + ")";
        return out;
    };
    if (miss.ambiguous) {
        error("'" + query + "' matches more than one " + miss.what + ".",
              "It could be:" + lines(miss.candidates));
    } else {
        std::string hint = miss.note.empty() ? "" : miss.note + "\n";
        if (miss.suggestion)
            hint += "Did you mean: " + miss.command + " " + miss.suggestion->id + "  (" +
                    miss.suggestion->name + ")\n";
        if (!miss.mentioned.empty()) hint += "It is mentioned in:" + lines(miss.mentioned) + "\n";
        if (!miss.search.empty()) hint += "Search the guide: " + miss.search + "\n";
        hint += "See them all: " + miss.listing;
        error(miss.none + " " + miss.what + " named '" + query + "'.", hint);
    }
    return ExitStatus::not_found;
}

bool Context::content_has_problems() {
    return m_store && !m_store->diagnostics().empty();
}

ExitStatus Context::report_content_problems() {
    if (!m_store) return ExitStatus::usage;
    Diagnostics& diags = m_store->diagnostics();
    diags.sort();
    std::string text;
    for (const auto& problem : diags.problems())
        text += visible(problem.format()) + "\n";
    const std::size_t count = diags.size();
    text += "calmlegs: the content has " + std::to_string(count) +
            (count == 1 ? " problem" : " problems") +
            "; fix the file named above, then run: calmlegs check\n";
    flush_stdout();
    write_all(stderr, text);
    return ExitStatus::usage;
}

} // namespace calmlegs::cli
