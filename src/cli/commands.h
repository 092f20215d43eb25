#pragma once
// One setup function per command, each in its own file: it binds the command's options to a
// struct and returns the work to do when the command is chosen (as in CLI11's
// examples/subcom_in_files).

#include "cli/context.h"
#include "exit_status.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// A subcommand: its CLI11 app, a line that uses it (shown when a word it needs is missing,
/// and in the overview), and its work.
struct Command {
    CLI::App* app = nullptr;
    std::string example;
    std::function<ExitStatus()> run;
};

/// Checks an option's value is a plain number from `low` to `high` (a whole one when `whole`):
/// "2.5" for a count, "nan", "1e3" or "-1" are refused with a message that says what fits.
/// A whole number with leading zeros passes ("010"): bind it to a string and convert it in
/// base 10, as CLI11 would take it for octal.
CLI::Validator number_between(double low, double high, bool whole);

/// Refuses an empty value ("--content ''"), which would otherwise quietly mean "not given";
/// `what` names what is expected ("a directory").
CLI::Validator not_empty(std::string what);

/// Refuses a word with no letter or digit in it (" ", "..."): it cannot name anything, so it
/// is a usage error rather than a look-up that finds nothing.
CLI::Validator a_name();

/// Accepts one of `names` in any case, and passes it on as spelt in `names` ("Bedtime" is
/// "bedtime"); the message lists them.
CLI::Validator one_of(std::vector<std::string> names);

/// Checks a time of day written HH:MM (24-hour clock); `also` is a word taken besides it
/// (tonight --finish-by's "bedtime"). The message says what is wrong with the time.
CLI::Validator a_clock_time(std::string also = {});

/// The first year a date option takes: calendars and the tz database say nothing earlier.
inline constexpr int k_first_year = 1900;

/// Checks a real date of the calendar written YYYY-MM-DD, from k_first_year on.
CLI::Validator a_date();

Command setup_tonight(CLI::App& parent, Context& context);
Command setup_run(CLI::App& parent, Context& context);
Command setup_routines(CLI::App& parent, Context& context);
Command setup_breathe(CLI::App& parent, Context& context);
Command setup_stretch(CLI::App& parent, Context& context);
Command setup_guide(CLI::App& parent, Context& context);
Command setup_supplement(CLI::App& parent, Context& context);
Command setup_supplements(CLI::App& parent, Context& context);
Command setup_check(CLI::App& parent, Context& context);
Command setup_plan(CLI::App& parent, Context& context);
Command setup_remind(CLI::App& parent, Context& context);
Command setup_schedule(CLI::App& parent, Context& context);
Command setup_cron(CLI::App& parent, Context& context);
Command setup_config(CLI::App& parent, Context& context);
Command setup_log(CLI::App& parent, Context& context);
Command setup_history(CLI::App& parent, Context& context);
Command setup_stats(CLI::App& parent, Context& context);
Command setup_compare(CLI::App& parent, Context& context);
Command setup_export(CLI::App& parent, Context& context);
Command setup_import(CLI::App& parent, Context& context);
Command setup_trial(CLI::App& parent, Context& context);
Command setup_report(CLI::App& parent, Context& context);
Command setup_completions(CLI::App& parent, Context& context);

/// Builds calmlegs' command line on `app`: its name, the global options and every command with
/// its options, bound to `context`; returns the commands in the order of --help. run() parses
/// with it, usage errors are explained from it, and tests/tools/cli_model.cpp prints it.
std::vector<Command> setup_app(CLI::App& app, Context& context);

/// `calmlegs` with no command: what the program can do and where to start.
ExitStatus run_overview(Context& context, const std::vector<Command>& commands);

} // namespace calmlegs::cli
