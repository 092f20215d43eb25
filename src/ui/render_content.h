#pragma once
// Text pages for the look-up commands. Each returns the whole page as a string so that the
// caller decides where it goes (stdout, a pager) and tests can read it.

#include "content/model.h"
#include "content/store.h"
#include "ui/page.h"

#include <string>
#include <vector>

namespace calmlegs {

/// One supplement: condition first, then dose, timing and the rest, ending with the safety note.
std::string render_supplement(const Supplement& supplement, ContentStore& store,
                              const RenderOptions& options);

/// The step-8 stack as an aligned table, with conditions as footnotes and the safety note.
std::string render_stack(const std::vector<const StackRow*>& rows, ContentStore& store,
                         const RenderOptions& options);

/// Every supplement entry as a table (name, kind, dose, timing, key benefit).
std::string render_supplement_list(const std::vector<const Supplement*>& supplements,
                                   ContentStore& store, const RenderOptions& options);

/// The list of the guide's steps, with the introduction and closing.
std::string render_guide_index(const GuideDoc* guide, const std::vector<const Step*>& steps,
                               ContentStore& store, const RenderOptions& options);

/// One step with all of its sections.
std::string render_step(const Step& step, int step_count, ContentStore& store,
                        const RenderOptions& options);

/// The introduction: what RLS is, how common it is, its root causes.
std::string render_intro(const GuideDoc& guide, ContentStore& store, const RenderOptions& options);

/// The closing thoughts.
std::string render_closing(const GuideDoc& guide, const RenderOptions& options);

/// The references a page cites, one per line ("Sources").
std::vector<std::string> citations(const std::vector<Ref>& refs, ContentStore& store);

/// The display name of a pairing: the entry's name when it names one, else its own name.
std::string pairing_name(const Pairing& pairing, ContentStore& store);

} // namespace calmlegs
