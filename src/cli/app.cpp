#include "cli/app.h"

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "content/names.h"
#include "ui/text.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

/// The subcommand a usage error belongs to, if the parse got as far as choosing one.
const Command* chosen(const std::vector<Command>& commands) {
    for (const auto& command : commands)
        if (command.app->parsed()) return &command;
    return nullptr;
}

/// A usual value for an option, to show after a command's example when the one typed did
/// not fit.
std::string usual_value(std::string_view option) {
    if (option == "--speed") return "--speed 10 --dry-run";
    if (option == "--cycles") return "--cycles 4";
    if (option == "--minutes") return "--minutes 5";
    if (option == "--when") return "--when bedtime";
    return {};
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : " ") + shell_quote(word);
    return out;
}

/// The indices of words[begin, end) that are neither global options nor the value of one.
std::vector<std::size_t> own_words(const std::vector<std::string>& words, std::size_t begin,
                                   std::size_t end) {
    std::vector<std::size_t> own;
    bool value_next = false;
    for (std::size_t i = begin; i < end && i < words.size(); ++i) {
        bool takes_value = false;
        if (value_next)
            value_next = false;
        else if (is_global_option(words[i], takes_value))
            value_next = takes_value;
        else
            own.push_back(i);
    }
    return own;
}

/// The first of `words` that is neither a global option nor the value of one and that
/// `wanted` accepts; words.size() when there is none.
template <typename Wanted>
std::size_t first_word_where(const std::vector<std::string>& words, Wanted&& wanted) {
    for (const std::size_t i : own_words(words, 0, words.size()))
        if (wanted(words[i])) return i;
    return words.size();
}

/// True for an option word: "-x", "--speed", "--speed=2"; not "-" or "--".
bool is_option_word(std::string_view word) {
    return word.size() > 1 && word.front() == '-' && word != "--";
}

/// "--speed" for "--speed=2".
std::string option_name(std::string_view word) {
    return std::string(word.substr(0, word.find('=')));
}

/// What to say about a usage error of a chosen command: the message and what to type.
std::pair<std::string, std::string> command_usage(const Command& command,
                                                  const CLI::ParseError& error,
                                                  const std::vector<std::string>& words,
                                                  const std::vector<std::string>& unexpected) {
    const std::string name = command.app->get_name();
    const std::string help = "\nHelp: calmlegs " + name + " --help";
    std::string message = error.what();

    // Words the command does not take, in the order they were typed (CLI11 lists them
    // backwards), and the options among them that no one takes.
    std::vector<std::string> options, unknown;
    for (const auto& word : unexpected)
        if (is_option_word(word)) {
            options.push_back(word);
            if (command.app->get_option_no_throw(option_name(word)) == nullptr)
                unknown.push_back(word);
        }

    // The command's own options typed before it: "--speed 2 breathe". (Unknown options are
    // reported as such below; the words after "--" are not options.)
    const std::size_t at = command_index(words, name);
    const std::vector<std::size_t> before = own_words(words, 0, at);
    // Only the command's own options move; an unknown one is reported as such below.
    bool movable = !before.empty() && at < words.size();
    for (const std::size_t i : before)
        if (words[i] == "--" || (is_option_word(words[i]) && command.app->get_option_no_throw(
                                                                 option_name(words[i])) == nullptr))
            movable = false;
    if (movable) {
        std::vector<std::string> moved, line;
        for (std::size_t i = 0; i < at; ++i)
            (std::find(before.begin(), before.end(), i) != before.end() ? moved : line)
                .push_back(words[i]);
        line.push_back(name);
        line.insert(line.end(), moved.begin(), moved.end());
        line.insert(line.end(), words.begin() + static_cast<std::ptrdiff_t>(at) + 1, words.end());
        return {"'" + joined(moved) + "' must come after the command '" + name + "'.",
                "Try: calmlegs " + joined(line) + help};
    }

    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr || !options.empty()) {
        // The options no one takes; else those the command takes but not where typed.
        const auto& named = unknown.empty() ? options : unknown;
        if (!named.empty())
            message = (named.size() == 1 ? "unknown option " : "unknown options ") + joined(named) +
                      " for '" + name + "'";
        else {
            std::vector<std::string> extra;
            for (const auto& word : unexpected)
                if (word != "--") extra.push_back(word);
            message = "'" + name + "' does not take: " + joined(extra);
        }
        const std::string meant = command.instead ? command.instead(words, unexpected) : "";
        return {message,
                (meant.empty() ? "Try: " + command.example : "Did you mean: " + meant) + help};
    }

    // A wrong value for an option ("--cycles: ..."): an example with that option.
    if (message.starts_with("-")) {
        const std::string option = message.substr(0, message.find(':'));
        if (const auto it = command.option_examples.find(option);
            it != command.option_examples.end())
            return {message, "Try: " + it->second + help};
        if (const std::string value = usual_value(option);
            !value.empty() && command.example.find(option) == std::string::npos)
            return {message, "Try: " + command.example + " " + value + help};
    }
    return {message, "Try: " + command.example + help};
}

/// The word calmlegs takes for its command: the first that is neither an option nor the
/// value of a global one; words.size() when there is none.
std::size_t first_plain_word(const std::vector<std::string>& words) {
    return first_word_where(
        words, [](const std::string& word) { return !is_option_word(word) && word != "--"; });
}

/// "unknown command 'supplment'", with the command probably meant; `line` turns the
/// corrected name into what to type.
void report_unknown_command(Context& context, const std::vector<Command>& commands,
                            const std::string& typed,
                            const std::function<std::string(const Command&)>& line) {
    std::vector<std::string> names;
    for (const auto& command : commands)
        names.push_back(command.app->get_name());
    std::string hint = "Commands: ";
    for (std::size_t i = 0; i < names.size(); ++i)
        hint += (i ? ", " : "") + names[i];
    hint += "\nHelp: calmlegs --help";
    const auto near = nearest_name(typed, names, 3);
    if (near && 2 * edit_distance(normalize_name(typed), *near) <=
                    static_cast<int>(normalize_name(typed).size()))
        for (const auto& command : commands)
            if (command.app->get_name() == *near)
                hint = "Did you mean: " + line(command) + "\nHelp: calmlegs --help";
    context.error("unknown command '" + typed + "'", hint);
}

int usage_error(const CLI::ParseError& error, const std::vector<Command>& commands,
                const std::vector<std::string>& words, const std::vector<std::string>& unexpected,
                Context& context) {
    if (const Command* command = chosen(commands)) {
        const auto [message, hint] = command_usage(*command, error, words, unexpected);
        context.error(message, hint);
        return to_int(ExitStatus::usage);
    }
    // No command was recognised: was the first word meant to be one?
    if (const std::size_t first = first_plain_word(words); first < words.size()) {
        // The line as typed with the command corrected, or the command's example when
        // nothing followed it.
        report_unknown_command(context, commands, words[first], [&](const Command& command) {
            return first + 1 == words.size() ? command.example
                                             : retype(words, first, command.app->get_name());
        });
        return to_int(ExitStatus::usage);
    }
    if (!unexpected.empty())
        context.error("unknown option " + joined(unexpected),
                      "Options: --content DIR, --config FILE, --json, --no-color, --no-pager, "
                      "--version\nHelp: calmlegs --help");
    else
        context.error(error.what(), "Help: calmlegs --help");
    return to_int(ExitStatus::usage);
}

// Footers are one line per paragraph: the help is wrapped to the terminal when printed.
const char* const k_exit_statuses =
    "Exit status: 0 ok, 1 nothing found, 2 usage or content error, 74 output not written, "
    "130 quit or Ctrl-C, 143 SIGTERM, 129 SIGHUP, 141 SIGPIPE.";

} // namespace

std::string global_options_footer() {
    return std::string("Global options, before or after the command: --content DIR, --config "
                       "FILE, --json, --no-color, --no-pager. See calmlegs(1).\n") +
           k_exit_statuses;
}

bool is_global_option(std::string_view word, bool& takes_value) {
    takes_value = word == "--content" || word == "--config";
    return takes_value || word.starts_with("--content=") || word.starts_with("--config=") ||
           word == "--json" || word == "--no-color" || word == "--no-pager";
}

std::size_t command_index(const std::vector<std::string>& words, std::string_view name) {
    return first_word_where(words, [&](const std::string& word) { return word == name; });
}

std::string retype(const std::vector<std::string>& words, std::size_t at, std::string_view to) {
    std::string line = "calmlegs";
    for (std::size_t i = 0; i < words.size(); ++i)
        line += " " + shell_quote(i == at ? to : words[i]);
    return line;
}

Command::Instead words_mean(std::string from, std::string to,
                            std::vector<std::string> options_of_to) {
    return [from, to, options_of_to](const std::vector<std::string>& words,
                                     const std::vector<std::string>& unexpected) {
        // Only when every option typed is one `to` takes too, and some word was unexpected.
        const std::size_t at = command_index(words, from);
        for (const std::size_t i : own_words(words, at + 1, words.size())) {
            if (words[i] == "--") return std::string(); // what follows is no option
            if (is_option_word(words[i]) && std::find(options_of_to.begin(), options_of_to.end(),
                                                      option_name(words[i])) == options_of_to.end())
                return std::string();
        }
        const bool some_word = std::any_of(unexpected.begin(), unexpected.end(),
                                           [](const std::string& w) { return !is_option_word(w); });
        return some_word && at < words.size() ? retype(words, at, to) : std::string();
    };
}

bool has_option(const std::vector<std::string>& words, std::string_view option) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& word) {
        return word == option || (word.starts_with(option) && word.size() > option.size() &&
                                  word[option.size()] == '=');
    });
}

CLI::Validator not_empty(std::string what) {
    return CLI::Validator(
        [what](std::string& text) -> std::string {
            return text.empty() ? "expects " + what + ", not an empty word" : std::string();
        },
        "", "not_empty");
}

CLI::Validator number_between(double low, double high, bool whole) {
    const std::string range =
        fmt::format("{} from {} to {}", whole ? "a whole number" : "a number", low, high);
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            // Plain digits, with one decimal point unless whole: no sign, exponent, nan or inf.
            const bool digits_only =
                !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
                    return (c >= '0' && c <= '9') || (!whole && c == '.');
                });
            const bool ok = digits_only && std::count(text.begin(), text.end(), '.') <= 1 &&
                            text.find_first_of("0123456789") != std::string::npos;
            if (ok) {
                const double value = std::strtod(text.c_str(), nullptr);
                if (value >= low && value <= high) return {};
            }
            return "expects " + range + ", not '" + text + "'";
        },
        "", "number_between");
}

std::vector<Command> setup_app(CLI::App& app, Context& context) {
    app.name("calmlegs");
    app.description("calmlegs: a calm coach for restless legs, from a guide to natural relief.");
    app.get_formatter()->column_width(24);
    app.set_version_flag("--version", CALMLEGS_VERSION, "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.add_option("--content", context.options.content_dir,
                   "Read content from DIR, not the shipped content")
        ->type_name("DIR")
        ->check(not_empty("a directory"));
    app.add_option("--config", context.options.config_file,
                   "Read settings from FILE, not the default config.toml")
        ->type_name("FILE")
        ->check(not_empty("a file"));
    app.add_flag("--json", context.options.json, "Print JSON for scripts");
    app.add_flag("--no-color", context.options.no_color, "No colour (NO_COLOR does the same)");
    app.add_flag("--no-pager", context.options.no_pager, "Never send long pages to $PAGER");
    app.require_subcommand(0, 1);
    app.fallthrough();
    app.footer(std::string("Run 'calmlegs COMMAND --help' for its options, 'man calmlegs' for "
                           "all.\n") +
               k_exit_statuses);

    std::vector<Command> commands = {
        setup_tonight(app, context),    setup_run(app, context),
        setup_routines(app, context),   setup_breathe(app, context),
        setup_stretch(app, context),    setup_guide(app, context),
        setup_supplement(app, context), setup_supplements(app, context),
        setup_check(app, context),
    };
    for (const auto& command : commands)
        command.app->footer(global_options_footer());
    return commands;
}

int run(int argc, char** argv) {
    Context context;
    CLI::App app;
    const std::vector<Command> commands = setup_app(app, context);

    std::vector<std::string> words(argv + std::min(argc, 1), argv + argc);
    // "--content=" would make CLI11 take the next word as its value.
    for (const auto& word : words) {
        if (word == "--") break; // the words after it are no options
        if (word.size() > 3 && word.starts_with("--") && word.ends_with("=")) {
            context.error("'" + word + "' has no value after '='.",
                          "Type the value after '=', or leave the option out.\n"
                          "Help: calmlegs --help");
            return to_int(ExitStatus::usage);
        }
    }
    // "calmlegs help [COMMAND]" is the COMMAND's --help.
    if (const std::size_t first = first_plain_word(words);
        first < words.size() && words[first] == "help") {
        words.erase(words.begin() + static_cast<std::ptrdiff_t>(first));
        // "help help" and "help ''" are the main help.
        if (const std::size_t next = first_plain_word(words);
            next < words.size() && (words[next] == "help" || words[next].empty()))
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(next));
        if (const std::size_t next = first_plain_word(words); next < words.size()) {
            const bool known = std::any_of(commands.begin(), commands.end(), [&](const Command& c) {
                return c.app->get_name() == words[next];
            });
            if (!known) {
                report_unknown_command(context, commands, words[next], [](const Command& c) {
                    return "calmlegs help " + c.app->get_name();
                });
                return to_int(ExitStatus::usage);
            }
        }
        words.push_back("--help");
    }
    try {
        std::vector<std::string> reversed(words.rbegin(), words.rend()); // as CLI11 takes them
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        // Wrapped to the width, so a narrow terminal gets whole words in their columns.
        context.print(wrap_columns(app.help(), std::max(context.terminal().columns, 20)));
        return context.checked_output(0);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) // --version
            return context.checked_output(app.exit(error));
        std::vector<std::string> unexpected = app.remaining();
        for (const auto& command : commands)
            for (const auto& word : command.app->remaining())
                unexpected.push_back(word);
        return usage_error(error, commands, words, unexpected, context);
    }
    if (const Command* command = chosen(commands))
        return context.checked_output(to_int(command->run()));
    return context.checked_output(to_int(run_overview(context, commands)));
}

} // namespace calmlegs::cli
