#include "content/routine_model.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace calmlegs {
namespace {

constexpr std::array<std::string_view, 5> k_phase_kinds = {"inhale", "hold", "exhale", "rest",
                                                           "move"};
constexpr std::array<std::string_view, 5> k_step_kinds = {"prompt", "exercise", "breathing",
                                                          "supplement", "routine"};

} // namespace

std::string seconds_text(double seconds) {
    char buffer[32];
    if (std::abs(seconds - std::round(seconds)) < 1e-9)
        std::snprintf(buffer, sizeof buffer, "%.0f", seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%.1f", seconds);
    return buffer;
}

std::string_view to_string(PhaseKind kind) {
    return k_phase_kinds[static_cast<std::size_t>(kind)];
}

std::optional<PhaseKind> parse_phase_kind(std::string_view text) {
    for (std::size_t i = 0; i < k_phase_kinds.size(); ++i)
        if (k_phase_kinds[i] == text) return static_cast<PhaseKind>(i);
    return std::nullopt;
}

const std::vector<std::string>& phase_kind_names() {
    static const std::vector<std::string> names(k_phase_kinds.begin(), k_phase_kinds.end());
    return names;
}

std::string_view to_string(StepKind kind) {
    return k_step_kinds[static_cast<std::size_t>(kind)];
}

bool is_breath(PhaseKind kind) {
    return kind != PhaseKind::move;
}

bool BreathingPattern::has_hold() const {
    for (const auto& phase : phases)
        if (phase.kind == PhaseKind::hold || phase.kind == PhaseKind::rest) return true;
    return false;
}

double BreathingPattern::cycle_seconds() const {
    double total = 0;
    for (const auto& phase : phases)
        total += phase.seconds;
    return total;
}

std::string BreathingPattern::rhythm_text() const {
    std::string out;
    for (const auto& phase : phases) {
        if (!out.empty()) out += " · ";
        switch (phase.kind) {
        case PhaseKind::inhale:
            out += "in ";
            break;
        case PhaseKind::exhale:
            out += "out ";
            break;
        case PhaseKind::hold:
        case PhaseKind::rest:
            out += "hold ";
            break;
        case PhaseKind::move:
            break;
        }
        out += seconds_text(phase.seconds) + " s";
    }
    return out;
}

} // namespace calmlegs
