#include "plan/session.h"

namespace calmlegs {

double Rhythm::seconds() const {
    double one = 0;
    for (const auto& phase : phases)
        one += phase.seconds;
    const double side = one * repeats;
    return sides ? 2 * side + switch_seconds : side;
}

double SessionStep::length_seconds() const {
    return rhythm ? rhythm->seconds() : seconds;
}

} // namespace calmlegs
