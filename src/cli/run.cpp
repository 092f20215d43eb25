// calmlegs run ROUTINE: any routine by id or name.

#include "cli/commands.h"
#include "cli/runner.h"
#include "content/lookup.h"
#include "content/names.h"

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
        ->required();
    add_runner_options(*app, options->runner);
    Command command{app, "calmlegs run urge", [&context, options] {
                        return run_routine(context, join_words(options->routine), options->runner);
                    }};
    // Cycles and minutes belong to a breathing pattern: "run coherent --cycles 3" is breathe's,
    // when the name is a pattern's too.
    command.instead = [&context](const std::vector<std::string>& words,
                                 const std::vector<std::string>&) {
        if (!has_option(words, "--cycles") && !has_option(words, "--minutes")) return std::string();
        // The name: the words after "run", up to the first option (CLI11 also gave it the
        // "3" of "--cycles 3").
        const std::size_t at = command_index(words, "run");
        std::vector<std::string> name;
        for (std::size_t i = at + 1; i < words.size() && !words[i].starts_with("-"); ++i)
            name.push_back(words[i]);
        ContentStore* store = context.content();
        if (store == nullptr || name.empty() ||
            find_pattern(*store, join_words(name)).status != Resolution::Status::found)
            return std::string();
        return retype(words, at, "breathe");
    };
    command.option_examples["--speed"] = "calmlegs run urge --speed 10 --dry-run";
    return command;
}

} // namespace calmlegs::cli
