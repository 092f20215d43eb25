// calmlegs_cli_model: prints the command line calmlegs parses, read from the same CLI11 model
// (cli::setup_app), one line per item, for tests/e2e/man.sh to compare with calmlegs(1):
//
//   command NAME                  a subcommand
//   option COMMAND NAME...        an option of COMMAND ("calmlegs" for the global ones), with
//                                 all its names (-a --all)
//   help COMMAND NAME...          the help flag of COMMAND
//   positional COMMAND NAME       a positional argument of COMMAND
//
// It only builds the model: it parses nothing and runs no command.

#include "cli/commands.h"

#include <cstdio>
#include <string>

namespace {

/// "-a --all": every name of an option, short ones first.
std::string names_of(const CLI::Option& option) {
    std::string names;
    for (const auto& name : option.get_snames())
        names += " -" + name;
    for (const auto& name : option.get_lnames())
        names += " --" + name;
    return names;
}

void print_options(const CLI::App& app, const std::string& command) {
    for (const CLI::Option* option : app.get_options()) {
        if (!option->nonpositional())
            std::printf("positional %s %s\n", command.c_str(), option->get_name().c_str());
        else
            std::printf("%s %s%s\n", option == app.get_help_ptr() ? "help" : "option",
                        command.c_str(), names_of(*option).c_str());
    }
}

} // namespace

int main() {
    const auto system = calmlegs::cli::real_system();
    calmlegs::cli::Context context(*system);
    CLI::App app;
    (void)calmlegs::cli::setup_app(app, context);
    const CLI::App& root = app;
    print_options(root, root.get_name());
    // Every subcommand of the model, whether or not setup_app lists it among its commands.
    for (const CLI::App* command : root.get_subcommands({})) {
        const CLI::App& sub = *command;
        std::printf("command %s\n", sub.get_name().c_str());
        print_options(sub, sub.get_name());
        // A command's own subcommands (trial start, trial status...): their options are the
        // command's, documented in its entry.
        for (const CLI::App* nested : sub.get_subcommands({})) {
            if (!nested->get_subcommands({}).empty()) {
                std::fprintf(stderr, "calmlegs_cli_model: '%s %s' has subcommands of its own\n",
                             sub.get_name().c_str(), nested->get_name().c_str());
                return 1;
            }
            print_options(*nested, sub.get_name());
        }
    }
    return 0;
}
