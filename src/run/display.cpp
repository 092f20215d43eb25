#include "run/display.h"

#include <array>

namespace calmlegs {

std::string_view to_string(RunEvent event) {
    static constexpr std::array<std::string_view, 5> names = {"pause", "resume", "skip", "wait",
                                                              "help"};
    return names[static_cast<std::size_t>(event)];
}

void Displays::begin(const Plan& plan, bool interactive) {
    for (Display* d : m_displays)
        d->begin(plan, interactive);
}
void Displays::cue(const Cue& cue, Nanos elapsed) {
    for (Display* d : m_displays)
        d->cue(cue, elapsed);
}
void Displays::event(RunEvent event, Nanos elapsed) {
    for (Display* d : m_displays)
        d->event(event, elapsed);
}
std::optional<Nanos> Displays::next_frame(Nanos elapsed) {
    std::optional<Nanos> soonest;
    for (Display* d : m_displays)
        if (auto frame = d->next_frame(elapsed); frame && (!soonest || *frame < *soonest))
            soonest = frame;
    return soonest;
}
void Displays::frame(Nanos elapsed) {
    for (Display* d : m_displays)
        d->frame(elapsed);
}
void Displays::resize() {
    for (Display* d : m_displays)
        d->resize();
}
void Displays::suspend() {
    for (Display* d : m_displays)
        d->suspend();
}
void Displays::resume() {
    for (Display* d : m_displays)
        d->resume();
}
void Displays::end(const RunResult& result) {
    for (Display* d : m_displays)
        d->end(result);
}

} // namespace calmlegs
