// calmlegs stretch: the five-minute stretching sequence of guide step 3.

#include "cli/commands.h"
#include "cli/runner.h"

#include <memory>

namespace calmlegs::cli {

Command setup_stretch(CLI::App& parent, Context& context) {
    auto options = std::make_shared<RunnerOptions>();
    CLI::App* app = parent.add_subcommand(
        "stretch", "Run the stretches: calf raises, leg extensions, folds, circles");
    add_runner_options(*app, *options);
    return {app, "calmlegs stretch",
            [&context, options] { return run_routine(context, "stretch", *options); }};
}

} // namespace calmlegs::cli
