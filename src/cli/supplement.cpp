// calmlegs supplement NAME: everything the guide says about one nutrient or herb.

#include "cli/commands.h"
#include "content/lookup.h"
#include "ui/json_content.h"
#include "ui/render_content.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct SupplementOptions {
    std::vector<std::string> words;
};

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

/// --json answer for a name that did not lead to one entry.
void print_miss_json(Context& context, const std::string& query, const SupplementLookup& lookup) {
    JsonWriter json;
    json.begin_object();
    json.key("query").value(query);
    json.key("status").value(lookup.status == Resolution::Status::ambiguous ? "ambiguous"
                                                                             : "not_found");
    json.key("candidates").begin_array();
    for (const Supplement* s : lookup.candidates)
        json.begin_object().key("id").value(s->id).key("name").value(s->name).end_object();
    json.end_array();
    json.key("suggestion");
    if (lookup.suggestion)
        json.value(*lookup.suggestion);
    else
        json.null();
    json.end_object();
    context.print_json(json);
}

ExitStatus run_supplement(Context& context, const SupplementOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::string query = join_words(options.words);
    const SupplementLookup lookup = find_supplement(*store, query);
    if (context.content_has_problems()) return context.report_content_problems();

    if (lookup.status == Resolution::Status::ambiguous) {
        if (context.options.json) print_miss_json(context, query, lookup);
        std::string hint = "It could be:";
        for (const Supplement* s : lookup.candidates)
            hint += "\n  calmlegs supplement " + s->id + "    (" + s->name + ")";
        context.error("'" + query + "' matches more than one entry.", hint);
        return ExitStatus::not_found;
    }
    if (lookup.status == Resolution::Status::not_found) {
        if (context.options.json) print_miss_json(context, query, lookup);
        std::string hint;
        if (lookup.suggestion) hint = "Did you mean: calmlegs supplement " + *lookup.suggestion + "\n";
        hint += "Every entry: calmlegs supplements --all";
        context.error("the guide has no entry for '" + query + "'.", hint);
        return ExitStatus::not_found;
    }

    const Supplement& found = *lookup.found;
    if (lookup.match == MatchKind::close)
        context.note("(showing " + found.name + " for '" + query + "')");
    return context.show([&](JsonWriter& json) { write_supplement_json(json, found, *store); },
                        [&](const RenderOptions& render) {
                            return render_supplement(found, *store, render);
                        });
}

} // namespace

Command setup_supplement(CLI::App& parent, Context& context) {
    auto options = std::make_shared<SupplementOptions>();
    CLI::App* app = parent.add_subcommand(
        "supplement", "Show the guide's advice on one nutrient or herb: dose, timing, forms, "
                      "pairings, what to avoid and its cautions");
    app->add_option("NAME", options->words,
                    "A name, alias or close spelling: magnesium, mag, 'vit d', melissa")
        ->required();
    return {app, "calmlegs supplement magnesium",
            [&context, options] { return run_supplement(context, *options); }};
}

} // namespace calmlegs::cli
