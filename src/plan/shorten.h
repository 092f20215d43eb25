#pragma once
// A routine shortened to fit the time left before a finish time (`tonight --finish-by`): every
// step kept, in order, and the timed parts scaled down together. Pure: a session in, a
// session out.
//
// What scales, by one factor for the whole routine (the largest that fits):
// - a step that waits for Enter keeps its nominal length (it lasts until Enter anyway, and
//   the count must not promise time the person will spend);
// - a breathing step keeps whole cycles, at least one;
// - an exercise of several repetitions does fewer of them, at least one, each at its own
//   tempo (a calf raise still takes its 2 s + 3 s);
// - an exercise done once (a hold, ankle circles) holds each phase for less, down to
//   k_shortest_hold_seconds; the pause to switch sides stays;
// - a timed prompt or supplement step lasts less, down to k_shortest_prompt_seconds.
// A part already shorter than its floor stays as it is; a scaled length is whole seconds.

#include "plan/session.h"

namespace calmlegs {

/// The shortest a timed prompt becomes when shortened, in seconds.
inline constexpr double k_shortest_prompt_seconds = 10;
/// The shortest a phase of an exercise done once becomes when shortened, in seconds.
inline constexpr double k_shortest_hold_seconds = 5;

/// How a routine fits the time left.
enum class Fit {
    full,      ///< the whole routine fits
    shortened, ///< a shortened routine fits
    too_long,  ///< even the shortest does not fit: the shortest is offered
};

/// The routine to do in the time left.
struct Shortened {
    Fit fit = Fit::full;
    Session session;    ///< the session itself when it fits, else the shortened one
    double seconds = 0; ///< its nominal length
};

/// The nominal length of a whole session, in seconds (a step that waits at its nominal one).
double session_seconds(const Session& session);

/// `session` with its timed parts scaled by `factor`, from 0 (the shortest: one breath, one
/// repetition, the floors) to 1 (unchanged), as the rules above say. Never longer than
/// `session`, and never shorter for a larger factor.
Session scale_session(const Session& session, double factor);

/// Fits `session` into `seconds`: the session itself when it is no longer; else the longest
/// scaled session that fits, titled "(shortened)"; else the shortest, titled "(shortest)".
Shortened shorten_to_fit(const Session& session, double seconds);

} // namespace calmlegs
