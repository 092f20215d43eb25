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

/// Where a reference comes from: the guide's own list, or added by this project (shown with
/// its full citation, so that a reader can tell the guide's word from the safety layer's).
enum class ReferenceOrigin { guide, added };

/// "guide" or "added".
std::string_view to_string(ReferenceOrigin origin);
std::optional<ReferenceOrigin> parse_reference_origin(std::string_view text);
/// Both origins, for messages.
const std::vector<std::string>& reference_origin_names();

/// The word a `source` field uses for the guide itself rather than a reference id.
inline constexpr std::string_view k_source_guide = "guide";

/// An entry of references.toml: one the guide lists, or one this project added.
struct Reference {
    std::string id;
    std::string authors;
    int year = 0;
    std::string title;
    std::string source; ///< journal, volume(issue), pages
    ReferenceOrigin origin = ReferenceOrigin::guide;
    std::string url; ///< optional, added references only in practice
    std::string doi; ///< optional, without the "doi:" prefix
    /// optional: how a page names it in a tag ("AASM", "NIH ODS"), for an organisation whose
    /// name the first author's surname cannot stand for; the year is added
    std::string short_name;
    std::string file;
    SourcePos pos;

    /// "Allen, R. P., & Earley, C. J. (2007). The role of ... Movement Disorders, ...", with
    /// " doi:..." or the url after it when there is one.
    std::string citation() const;
    /// A few words that name the reference in a tag: the first author's surname and the year
    /// ("Winkelman 2024"), or an organisation's initials ("NIH ODS 2024").
    std::string short_tag() const;
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
    /// The section lists what to raise with a doctor: `calmlegs report` shows its text and
    /// items under "Questions to raise with your doctor".
    bool doctor_questions = false;
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

/// Who a caution concerns. A fixed vocabulary, so that `check` catches a misspelling and the
/// plan review can match it against `[me] conditions`.
enum class Audience {
    everyone,
    pregnancy,
    breastfeeding,
    children,
    kidney_disease,
    liver_disease,
    heart_disease,
    lung_disease,
    diabetes,
    thyroid,
    autoimmune,
    allergy,
    anticoagulants,
    sedatives,
    alcohol,
    driving,
    surgery,
    haemochromatosis,
    medicines, ///< takes other medicines that may interact
};

/// The content spelling ("kidney-disease").
std::string_view to_string(Audience who);
/// Exact content spelling only; nullopt otherwise.
std::optional<Audience> parse_audience(std::string_view text);
/// Every audience in the vocabulary's order, for messages and completions.
const std::vector<std::string>& audience_names();
/// In words, lower case, for a page ("kidney disease", "other medicines").
std::string_view audience_words(Audience who);

/// A source by id as written: "guide" or a reference id, kept with its position so that
/// `check` can report an unknown one where it is written.
using SourceRef = Ref;

/// One caution: what to know, whom it concerns, and where it comes from.
struct Caution {
    std::string text;
    std::vector<Audience> who; ///< at least one
    SourceRef source;
    SourcePos pos;
};

/// The unit of an upper limit, and of the dose amounts compared with it.
enum class DoseUnit { mg, mcg, iu };

/// "mg", "mcg" or "IU".
std::string_view to_string(DoseUnit unit);
std::optional<DoseUnit> parse_dose_unit(std::string_view text);
const std::vector<std::string>& dose_unit_names();

/// The largest amount in `unit` that the dose strings name ("200–400 mg" -> 400), so that a
/// page or the plan review can compare the guide's dose with an upper limit; nullopt when no
/// amount is written in that unit. "1,000" reads as 1000; "µg" counts as mcg.
std::optional<double> largest_amount(const std::vector<std::string>& dose, DoseUnit unit);

/// One amount of a dose in a unit, or a range of them: "400 mg" is {400, 400}, "200–400 mg"
/// and "200 to 400 mg" are {200, 400}.
struct DoseRange {
    double low = 0;
    double high = 0;
};

/// Every amount (or range) in `unit` the dose strings name. A number inside a word ("vitamin
/// D3") or followed by another unit does not count; "1,000" reads as 1000.
std::vector<DoseRange> dose_ranges(const std::vector<std::string>& dose, DoseUnit unit);

/// The smallest amount in `unit` the dose strings name: the start of a range ("200–400 mg"
/// -> 200); nullopt when none is written in that unit.
std::optional<double> smallest_amount(const std::vector<std::string>& dose, DoseUnit unit);

/// A tolerable upper intake level for adults.
struct UpperLimit {
    double amount = 0;
    DoseUnit unit = DoseUnit::mg;
    std::string note; ///< e.g. "from supplements and medicines, not food"
    SourceRef source;
    SourcePos pos;
};

/// A spacing rule: take the supplement `hours` apart from each thing in `from`.
struct KeepApart {
    /// Supplement ids or things by name ("tea", "levothyroxine"), as written; names that are
    /// no entry are fine.
    std::vector<Ref> from;
    double hours = 0;
    SourceRef source;
    SourcePos pos;
};

/// A nutrient or herb the guide names, with everything the guide says about it.
/// A supplement's trial_washout when its entry gives none.
inline constexpr int k_default_trial_washout = 2;
/// The most washout nights an entry may give: a block's most nights less the nights it keeps.
inline constexpr int k_max_trial_washout = 25;

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
    std::vector<Caution> cautions; ///< at least one
    bool sedating = false;         ///< a sedating herb or amino acid
    std::string evidence;          ///< one line on the evidence for RLS; empty when none
    SourceRef evidence_source;     ///< set when evidence is
    std::optional<UpperLimit> upper_limit;
    std::vector<KeepApart> keep_apart;
    std::vector<Ref> references;
    std::vector<StepRef> steps;
    /// Nights at the start of each block of a trial (journal/trial.h) left out of its analysis.
    int trial_washout = k_default_trial_washout;
    /// Why no trial of it is offered ("" when one is): `trial start` refuses with it.
    std::string trial_refusal;
    std::string file;
    SourcePos pos;
    NamePositions where;
};

} // namespace calmlegs
