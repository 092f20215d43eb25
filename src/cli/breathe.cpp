// calmlegs breathe [PATTERN]: a breathing session, named (4-7-8, coherent, box) or custom.

#include "cli/commands.h"
#include "cli/misses.h"
#include "cli/runner.h"
#include "content/lookup.h"
#include "ui/plain_text.h"

#include <charconv>
#include <memory>

namespace calmlegs::cli {
namespace {

struct BreatheOptions {
    std::string pattern = "4-7-8";
    // As typed (checked by number_between): CLI11 would read "010" as octal 8.
    std::string cycles;
    double minutes = 0;
    RunnerOptions runner;
};

ExitStatus run_breathe(Context& context, const BreatheOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    // Seconds ("6-6", "4-2-6") are a pattern of the person's own unless they are exactly a
    // named pattern's name ("4-7-8", "5-5"): a prefix or a near miss of a name must never
    // stand in for the numbers that were typed.
    std::string why;
    std::optional<BreathingPattern> custom = parse_custom_pattern(options.pattern, why);
    const auto lookup = find_pattern(*store, options.pattern);
    const Note* hold = store->note(k_note_breath_hold);
    if (!context.content_ok()) return ExitStatus::usage;
    const BreathingPattern* pattern = nullptr;
    if (lookup.found != nullptr && (!custom || lookup.match == MatchKind::exact))
        pattern = lookup.found;
    else if (custom)
        pattern = &*custom;
    if (pattern == nullptr && options.pattern.find_first_of("0123456789") != std::string::npos) {
        context.error(quote_typed(options.pattern) + " is not a breathing pattern: " + why + ".",
                      "A pattern is a name (4-7-8, coherent, box) or seconds such as 6-6.\n"
                      "Try: calmlegs breathe 6-6 --minutes 5");
        return ExitStatus::usage;
    }
    if (pattern == nullptr) {
        Miss miss = miss_of(lookup, options.pattern);
        miss.what = "breathing pattern";
        miss.none = "there is no";
        miss.command = "calmlegs breathe";
        miss.listing = "calmlegs breathe --help  # or seconds of your own, such as 6-6";
        return report_miss(context, miss);
    }
    if (pattern == lookup.found && lookup.match != MatchKind::exact)
        context.note("(breathing " + pattern->name + " for " + quote_typed(options.pattern) + ")");
    int cycles = 0; // 0: the pattern's own count
    std::from_chars(options.cycles.data(), options.cycles.data() + options.cycles.size(), cycles);
    const Session session = breathing_session(*pattern, cycles, options.minutes,
                                              hold != nullptr ? hold->text : std::string());
    return run_session(context, session, options.runner);
}

} // namespace

Command setup_breathe(CLI::App& parent, Context& context) {
    auto options = std::make_shared<BreatheOptions>();
    CLI::App* app =
        parent.add_subcommand("breathe", "A breathing session: 4-7-8, coherent, box or your own");
    app->add_option("PATTERN", options->pattern,
                    "4-7-8 (default), coherent, box, or seconds: 6-6, 4-2-6")
        ->check(a_name());
    auto* cycles = app->add_option("--cycles", options->cycles, "How many breaths (cycles)")
                       ->type_name("N")
                       ->check(number_between(1, 1000, true));
    app->add_option("--minutes", options->minutes, "About how long, in whole breaths")
        ->type_name("M")
        ->check(number_between(0.1, 60, false))
        ->excludes(cycles);
    add_runner_options(*app, options->runner);
    return {app, "calmlegs breathe coherent",
            [&context, options] { return run_breathe(context, *options); }};
}

} // namespace calmlegs::cli
