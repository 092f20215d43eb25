// calmlegs schedule: (being built, issue 11).

#include "cli/commands.h"

namespace calmlegs::cli {

Command setup_schedule(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand("schedule", "(being built)");
    return {app, "calmlegs schedule", [&context] {
                context.error("not built yet");
                return ExitStatus::usage;
            }};
}

} // namespace calmlegs::cli
