#pragma once
// `calmlegs stats` and `calmlegs compare NAME` as pages and as JSON. Every figure states how
// many nights it is taken over, and no page claims more than the nights show: never that
// something works, only what the numbers are and how sure they can be.

#include "journal/compare.h"
#include "journal/progress.h"
#include "journal/stats.h"
#include "ui/journal_words.h"
#include "ui/json.h"
#include "ui/page.h"

#include <functional>
#include <string>
#include <string_view>

namespace calmlegs {

/// The statistics page: streaks and completion rate, severity means, sleep efficiency.
std::string render_stats(const JournalStats& stats, const RenderOptions& options);
/// The statistics as one JSON object (a mean over no nights is null).
void write_stats_json(JsonWriter& json, const JournalStats& stats);

/// The comparison page; `name_of` names the other supplements (confounders) by id.
std::string render_comparison(const Comparison& c,
                              const std::function<std::string(std::string_view id)>& name_of,
                              const RenderOptions& options);
/// The comparison as one JSON object (what cannot be computed is null).
void write_comparison_json(JsonWriter& json, const Comparison& c);

/// The pictures' data (history --chart, stats --chart, report) as one JSON object: the period,
/// each night with its values and moving means (null where there are none), the plan's
/// starts and stops, the triggers by count and the weekly means.
void write_progress_json(JsonWriter& json, const Progress& progress);

} // namespace calmlegs
