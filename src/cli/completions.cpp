// `calmlegs completions SHELL`: prints the completion script of bash, zsh or fish.

#include "cli/commands.h"
#include "cli/complete.h"

namespace calmlegs::cli {

Command setup_completions(CLI::App& parent, Context& context) {
    auto shell = std::make_shared<std::string>();
    CLI::App* app = parent.add_subcommand(
        "completions", "Print the shell completion script for bash, zsh or fish");
    app->add_option("SHELL", *shell, "bash, zsh or fish")
        ->required()
        ->transform(one_of({"bash", "zsh", "fish"}));
    return {app, "calmlegs completions bash", [&context, shell] {
                context.print(completion_script(*shell));
                return ExitStatus::success;
            }};
}

} // namespace calmlegs::cli
