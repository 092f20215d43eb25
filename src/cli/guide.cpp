// calmlegs guide [STEP] [--search WORDS]: the guide's steps, one step, or a search.

#include "cli/commands.h"
#include "cli/misses.h"
#include "content/lookup.h"
#include "content/names.h"
#include "content/search.h"
#include "ui/json_content.h"
#include "ui/render_content.h"
#include "ui/text.h"

#include <memory>

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
    const GuideDoc* guide = store.guide();
    const auto steps = store.steps();
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("title").text_or_null(guide != nullptr ? guide->title : "");
            json.key("steps").begin_array();
            for (const Step* step : steps)
                write_step_summary_json(json, *step);
            json.end_array().end_object();
        },
        [&](const RenderOptions& render) {
            return render_guide_index(guide, steps, store, render);
        });
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
            context.note("(nothing says '" + query +
                         "' as written; showing what mentions each word)");
            words = split_words(words);
        }
    }
    if (!context.content_ok()) return ExitStatus::usage;
    if (hits.empty()) {
        if (context.options.json) {
            JsonWriter json;
            json.begin_object().key("query").value(query).key("matches").begin_array();
            json.end_array().end_object();
            context.print_json(json);
        }
        context.error("nothing in the guide mentions all of '" + query + "'.",
                      "Try fewer or other words, e.g.: calmlegs guide --search magnesium");
        return ExitStatus::not_found;
    }
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("query").value(query).key("matches").begin_array();
            for (const auto& hit : hits) {
                json.begin_object();
                json.key("kind").value(hit.kind);
                json.key("id").value(hit.id);
                json.key("number").number_or_null(hit.number);
                json.key("title").value(hit.title);
                json.key("where").value(hit.where);
                json.key("text").value(hit.text);
                json.end_object();
            }
            json.end_array().end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.title("Search: " + query,
                       std::to_string(hits.size()) + (hits.size() == 1 ? " match" : " matches"));
            const Style& style = page.style();
            for (const auto& hit : hits) {
                page.blank();
                std::string command;
                if (hit.kind == "step")
                    command = "calmlegs guide " + std::to_string(hit.number);
                else if (hit.kind == "supplement")
                    command = "calmlegs supplement " + hit.id;
                else
                    command = "calmlegs guide " + hit.id;
                std::string where = hit.kind == "step"
                                        ? "Step " + std::to_string(hit.number) + " · " + hit.where
                                        : hit.where;
                page.raw(style.label(elide(where, render.width)));
                page.paragraph(snippet(hit.text, words, render.width * 2 - 8), 2);
                page.raw("  " + style.command(command));
            }
            return page.str();
        });
}

ExitStatus run_guide(Context& context, const GuideOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    if (!options.search.empty()) return show_search(context, *store, options.search);
    if (options.step.empty()) return show_index(context, *store);

    const std::string query = join_words(options.step);
    const GuideLookup lookup = find_guide_part(*store, query);
    if (!context.content_ok()) return ExitStatus::usage;
    if (lookup.status != Resolution::Status::found) {
        Miss miss;
        miss.query = query;
        miss.ambiguous = lookup.status == Resolution::Status::ambiguous;
        for (const auto& part : lookup.candidates)
            miss.candidates.push_back(candidate(part));
        if (lookup.suggestion) miss.suggestion = candidate(*lookup.suggestion);
        const auto numbers = store->step_numbers();
        miss.what = "step";
        if (!numbers.empty())
            miss.note = "Its steps are numbered " + std::to_string(numbers.front()) + "–" +
                        std::to_string(numbers.back()) + "; there are also intro and closing.";
        miss.command = "calmlegs guide";
        miss.listing = "calmlegs guide";
        // A search for the name, unless it was meant as a step's number ("step 11").
        if (!miss.ambiguous && !to_lower_ascii(query).starts_with("step"))
            miss.search = find_mentions(*store, query).command();
        return report_miss(context, miss);
    }

    const GuidePart& part = lookup.found;
    if (lookup.match != MatchKind::exact)
        context.note("(showing " + candidate(part).name + " for '" + query + "')");
    if (part.kind == GuidePart::Kind::step) {
        const Step& step = *part.step;
        const int count = static_cast<int>(store->step_numbers().size());
        return context.show(
            [&](JsonWriter& json) {
                write_step_json(json, step, *store, {query, lookup.match});
            },
            [&](const RenderOptions& render) { return render_step(step, count, *store, render); });
    }
    const GuideDoc* guide = store->guide();
    if (guide == nullptr) {
        if (!context.content_ok()) return ExitStatus::usage;
        context.error("the content has no guide.toml with an introduction and closing.",
                      "Check the content: calmlegs check");
        return ExitStatus::usage;
    }
    if (part.kind == GuidePart::Kind::intro)
        return context.show(
            [&](JsonWriter& json) { write_intro_json(json, *guide, *store); },
            [&](const RenderOptions& render) { return render_intro(*guide, *store, render); });
    return context.show(
        [&](JsonWriter& json) { write_closing_json(json, *guide); },
        [&](const RenderOptions& render) { return render_closing(*guide, render); });
}

} // namespace

Command setup_guide(CLI::App& parent, Context& context) {
    auto options = std::make_shared<GuideOptions>();
    CLI::App* app = parent.add_subcommand("guide", "The guide's steps, one step, or a search");
    app->add_option("STEP", options->step, "A step number or name (4, sleep), intro or closing");
    app->add_option("-s,--search", options->search, "Find what mentions all of these words")
        ->type_name("WORDS")
        ->excludes(app->get_option("STEP"));
    return {app, "calmlegs guide 4", [&context, options] { return run_guide(context, *options); }};
}

} // namespace calmlegs::cli
