#pragma once
// One setup function per command, each in its own file: it binds the command's options to a
// struct and returns the work to do when the command is chosen.

#include "cli/context.h"
#include "exit_status.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// A subcommand: its CLI11 app, an example of its use (shown after a usage error, so the
/// person knows what to type), and its work.
struct Command {
    CLI::App* app = nullptr;
    std::string example;
    std::function<ExitStatus()> run;
};

Command setup_tonight(CLI::App& parent, Context& context);
Command setup_run(CLI::App& parent, Context& context);
Command setup_routines(CLI::App& parent, Context& context);
Command setup_breathe(CLI::App& parent, Context& context);
Command setup_stretch(CLI::App& parent, Context& context);
Command setup_guide(CLI::App& parent, Context& context);
Command setup_supplement(CLI::App& parent, Context& context);
Command setup_supplements(CLI::App& parent, Context& context);
Command setup_check(CLI::App& parent, Context& context);

/// `calmlegs` with no command: what the program can do and where to start.
ExitStatus run_overview(Context& context, const std::vector<Command>& commands);

/// The footer every subcommand's --help ends with.
std::string global_options_footer();

} // namespace calmlegs::cli
