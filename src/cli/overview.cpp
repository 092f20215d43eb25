// calmlegs with no command: a short, friendly overview of what it can do.

#include "calmlegs_config.h"
#include "cli/commands.h"
#include "ui/text.h"

namespace calmlegs::cli {

ExitStatus run_overview(Context& context, const std::vector<Command>& commands) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const Note* not_advice = store->note(k_note_not_advice);
    if (context.content_has_problems()) return context.report_content_problems();
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("version").value(CALMLEGS_VERSION);
            json.key("commands").begin_array();
            for (const auto& command : commands)
                json.begin_object()
                    .key("name").value(command.app->get_name())
                    .key("summary").value(command.app->get_description())
                    .key("example").value(command.example)
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
            page.blank();
            const std::vector<std::pair<std::string, std::string>> starts = {
                {"calmlegs supplement magnesium", "dose, timing, pairings and cautions"},
                {"calmlegs supplements", "the guide's supplement stack"},
                {"calmlegs guide", "the guide's ten steps"},
                {"calmlegs guide 9", "the nightly ritual"},
                {"calmlegs check", "check your own content files"},
            };
            int widest = 0;
            for (const auto& [command, what] : starts)
                widest = std::max(widest, display_width(command));
            for (const auto& [command, what] : starts)
                page.raw("  " + style.command(pad_right(command, widest)) + "  " +
                         elide(what, render.width - widest - 4));
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
