#pragma once
// `calmlegs trial`: a trial's calendar, where it stands, its result and the list of trials, as
// pages and as JSON. The result's sentences are a pure function (trial_words) so that every
// place that shows a result says it the same humble way: what the numbers are, how sure they
// can be, and never that something "works".

#include "journal/trial.h"
#include "ui/json.h"
#include "ui/page.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// One caveat of a result: a key for scripts ("adherence") and its sentence.
struct TrialCaveat {
    std::string key;
    std::string text;
};

/// The sentences of a trial's result.
struct TrialWords {
    std::string title;    ///< "Trial of Magnesium"
    std::string headline; ///< "In your trial, severity was 1.8 points lower on ..."
    std::string sleep;    ///< the same for sleep quality ("" when no pair has it)
    /// What the interval says: the trial could not tell, and how many pairs might ("" when
    /// the interval is clear of 0 or there is none).
    std::string could_not_tell;
    std::vector<TrialCaveat> caveats; ///< in a fixed order; "expectation" always
    std::string method;               ///< "Method: ON minus OFF per pair, ..."
};

/// The sentences of `result`; `name` is the subject as shown ("Magnesium").
TrialWords trial_words(const TrialResult& result, std::string_view name);

/// What a trial can and cannot show, said before it starts (each a sentence).
std::vector<std::string> trial_limits();

/// The schedule as a calendar: weeks as rows, Monday to Sunday, each night ON or OFF (a `*`
/// after a washout night; `>` before `tonight`), then the blocks one a line. On a page too
/// narrow for the weeks, only the blocks.
std::string render_trial_calendar(const TrialDesign& design, std::string_view name,
                                  std::optional<Date> tonight, const RenderOptions& options);

/// The page `trial start` shows before it asks: the design, the calendar and trial_limits().
std::string render_trial_plan(const TrialDesign& design, std::string_view name,
                              const RenderOptions& options);

/// The design as one JSON object: its fields (the seed too), each night of the schedule and
/// each block.
void write_trial_design_json(JsonWriter& json, const TrialDesign& design);

/// A kept trial as one JSON object: id, subject's name, state on `tonight`, dates, design.
void write_trial_json(JsonWriter& json, const Trial& trial, std::string_view name, Date tonight);
/// The same with its state given (TrialResult::state, which a last night already rated has
/// finished).
void write_trial_json(JsonWriter& json, const Trial& trial, std::string_view name,
                      TrialState state);

/// Where the trial stands on `tonight` (the result's counts, no effect); with `peek`, the
/// interim numbers after a warning that peeking invites stopping early on noise.
std::string render_trial_status(const TrialResult& result, std::string_view name, Date tonight,
                                bool peek, const RenderOptions& options);
void write_trial_status_json(JsonWriter& json, const TrialResult& result, std::string_view name,
                             Date tonight, bool peek);

/// The result page: means, the effect with its interval, p, every caveat and the method.
std::string render_trial_result(const TrialResult& result, std::string_view name,
                                const RenderOptions& options);
/// The result as one JSON object: the trial, counts, adherence, blocks, both measures (per-pair
/// differences, effect, interval, p, min_p, pairs needed), trend, caveats (key and text) and
/// the sentences.
void write_trial_result_json(JsonWriter& json, const TrialResult& result, std::string_view name);

/// Every trial, one a row: subject, dates, design, state on `tonight`.
std::string render_trial_list(const std::vector<Trial>& trials,
                              const std::function<std::string(const Trial&)>& name_of, Date tonight,
                              const RenderOptions& options);
void write_trial_list_json(JsonWriter& json, const std::vector<Trial>& trials,
                           const std::function<std::string(const Trial&)>& name_of, Date tonight);

} // namespace calmlegs
