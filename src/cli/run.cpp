// calmlegs run ROUTINE: any routine by id or name.

#include "cli/commands.h"
#include "cli/runner.h"
#include "content/lookup.h"
#include "content/names.h"
#include "plan/session_builder.h"

#include <algorithm>
#include <memory>

namespace calmlegs::cli {
namespace {

struct RunOptions {
    std::vector<std::string> routine;
    RunnerOptions runner;
};

} // namespace

Command setup_run(CLI::App& parent, Context& context) {
    auto options = std::make_shared<RunOptions>();
    CLI::App* app = parent.add_subcommand("run", "Run a routine by name (see: calmlegs routines)");
    app->add_option("ROUTINE", options->routine, "A routine: urge, bath, compress, body-scan...")
        ->required()
        ->check(a_name());
    add_runner_options(*app, options->runner);
    return {app, "calmlegs run urge", [&context, options] {
                return run_routine(context, join_words(options->routine), options->runner);
            }};
}

} // namespace calmlegs::cli
