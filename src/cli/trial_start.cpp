// calmlegs trial start NAME: what is tested, the refusals (an entry that says no, a caution for
// the person's conditions, a trial already planned or running), the calendar, the question,
// and the trial kept in the journal.

#include "cli/commands.h"
#include "cli/journal_names.h"
#include "cli/trial_cli.h"
#include "cli/trial_tonight.h"
#include "content/names.h"
#include "journal/store_rules.h"
#include "plan/review.h"
#include "ui/journal_words.h"
#include "ui/plain_text.h"
#include "ui/render_trial.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace calmlegs::cli {
namespace {

// An entry's washout fits every block: the longest less the nights each keeps.
static_assert(k_max_trial_washout == k_trial_max_block - k_trial_min_analysed);

/// What NAME names: a supplement first, then a routine (exact names before prefixes and close
/// spellings). A trigger is no subject, and is said so. nullopt after reporting, with `status`.
std::optional<TrialDesign> subject_named(Context& context, ContentStore& store,
                                         const std::vector<std::string>& words, bool asks,
                                         ExitStatus& status) {
    const std::string name = join_words(words);
    status = ExitStatus::not_found;
    const NameMatch supplement = name_match(find_supplement(store, name));
    const NameMatch routine = name_match(find_routine(store, name));
    const NameMatch* matches[] = {&supplement, &routine};
    const TrialSubject kinds[] = {TrialSubject::supplement, TrialSubject::routine};
    // Exact names first, then a trigger's exact name, then whatever found one thing.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < 2; ++i) {
            const NameMatch& match = *matches[i];
            if (match.status != Resolution::Status::found) continue;
            const bool exact = normalize_name(match.id) == normalize_name(name) ||
                               normalize_name(match.name) == normalize_name(name);
            if (pass == 0 && !exact) continue;
            if (!exact && !asks) {
                // Weeks of nights are not planned on a guess: unless the person is asked (and
                // sees the name it found), a name is taken only as it is spelt.
                std::vector<std::string> typed = context.typed;
                if (const auto at = std::find(typed.begin(), typed.end(), words.front());
                    at != typed.end()) {
                    *at = match.id;
                    for (std::size_t w = 1; w < words.size(); ++w)
                        if (const auto more = std::find(at + 1, typed.end(), words[w]);
                            more != typed.end())
                            typed.erase(more);
                }
                const std::string line = context.offer ? context.offer(typed) : "";
                context.error(
                    "no supplement or routine is called " + quote_typed(name) +
                        "; without the question a trial starts only on a name as it is spelt",
                    line.empty() ? "Type its name: calmlegs trial start " + match.id
                                 : "Did you mean: " + line);
                status = ExitStatus::usage;
                return std::nullopt;
            }
            if (!exact) context.note("'" + visible(name) + "' is " + match.id);
            TrialDesign design;
            design.kind = kinds[i];
            design.subject = match.id;
            return design;
        }
        if (pass > 0) break;
        const std::vector<Trigger>* triggers = context.triggers();
        if (triggers == nullptr) {
            status = ExitStatus::usage;
            return std::nullopt;
        }
        if (const auto trigger = find_trigger(*triggers, name);
            trigger.status == Resolution::Status::found && trigger.match == MatchKind::exact) {
            context.error(quote_typed(name) + " is a trigger: a trial tests a supplement or a "
                                              "routine, which you can choose to take or run",
                          "Triggers by night, looking back: calmlegs compare " +
                              shell_quote(trigger.found->id));
            status = ExitStatus::usage;
            return std::nullopt;
        }
    }
    std::string hint;
    for (const NameMatch* match : matches)
        if (match->suggestion) {
            if (const std::string line =
                    context.offer ? context.offer({"trial", "start", *match->suggestion}) : "";
                !line.empty()) {
                hint = "Did you mean: " + line + "\n";
                break;
            }
        }
    context.error("no supplement or routine is called " + quote_typed(name),
                  hint + "See them: calmlegs supplements --all, calmlegs routines");
    return std::nullopt;
}

/// Refuses a supplement the content says no trial is for, or one with a caution for the
/// person's [me] conditions; false after reporting.
bool allowed(Context& context, const Supplement& supplement) {
    if (!supplement.trial_refusal.empty()) {
        context.error(fmt::format("a trial of {} is not offered: {}", supplement.name,
                                  visible(supplement.trial_refusal)),
                      "What the guide says of it: calmlegs supplement " +
                          shell_quote(supplement.id));
        return false;
    }
    const Config* config = context.config();
    if (config == nullptr) return false;
    const PlanReview review = review_plan({&supplement}, config->conditions);
    std::vector<std::string> found;
    for (const Finding& finding : review.findings)
        if (finding.kind == Finding::Kind::condition)
            found.push_back(visible(finding.text) +
                            (finding.source.empty() ? "" : " (" + finding.source + ")"));
    if (found.empty()) return true;
    std::string hint;
    for (const std::string& line : found)
        hint += "- " + line + "\n";
    context.error(fmt::format("no trial of {}: it has a caution for the conditions in your [me] "
                              "settings",
                              supplement.name),
                  hint +
                      "Talk it through with a doctor or pharmacist. All of it: calmlegs plan "
                      "check, calmlegs supplement " +
                      shell_quote(supplement.id));
    return false;
}

/// A random seed: 13 hex digits (52 bits) of a new unique id.
std::uint64_t random_seed(Context& context) {
    std::uint64_t seed = 0;
    int digits = 0;
    for (const char c : context.system().unique_id()) {
        if (digits == 13 || !std::isxdigit(static_cast<unsigned char>(c))) continue;
        seed = seed * 16 + static_cast<std::uint64_t>(std::stoi(std::string(1, c), nullptr, 16));
        ++digits;
    }
    return seed;
}

/// On a terminal: "Start this trial? [y/N]". nullopt when confirmed; otherwise the status.
std::optional<ExitStatus> confirm(Context& context, const TrialStartOptions& options) {
    if (options.yes) return std::nullopt;
    const TerminalInfo& terminal = context.terminal();
    if (!(terminal.keys && terminal.tty)) {
        std::vector<std::string> line = context.typed;
        line.emplace_back("--yes");
        const std::string typed = context.offer ? context.offer(line) : "";
        context.error("a trial starts only when you say so, and there is no terminal to ask on",
                      typed.empty() ? std::string("Add --yes to start it without the question.")
                                    : "Start it without the question: " + typed);
        return ExitStatus::usage;
    }
    bool interrupted = false;
    const auto answer = context.system().read_line("Start this trial? [y/N] ", interrupted);
    const std::string word = answer ? to_lower_ascii(normalize_name(*answer)) : "";
    if (word == "y" || word == "yes") return std::nullopt;
    if (!answer) context.print("\n");
    context.note("Nothing started.");
    return interrupted ? ExitStatus::interrupted : ExitStatus::not_found;
}

} // namespace

ExitStatus run_trial_start(Context& context, const TrialStartOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    ExitStatus status = ExitStatus::not_found;
    const TerminalInfo& terminal = context.terminal();
    const bool asks = !options.yes && terminal.keys && terminal.tty;
    auto design = subject_named(context, *store, options.words, asks, status);
    if (!design) return status;
    const Supplement* supplement =
        design->kind == TrialSubject::supplement ? store->supplement(design->subject) : nullptr;
    const std::string name = subject_name(store, *design);
    if (supplement && !allowed(context, *supplement)) return ExitStatus::usage;

    const auto reading = read_trials(context);
    if (!reading) return ExitStatus::usage;
    const Date tonight = reading->journal.tonight;
    auto number = [](const std::string& text, std::uint64_t fallback) {
        return text.empty() ? fallback : std::stoull(text, nullptr, 10);
    };
    design->pairs = static_cast<int>(number(options.pairs, k_trial_default_pairs));
    design->block = static_cast<int>(number(options.block, k_trial_default_block));
    design->washout = static_cast<int>(number(
        options.washout, supplement ? static_cast<std::uint64_t>(supplement->trial_washout) : 0));
    design->seed = options.seed.empty() ? random_seed(context) : number(options.seed, 0);
    design->start = add_days(tonight, 1);
    if (!options.start.empty()) {
        std::string why;
        design->start = *parse_date(options.start, why); // checked by a_date()
    }
    if (const std::string problem = design_problem(*design); !problem.empty()) {
        context.error(problem, "See: calmlegs trial start --help");
        return ExitStatus::usage;
    }
    std::string why;
    constexpr std::string_view k_pending_hint =
        "See it: calmlegs trial status\nEnd it early: calmlegs trial stop";
    if (!no_pending_trial(reading->trials, tonight, why)) {
        context.error(why, k_pending_hint);
        return ExitStatus::usage;
    }
    if (!context.content_ok()) return ExitStatus::usage;
    if (!context.options.json)
        context.print(render_trial_plan(*design, name, context.render_options()) + "\n");
    if (const auto refused = confirm(context, options)) return *refused;

    bool missing = false;
    JournalStore* journal = context.journal(OpenMode::create, missing);
    if (journal == nullptr) return ExitStatus::usage;
    Trial trial;
    trial.design = *design;
    trial.created = context.system().now();
    if (!journal->add_trial(trial, tonight, why)) {
        context.error("the trial was not started: " + why);
        return ExitStatus::usage;
    }
    const int passed = std::clamp(days_between(design->start, tonight), 0, trial_length(*design));
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("started");
            write_trial_json(json, trial, name, tonight);
            json.key("nights_passed").value(passed);
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.paragraph(fmt::format("Started the trial of {} (trial {}): {} nights from {}.",
                                       name, trial.id, trial_length(*design),
                                       date_words(design->start)));
            page.paragraph("Each evening, calmlegs remind and calmlegs tonight say whether the "
                           "night is ON or OFF. Each morning, calmlegs log asks what you took, so "
                           "that the result knows which nights kept to the schedule.");
            if (passed > 0)
                page.paragraph(fmt::format(
                    "{} of its nights {} passed already: log each with calmlegs log --date "
                    "YYYY-MM-DD (e.g. calmlegs log --date {} --severity 4 --took {}).",
                    passed, passed == 1 ? "has" : "have", format_date(design->start),
                    design->kind == TrialSubject::supplement ? design->subject : "none"));
            page.paragraph("Where it stands: calmlegs trial status. Stop it early: calmlegs "
                           "trial stop.");
            return page.str();
        });
}

} // namespace calmlegs::cli
