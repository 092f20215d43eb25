#pragma once
// The --json forms of the look-ups, written from complete views (content/views.h): they read
// no files and cannot fail. Keys are stable and documented in calmlegs(1); every key is always
// present: a list is an array (maybe empty), an optional text is null when the content has none.

#include "content/diagnostics.h"
#include "content/model.h"
#include "content/resolve.h"
#include "content/search.h"
#include "content/views.h"
#include "ui/json.h"

#include <string_view>
#include <vector>

namespace calmlegs {

/// How a look-up found what it shows: the name as typed, and how it matched (so that a script
/// can tell "magnesuim" was taken for magnesium). Written as "query" and "match".
struct LookupMatch {
    std::string_view query;
    MatchKind match = MatchKind::exact;
};

/// `supplement NAME`: the whole entry, with "form" the form named (or null).
void write_supplement_json(JsonWriter& json, const SupplementView& view, const LookupMatch& found);
/// `supplement NAME` for a medicine: {"kind": "medicine", "id", "name", "aliases", "group",
/// "examples", "effect", "instead", "source": {"id", "citation"}, "steps", "ask_prescriber",
/// "query", "match"}.
void write_medicine_json(JsonWriter& json, const MedicineView& view, const LookupMatch& found);
/// One medicine as a step's section lists it: {"id", "name", "group", "effect"}.
void write_medicine_summary_json(JsonWriter& json, const Medicine& medicine);
/// One entry of `supplements --all`.
void write_supplement_summary_json(JsonWriter& json, const Supplement& supplement);
/// `supplements --all`: {"when", "supplements"}.
void write_supplement_list_json(JsonWriter& json, const SupplementListView& view);
/// One row of the stack.
void write_stack_row_json(JsonWriter& json, const StackRow& row);
/// `supplements`: {"when", "stack", "safety_note"}.
void write_stack_json(JsonWriter& json, const StackView& view);
/// `guide`: {"title", "steps"}.
void write_guide_index_json(JsonWriter& json, const GuideIndexView& view);
/// `guide STEP`: the whole step, its sections with the stack they embed.
void write_step_json(JsonWriter& json, const StepView& view, const LookupMatch& found);
/// One step of the guide's index.
void write_step_summary_json(JsonWriter& json, const Step& step);
/// `guide intro`.
void write_intro_json(JsonWriter& json, const IntroView& view);
/// `guide closing`.
void write_closing_json(JsonWriter& json, const GuideDoc& guide);
/// `guide --search`: {"query", "matches"}; matches is empty when nothing was found.
void write_search_json(JsonWriter& json, std::string_view query,
                       const std::vector<SearchHit>& hits);
/// `"problems": [{"file", "line", "column", "message"}]`
void write_problems_json(JsonWriter& json, const Diagnostics& diags);
/// `"references": [{"id", "citation"}]`, the citation null when the content lacks it.
void write_references_json(JsonWriter& json, const std::vector<Ref>& refs,
                           const Citations& citations);

} // namespace calmlegs
