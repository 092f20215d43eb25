#include "cli/trial_tonight.h"

#include "cli/journal_read.h"
#include "ui/trial_line.h"

namespace calmlegs::cli {

std::string TrialTonight::line() const {
    return trial_night_line(night, nights, trial.design.kind, name,
                            trial.design.kind == TrialSubject::supplement ? dose : command);
}

std::optional<Trial> trial_covering(const std::vector<Trial>& trials, Date night) {
    const Trial* newest = nullptr;
    for (const Trial& trial : trials) {
        if (!trial_night(trial.design, night)) continue;
        if (trial.stopped && *trial.stopped <= night) continue;
        const auto later = [](const Trial& a, const Trial& b) {
            return a.design.start != b.design.start ? a.design.start > b.design.start : a.id > b.id;
        };
        if (newest == nullptr || later(trial, *newest)) newest = &trial;
    }
    if (newest == nullptr) return std::nullopt;
    return *newest;
}

std::string routine_command(std::string_view id) {
    return id == "tonight" ? "calmlegs tonight" : "calmlegs run " + std::string(id);
}

std::string subject_name(ContentStore* store, const TrialDesign& design) {
    if (store != nullptr) {
        if (design.kind == TrialSubject::supplement) {
            if (const Supplement* s = store->supplement(design.subject)) return s->name;
        } else if (const Routine* r = store->routine(design.subject)) {
            return r->name;
        }
    }
    return design.subject;
}

bool trial_tonight(Context& context, Date night, std::optional<TrialTonight>& out,
                   std::string_view hint) {
    out.reset();
    if (context.journal_path().empty()) return true;
    bool missing = false;
    JournalStore* journal = context.journal(OpenMode::existing, missing, hint);
    if (journal == nullptr) return missing;
    std::vector<Trial> trials;
    std::string why;
    if (!journal->trials(trials, why)) {
        context.error("cannot read the journal's trials: " + why,
                      hint.empty() ? "The journal: " + context.journal_path() : hint);
        return false;
    }
    const auto trial = trial_covering(trials, night);
    if (!trial) return true;
    TrialTonight found;
    found.trial = *trial;
    found.night = *trial_night(trial->design, night);
    found.nights = trial_length(trial->design);
    // The content names it; without it (a content directory that lost it, or none found),
    // the id is still the subject.
    ContentStore* store = context.layers().error.empty() ? context.content() : nullptr;
    found.name = subject_name(store, trial->design);
    if (trial->design.kind == TrialSubject::supplement) {
        if (const Supplement* s = store ? store->supplement(trial->design.subject) : nullptr;
            s != nullptr && !s->dose.empty())
            found.dose = s->dose.front();
    } else {
        found.command = routine_command(trial->design.subject);
    }
    out = std::move(found);
    return true;
}

bool trial_of_tonight(Context& context, std::optional<TrialTonight>& out) {
    out.reset();
    const auto night = context.night_of(context.system().now());
    if (!night) return false;
    return trial_tonight(context, *night, out,
                         "To run it without the journal (nor your trial's schedule): add "
                         "--no-journal");
}

} // namespace calmlegs::cli
