#pragma once

#include <chrono>
#include <string>

namespace calmlegs {

/// A real time of a run at `speed` as it is at normal speed, to the nearest nanosecond: what
/// the displays show, so that a --speed preview reads like the real thing. Rounded, not cut:
/// a product a hair under a whole second (200 s at --speed 0.3 is 59.999999999999998 s in
/// floating point) is that second, not a nanosecond less.
std::chrono::nanoseconds nominal(std::chrono::nanoseconds real, double speed);

/// "4:05" or "1:02:07": a time on a countdown or a plan, rounded down to the second.
std::string clock_text(std::chrono::nanoseconds time);
/// The same, rounded up: what is left of a countdown ("0:01" until it reaches zero).
std::string countdown_text(std::chrono::nanoseconds left);
/// "14 min 31 s", "45 s", "1 h 2 min": a length in words.
std::string length_words(std::chrono::nanoseconds length);
/// "4 s", "2.5 s": a phase length, to the tenth of a second (a half up).
std::string seconds_words(std::chrono::nanoseconds length);

} // namespace calmlegs
