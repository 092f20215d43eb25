#include "journal/memory_store.h"

#include "journal/store_rules.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace calmlegs {
namespace {

/// The journal's contents, as the SQLite store's tables hold them.
struct Contents {
    std::map<Date, Night> nights;
    std::map<std::string, RoutineRun> runs; ///< by uid
    std::vector<Trial> trials;              ///< by id, which is their order of adding
};

/// Runs in the order every store returns them: by start, then by uid.
bool earlier(const RoutineRun& a, const RoutineRun& b) {
    return std::tie(a.started, a.uid) < std::tie(b.started, b.uid);
}

std::vector<RoutineRun> runs_between(const Contents& contents, Date from, Date to) {
    std::vector<RoutineRun> out;
    for (const auto& [uid, run] : contents.runs)
        if (run.night >= from && run.night <= to) out.push_back(run);
    std::sort(out.begin(), out.end(), earlier);
    return out;
}

/// Adds `night` (already checked) to `contents` as import does, counting what it did.
void import_night(Contents& contents, const Night& night, ImportCounts& counts) {
    const auto [it, added] = contents.nights.try_emplace(night.date, night);
    if (added)
        ++counts.nights_added;
    else if (it->second == night)
        ++counts.nights_unchanged;
    else {
        it->second = night;
        ++counts.nights_updated;
    }
}

} // namespace

struct MemoryStore::Shared {
    Contents contents;
    std::optional<std::string> write_failure;
    std::optional<std::string> read_failure;
};

MemoryStore::MemoryStore()
    : m_shared(std::make_shared<Shared>()) {}

MemoryStore::MemoryStore(std::shared_ptr<Shared> shared)
    : m_shared(std::move(shared)) {}

std::unique_ptr<MemoryStore> MemoryStore::connect() const {
    return std::unique_ptr<MemoryStore>(new MemoryStore(m_shared));
}

void MemoryStore::fail_next_with(std::string why) {
    m_shared->write_failure = std::move(why);
}

void MemoryStore::fail_next_read_with(std::string why) {
    m_shared->read_failure = std::move(why);
}

bool MemoryStore::write_fails(std::string& why) {
    if (!m_shared->write_failure) return false;
    why = std::move(*m_shared->write_failure);
    m_shared->write_failure.reset();
    return true;
}

bool MemoryStore::read_fails(std::string& why) {
    if (!m_shared->read_failure) return false;
    why = std::move(*m_shared->read_failure);
    m_shared->read_failure.reset();
    return true;
}

bool MemoryStore::change_night(Date date,
                               const std::function<Night(const std::optional<Night>&)>& change,
                               bool& replaced, std::string& why) {
    if (write_fails(why)) return false;
    auto& nights = m_shared->contents.nights;
    const auto it = nights.find(date);
    const std::optional<Night> stored =
        it == nights.end() ? std::nullopt : std::optional<Night>(it->second);
    const Night changed = stored_form(change(stored));
    if (changed.date != date) {
        why = "the changed night has another date";
        return false;
    }
    if (!night_storable(changed, why)) return false;
    nights.insert_or_assign(date, changed);
    replaced = stored.has_value();
    return true;
}

bool MemoryStore::night(Date date, std::optional<Night>& night, std::string& why) {
    if (read_fails(why)) return false;
    const auto& nights = m_shared->contents.nights;
    const auto it = nights.find(date);
    night = it == nights.end() ? std::nullopt : std::optional<Night>(it->second);
    return true;
}

bool MemoryStore::night_before(Date date, std::optional<Night>& night, std::string& why) {
    if (read_fails(why)) return false;
    const auto& nights = m_shared->contents.nights;
    const auto it = nights.lower_bound(date);
    night = it == nights.begin() ? std::nullopt : std::optional<Night>(std::prev(it)->second);
    return true;
}

bool MemoryStore::add_run(const RoutineRun& run, std::string& why) {
    if (write_fails(why)) return false;
    if (!run_storable(run, why)) return false;
    m_shared->contents.runs.try_emplace(run.uid, run);
    return true;
}

bool MemoryStore::summaries(Date from, Date to, std::vector<NightSummary>& out, std::string& why,
                            const SummaryParts& /*parts: everything is at hand*/) {
    if (read_fails(why)) return false;
    const Contents& contents = m_shared->contents;
    std::map<Date, NightSummary> by_date;
    for (auto it = contents.nights.lower_bound(from); it != contents.nights.end(); ++it) {
        if (it->first > to) break;
        by_date[it->first].log = it->second;
    }
    std::map<Date, std::set<std::string>> finished;
    for (const auto& [uid, run] : contents.runs) {
        if (run.night < from || run.night > to) continue;
        ++by_date[run.night].runs;
        if (counts_as_done(run)) finished[run.night].insert(run.routine);
    }
    out.clear();
    for (auto& [date, summary] : by_date) {
        summary.date = date;
        const auto& ids = finished[date];
        summary.finished.assign(ids.begin(), ids.end());
        out.push_back(std::move(summary));
    }
    return true;
}

bool MemoryStore::runs(Date from, Date to, std::vector<RoutineRun>& out, std::string& why) {
    if (read_fails(why)) return false;
    out = runs_between(m_shared->contents, from, to);
    return true;
}

bool MemoryStore::span(std::optional<Date>& first, Date& last, std::string& why) {
    if (read_fails(why)) return false;
    const Contents& contents = m_shared->contents;
    first.reset();
    auto widen = [&](Date date) {
        last = first ? std::max(last, date) : date;
        first = first ? std::min(*first, date) : date;
    };
    if (!contents.nights.empty()) {
        widen(contents.nights.begin()->first);
        widen(contents.nights.rbegin()->first);
    }
    for (const auto& [uid, run] : contents.runs)
        widen(run.night);
    return true;
}

bool MemoryStore::load_all(JournalData& out, std::string& why) {
    if (read_fails(why)) return false;
    const Contents& contents = m_shared->contents;
    out.nights.clear();
    for (const auto& [date, night] : contents.nights)
        out.nights.push_back(night);
    out.runs.clear();
    for (const auto& [uid, run] : contents.runs)
        out.runs.push_back(run);
    std::sort(out.runs.begin(), out.runs.end(), earlier);
    return true;
}

bool MemoryStore::import(const JournalData& data, ImportCounts& counts, std::string& why) {
    if (write_fails(why)) return false;
    // All or nothing: the import works on a copy that replaces the journal only when every
    // night and run in it could be kept.
    Contents contents = m_shared->contents;
    ImportCounts counted;
    for (const Night& given : data.nights) {
        const Night night = stored_form(given);
        if (!night_storable(night, why)) return false;
        import_night(contents, night, counted);
    }
    for (const RoutineRun& run : data.runs) {
        if (!run_storable(run, why)) return false;
        if (contents.runs.try_emplace(run.uid, run).second)
            ++counted.runs_added;
        else
            ++counted.runs_present;
    }
    m_shared->contents = std::move(contents);
    counts = counted;
    return true;
}

bool MemoryStore::add_trial(Trial& trial, Date tonight, std::string& why) {
    if (write_fails(why)) return false;
    std::vector<Trial>& trials = m_shared->contents.trials;
    if (!trial_storable(trial, why) || !no_pending_trial(trials, tonight, why)) return false;
    trial.id = trials.empty() ? 1 : trials.back().id + 1;
    trials.push_back(trial);
    return true;
}

bool MemoryStore::trials(std::vector<Trial>& out, std::string& why) {
    if (read_fails(why)) return false;
    out = m_shared->contents.trials;
    std::stable_sort(out.begin(), out.end(), [](const Trial& a, const Trial& b) {
        return std::tie(a.design.start, a.id) < std::tie(b.design.start, b.id);
    });
    return true;
}

bool MemoryStore::stop_trial(std::int64_t id, Date night, std::string& why) {
    if (write_fails(why)) return false;
    return stop_in(m_shared->contents.trials, id, night, why);
}

} // namespace calmlegs
