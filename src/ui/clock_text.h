#pragma once

#include <chrono>
#include <string>

namespace calmlegs {

/// "4:05" or "1:02:07": a time on a countdown or a plan, rounded down to the second.
std::string clock_text(std::chrono::nanoseconds time);
/// The same, rounded up: what is left of a countdown ("0:01" until it reaches zero).
std::string countdown_text(std::chrono::nanoseconds left);
/// "14 min 31 s", "45 s", "1 h 2 min": a length in words.
std::string length_words(std::chrono::nanoseconds length);
/// "4 s", "2.5 s": a phase length, to the tenth of a second (a half up).
std::string seconds_words(std::chrono::nanoseconds length);

} // namespace calmlegs
