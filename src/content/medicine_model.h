#pragma once
// Medicines and substances that can make RLS worse (medicines/*.toml): a kind of its own, so
// that a person who looks up "benadryl" is told what it can do to their legs, not "no entry".

#include "content/model.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The note every medicine page ends with: never stop a prescribed medicine on one's own.
inline constexpr std::string_view k_note_ask_prescriber = "ask-prescriber";

/// A medicine, or a class of medicines, or a substance (alcohol, caffeine) that can make RLS
/// worse, with how it can, what to ask about instead, and where that is said.
struct Medicine {
    std::string id;
    std::string name;
    std::vector<std::string> aliases; ///< brand names people type ("benadryl")
    std::string group;                ///< the class it belongs to ("Sedating antihistamines")
    std::vector<std::string> examples;
    std::string effect;  ///< how it can make RLS worse, ending by pointing to the prescriber
    std::string instead; ///< what to ask about instead; empty when the content says nothing
    std::string source;  ///< "guide" or a reference id
    SourcePos source_pos;
    std::vector<StepRef> steps; ///< the guide's steps that mention it
    std::string file;
    SourcePos pos;
    NamePositions where;
};

} // namespace calmlegs
