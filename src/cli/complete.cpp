// `calmlegs complete`: the candidates for one word of a command line, for the shell completions.
// The words before it are walked through calmlegs' CLI11 model to find the command at hand and
// whether the word is an option, an option's value, a command or a positional.

#include "cli/complete.h"

#include "cli/commands.h"
#include "content/names.h"
#include "ui/text.h"

#include <algorithm>
#include <charconv>

namespace calmlegs::cli {
namespace {

/// A System whose standard error goes nowhere: completion never prints a problem into the
/// shell's line. Everything else is the real one's.
class QuietSystem final : public System {
public:
    explicit QuietSystem(System& real)
        : m_real(real) {}

    std::optional<std::string> env(std::string_view name) const override {
        return m_real.env(name);
    }
    TerminalFacts terminal_facts() const override { return m_real.terminal_facts(); }
    Stream& out() override { return m_real.out(); }
    Stream& err() override { return m_null; }
    bool page(const std::string&, std::string_view) override { return false; }
    std::string exe_dir() const override { return m_real.exe_dir(); }
    bool can_run(const std::string& program) const override { return m_real.can_run(program); }
    std::unique_ptr<EventSource> events(bool read_keys) override {
        return m_real.events(read_keys);
    }
    Spawner& spawner() override { return m_real.spawner(); }
    std::unique_ptr<Stream> append_to(const std::string& path, std::string& why) override {
        return m_real.append_to(path, why);
    }
    std::string clock_time_after(Nanos from_now) const override {
        return m_real.clock_time_after(from_now);
    }
    Instant now() const override { return m_real.now(); }
    std::string exe_path() const override { return m_real.exe_path(); }
    const FileSystem& files() const override { return m_real.files(); }
    FileWriter& writer() override { return m_real.writer(); }
    ProgramResult run_program(const std::vector<std::string>& argv,
                              std::string_view input) override {
        return m_real.run_program(argv, input);
    }
    OpenedJournal open_journal(const std::string& path, OpenMode mode) override {
        return m_real.open_journal(path, mode);
    }
    std::optional<std::string> read_line(std::string_view, bool& interrupted) override {
        interrupted = false;
        return std::nullopt;
    }
    std::string unique_id() override { return m_real.unique_id(); }
    pid_t process_id() const override { return m_real.process_id(); }

private:
    class NullStream final : public Stream {
    public:
        void write(std::string_view) override {}
        void flush() override {}
        TerminalSize size() override { return {}; }
        int error() const override { return 0; }
    };

    System& m_real;
    NullStream m_null;
};

/// The option of `app`, or of a command above it (a command passes the global options on), that
/// `word` ("--took", "-o", "--took=x") names; nullptr when none does.
const CLI::Option* find_option(const CLI::App* app, std::string_view word) {
    const std::string name(word.substr(0, word.find('=')));
    for (; app != nullptr; app = app->get_parent())
        for (const CLI::Option* option : app->get_options())
            if (option->nonpositional() && option->check_name(name)) return option;
    return nullptr;
}

/// Whether `option` is followed by a value (not a flag).
bool takes_value(const CLI::Option& option) {
    return option.get_items_expected_max() > 0;
}

/// "trial start" for trial's subcommand start, "" for calmlegs itself.
std::string path_of(const CLI::App* app) {
    std::string path;
    for (; app != nullptr && app->get_parent() != nullptr; app = app->get_parent())
        path = app->get_name() + (path.empty() ? "" : " " + path);
    return path;
}

/// The subcommands a person is offered: the hidden ones (no group) are not.
std::vector<Candidate> commands_of(const CLI::App* app) {
    std::vector<Candidate> out;
    for (const CLI::App* command : app->get_subcommands({}))
        if (!command->get_group().empty())
            out.push_back({command->get_name(), command->get_description()});
    return out;
}

/// The subcommand of `app` named `word` that a person is offered; nullptr when there is none.
const CLI::App* find_command(const CLI::App* app, const std::string& word) {
    for (const CLI::App* command : app->get_subcommands({}))
        if (command->get_name() == word && !command->get_group().empty()) return command;
    return nullptr;
}

/// Every name of every option `app` and the commands above it take, described.
std::vector<Candidate> options_of(const CLI::App* app) {
    std::vector<Candidate> out;
    for (; app != nullptr; app = app->get_parent())
        for (const CLI::Option* option : app->get_options()) {
            if (!option->nonpositional()) continue;
            std::vector<std::string> names;
            for (const auto& name : option->get_lnames())
                names.push_back("--" + name);
            for (const auto& name : option->get_snames())
                names.push_back("-" + name);
            // A command's own --help stands for calmlegs' one.
            for (auto& name : names)
                if (std::none_of(out.begin(), out.end(),
                                 [&](const Candidate& seen) { return seen.word == name; }))
                    out.push_back({std::move(name), option->get_description()});
        }
    return out;
}

/// The positional of `app` that the `count`-th positional word (from 0) fills; nullptr when
/// there are that many no more.
const CLI::Option* positional_at(const CLI::App* app, std::size_t count) {
    for (const CLI::Option* option : app->get_options()) {
        if (option->nonpositional()) continue;
        const auto takes = static_cast<std::size_t>(std::max(option->get_items_expected_max(), 1));
        if (count < takes) return option;
        count -= takes;
    }
    return nullptr;
}

/// Whether `word` starts with `typed`, in any case (look-ups take any case).
bool fits(std::string_view word, std::string_view typed) {
    return word.size() >= typed.size() &&
           to_lower_ascii(word.substr(0, typed.size())) == to_lower_ascii(typed);
}

/// The values of `option` of `app`, kept to those that fit `typed`, each with `lead` before it
/// (the items of a comma list before the last, "--took=") and its first `strip` characters
/// left out (the words of a name already typed: "magnesium gly" is offered "glycinate").
Completion values_of(Context& context, const CLI::App* app, const CLI::Option& option,
                     std::string typed, std::string lead, std::size_t strip = 0) {
    // A global option is documented by calmlegs itself, whichever command it follows.
    const CLI::App* owner = app;
    while (owner != nullptr && std::find(owner->get_options().begin(), owner->get_options().end(),
                                         &option) == owner->get_options().end())
        owner = owner->get_parent();
    if (owner == nullptr) owner = app;
    const std::string name = option.get_name();
    std::optional<Completion> found;
    if (path_of(owner) == "help" && name == "COMMAND")
        found = Completion{Completion::Kind::words, false, commands_of(owner->get_parent())};
    else
        found = complete_value(context, path_of(owner), name);
    if (!found) return {};
    if (found->list) {
        const auto comma = typed.rfind(',');
        if (comma != std::string::npos) {
            lead += typed.substr(0, comma + 1);
            typed.erase(0, comma + 1);
        }
    }
    Completion kept{found->kind, found->list, {}};
    for (auto& candidate : found->candidates)
        if (fits(candidate.word, typed))
            kept.candidates.push_back(
                {lead + candidate.word.substr(strip), std::move(candidate.description)});
    return kept;
}

} // namespace

Completion complete_line(CLI::App& root, Context& context, const std::vector<std::string>& words,
                         std::size_t index) {
    if (index == 0 || index > words.size()) return {};
    const std::string typed = index < words.size() ? words[index] : std::string();
    const CLI::App* app = &root;
    std::vector<std::string> positionals; // the positional words of `app` typed before
    bool options_end = false;
    const CLI::Option* wants_value = nullptr; // the option the word at hand is the value of
    for (std::size_t i = 1; i < index && i < words.size(); ++i) {
        const std::string& word = words[i];
        wants_value = nullptr;
        if (!options_end && word == "--") {
            options_end = true;
        } else if (!options_end && word.size() > 1 && word[0] == '-') {
            const CLI::Option* option = find_option(app, word);
            if (option == nullptr || !takes_value(*option)) continue;
            std::string value;
            if (const auto equals = word.find('='); equals != std::string::npos) {
                value = word.substr(equals + 1);
            } else if (i + 1 == index) {
                wants_value = option;
                continue;
            } else {
                value = words[++i];
            }
            // Global options before the word change where the content comes from.
            if (option->check_name("--content")) context.options.content_dir = value;
            if (option->check_name("--config")) context.options.config_file = value;
        } else if (const CLI::App* command =
                       positionals.empty() ? find_command(app, word) : nullptr) {
            app = command;
        } else {
            positionals.push_back(word);
        }
    }
    if (wants_value != nullptr) return values_of(context, app, *wants_value, typed, "");
    if (!options_end && typed.starts_with("-")) {
        if (const auto equals = typed.find('='); equals != std::string::npos) {
            const CLI::Option* option = find_option(app, typed);
            if (option == nullptr || !takes_value(*option)) return {};
            return values_of(context, app, *option, typed.substr(equals + 1),
                             typed.substr(0, equals + 1));
        }
        Completion options;
        for (auto& candidate : options_of(app))
            if (candidate.word.starts_with(typed)) options.candidates.push_back(candidate);
        return options;
    }
    Completion found;
    if (positionals.empty())
        for (auto& candidate : commands_of(app))
            if (candidate.word.starts_with(typed)) found.candidates.push_back(candidate);
    if (const CLI::Option* positional = positional_at(app, positionals.size())) {
        // A name of several words ("supplement magnesium gly") is one value, its words typed
        // as separate words: the words before are the start of the name.
        std::string before;
        if (positional == positional_at(app, 0))
            for (const auto& word : positionals)
                before += word + " ";
        Completion values = values_of(context, app, *positional, before + typed, "", before.size());
        found.kind = values.kind;
        found.list = values.list;
        for (auto& candidate : values.candidates)
            found.candidates.push_back(std::move(candidate));
    }
    return found;
}

int run_complete(const std::vector<std::string>& args, System& system) {
    QuietSystem quiet(system);
    Context context(quiet);
    std::size_t at = 0;
    const bool describe = at < args.size() && args[at] == "--describe";
    if (describe) ++at;
    std::size_t index = 0;
    if (at >= args.size()) return 0;
    const std::string& number = args[at];
    if (std::from_chars(number.data(), number.data() + number.size(), index).ec != std::errc())
        return 0;
    const std::vector<std::string> words(args.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                                         args.end());
    Completion completion;
    try {
        CLI::App app;
        const std::vector<Command> commands = setup_app(app, context);
        completion = complete_line(app, context, words, index);
    } catch (const std::exception&) {
        return 0; // nothing to offer rather than an error in the middle of a line
    }
    std::string text;
    if (completion.kind == Completion::Kind::files) text += ":files\n";
    if (completion.kind == Completion::Kind::directories) text += ":directories\n";
    for (const auto& candidate : completion.candidates) {
        // A word that cannot be one line of the answer (a name with a newline or a tab) is not
        // offered; a description is shown harmlessly.
        if (candidate.word.empty() || visible(candidate.word) != candidate.word) continue;
        text += candidate.word;
        if (describe && !candidate.description.empty())
            text += "\t" + visible(candidate.description);
        text += "\n";
    }
    context.print(text);
    return 0;
}

} // namespace calmlegs::cli
