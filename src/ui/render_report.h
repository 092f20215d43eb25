#pragma once
// `calmlegs report`: one self-contained HTML page of a period's nights, to read, print or
// bring to a doctor (an SVG chart and its table of weekly means, the plan with its doses, the
// comparisons with every warning the terminal gives, the triggers and the questions to raise),
// and the same data as JSON. The renderers only format a complete view: the command reads and
// checks everything first.

#include "journal/compare.h"
#include "journal/progress.h"
#include "journal/stats.h"
#include "journal/trial.h"
#include "ui/json.h"
#include "ui/render_journal.h"
#include "ui/render_trial.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// A supplement of the person's [plan], with what the guide says of its dose and timing.
struct ReportPlanEntry {
    std::string id;
    std::string name;
    std::string condition;         ///< when it applies at all ("Only if a blood test ..."), or ""
    std::vector<std::string> dose; ///< the guide's dose; empty when the guide gives no amount
    std::string timing;            ///< the guide's timing, or its times of day; "" when none
};

/// The comparison of one [plan] supplement over the whole journal, and its sentences.
struct ReportComparison {
    Comparison comparison;
    ComparisonWords words;
};

/// A trigger logged in the period, named as the person's pages name it.
struct ReportTrigger {
    std::string id;
    std::string name;
    int nights = 0;
};

/// A guide section marked `doctor_questions`: its title, text and items.
struct ReportQuestions {
    std::string title;
    std::string text;
    std::vector<std::string> items;
};

/// A journal note of the period.
struct ReportNote {
    Date night;
    std::string text;
};

/// The person's latest trial, as `calmlegs trial` speaks of it. Its result (and chart) is shown
/// only once it has finished: before, and for a stopped trial, the page shows where it stands,
/// as `trial status` does without --peek.
struct ReportTrial {
    TrialResult result;
    Date tonight;     ///< the night it was analysed on
    std::string name; ///< the subject's name ("Magnesium", "Nightly wind-down")
    /// `trial result`'s sentences (shown once it has finished).
    TrialWords words;
    /// Each night of the schedule, in order: its severity as logged, nullopt when none.
    std::vector<std::optional<int>> severities;
};

/// Everything the report shows, read and checked beforehand.
struct ReportView {
    Date generated;     ///< the local date the report was made
    Progress progress;  ///< the period: every night, the means, the plan's starts and stops
    JournalStats stats; ///< the whole journal's streaks, as of tonight
    /// Nights of the period the wind-down could have been done on: tonight is one only once
    /// its wind-down is done (as in `calmlegs stats`, an evening not yet over is no miss).
    int wind_down_nights = 0;
    bool has_plan = false;             ///< the config has a [plan]
    std::vector<ReportPlanEntry> plan; ///< in the plan's order
    std::string plan_hint;             ///< what to write to have a [plan] (shown without one)
    /// What `calmlegs plan check` says of the plan (its findings, then its notes: upper
    /// limits, sedatives together, supplements to keep apart, the person's conditions).
    std::vector<std::string> plan_review;
    std::vector<ReportComparison> comparisons; ///< one per plan supplement, in the plan's order
    std::vector<ReportTrigger> triggers;       ///< most nights first
    std::vector<ReportQuestions> questions;    ///< the sections marked for the doctor
    std::vector<ReportNote> notes;             ///< the period's last notes, newest first
    std::string not_advice;                    ///< the content's not-advice note
    std::optional<ReportTrial> trial;          ///< the latest trial, when there is one
};

/// How many notes the report shows at most: the page must print on two sheets.
inline constexpr int k_report_notes = 3;

/// The chart's geometry, in SVG user units (CSS pixels at its natural size: 680 x 264 is
/// 180 mm x 70 mm). Night i of n is drawn at x = k_plot_left + (i + 0.5) * k_plot_width / n;
/// severity s at y = k_severity_bottom - s * k_severity_height / 10; sleep quality q at
/// y = k_sleep_bottom - (q - 1) * k_sleep_height / 4.
namespace report_chart {
inline constexpr double k_width = 680, k_height = 264;
inline constexpr double k_plot_left = 44, k_plot_width = 626;
inline constexpr double k_severity_top = 28, k_severity_height = 110;
inline constexpr double k_severity_bottom = k_severity_top + k_severity_height;
inline constexpr double k_sleep_top = 160, k_sleep_height = 56;
inline constexpr double k_sleep_bottom = k_sleep_top + k_sleep_height;
/// A night's point; smaller when the nights are many, never under 2.
inline constexpr double k_dot_radius = 3, k_small_dot_radius = 2;
inline constexpr int k_small_dots_from = 120; ///< nights from which the points are smaller

// The report's charts' colours: each at least 3:1 against white (the points and lines 5:1 or
// more), so that they read in print and to weaker eyes; the grid is decoration only.
inline constexpr std::string_view k_severity_colour = "#1f4e99"; ///< blue, 8.2:1
inline constexpr std::string_view k_sleep_colour = "#2b6a2f";    ///< green, 6.6:1
inline constexpr std::string_view k_mean_colour = "#a34400";     ///< brown-orange, 5.9:1
inline constexpr std::string_view k_marker_colour = "#595959";   ///< grey, 7:1
inline constexpr std::string_view k_grid_colour = "#d9d9d9";
inline constexpr std::string_view k_text_colour = "#1a1a1a";
} // namespace report_chart

/// The trial's chart: one `<svg>` with the nights of each block as points (washout nights
/// hollow), each block's mean as a line over its analysed nights, ON blocks shaded.
std::string render_trial_chart(const ReportTrial& trial);

/// True when `text`, a file's beginning (its first 1,024 bytes are enough), is a page that
/// render_report_html wrote: a report may be written over by a newer one, never another file.
bool is_report_page(std::string_view text);

/// The whole page: `<!DOCTYPE html>` to `</html>`, with its style and the chart inline, no
/// script and nothing fetched. An empty period says how to start instead of drawing.
std::string render_report_html(const ReportView& view);

/// The chart alone: one `<svg>` with its title and description.
std::string render_report_chart(const ReportView& view);

/// The same report's data as one JSON object.
void write_report_json(JsonWriter& json, const ReportView& view);

/// "Sep": a month's name in three letters, for the chart's dates and the weekly table.
std::string_view short_month(Date date);

/// "3 September to 1 December 2026", "2 to 15 March 2026", "30 December 2025 to 2 January
/// 2026", "1 December 2026".
std::string period_words(Date from, Date to);

} // namespace calmlegs
