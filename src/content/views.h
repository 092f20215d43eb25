#pragma once
// What each look-up page shows, complete before anything is written. A builder reads all that
// its page needs from the store, whose diagnostics collect every problem met on the way; the
// command checks them once, then hands the view to a renderer or JSON writer in ui/, which
// reads nothing and cannot fail. A view points into the store, which must outlive it.

#include "content/lookup.h"
#include "content/model.h"
#include "content/store.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// A pairing as a page shows it: another entry by its display name, or the guide's own word.
struct NamedPairing {
    std::string id;   ///< the other entry's id; empty for free text ("coffee")
    std::string name; ///< the other entry's display name, or the free text
    std::string why;
};

/// The full citation of every reference a page cites, by id. An id the content has no
/// reference for is absent: the text page leaves it out and JSON shows its citation as null.
using Citations = std::map<std::string, std::string, std::less<>>;

/// A `source` as a page names it: the guide itself, or a reference with its origin.
struct SourceInfo {
    std::string id;                        ///< "guide" or a reference id
    std::optional<ReferenceOrigin> origin; ///< guide for "guide"; nullopt for an unknown id
    std::string tag;      ///< "guide", "Winkelman 2024"; the id itself when it is unknown
    std::string citation; ///< the full citation; empty for "guide" and an unknown id
};

/// Every source a page names, by id.
using Sources = std::map<std::string, SourceInfo, std::less<>>;

/// A spacing rule with each thing named: an entry by its display name, anything else as written.
struct NamedKeepApart {
    std::vector<NamedPairing> from; ///< `why` is empty
    double hours = 0;
    std::string source;
};

/// `calmlegs supplement NAME`: the entry, its pairings by name, its citations, the form named.
struct SupplementView {
    const Supplement& supplement;
    std::optional<FormMatch> form; ///< the form the person named ("magnesium oxide"), if any
    std::vector<NamedPairing> pairs_with;
    std::vector<NamedPairing> avoid_with;
    Citations citations;
    std::string safety_note; ///< the "safety" note; empty when the content has none
    std::vector<NamedKeepApart> keep_apart;
    /// Every source of a caution, the evidence, the upper limit and the spacing rules.
    Sources sources;
    /// The references listed under "Sources" at the end, each once: the entry's own
    /// `references`, then those the sources above add, in the order they are first named.
    std::vector<SourceInfo> listed;
    /// The largest amount the guide's dose names in the upper limit's unit; nullopt without an
    /// upper limit or such an amount.
    std::optional<double> dose_max;
};

/// How `id` is named as a source: "guide", a reference of `store`, or unknown.
SourceInfo source_info(ContentStore& store, std::string_view id);

/// Names each pairing from its entry; a pairing that names an entry the content lacks is a
/// problem at the pairing's position (an entry that is there but broken reports itself).
SupplementView build_supplement_view(ContentStore& store, const Supplement& supplement,
                                     std::optional<FormMatch> form = std::nullopt);

/// `calmlegs supplement NAME` for a medicine or substance that can make RLS worse.
struct MedicineView {
    const Medicine& medicine;
    /// The full citation of its source; empty when the source is the guide itself.
    std::string citation;
    bool from_guide = false; ///< its source is the guide's own words
    /// The "ask-prescriber" note, which ends every medicine page; the program's own words when
    /// the content lacks it (check reports that), so the page never goes without it.
    std::string ask_prescriber;
};

/// Reads the source's citation; a source that is neither "guide" nor a reference is a problem
/// at the source's position.
MedicineView build_medicine_view(ContentStore& store, const Medicine& medicine);

/// `calmlegs supplements`: the rows of the guide's stack (step 8) that belong to `when`.
struct StackView {
    std::optional<TimeOfDay> when; ///< the --when filter; nullopt for every row
    std::vector<const StackRow*> rows;
    std::string safety_note;
};

/// The stack's rows in the guide's order, those of `when` only when it is given.
StackView build_stack_view(ContentStore& store, std::optional<TimeOfDay> when = std::nullopt);

/// `calmlegs supplements --all`: every entry that belongs to `when`, in id order.
struct SupplementListView {
    std::string title = "Nutrients and herbs in the guide";
    std::optional<TimeOfDay> when;
    std::vector<const Supplement*> supplements;
    std::string safety_note;
};

/// Every entry that parses, those of `when` only when it is given.
SupplementListView build_supplement_list_view(ContentStore& store,
                                              std::optional<TimeOfDay> when = std::nullopt);

/// `calmlegs guide`: the guide's steps, with the introduction and closing when there is a
/// guide.toml.
struct GuideIndexView {
    const GuideDoc* guide = nullptr; ///< nullptr when the content has no guide.toml
    std::vector<const Step*> steps;
    std::string not_advice; ///< the "not-advice" note; empty when none
};

/// Every step that parses, by number, and the guide.toml when there is one.
GuideIndexView build_guide_index_view(ContentStore& store);

/// `calmlegs guide STEP`: one step, with the stack its sections embed and what it cites.
struct StepView {
    const Step& step;
    int step_count = 0;                     ///< how many steps the guide has ("step 4 of 10")
    std::vector<const StackRow*> stack;     ///< every stack row when a section shows the stack
    std::vector<const Medicine*> medicines; ///< every medicine when a section shows them
    Citations citations;                    ///< of the step and of each of its sections
    std::string not_advice; ///< the "not-advice" note, one line under every step; "" when none
};

/// Reads the stack (or the medicines) only when one of the step's sections shows it.
StepView build_step_view(ContentStore& store, const Step& step);

/// `calmlegs guide intro`: the introduction, with its causes' citations.
struct IntroView {
    const GuideDoc& guide;
    Citations citations;
    std::string not_advice;
};

/// The citations of every root cause, and the "not-advice" note.
IntroView build_intro_view(ContentStore& store, const GuideDoc& guide);

} // namespace calmlegs
