// calmlegs with no command: a short, friendly overview of what it can do.

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "cli/runner.h"
#include "plan/plan.h"
#include "ui/clock_text.h"
#include "ui/text.h"

namespace calmlegs::cli {

ExitStatus run_overview(Context& context, const std::vector<Command>& commands) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const Note* not_advice = store->note(k_note_not_advice);
    // Tonight's plan: the ritual as the person's own config shapes it.
    std::optional<Plan> tonight;
    if (const Routine* routine = store->routine("tonight")) {
        const auto settings = session_settings(context, *store);
        if (!settings) return ExitStatus::usage;
        tonight = plan_session(build_session(*store, *routine, *settings));
    }
    if (!context.content_ok()) return ExitStatus::usage;
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    // Tonight's times: bedtime, and when the ritual starts to end by then (whole minutes,
    // rounded up; an evening's clock reading, so daylight-saving changes are left aside).
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return ExitStatus::usage;
    const Date today = reminder_day(*zone->zone, context.system().now());
    const LocalTime bedtime = config->schedule.night_of(today).bedtime;
    std::optional<LocalTime> start_by;
    if (tonight) {
        const auto minutes =
            std::chrono::ceil<std::chrono::minutes>(tonight->total).count() % (24L * 60);
        const int start = (bedtime.minutes() - static_cast<int>(minutes) + 24 * 60) % (24 * 60);
        start_by = LocalTime{start / 60, start % 60};
    }
    // "herbal tea, five-minute stretch, magnesium, ...": steps, with included routines as one.
    std::vector<std::string> parts;
    if (tonight)
        for (const auto& step : tonight->steps) {
            std::string part = step.source.group.empty() ? step.source.title : step.source.group;
            if (parts.empty() || parts.back() != part) parts.push_back(part);
        }
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("version").value(CALMLEGS_VERSION);
            json.key("tonight");
            if (tonight) {
                json.begin_object();
                json.key("routine").value(tonight->id);
                json.key("title").value(tonight->title);
                json.key("seconds").value(static_cast<double>(tonight->total.count()) / 1000.0, 3);
                json.string_array("steps", parts);
                json.key("bedtime").value(format_local_time(bedtime));
                json.key("start_by").value(format_local_time(*start_by));
                json.end_object();
            } else {
                json.null();
            }
            json.key("commands").begin_array();
            for (const auto& command : commands)
                json.begin_object()
                    .key("name")
                    .value(command.app->get_name())
                    .key("summary")
                    .value(command.app->get_description())
                    .key("example")
                    .value(command.example)
                    .end_object();
            json.end_array().end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            const Style& style = page.style();
            page.title("calmlegs " CALMLEGS_VERSION, "a calm coach for restless legs");
            page.blank();
            page.paragraph("The guide's natural relief for Restless Legs Syndrome, in your "
                           "terminal: nutrients and herbs, movement, breathing and sleep.");
            if (tonight) {
                page.blank();
                std::string list;
                for (const auto& part : parts)
                    list += (list.empty() ? "" : ", ") + part;
                page.paragraph("Tonight: " + tonight->title + ", " + length_words(tonight->total) +
                               ": " + list + ".");
                page.paragraph("Bedtime " + format_local_time(bedtime) + ": start by " +
                               format_local_time(*start_by) + " to finish in time.");
            }
            page.blank();
            const std::vector<std::pair<std::string, std::string>> starts = {
                {"calmlegs tonight", "start the nightly wind-down"},
                {"calmlegs run urge", "when the urge to move comes in bed"},
                {"calmlegs breathe coherent", "5 minutes of calm breathing"},
                {"calmlegs routines", "stretching, bath, compress, body scan..."},
                {"calmlegs supplement magnesium", "dose, timing, pairings and cautions"},
                {"calmlegs supplements", "the guide's supplement stack"},
                {"calmlegs guide", "the guide's ten steps"},
                {"calmlegs schedule", "the evening's reminders; cron can send them"},
                {"calmlegs check", "check your own content files"},
            };
            int widest = 0;
            for (const auto& [command, what] : starts)
                widest = std::max(widest, display_width(command));
            // Side by side when the descriptions get 16 columns, else one under the other.
            const bool side_by_side = render.width >= widest + 4 + 16;
            for (const auto& [command, what] : starts)
                if (side_by_side) {
                    page.raw("  " + style.command(pad_right(command, widest)) + "  " +
                             elide(what, render.width - widest - 4));
                } else {
                    for (const auto& line : wrap(command, render.width - 2))
                        page.raw("  " + style.command(line));
                    page.paragraph(what, 4);
                }
            page.blank();
            page.paragraph("More: calmlegs --help, or man calmlegs.");
            if (not_advice != nullptr) {
                page.blank();
                page.muted(not_advice->text);
            }
            return page.str();
        });
}

} // namespace calmlegs::cli
