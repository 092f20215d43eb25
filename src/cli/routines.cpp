// calmlegs routines: every routine with its length.

#include "cli/commands.h"
#include "cli/runner.h"
#include "plan/plan.h"
#include "ui/clock_text.h"

namespace calmlegs::cli {
namespace {

struct Row {
    const Routine* routine;
    Millis length;
    std::size_t steps;
};

ExitStatus run_routines(Context& context) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const auto settings = session_settings(context, *store);
    if (!settings) return ExitStatus::usage;
    std::vector<Row> rows;
    for (const Routine* routine : store->routines()) {
        const Plan plan = plan_session(build_session(*store, *routine, *settings));
        rows.push_back({routine, plan.total, plan.steps.size()});
    }
    if (!context.content_ok()) return ExitStatus::usage;
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object().key("routines").begin_array();
            for (const Row& row : rows) {
                json.begin_object();
                json.key("id").value(row.routine->id);
                json.key("name").value(row.routine->name);
                json.key("summary").value(row.routine->summary);
                json.key("seconds").value(static_cast<double>(row.length.count()) / 1000.0, 3);
                json.key("steps").value(static_cast<std::int64_t>(row.steps));
                json.end_object();
            }
            json.end_array().end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.title("Routines", std::to_string(rows.size()));
            page.blank();
            std::vector<std::vector<std::string>> cells;
            for (const Row& row : rows)
                cells.push_back({row.routine->id, row.routine->name, clock_text(row.length),
                                 std::to_string(row.steps)});
            std::string table = render_table({"Routine", "Name", "Length", "Steps"}, cells, render);
            if (!table.empty()) table.pop_back();
            page.raw(std::move(table));
            page.blank();
            page.paragraph("Run one: calmlegs run ROUTINE (tonight, stretch and breathe have "
                           "their own commands). Preview it: calmlegs run ROUTINE --dry-run");
            return page.str();
        });
}

} // namespace

Command setup_routines(CLI::App& parent, Context& context) {
    CLI::App* app = parent.add_subcommand("routines", "List the routines with their lengths");
    return {app, "calmlegs routines", [&context] { return run_routines(context); }};
}

} // namespace calmlegs::cli
