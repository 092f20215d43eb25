// calmlegs compare NAME: nights with and without a supplement, trigger or routine, and how
// sure the difference can be.

#include "journal/compare.h"
#include "cli/commands.h"
#include "cli/journal_names.h"
#include "cli/journal_read.h"
#include "cli/misses.h"
#include "content/names.h"
#include "ui/plain_text.h"
#include "ui/render_journal.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct CompareOptions {
    std::vector<std::string> words; ///< the name, in one word or several ("late exercise")
};

/// What NAME is: a supplement, a trigger or a routine, an exact name first (in that order),
/// then a prefix or close spelling. nullopt after reporting that it is none of them.
std::optional<Subject> subject_named(Context& context, ContentStore& store,
                                     const std::vector<Trigger>& triggers,
                                     const std::string& name) {
    const NameMatch matches[] = {
        name_match(find_supplement(store, name)),
        name_match(find_trigger(triggers, name)),
        name_match(find_routine(store, name)),
    };
    const SubjectKind kinds[] = {SubjectKind::supplement, SubjectKind::trigger,
                                 SubjectKind::routine};
    // Exact names first, then whatever found one thing.
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < 3; ++i) {
            const NameMatch& match = matches[i];
            if (match.status != Resolution::Status::found) continue;
            if (pass == 0 && normalize_name(match.id) != normalize_name(name) &&
                normalize_name(match.name) != normalize_name(name))
                continue;
            return Subject{kinds[i], match.id, match.name};
        }
    std::string hint;
    for (const NameMatch& match : matches)
        if (match.suggestion) {
            if (const std::string line =
                    context.offer ? context.offer({"compare", *match.suggestion}) : "";
                !line.empty()) {
                hint = "Did you mean: " + line + "\n";
                break;
            }
        }
    context.error("no supplement, trigger or routine is called " + quote_typed(name),
                  hint + "See them: calmlegs supplements --all, calmlegs log --help, "
                         "calmlegs routines");
    return std::nullopt;
}

ExitStatus run_compare(Context& context, const CompareOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::vector<Trigger>* triggers = context.triggers();
    if (triggers == nullptr) return ExitStatus::usage;
    const auto subject = subject_named(context, *store, *triggers, join_words(options.words));
    if (!subject) return ExitStatus::not_found;
    const auto reading = read_journal(context);
    if (!reading) return ExitStatus::usage;
    std::vector<NightSummary> nights;
    if (!read_all_summaries(context, *reading, nights,
                            SummaryParts{.lists = true, .diary = false, .note = false}))
        return ExitStatus::usage;
    const Comparison comparison = compare_nights(nights, *subject);
    // Names for the other supplements it mentions, read now: the page only formats.
    std::map<std::string, std::string, std::less<>> names;
    for (const Confounder& other : comparison.confounders)
        if (const Supplement* s = store->supplement(other.id)) names[other.id] = s->name;
    if (!context.content_ok()) return ExitStatus::usage;
    auto name_of = [&](std::string_view id) {
        const auto it = names.find(id);
        return it == names.end() ? std::string(id) : it->second;
    };
    return context.show([&](JsonWriter& json) { write_comparison_json(json, comparison); },
                        [&](const RenderOptions& render) {
                            return render_comparison(comparison, name_of, render);
                        });
}

} // namespace

Command setup_compare(CLI::App& parent, Context& context) {
    auto options = std::make_shared<CompareOptions>();
    CLI::App* app = parent.add_subcommand(
        "compare", "Nights with and without a supplement, trigger or routine: severity, and how "
                   "sure the difference can be");
    app->add_option("NAME", options->words, "A supplement, trigger or routine, by any name")
        ->required()
        ->check(a_name());
    return {app, "calmlegs compare magnesium",
            [&context, options] { return run_compare(context, *options); }};
}

} // namespace calmlegs::cli
