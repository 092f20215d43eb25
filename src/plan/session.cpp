#include "plan/session.h"

#include "content/names.h"

namespace calmlegs {

double Rhythm::seconds() const {
    double one = 0;
    for (const auto& phase : phases)
        one += phase.seconds;
    const double side = one * repeats;
    return sides ? 2 * side + switch_seconds : side;
}

std::string Rhythm::describe() const {
    if (breathing) {
        BreathingPattern pattern; // its rhythm_text() is the one spelling of a breath's phases
        pattern.phases = phases;
        return std::to_string(repeats) + (repeats == 1 ? " cycle: " : " cycles: ") +
               pattern.rhythm_text();
    }
    std::vector<std::string> parts;
    for (const auto& phase : phases)
        parts.push_back(seconds_text(phase.seconds) + " s");
    std::string out = join(parts, " + ");
    if (repeats != 1) out = std::to_string(repeats) + " × (" + out + ")";
    if (sides) out += ", each side";
    return out;
}

double SessionStep::length_seconds() const {
    return rhythm ? rhythm->seconds() : seconds;
}

} // namespace calmlegs
