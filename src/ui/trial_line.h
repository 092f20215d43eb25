#pragma once
// The line a trial night is announced with, the same in the reminders, `tonight` and `log`:
// "ON night 9 of 42: take magnesium, 200–400 mg" or "OFF night 10 of 42: no magnesium tonight".

#include "journal/trial.h"

#include <string>
#include <string_view>

namespace calmlegs {

/// "ON night 9 of 42" (night numbers from 1). Washout nights are ON or OFF nights like any
/// other: the washout only leaves them out of the analysis.
std::string trial_night_words(const TrialNight& night, int nights);

/// The night's line. A supplement: "ON night 9 of 42: take magnesium, 200–400 mg" (`how` is
/// its dose; without one, "take magnesium"), "OFF night 10 of 42: no magnesium tonight". A
/// routine: "ON night 9 of 42: run the nightly wind-down (calmlegs tonight)" (`how` is the
/// command that runs it, left out when ""), "OFF night 10 of 42: no nightly wind-down tonight".
/// `name` is the subject's name as the content writes it ("Magnesium"); it is written as it
/// reads mid-sentence ("magnesium", "L-theanine" as it is).
std::string trial_night_line(const TrialNight& night, int nights, TrialSubject kind,
                             std::string_view name, std::string_view how);

/// `name` as it reads mid-sentence: "Magnesium" gives "magnesium"; "L-theanine" and "GABA"
/// stay as they are.
std::string name_mid_sentence(std::string_view name);

} // namespace calmlegs
