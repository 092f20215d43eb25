// calmlegs guide [STEP] [--search WORDS]: the guide's steps, one step, or a search.

#include "cli/commands.h"
#include "cli/misses.h"
#include "content/lookup.h"
#include "content/names.h"
#include "content/search.h"
#include "content/views.h"
#include "ui/json_content.h"
#include "ui/plain_text.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include <memory>
#include <optional>

namespace calmlegs::cli {
namespace {

struct GuideOptions {
    std::vector<std::string> step;
    std::vector<std::string> search;
};

Miss::Candidate candidate(const GuidePart& part) {
    switch (part.kind) {
    case GuidePart::Kind::intro:
        return {"intro", "the introduction"};
    case GuidePart::Kind::closing:
        return {"closing", "the final thoughts"};
    case GuidePart::Kind::step:
        break;
    }
    return {std::to_string(part.step->number),
            "step " + std::to_string(part.step->number) + ", " + part.step->title};
}

ExitStatus show_index(Context& context, ContentStore& store) {
    const GuideIndexView view = build_guide_index_view(store);
    if (!context.content_ok()) return ExitStatus::usage;
    return context.show(
        [&](JsonWriter& json) { write_guide_index_json(json, view); },
        [&](const RenderOptions& render) { return render_guide_index(view, render); });
}

ExitStatus show_search(Context& context, ContentStore& store,
                       const std::vector<std::string>& arguments) {
    // Each argument is searched for as written, so that "epsom salt" is a phrase; when the
    // phrases are found nowhere together, their words are (a quoted "caffeine noon").
    std::vector<std::string> words;
    for (const auto& argument : arguments)
        if (const std::string phrase = join_words({argument}); !phrase.empty())
            words.push_back(phrase);
    if (words.empty()) {
        context.error("--search needs at least one word.",
                      "Try: calmlegs guide --search magnesium");
        return ExitStatus::usage;
    }
    const std::string query = join_words(words);
    auto hits = search_content(store, words);
    if (hits.empty() && split_words(words).size() > words.size()) {
        hits = search_content(store, split_words(words));
        if (!hits.empty()) {
            context.note("(nothing says " + quote_typed(query) +
                         " as written; showing what mentions each word)");
            words = split_words(words);
        }
    }
    if (!context.content_ok()) return ExitStatus::usage;
    if (hits.empty()) {
        if (context.options.json) {
            JsonWriter json;
            write_search_json(json, query, hits);
            context.print_json(json);
        }
        context.error("nothing in the guide mentions all of " + quote_typed(query) + ".",
                      "Try fewer or other words, e.g.: calmlegs guide --search magnesium");
        return ExitStatus::not_found;
    }
    return context.show(
        [&](JsonWriter& json) { write_search_json(json, query, hits); },
        [&](const RenderOptions& render) { return render_search(query, words, hits, render); });
}

ExitStatus run_guide(Context& context, const GuideOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    if (!options.search.empty()) return show_search(context, *store, options.search);
    if (options.step.empty()) return show_index(context, *store);

    const std::string query = join_words(options.step);
    const GuideLookup lookup = find_guide_part(*store, query);
    const bool found = lookup.status == Resolution::Status::found;
    const GuidePart& part = lookup.found;
    // Everything the page shows is read and checked before anything is written.
    std::optional<StepView> step;
    const GuideDoc* guide = nullptr;
    std::optional<IntroView> intro;
    if (found && part.kind == GuidePart::Kind::step)
        step.emplace(build_step_view(*store, *part.step));
    else if (found)
        guide = store->guide();
    if (guide != nullptr && part.kind == GuidePart::Kind::intro)
        intro.emplace(build_intro_view(*store, *guide));
    // The miss too is made in full (a search of the guide included) before the one check.
    std::optional<Miss> miss;
    if (!found) {
        miss.emplace();
        miss->query = query;
        miss->ambiguous = lookup.status == Resolution::Status::ambiguous;
        for (const auto& each : lookup.candidates)
            miss->candidates.push_back(candidate(each));
        if (lookup.suggestion) miss->suggestion = candidate(*lookup.suggestion);
        const auto numbers = store->step_numbers();
        miss->what = "step";
        if (!numbers.empty())
            miss->note = "Its steps are numbered " + std::to_string(numbers.front()) + "–" +
                         std::to_string(numbers.back()) + "; there are also intro and closing.";
        miss->command = "calmlegs guide";
        miss->listing = "calmlegs guide";
        // A search for the name, unless it was meant as a step's number ("step 11").
        if (!miss->ambiguous && !to_lower_ascii(query).starts_with("step"))
            miss->search = find_mentions(*store, query).command();
    }
    if (!context.content_ok()) return ExitStatus::usage;
    if (miss) return report_miss(context, *miss);

    if (lookup.match != MatchKind::exact)
        context.note("(showing " + candidate(part).name + " for " + quote_typed(query) + ")");
    if (step)
        return context.show(
            [&](JsonWriter& json) {
                write_step_json(json, *step, {query, lookup.match});
            },
            [&](const RenderOptions& render) { return render_step(*step, render); });
    if (guide == nullptr) {
        context.error("the content has no guide.toml with an introduction and closing.",
                      "Check the content: calmlegs check");
        return ExitStatus::usage;
    }
    if (intro)
        return context.show(
            [&](JsonWriter& json) { write_intro_json(json, *intro); },
            [&](const RenderOptions& render) { return render_intro(*intro, render); });
    return context.show(
        [&](JsonWriter& json) { write_closing_json(json, *guide); },
        [&](const RenderOptions& render) { return render_closing(*guide, render); });
}

} // namespace

Command setup_guide(CLI::App& parent, Context& context) {
    auto options = std::make_shared<GuideOptions>();
    CLI::App* app = parent.add_subcommand("guide", "The guide's steps, one step, or a search");
    app->add_option("STEP", options->step, "A step number or name (4, sleep), intro or closing")
        ->check(a_name());
    app->add_option("-s,--search", options->search, "Find what mentions all of these words")
        ->type_name("WORDS")
        ->excludes(app->get_option("STEP"));
    return {app, "calmlegs guide 4", [&context, options] { return run_guide(context, *options); }};
}

} // namespace calmlegs::cli
