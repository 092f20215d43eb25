// calmlegs remind: (being built, issue 11).

#include "cli/commands.h"

namespace calmlegs::cli {

Command setup_remind(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand("remind", "(being built)");
    return {app, "calmlegs remind", [&context] {
                context.error("not built yet");
                return ExitStatus::usage;
            }};
}

} // namespace calmlegs::cli
