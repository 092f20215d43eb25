#pragma once
// One setup function per command, each in its own file: it binds the command's options to a
// struct and returns the work to do when the command is chosen.

#include "cli/context.h"
#include "exit_status.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// A subcommand: its CLI11 app, an example of its use (shown after a usage error, so the
/// person knows what to type), and its work.
struct Command {
    Command(CLI::App* app_, std::string example_, std::function<ExitStatus()> run_)
        : app(app_)
        , example(std::move(example_))
        , run(std::move(run_)) {}

    CLI::App* app = nullptr;
    std::string example;
    std::function<ExitStatus()> run;
    /// For words the command does not take: the line the person probably meant, given the
    /// words typed after "calmlegs" and the unexpected ones ("supplements iron" meant
    /// "calmlegs supplement iron"); "" when there is no better answer than the example.
    using Instead = std::function<std::string(const std::vector<std::string>& words,
                                              const std::vector<std::string>& unexpected)>;
    Instead instead;
    /// What to type for an option given a wrong value, by option name; options not listed get
    /// the example followed by a usual value (--speed 10 --dry-run, --cycles 4...).
    std::map<std::string, std::string> option_examples;
};

/// True for the options calmlegs itself takes (--content DIR, --config FILE, --json, --no-color,
/// --no-pager); `takes_value` tells whether the next word is its value.
bool is_global_option(std::string_view word, bool& takes_value);

/// Where the command `name` is among `words` (what follows "calmlegs"): the first word equal to
/// it that is not the value of a global option; words.size() when there is none.
std::size_t command_index(const std::vector<std::string>& words, std::string_view name);

/// The command line `words` with the word at `at` replaced by `to`, quoted for a POSIX shell:
/// retype({"routines", "urge"}, 0, "run") gives "calmlegs run urge".
std::string retype(const std::vector<std::string>& words, std::size_t at, std::string_view to);

/// An `instead` for a command whose extra words mean another command: the line retyped with
/// `to` for `from` ("routines urge" is "run urge"), when every option typed is a global one or
/// one of `options_of_to`.
Command::Instead words_mean(std::string from, std::string to,
                            std::vector<std::string> options_of_to = {});

/// Checks an option's value is a plain number from `low` to `high` (a whole one when `whole`):
/// "2.5" for a count, "nan", "1e3" or "-1" are refused with a message that says what fits.
/// A whole number with leading zeros passes ("010"): bind it to a string and convert it in
/// base 10, as CLI11 would take it for octal.
CLI::Validator number_between(double low, double high, bool whole);

/// Refuses an empty value ("--content ''"), which would otherwise quietly mean "not given";
/// `what` names what is expected ("a directory").
CLI::Validator not_empty(std::string what);

/// True when `words` holds `option`, alone or as "option=value".
bool has_option(const std::vector<std::string>& words, std::string_view option);

Command setup_tonight(CLI::App& parent, Context& context);
Command setup_run(CLI::App& parent, Context& context);
Command setup_routines(CLI::App& parent, Context& context);
Command setup_breathe(CLI::App& parent, Context& context);
Command setup_stretch(CLI::App& parent, Context& context);
Command setup_guide(CLI::App& parent, Context& context);
Command setup_supplement(CLI::App& parent, Context& context);
Command setup_supplements(CLI::App& parent, Context& context);
Command setup_check(CLI::App& parent, Context& context);

/// Builds calmlegs' command line on `app`: its name, the global options and every command with
/// its options, bound to `context`; returns the commands in the order of --help. run() parses
/// with it, and tests/tools/cli_model.cpp reads the same model.
std::vector<Command> setup_app(CLI::App& app, Context& context);

/// `calmlegs` with no command: what the program can do and where to start.
ExitStatus run_overview(Context& context, const std::vector<Command>& commands);

/// The footer every subcommand's --help ends with.
std::string global_options_footer();

} // namespace calmlegs::cli
