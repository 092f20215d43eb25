#pragma once
// A night's answers as `calmlegs log` gathers them (from options or questions), and how they
// change the night already stored: only what was answered changes.

#include "journal/night.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// What the person answered; every part optional.
struct NightAnswers {
    std::optional<int> severity;
    std::optional<int> sleep;
    SleepDiary diary; ///< the times answered (each optional)
    /// Supplement ids taken; an empty list means "none". nullopt: not answered.
    std::optional<std::vector<std::string>> supplements;
    std::optional<std::vector<std::string>> triggers;
    std::optional<std::string> note;

    /// True when nothing at all was answered.
    bool empty() const;
};

/// Night `date` as it is to be stored: `stored` (nullopt for a new night) with what was
/// answered put in, diary time by diary time. A new night whose supplements were not
/// answered takes `plan` (the supplements of the person's plan). Lists are sorted and each id
/// kept once; `logged` is set for a new night and `updated` always, to `now`.
Night apply_answers(const std::optional<Night>& stored, Date date, const NightAnswers& answers,
                    const std::vector<std::string>& plan, Instant now);

/// `ids` sorted, each once.
std::vector<std::string> sorted_unique(std::vector<std::string> ids);

} // namespace calmlegs
