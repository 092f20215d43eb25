// calmlegs config: (being built, issue 11).

#include "cli/commands.h"

namespace calmlegs::cli {

Command setup_config(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand("config", "(being built)");
    return {app, "calmlegs config", [&context] {
                context.error("not built yet");
                return ExitStatus::usage;
            }};
}

} // namespace calmlegs::cli
