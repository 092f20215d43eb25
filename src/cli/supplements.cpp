// calmlegs supplements: the guide's step-8 stack, or every entry with --all.

#include "cli/commands.h"
#include "ui/json_content.h"
#include "ui/render_content.h"

#include <algorithm>
#include <memory>

namespace calmlegs::cli {
namespace {

struct SupplementsOptions {
    bool all = false;
    std::string when;
};

bool at(const std::vector<TimeOfDay>& times, const std::optional<TimeOfDay>& when) {
    return !when || std::find(times.begin(), times.end(), *when) != times.end();
}

ExitStatus run_supplements(Context& context, const SupplementsOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const std::optional<TimeOfDay> when =
        options.when.empty() ? std::nullopt : parse_time_of_day(options.when);

    if (options.all) {
        std::vector<const Supplement*> entries;
        for (const Supplement* s : store->supplements())
            if (at(s->when, when)) entries.push_back(s);
        return context.show(
            [&](JsonWriter& json) {
                json.begin_object().key("when").text_or_null(when ? to_string(*when) : "");
                json.key("supplements").begin_array();
                for (const Supplement* s : entries)
                    write_supplement_summary_json(json, *s);
                json.end_array().end_object();
            },
            [&](const RenderOptions& render) {
                return render_supplement_list(entries, *store, render);
            });
    }

    std::vector<const StackRow*> rows;
    for (const auto& row : store->stack())
        if (at(row.when, when)) rows.push_back(&row);
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("when").text_or_null(when ? to_string(*when) : "");
            json.key("stack").begin_array();
            for (const StackRow* row : rows)
                write_stack_row_json(json, *row);
            json.end_array();
            const Note* safety = store->note(k_note_safety);
            json.key("safety_note").text_or_null(safety != nullptr ? safety->text : "");
            json.end_object();
        },
        [&](const RenderOptions& render) { return render_stack(rows, *store, render); });
}

} // namespace

Command setup_supplements(CLI::App& parent, Context& context) {
    auto options = std::make_shared<SupplementsOptions>();
    CLI::App* app =
        parent.add_subcommand("supplements", "The guide's supplement stack; --all for every entry");
    app->add_flag("-a,--all", options->all, "List every nutrient and herb, not only the stack");
    app->add_option("-w,--when", options->when,
                    "Only what belongs to this time: morning, evening or bedtime")
        ->type_name("TIME")
        ->check(CLI::Validator(
            [](std::string& text) -> std::string {
                // Any case ("Bedtime"); what is passed on is the canonical spelling.
                if (const auto when = parse_time_of_day(text)) {
                    text = std::string(to_string(*when));
                    return {};
                }
                const auto& names = time_of_day_names();
                std::string list;
                for (std::size_t i = 0; i < names.size(); ++i)
                    list += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
                return "expects " + list + ", not '" + text + "'";
            },
            "", "time_of_day"));
    Command command{app, "calmlegs supplements --when bedtime",
                    [&context, options] { return run_supplements(context, *options); }};
    // "supplements magnesium" means the one entry.
    command.instead = words_mean("supplements", "supplement");
    return command;
}

} // namespace calmlegs::cli
