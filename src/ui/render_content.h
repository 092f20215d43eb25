#pragma once
// Text pages for the look-up commands, rendered from complete views (content/views.h): they
// read no files and cannot fail. Each returns the whole page as a string so that the caller
// decides where it goes (stdout, a pager) and tests can read it.

#include "content/model.h"
#include "content/search.h"
#include "content/views.h"
#include "ui/page.h"

#include <string>
#include <vector>

namespace calmlegs {

/// One supplement: the form named, condition first, then dose, timing and the rest, ending
/// with the safety note.
std::string render_supplement(const SupplementView& view, const RenderOptions& options);

/// When the guide says to take a supplement: its timing text, or else its times of day
/// ("evening, bedtime"); empty when it says neither.
std::string timing_words(const Supplement& supplement);

/// A medicine or substance that can make RLS worse: its group, how, its examples, what to ask
/// about instead, its source, and always, last, the note to ask the prescriber.
std::string render_medicine(const MedicineView& view, const RenderOptions& options);

/// The step-8 stack as an aligned table, with conditions as footnotes and the safety note.
std::string render_stack(const StackView& view, const RenderOptions& options);

/// Every supplement entry as a table (name, kind, dose, timing, key benefit).
std::string render_supplement_list(const SupplementListView& view, const RenderOptions& options);

/// The list of the guide's steps, with the introduction and closing.
std::string render_guide_index(const GuideIndexView& view, const RenderOptions& options);

/// One step with all of its sections.
std::string render_step(const StepView& view, const RenderOptions& options);

/// The introduction: what RLS is, how common it is, its root causes.
std::string render_intro(const IntroView& view, const RenderOptions& options);

/// The closing thoughts (a guide's closing cites nothing, so the guide is its whole view).
std::string render_closing(const GuideDoc& guide, const RenderOptions& options);

/// `calmlegs guide --search`: each hit with where it is, a snippet around `words` and the
/// command that shows it in full.
std::string render_search(std::string_view query, const std::vector<std::string>& words,
                          const std::vector<SearchHit>& hits, const RenderOptions& options);

/// The citations of `refs` that `citations` holds, in order ("Sources").
std::vector<std::string> citation_lines(const std::vector<Ref>& refs, const Citations& citations);

/// The "Guide" field of an entry that the guide's steps mention: "steps 1, 3 (calmlegs guide
/// 1)"; nothing when it names no step.
void guide_steps_field(Page& page, const std::vector<StepRef>& steps);

} // namespace calmlegs
