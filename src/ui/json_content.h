#pragma once
// The --json forms of the look-ups. Keys are stable and documented in calmlegs(1); every key
// is always present: a list is an array (maybe empty), an optional text is null when the
// content has none.

#include "content/diagnostics.h"
#include "content/model.h"
#include "content/resolve.h"
#include "content/store.h"
#include "ui/json.h"

#include <vector>

namespace calmlegs {

/// How a look-up found what it shows: the name as typed, and how it matched (so that a script
/// can tell "magnesuim" was taken for magnesium). Written as "query" and "match".
struct LookupMatch {
    std::string_view query;
    MatchKind match = MatchKind::exact;
};

void write_supplement_json(JsonWriter& json, const Supplement& supplement, ContentStore& store,
                           LookupMatch found);
void write_supplement_summary_json(JsonWriter& json, const Supplement& supplement);
void write_stack_row_json(JsonWriter& json, const StackRow& row);
void write_step_json(JsonWriter& json, const Step& step, ContentStore& store, LookupMatch found);
void write_step_summary_json(JsonWriter& json, const Step& step);
void write_intro_json(JsonWriter& json, const GuideDoc& guide, ContentStore& store);
void write_closing_json(JsonWriter& json, const GuideDoc& guide);
void write_problems_json(JsonWriter& json, const Diagnostics& diags);
/// `"references": [{"id", "citation"}]`
void write_references_json(JsonWriter& json, const std::vector<Ref>& refs, ContentStore& store);

} // namespace calmlegs
