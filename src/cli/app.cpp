#include "cli/app.h"

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "content/names.h"
#include "ui/text.h"

#include <cstdio>

namespace calmlegs::cli {
namespace {

/// The subcommand a usage error belongs to, if the parse got as far as choosing one.
const Command* chosen(const std::vector<Command>& commands) {
    for (const auto& command : commands)
        if (command.app->parsed()) return &command;
    return nullptr;
}

int usage_error(const CLI::ParseError& error, const std::vector<Command>& commands, int argc,
                char** argv, Context& context) {
    if (const Command* command = chosen(commands)) {
        context.error(error.what(), "Try: " + command->example + "\nHelp: calmlegs " +
                                        command->app->get_name() + " --help");
        return to_int(ExitStatus::usage);
    }
    // No command was recognised: was the first word meant to be one?
    int first = 0;
    for (int i = 1; i < argc && first == 0; ++i)
        if (argv[i][0] != '-') first = i;
    if (first != 0) {
        const std::string typed = argv[first];
        std::vector<std::string> names;
        for (const auto& command : commands)
            names.push_back(command.app->get_name());
        std::string hint = "Commands: ";
        for (std::size_t i = 0; i < names.size(); ++i)
            hint += (i ? ", " : "") + names[i];
        hint += "\nHelp: calmlegs --help";
        const auto near = nearest_name(typed, names, 3);
        if (near && 2 * edit_distance(normalize_name(typed), *near) <=
                        static_cast<int>(normalize_name(typed).size())) {
            // The line as typed with the command corrected, or the command's example when
            // nothing followed it.
            std::string line = "calmlegs";
            for (int i = 1; i < argc; ++i)
                line += " " + shell_quote(i == first ? *near : std::string(argv[i]));
            for (const auto& command : commands)
                if (command.app->get_name() == *near && first == argc - 1) line = command.example;
            hint = "Did you mean: " + line + "\nHelp: calmlegs --help";
        }
        context.error("unknown command '" + typed + "'", hint);
        return to_int(ExitStatus::usage);
    }
    context.error(error.what(), "Help: calmlegs --help");
    return to_int(ExitStatus::usage);
}

} // namespace

std::string global_options_footer() {
    return "Global options, before or after the command: --content DIR, --config FILE,\n"
           "--json, --no-color, --no-pager. Exit status: 0 ok, 1 nothing found, 2 usage\n"
           "or content error, 130/143/129 interrupted. See calmlegs(1).";
}

int run(int argc, char** argv) {
    Context context;
    CLI::App app{"calmlegs: a calm coach for restless legs, from a guide to natural relief.",
                 "calmlegs"};
    app.get_formatter()->column_width(24);
    app.set_version_flag("--version", CALMLEGS_VERSION, "Print the version and exit");
    app.set_help_flag("-h,--help", "Print this help and exit");
    app.add_option("--content", context.options.content_dir,
                   "Read content from DIR, not the shipped content")
        ->type_name("DIR");
    app.add_option("--config", context.options.config_file,
                   "Read settings from FILE, not the default config.toml")
        ->type_name("FILE");
    app.add_flag("--json", context.options.json, "Print JSON for scripts");
    app.add_flag("--no-color", context.options.no_color, "No colour (NO_COLOR does the same)");
    app.add_flag("--no-pager", context.options.no_pager, "Never send long pages to $PAGER");
    app.require_subcommand(0, 1);
    app.fallthrough();
    app.footer("Run 'calmlegs COMMAND --help' for its options, 'man calmlegs' for all.\n"
               "Exit status: 0 ok, 1 nothing found, 2 usage or content error, 74 output\n"
               "not written, 130 quit or Ctrl-C, 143 SIGTERM, 129 SIGHUP, 141 SIGPIPE.");

    const std::vector<Command> commands = {
        setup_tonight(app, context),    setup_run(app, context),
        setup_routines(app, context),   setup_breathe(app, context),
        setup_stretch(app, context),    setup_guide(app, context),
        setup_supplement(app, context), setup_supplements(app, context),
        setup_check(app, context),
    };
    for (const auto& command : commands)
        command.app->footer(global_options_footer());

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) // --help, --version
            return context.checked_output(app.exit(error));
        return usage_error(error, commands, argc, argv, context);
    }
    if (const Command* command = chosen(commands))
        return context.checked_output(to_int(command->run()));
    return context.checked_output(to_int(run_overview(context, commands)));
}

} // namespace calmlegs::cli
