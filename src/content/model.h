#pragma once

#include "content/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// A reference by id from one entry to another, with where it was written so that a dangling
/// reference can be reported at its own line and column.
struct Ref {
    std::string id;
    SourcePos pos;
};

/// Where an entry's id, name and aliases are written, so that a clash of names can be
/// reported at the very name that clashes.
struct NamePositions {
    SourcePos id;
    SourcePos name;
    std::vector<SourcePos> aliases;
};

/// A reference to a guide step by number.
struct StepRef {
    int number = 0;
    SourcePos pos;
};

/// A time of day a supplement or reminder belongs to (`--when`).
enum class TimeOfDay { morning, evening, bedtime };

/// The content spelling of a time of day ("morning", ...).
std::string_view to_string(TimeOfDay when);
/// Parses a time of day in any case ("bedtime", "Bedtime"), as a person types it on the
/// command line. Content is stricter: its parser checks the spelling against
/// time_of_day_names() first.
std::optional<TimeOfDay> parse_time_of_day(std::string_view text);
/// All times of day, in the order of a day, for messages and completions.
const std::vector<std::string>& time_of_day_names();

/// An entry of the guide's reference list.
struct Reference {
    std::string id;
    std::string authors;
    int year = 0;
    std::string title;
    std::string source; ///< journal, volume(issue), pages
    std::string file;
    SourcePos pos;

    /// "Allen, R. P., & Earley, C. J. (2007). The role of ... Movement Disorders, ..."
    std::string citation() const;
};

/// A short text the program shows in fixed places (the safety note under supplement pages).
struct Note {
    std::string id;
    std::string text;
    std::string file;
    SourcePos pos;
};

/// The ids of the notes the program relies on; `check` reports any that are missing.
inline constexpr std::string_view k_note_safety = "safety";
inline constexpr std::string_view k_note_not_advice = "not-advice";
/// Shown before any breathing pattern that holds the breath.
inline constexpr std::string_view k_note_breath_hold = "breath-hold";

/// One row of the guide's supplement stack (step 8).
struct StackRow {
    std::string id;
    std::string label;
    std::vector<Ref> supplements;
    std::string dose;
    std::string timing;
    std::vector<TimeOfDay> when;
    std::string benefit;
    std::string condition; ///< empty unless the row applies only under a condition
    std::string file;
    SourcePos pos;
};

/// One of the root causes the introduction names.
struct Cause {
    std::string title;
    std::string text;
    std::vector<Ref> references;
};

/// The guide's introduction: what RLS is, how common it is, what causes it.
struct Intro {
    std::string summary;
    std::string what_it_is;
    std::vector<std::string> sensations;
    std::string movement;
    std::string prevalence;
    std::string causes_intro;
    std::vector<Cause> causes;
};

/// The guide's closing thoughts.
struct Closing {
    std::string text;
    std::vector<std::string> pillars;
};

/// guide.toml: the guide's title, introduction and closing.
struct GuideDoc {
    std::string title;
    Intro intro;
    Closing closing;
    std::string file;
};

/// A titled piece of advice inside a guide step.
struct Section {
    std::string title;
    std::string text;
    std::vector<std::string> items;
    bool ordered = false;
    std::vector<std::string> avoid;
    std::vector<Ref> supplements;
    std::vector<Ref> references;
    /// "stack" embeds the supplement stack table, "medicines" the list of medicines and
    /// substances that can make RLS worse
    std::string show;
    SourcePos pos;
};

/// One of the guide's numbered steps.
struct Step {
    int number = 0;
    std::string id;
    std::string title;
    std::vector<std::string> aliases;
    std::string summary;
    std::vector<Ref> references;
    std::vector<Section> sections;
    std::string file;
    SourcePos pos;
    SourcePos id_pos;
    SourcePos number_pos;
};

/// What sort of thing a supplement entry is.
enum class SupplementKind { mineral, vitamin, amino_acid, herb, mushroom, essential_oil };

std::string_view to_string(SupplementKind kind);
std::optional<SupplementKind> parse_supplement_kind(std::string_view text);
const std::vector<std::string>& supplement_kind_names();

/// A form a supplement comes in, and why one would choose it.
struct Form {
    std::string name;
    std::string note;
};

/// Something to take with, or keep away from, a supplement: another entry (id) or a thing
/// the guide only names (name, e.g. "coffee"). Exactly one of the two is set.
struct Pairing {
    std::string id;
    std::string name;
    std::string why;
    SourcePos pos;
};

/// A nutrient or herb the guide names, with everything the guide says about it.
struct Supplement {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    SupplementKind kind = SupplementKind::herb;
    std::string benefit;
    std::string why;
    std::string condition; ///< when it applies at all; shown before anything else
    std::vector<std::string> tests;
    std::string target;
    std::vector<Form> forms;
    /// Other forms it is sold in, which the guide does not discuss ("oxide", "ferrous
    /// sulfate"): the names on bottles, so that a look-up by one finds the entry.
    std::vector<std::string> other_forms;
    std::vector<std::string> dose;
    std::string timing;
    std::vector<TimeOfDay> when;
    std::vector<std::string> how_to_use;
    std::vector<std::string> food_sources;
    std::vector<Pairing> pairs_with;
    std::vector<Pairing> avoid_with;
    std::vector<std::string> cautions;
    std::vector<Ref> references;
    std::vector<StepRef> steps;
    std::string file;
    SourcePos pos;
    NamePositions where;
};

} // namespace calmlegs
