// calmlegs run ROUTINE: any routine by id or name.

#include "cli/commands.h"
#include "cli/runner.h"
#include "content/lookup.h"
#include "content/names.h"
#include "plan/session_builder.h"

#include <algorithm>
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
    // when the name is a pattern too (a named one, or seconds such as 6-6).
    command.instead = [&context](const std::vector<std::string>& words,
                                 const std::vector<std::string>&) {
        const std::size_t at = command_index(words, "run");
        if (at >= words.size()) return std::string();
        const std::vector<std::string> after(words.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                                             words.end());
        if (!has_option(after, "--cycles") && !has_option(after, "--minutes")) return std::string();
        if (std::find(after.begin(), after.end(), "--") != after.end()) return std::string();
        // The name: the words after "run", up to the first option (CLI11 also gave it the
        // "3" of "--cycles 3").
        std::vector<std::string> name;
        for (const auto& word : after) {
            if (word.starts_with("-")) break;
            name.push_back(word);
        }
        if (name.empty()) return std::string();
        const std::string pattern = join_words(name);
        std::string why;
        if (!parse_custom_pattern(pattern, why)) {
            // A named pattern, if the content can be read; a hint never reports on content.
            if (!context.layers().error.empty()) return std::string();
            ContentStore* store = context.content();
            if (store == nullptr ||
                find_pattern(*store, pattern).status != Resolution::Status::found)
                return std::string();
        }
        return retype(words, at, "breathe");
    };
    command.option_examples["--speed"] = "calmlegs run urge --speed 10 --dry-run";
    return command;
}

} // namespace calmlegs::cli
