#include "ui/render_content.h"

#include "content/names.h"

namespace calmlegs {

std::string render_medicine(const MedicineView& view, const RenderOptions& options) {
    const Medicine& m = view.medicine;
    Page page(options);
    page.title(m.name, m.group);
    if (!m.aliases.empty()) page.muted("Also: " + join(m.aliases, ", "));
    page.blank();
    page.field("Effect", m.effect);
    if (!m.examples.empty()) page.field("Examples", join(m.examples, ", "));
    if (!m.instead.empty()) page.field("Instead", m.instead);
    guide_steps_field(page, m.steps);
    page.field("Source", view.from_guide ? "the guide" : view.citation);
    page.blank();
    page.warning(view.ask_prescriber);
    return page.str();
}

} // namespace calmlegs
