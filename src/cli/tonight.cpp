// calmlegs tonight: the nightly wind-down ritual of guide step 9.

#include "cli/commands.h"
#include "cli/runner.h"

#include <memory>

namespace calmlegs::cli {

Command setup_tonight(CLI::App& parent, Context& context) {
    auto options = std::make_shared<RunnerOptions>();
    CLI::App* app = parent.add_subcommand("tonight", "Run the nightly wind-down (guide step 9)");
    add_runner_options(*app, *options);
    return {app, "calmlegs tonight",
            [&context, options] { return run_routine(context, "tonight", *options); }};
}

} // namespace calmlegs::cli
