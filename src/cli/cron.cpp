// calmlegs cron: (being built, issue 11).

#include "cli/commands.h"

namespace calmlegs::cli {

Command setup_cron(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand("cron", "(being built)");
    return {app, "calmlegs cron", [&context] {
                context.error("not built yet");
                return ExitStatus::usage;
            }};
}

} // namespace calmlegs::cli
