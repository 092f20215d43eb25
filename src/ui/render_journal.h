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
#include <vector>

namespace calmlegs {

/// The statistics page: streaks and completion rate, severity means, sleep efficiency.
std::string render_stats(const JournalStats& stats, const RenderOptions& options);
/// The statistics as one JSON object (a mean over no nights is null).
void write_stats_json(JsonWriter& json, const JournalStats& stats);

/// The sentences of a comparison, said the same way on the terminal's page and in the report.
struct ComparisonWords {
    std::string title;      ///< what was compared ("Magnesium glycinate")
    std::string tag;        ///< "supplement, by RLS severity"
    std::string with_means; ///< what "with" and "without" mean for its kind
    std::string with;       ///< "mean 3.1 over 21 nights (sd 1.2)", or "no nights"
    std::string without;
    /// The nights answer: enough of them on each side and a difference; only then are
    /// `difference`, `conclusion` and `method` given ("" otherwise).
    bool answered = false;
    std::string difference;           ///< "-1.5 (with minus without); 95% interval -2.2 to -0.8"
    std::vector<std::string> caveats; ///< what keeps the nights from answering, each a sentence
    std::string conclusion;           ///< what the difference says, and how sure it can be
    std::string method;               ///< "Method: Welch t-interval, 95% (46.3 degrees ...)."
};

/// The comparison's sentences; `name_of` names the other supplements (confounders) by id.
ComparisonWords comparison_words(const Comparison& c,
                                 const std::function<std::string(std::string_view id)>& name_of);

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
