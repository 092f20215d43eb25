// calmlegs supplements: the guide's step-8 stack, or every entry with --all.

#include "cli/commands.h"
#include "cli/runner.h"
#include "content/views.h"
#include "ui/json_content.h"
#include "ui/render_content.h"

#include <algorithm>
#include <memory>

namespace calmlegs::cli {
namespace {

struct SupplementsOptions {
    bool all = false;
    bool mine = false;
    std::string when;
};

ExitStatus run_supplements(Context& context, const SupplementsOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::optional<TimeOfDay> when =
        options.when.empty() ? std::nullopt : parse_time_of_day(options.when);

    if (options.all || options.mine) {
        SupplementListView view = build_supplement_list_view(*store, when);
        if (options.mine) {
            // The person's [plan], in its order, with dose and time of day.
            const auto settings = session_settings(context, *store);
            if (!settings) return ExitStatus::usage;
            if (!settings->plan_supplements) {
                context.error("there is no [plan] in your config.", k_plan_hint);
                return ExitStatus::usage;
            }
            std::vector<const Supplement*> mine;
            for (const auto& id : *settings->plan_supplements)
                for (const Supplement* s : view.supplements)
                    if (s->id == id) mine.push_back(s);
            view.supplements = std::move(mine);
            view.title = "Your plan";
        }
        if (!context.content_ok()) return ExitStatus::usage;
        return context.show(
            [&](JsonWriter& json) { write_supplement_list_json(json, view); },
            [&](const RenderOptions& render) { return render_supplement_list(view, render); });
    }

    const StackView view = build_stack_view(*store, when);
    if (!context.content_ok()) return ExitStatus::usage;
    return context.show([&](JsonWriter& json) { write_stack_json(json, view); },
                        [&](const RenderOptions& render) { return render_stack(view, render); });
}

} // namespace

Command setup_supplements(CLI::App& parent, Context& context) {
    auto options = std::make_shared<SupplementsOptions>();
    CLI::App* app =
        parent.add_subcommand("supplements", "The guide's supplement stack; --all for every entry");
    auto* all =
        app->add_flag("-a,--all", options->all, "List every nutrient and herb, not only the stack");
    app->add_flag("-m,--mine", options->mine,
                  "List your [plan], with dose and time of day (see: calmlegs plan check)")
        ->excludes(all);
    app->add_option("-w,--when", options->when,
                    "Only what belongs to this time: morning, evening or bedtime")
        ->type_name("TIME")
        ->transform(one_of(time_of_day_names()));
    return {app, "calmlegs supplements --when bedtime",
            [&context, options] { return run_supplements(context, *options); }};
}

} // namespace calmlegs::cli
