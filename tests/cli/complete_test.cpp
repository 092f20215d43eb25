// `calmlegs complete`: the candidates the shell completions offer, from the CLI11 model and the
// content in use; and `calmlegs completions SHELL`.

#include "cli/commands.h"
#include "cli/complete.h"
#include "content/temp_dir.h"
#include "support/fake_system.h"
#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

/// The candidates for the last of `words` ("" completes a new word), as a set of lines.
std::set<std::string> complete(std::vector<std::string> words, FakeSystem& system) {
    std::vector<std::string> line = {"complete", std::to_string(words.size()), "calmlegs"};
    line.insert(line.end(), words.begin(), words.end());
    const Ran ran = run_cli(line, system);
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    const auto lines = split_lines(ran.out);
    return {lines.begin(), lines.end()};
}

std::set<std::string> complete(std::vector<std::string> words) {
    FakeSystem system;
    return complete(std::move(words), system);
}

bool all_start_with(const std::set<std::string>& lines, std::string_view lead) {
    return std::all_of(lines.begin(), lines.end(),
                       [&](const std::string& line) { return line.starts_with(lead); });
}

/// A routine of the person's own, `id`, that parses (the shipped urge routine, renamed).
std::string own_routine(const std::string& id) {
    return "id = \"" + id + "\"\nname = \"Own " + id +
           "\"\nsummary = \"A routine of my own.\"\n\n[[step]]\ntitle = \"Rest\"\ntext = "
           "\"Rest.\"\nseconds = 10\n";
}

} // namespace

TEST_CASE("complete: a supplement's names, aliases included, and the medicines'") {
    // magnesium.toml: id magnesium, aliases mag, mg, magnesium glycinate, magnesium threonate,
    // glycinate, threonate; no medicine starts with "mag".
    CHECK(complete({"supplement", "mag"}) ==
          std::set<std::string>{"mag", "magnesium", "magnesium glycinate", "magnesium threonate"});
    CHECK(complete({"supplement", "MAG"}).count("magnesium") == 1); // look-ups take any case
    // diphenhydramine.toml's alias; ssris.toml: id ssris, alias ssri.
    CHECK(complete({"supplement", "benad"}) == std::set<std::string>{"benadryl"});
    CHECK(complete({"supplement", "ssri"}) == std::set<std::string>{"ssri", "ssris"});
    CHECK(complete({"supplement", "zzzz"}).empty());
}

TEST_CASE("complete: run gives exactly the routine ids of the content") {
    // The nine files of content/routines, each named by its id.
    CHECK(complete({"run", ""}) == std::set<std::string>{"478", "bath", "body-scan", "coherent",
                                                         "compress", "contrast", "stretch",
                                                         "tonight", "urge"});
    CHECK(complete({"breathe", ""}) == std::set<std::string>{"4-7-8", "box", "coherent"});
    // A routine's value comes after the options too, and after "--".
    CHECK(complete({"run", "--speed", "10", "ur"}) == std::set<std::string>{"urge"});
    CHECK(complete({"run", "--", "ur"}) == std::set<std::string>{"urge"});
    // One routine only: no second one is offered.
    CHECK(complete({"run", "urge", ""}).empty());
}

TEST_CASE("complete: options of the command at hand, the global ones included") {
    const auto options = complete({"breathe", "--"});
    CHECK(all_start_with(options, "--"));
    for (const char* option :
         {"--minutes", "--cycles", "--speed", "--dry-run", "--content", "--json", "--help"})
        CHECK_MESSAGE(options.count(option) == 1, option);
    CHECK(options.count("--took") == 0); // log's
    CHECK(complete({"supplements", "-"}).count("-a") == 1);
    // A flag takes no value: the word after it is the command.
    CHECK(complete({"--json", "ru"}) == std::set<std::string>{"run"});
    CHECK(complete({"breathe", "--min"}) == std::set<std::string>{"--minutes"});
    // No options are offered for a word that does not start with '-'.
    CHECK(complete({"breathe", ""}).count("--minutes") == 0);
}

TEST_CASE("complete: commands and subcommands, not the hidden complete") {
    const auto commands = complete({""});
    for (const char* command : {"tonight", "run", "supplement", "trial", "help", "completions"})
        CHECK_MESSAGE(commands.count(command) == 1, command);
    CHECK(commands.count("complete") == 0);
    CHECK(complete({"tri"}) == std::set<std::string>{"trial"});
    CHECK(complete({"trial", ""}) ==
          std::set<std::string>{"start", "status", "result", "stop", "list"});
    CHECK(complete({"--json", "trial", "st"}) == std::set<std::string>{"start", "status", "stop"});
    CHECK(complete({"help", "sup"}) == std::set<std::string>{"supplement", "supplements"});
    // trial start's NAME: a supplement or a routine.
    const auto names = complete({"trial", "start", ""});
    CHECK(names.count("magnesium") == 1);
    CHECK(names.count("body-scan") == 1);
    CHECK(names.count("benadryl") == 0);
}

TEST_CASE("complete: the values of options and the other positionals") {
    CHECK(complete({"supplements", "--when", "b"}) == std::set<std::string>{"bedtime"});
    CHECK(complete({"supplements", "--when=b"}) == std::set<std::string>{"--when=bedtime"});
    CHECK(complete({"completions", ""}) == std::set<std::string>{"bash", "zsh", "fish"});
    CHECK(complete({"plan", ""}) == std::set<std::string>{"check"});
    // A comma list completes its last item: valerian.toml's id and aliases.
    CHECK(complete({"log", "--took", "iron,val"}) ==
          std::set<std::string>{"iron,valerian", "iron,valerian root", "iron,valerian tea"});
    CHECK(complete({"log", "--trigger", "caf"}) == std::set<std::string>{"caffeine"});
    // compare: supplements, triggers and routines.
    const auto compared = complete({"compare", ""});
    CHECK(compared.count("magnesium") == 1);
    CHECK(compared.count("caffeine") == 1);
    CHECK(compared.count("urge") == 1);
    // guide: the step numbers and ids, intro and closing.
    const auto steps = complete({"guide", ""});
    for (const char* step : {"1", "4", "10", "sleep", "intro", "closing"})
        CHECK_MESSAGE(steps.count(step) == 1, step);
    CHECK(complete({"guide", "sle"}) == std::set<std::string>{"sleep"});
    // Paths are the shell's to complete.
    CHECK(complete({"import", ""}) == std::set<std::string>{":files"});
    CHECK(complete({"--content", ""}) == std::set<std::string>{":directories"});
    CHECK(complete({"export", "-o", ""}) == std::set<std::string>{":files"});
    // A value with no fixed set: nothing.
    CHECK(complete({"breathe", "--minutes", ""}).empty());
}

TEST_CASE("complete: --describe adds what each candidate is after a tab") {
    FakeSystem system;
    const Ran ran = run_cli({"complete", "--describe", "2", "calmlegs", "run", "ur"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "urge\tWhen the urge strikes\n");
}

TEST_CASE("complete: a person's own content completes, and broken content never reports") {
    TempDir config;
    FakeSystem system;
    system.vars["XDG_CONFIG_HOME"] = config.path();
    config.write("calmlegs/content/routines/lullaby.toml", own_routine("lullaby"));
    CHECK(complete({"run", "lu"}, system) == std::set<std::string>{"lullaby"});

    // --content on the line is the content in use.
    TempDir other;
    other.write("routines/unwind.toml", own_routine("unwind"));
    other.write("routines/broken.toml", "id = \"broken\"\nname = [\n");
    CHECK(complete({"--content", other.path(), "run", ""}) == std::set<std::string>{"unwind"});
    CHECK(complete({"run", "--content=" + other.path(), ""}) == std::set<std::string>{"unwind"});
    // No such directory, a number that is no index, nothing at all: nothing, quietly.
    CHECK(complete({"--content", "/nonexistent/calmlegs", "run", ""}).empty());
    for (const auto& words : std::vector<std::vector<std::string>>{
             {"complete"}, {"complete", "x", "calmlegs"}, {"complete", "9", "calmlegs"}}) {
        const Ran ran = run_cli(words);
        CHECK(ran.status == 0);
        CHECK(ran.out.empty());
        CHECK(ran.err.empty());
    }
}

TEST_CASE("complete: every option whose values it knows is in the model") {
    FakeSystem system;
    cli::Context context(system);
    CLI::App app;
    const auto commands = cli::setup_app(app, context);
    for (const std::string& key : cli::completed_values()) {
        CAPTURE(key);
        const auto space = key.rfind(' ');
        const std::string path = key.substr(0, space), name = key.substr(space + 1);
        const CLI::App* command = &app;
        std::istringstream words(path);
        for (std::string word; words >> word;)
            command = command->get_subcommand(word);
        const auto options = command->get_options();
        CHECK(std::any_of(options.begin(), options.end(),
                          [&](const CLI::Option* option) { return option->get_name() == name; }));
    }
}

TEST_CASE("completions: prints each shell's script, and another shell is a usage error") {
    const Ran bash = run_cli({"completions", "bash"});
    CHECK(bash.status == 0);
    CHECK(contains(bash.out, "complete -F _calmlegs calmlegs"));
    CHECK(contains(run_cli({"completions", "zsh"}).out, "#compdef calmlegs"));
    CHECK(contains(run_cli({"completions", "fish"}).out, "complete -c calmlegs"));
    const Ran tcsh = run_cli({"completions", "tcsh"});
    CHECK(tcsh.status == 2);
    CHECK(tcsh.out.empty());
    CHECK(contains(tcsh.err, "bash, zsh or fish"));
}
