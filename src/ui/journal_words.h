#pragma once
// The few ways the journal's pages write dates and figures, shared by the statistics, the
// comparison and the history, so that each reads the same everywhere.

#include "remind/civil.h"

#include <string>
#include <string_view>

namespace calmlegs {

/// "3 March 2026": a night's date as the pages write it.
std::string date_words(Date date);

/// "4.3": a figure to one decimal, halves away from 0 (4.25 is 4.3), never "-0.0".
std::string one_decimal(double value);

/// "+1.5", "-0.3", "0.0": a difference to one decimal, with its sign.
std::string signed_decimal(double value);

/// "1 night", "21 nights".
std::string nights_words(int nights);

/// "63%": a fraction (0.625) as a whole percentage, halves up.
std::string percent_words(double fraction);

/// How the pages explain the severity scale, so that "lower" and "higher" read one way.
inline constexpr std::string_view k_severity_scale =
    "RLS severity runs from 0 (none) to 10 (worst): lower is less severe.";

} // namespace calmlegs
