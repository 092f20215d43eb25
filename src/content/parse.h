#pragma once
// Parsers for each kind of content document. They take the text (not a path) so that they can
// be tested and fuzzed without files, and report every problem to `diags`. They return nothing
// only when the TOML itself does not parse; an entry with problems in its fields is still
// returned (so that `check` can look across files), and callers that need a sound entry
// compare the number of diagnostics before and after.

#include "content/diagnostics.h"
#include "content/medicine_model.h"
#include "content/model.h"
#include "content/routine_model.h"
#include "content/schedule_model.h"
#include "content/trigger_model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// guide.toml: title, [intro], [closing].
std::optional<GuideDoc> parse_guide(std::string_view text, const std::string& file,
                                    Diagnostics& diags);
/// notes.toml: [[note]] entries.
std::vector<Note> parse_notes(std::string_view text, const std::string& file, Diagnostics& diags);
/// references.toml: [[reference]] entries.
std::vector<Reference> parse_references(std::string_view text, const std::string& file,
                                        Diagnostics& diags);
/// stack.toml: [[stack]] rows.
std::vector<StackRow> parse_stack(std::string_view text, const std::string& file,
                                  Diagnostics& diags);

/// schedule.toml: [[reminder]] entries.
std::vector<ScheduleItem> parse_schedule(std::string_view text, const std::string& file,
                                         Diagnostics& diags);

/// triggers.toml: [[trigger]] entries.
std::vector<Trigger> parse_triggers(std::string_view text, const std::string& file,
                                    Diagnostics& diags);

/// steps/NN-ID.toml: one step; `stem` is the file name without ".toml".
std::optional<Step> parse_step(std::string_view text, const std::string& file,
                               std::string_view stem, Diagnostics& diags);
/// supplements/ID.toml: one supplement; `stem` is the file name without ".toml".
std::optional<Supplement> parse_supplement(std::string_view text, const std::string& file,
                                           std::string_view stem, Diagnostics& diags);

/// medicines/ID.toml: one medicine or substance that can make RLS worse.
std::optional<Medicine> parse_medicine(std::string_view text, const std::string& file,
                                       std::string_view stem, Diagnostics& diags);

/// breathing/ID.toml: one breathing pattern.
std::optional<BreathingPattern> parse_pattern(std::string_view text, const std::string& file,
                                              std::string_view stem, Diagnostics& diags);
/// exercises/ID.toml: one exercise.
std::optional<Exercise> parse_exercise(std::string_view text, const std::string& file,
                                       std::string_view stem, Diagnostics& diags);
/// routines/ID.toml: one routine.
std::optional<Routine> parse_routine(std::string_view text, const std::string& file,
                                     std::string_view stem, Diagnostics& diags);

/// The number and id a step file name carries ("04-sleep" -> 4, "sleep").
struct StepStem {
    int number = 0;
    std::string id;
};
std::optional<StepStem> parse_step_stem(std::string_view stem);

} // namespace calmlegs
