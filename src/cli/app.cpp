#include "cli/app.h"

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "cli/complete.h"
#include "cli/usage.h"
#include "content/names.h"
#include "remind/civil.h"
#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

namespace calmlegs::cli {
namespace {

// Footers are one line per paragraph: the help is wrapped to the terminal when printed.
const char* const k_exit_statuses =
    "Exit status: 0 ok, 1 nothing found, 2 usage or content error, 74 output not written, "
    "130 quit or Ctrl-C, 143 SIGTERM, 129 SIGHUP, 141 SIGPIPE.";

/// A word such as "--content=" with nothing after the '=': CLI11 would take the next word as
/// its value. The words after "--" are no options.
std::string empty_value(const std::vector<std::string>& words) {
    for (const auto& word : words) {
        if (word == "--") break;
        if (word.size() > 3 && word.starts_with("--") && word.ends_with("=")) return word;
    }
    return {};
}

/// CLI11's help, without the "Needs: ..." and "Excludes: ..." lists it appends to an option's
/// name: they crowd the column of names, and each option's description already says which
/// others it goes with or not.
class HelpFormatter final : public CLI::Formatter {
public:
    std::string make_option_opts(const CLI::Option* option) const override {
        std::string text = CLI::Formatter::make_option_opts(option);
        for (const char* label : {" Needs:", " Excludes:"})
            if (const auto at = text.find(label); at != std::string::npos) text.erase(at);
        return text;
    }
};

/// Parses `words` (those after "calmlegs") with `app`, in order; throws CLI11's errors.
void parse(CLI::App& app, const std::vector<std::string>& words) {
    std::vector<const char*> argv = {"calmlegs"};
    for (const auto& word : words)
        argv.push_back(word.c_str());
    app.parse(static_cast<int>(argv.size()), argv.data());
}

/// `calmlegs help [COMMAND]`: the help of calmlegs, or of one command.
Command setup_help(CLI::App& app, Context& context) {
    auto words = std::make_shared<std::string>();
    CLI::App* help = app.add_subcommand("help", "Print the help of calmlegs or of a command");
    help->add_option("COMMAND", *words, "The command to explain (default: all of calmlegs)")
        ->type_name("");
    return {help, "calmlegs help supplement", [&app, &context, words] {
                // "help" and "help ''" are the main help.
                const std::string name = *words;
                const CLI::App* shown = &app;
                if (!name.empty()) {
                    const auto all = app.get_subcommands({});
                    const auto it = std::find_if(all.begin(), all.end(), [&](const CLI::App* c) {
                        return c->get_name() == name;
                    });
                    if (it == all.end()) {
                        std::vector<std::string> names;
                        for (const CLI::App* command : app.get_subcommands({}))
                            names.push_back(command->get_name());
                        const std::string meant = command_meant(names, name, false);
                        context.error("unknown command " + quote_typed(name),
                                      (meant.empty() ? "Commands: " + join(names, ", ")
                                                     : "Did you mean: calmlegs help " + meant) +
                                          "\nHelp: calmlegs --help");
                        return ExitStatus::usage;
                    }
                    shown = *it;
                }
                // App::help() would explain the command chosen, which is "help" itself.
                const std::string text =
                    shown == &app ? app.get_formatter()->make_help(&app, "calmlegs",
                                                                   CLI::AppFormatMode::Normal)
                                  : shown->help("calmlegs");
                context.print(wrap_columns(text, context.render_options().width));
                return ExitStatus::success;
            }};
}

/// True when `words` parse as a command line, for checking a suggestion before it is shown.
bool parses(System& system, const std::vector<std::string>& words) {
    if (!empty_value(words).empty()) return false;
    Context scratch(system);
    CLI::App app;
    // The commands own what the options are bound to: they must outlive the parse.
    const std::vector<Command> commands = setup_app(app, scratch);
    try {
        parse(app, words);
    } catch (const CLI::ParseError& error) {
        return error.get_exit_code() == 0; // --help and --version
    }
    return true;
}

} // namespace

CLI::Validator not_empty(std::string what) {
    return CLI::Validator(
        [what](const std::string& text) -> std::string {
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
            return "expects " + range + ", not " + quote_typed(text);
        },
        "", "number_between");
}

CLI::Validator a_name() {
    return CLI::Validator(
        [](const std::string& text) -> std::string {
            return normalize_name(text).empty() ? "expects a name, not " + quote_typed(text)
                                                : std::string();
        },
        "", "a_name");
}

CLI::Validator one_of(std::vector<std::string> names) {
    return CLI::Validator(
        [names](std::string& text) -> std::string {
            for (const auto& name : names)
                if (to_lower_ascii(text) == name) {
                    text = name;
                    return {};
                }
            std::string list;
            for (std::size_t i = 0; i < names.size(); ++i)
                list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
            return "expects " + list + ", not " + quote_typed(text);
        },
        "", "one_of");
}

CLI::Validator a_clock_time(std::string also) {
    return CLI::Validator(
        [also](const std::string& text) -> std::string {
            std::string why;
            if ((!also.empty() && text == also) || parse_local_time(text, why)) return {};
            return "expects HH:MM" + (also.empty() ? std::string() : " or " + also) + ": " + why;
        },
        "", "a_clock_time");
}

CLI::Validator a_date() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::string why;
            const auto date = parse_date(text, why);
            if (!date) return "expects YYYY-MM-DD: " + why;
            if (static_cast<int>(date->year()) < k_first_year)
                return fmt::format("\"{}\" is before {}: give a later day", text, k_first_year);
            return {};
        },
        "", "a_date");
}

std::vector<Command> setup_app(CLI::App& app, Context& context) {
    app.name("calmlegs");
    app.description("calmlegs: a calm coach for restless legs, from a guide to natural relief.");
    app.formatter(std::make_shared<HelpFormatter>());
    app.get_formatter()->column_width(24);
    app.set_version_flag("--version", "calmlegs " CALMLEGS_VERSION, "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.add_option("--content", context.options.content_dir,
                   "Read content from DIR, not the shipped content")
        ->type_name("DIR")
        ->check(not_empty("a directory"));
    app.add_option("--config", context.options.config_file,
                   "Read settings from FILE, not the default config.toml")
        ->type_name("FILE")
        ->check(not_empty("a file"));
    app.add_option("--journal", context.options.journal_file,
                   "Keep the journal in FILE, not the default journal.db")
        ->type_name("FILE")
        ->check(not_empty("a file"));
    app.add_flag("--json", context.options.json, "Print JSON for scripts");
    app.add_flag("--no-color", context.options.no_color, "No colour (NO_COLOR does the same)");
    app.add_flag("--no-pager", context.options.no_pager, "Never send long pages to $PAGER");
    app.require_subcommand(0, 1);
    // A command passes the global options it does not know on to calmlegs itself, so they
    // work after the command as well as before it.
    app.fallthrough();
    app.footer(std::string("Run 'calmlegs COMMAND --help' for its options, 'man calmlegs' for "
                           "all.\n") +
               k_exit_statuses);

    std::vector<Command> commands = {
        setup_tonight(app, context),    setup_run(app, context),
        setup_routines(app, context),   setup_breathe(app, context),
        setup_stretch(app, context),    setup_guide(app, context),
        setup_supplement(app, context), setup_supplements(app, context),
        setup_check(app, context),      setup_plan(app, context),
        setup_remind(app, context),     setup_schedule(app, context),
        setup_cron(app, context),       setup_config(app, context),
        setup_log(app, context),        setup_history(app, context),
        setup_stats(app, context),      setup_compare(app, context),
        setup_export(app, context),     setup_import(app, context),
        setup_trial(app, context),      setup_report(app, context),
    };
    commands.push_back(setup_completions(app, context));
    commands.push_back(setup_help(app, context));
    const std::string footer = global_options_footer(app) + " See calmlegs(1).\n" + k_exit_statuses;
    for (const auto& command : commands)
        command.app->footer(footer);
    return commands;
}

int run(const std::vector<std::string>& words, System& system) {
    // The shell completions' hidden look-up: not a command of the model, nor in any help.
    if (!words.empty() && words.front() == "complete")
        return run_complete({words.begin() + 1, words.end()}, system);
    Context context(system);
    CLI::App app;
    const std::vector<Command> commands = setup_app(app, context);

    if (const std::string word = empty_value(words); !word.empty()) {
        context.error(quote_typed(word) + " has no value after '='.",
                      "Type the value after '=', or leave the option out.\n"
                      "Help: calmlegs --help");
        return to_int(ExitStatus::usage);
    }
    try {
        parse(app, words);
    } catch (const CLI::CallForHelp&) {
        // Wrapped to the width, so a narrow terminal gets whole words in their columns.
        context.print(wrap_columns(app.help(), context.render_options().width));
        return context.checked_output(0);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) { // --version
            context.print(std::string(error.what()) + "\n");
            return context.checked_output(0);
        }
        const UsageHelp help = explain_usage_error(
            app, commands, error, words,
            [&](const std::vector<std::string>& line) { return parses(system, line); });
        context.error(help.message, help.hint);
        return to_int(ExitStatus::usage);
    }
    context.typed = words;
    context.offer = [&](const std::vector<std::string>& line) {
        return offer(line, [&](const std::vector<std::string>& l) { return parses(system, l); });
    };
    for (const auto& command : commands)
        if (command.app->parsed()) {
            context.command = command.app->get_name();
            return context.checked_output(to_int(command.run()));
        }
    return context.checked_output(to_int(run_overview(context, commands)));
}

int run(int argc, char** argv) {
    const std::vector<std::string> words(argv + std::min(argc, 1), argv + argc);
    const auto system = real_system();
    return run(words, *system);
}

} // namespace calmlegs::cli
