// The chart's data and drawing options, for history --chart and stats --chart.

#include "cli/journal_chart.h"

#include <algorithm>

namespace calmlegs::cli {

std::optional<ChartData> read_chart(Context& context, const JournalReading& reading, Date from,
                                    Date to) {
    ContentStore* store = context.content();
    if (store == nullptr) return std::nullopt;
    const auto plan = plan_supplement_ids(context, *store);
    if (!plan) return std::nullopt;
    const std::vector<Trigger>* triggers = context.triggers();
    if (triggers == nullptr) return std::nullopt;
    ChartData data;
    if (!read_progress(context, reading, from, to, *plan, data.progress)) return std::nullopt;
    // The names are looked up now: the chart only formats.
    for (const std::string& id : *plan)
        if (const Supplement* supplement = store->supplement(id))
            data.names.supplements[id] = supplement->name;
    for (const TriggerCount& count : data.progress.triggers)
        data.names.triggers[count.id] = trigger_name(*triggers, count.id);
    if (!context.content_ok()) return std::nullopt;
    return data;
}

RenderOptions chart_options(Context& context, const RenderOptions& render) {
    RenderOptions chart = render;
    chart.width = std::max(render.width, context.terminal().columns);
    if (!context.terminal().tty) chart.ascii = true;
    return chart;
}

} // namespace calmlegs::cli
