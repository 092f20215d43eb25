// calmlegs supplement NAME: everything the guide says about one nutrient or herb.

#include "cli/commands.h"
#include "cli/misses.h"
#include "content/lookup.h"
#include "content/names.h"
#include "content/search.h"
#include "content/views.h"
#include "ui/json_content.h"
#include "ui/plain_text.h"
#include "ui/render_content.h"

#include <memory>
#include <optional>

namespace calmlegs::cli {
namespace {

struct SupplementOptions {
    std::vector<std::string> words;
};

ExitStatus run_supplement(Context& context, const SupplementOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::string query = join_words(options.words);
    const SupplementLookup lookup = find_supplement(*store, query);
    // Everything the page (or the miss) shows is read and checked before anything is written.
    std::optional<SupplementView> view;
    std::optional<MedicineView> medicine;
    Lookup<Medicine> medicine_lookup;
    std::optional<Miss> miss;
    // No supplement, nor one probably meant: maybe a medicine or substance that can make RLS
    // worse ("benadryl"), and one named exactly wins over a supplement merely guessed at.
    if (lookup.status == Resolution::Status::not_found) {
        medicine_lookup = find_medicine(*store, query);
        if (medicine_lookup.found != nullptr &&
            (lookup.suggestion == nullptr || medicine_lookup.match == MatchKind::exact))
            medicine.emplace(build_medicine_view(*store, *medicine_lookup.found));
    }
    if (lookup.found != nullptr) {
        view.emplace(build_supplement_view(*store, *lookup.found, lookup.form));
    } else if (!medicine) {
        miss = miss_of(lookup, query);
        miss->what = "entry";
        miss->command = "calmlegs supplement";
        miss->listing = "calmlegs supplements --all";
        // Not an entry of its own, but maybe a pairing or a caution of one ("vitamin c"), or
        // something the guide's steps talk about ("caffeine"). The entries that mention it are
        // listed when no entry was the likelier meaning.
        if (lookup.status == Resolution::Status::not_found) {
            const Mentions mentions = find_mentions(*store, query);
            if (lookup.suggestion == nullptr)
                for (const SearchHit& hit : mentions.hits)
                    if (hit.kind == HitKind::supplement)
                        miss->mentioned.push_back({hit.id, hit.title});
            miss->search = mentions.command();
        }
    }
    if (!context.content_ok()) return ExitStatus::usage;
    if (miss) return report_miss(context, *miss);
    if (medicine) {
        if (medicine_lookup.match != MatchKind::exact)
            context.note("(showing " + medicine->medicine.name + " for " + quote_typed(query) +
                         ")");
        return context.show(
            [&](JsonWriter& json) {
                write_medicine_json(json, *medicine, {query, medicine_lookup.match});
            },
            [&](const RenderOptions& render) { return render_medicine(*medicine, render); });
    }

    if (lookup.match != MatchKind::exact)
        context.note("(showing " + lookup.found->name + " for " + quote_typed(query) + ")");
    return context.show(
        [&](JsonWriter& json) {
            write_supplement_json(json, *view, {query, lookup.match});
        },
        [&](const RenderOptions& render) { return render_supplement(*view, render); });
}

} // namespace

Command setup_supplement(CLI::App& parent, Context& context) {
    auto options = std::make_shared<SupplementOptions>();
    CLI::App* app = parent.add_subcommand(
        "supplement", "A nutrient or herb (or a medicine that can worsen RLS): dose, cautions");
    app->add_option("NAME", options->words,
                    "A name, alias or close spelling: mag, 'vit d', melissa")
        ->required()
        ->check(a_name());
    return {app, "calmlegs supplement magnesium",
            [&context, options] { return run_supplement(context, *options); }};
}

} // namespace calmlegs::cli
