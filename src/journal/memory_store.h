#pragma once
// A journal kept in memory: what the statistics and the command line are tested with, and the
// reference the SQLite store is held to (tests/journal/store_contract.h runs one suite on both).

#include "journal/store.h"

#include <memory>
#include <string>

namespace calmlegs {

class MemoryStore final : public JournalStore {
public:
    MemoryStore();

    /// Another handle on the same journal, as a second connection to one file would be: what
    /// one writes, the other reads. The failure hooks below are shared too.
    std::unique_ptr<MemoryStore> connect() const;

    /// The next write (change_night, add_run, import, add_trial or stop_trial) fails with `why` and
    /// changes nothing, as a full disk or a locked database would; the writes after it work again.
    void fail_next_with(std::string why);
    /// The next read (night, night_before, summaries, runs, span, load_all or trials) fails with
    /// `why`.
    void fail_next_read_with(std::string why);

    bool change_night(Date date, const std::function<Night(const std::optional<Night>&)>& change,
                      bool& replaced, std::string& why) override;
    bool night(Date date, std::optional<Night>& night, std::string& why) override;
    bool night_before(Date date, std::optional<Night>& night, std::string& why) override;
    bool add_run(const RoutineRun& run, std::string& why) override;
    bool summaries(Date from, Date to, std::vector<NightSummary>& out, std::string& why,
                   const SummaryParts& parts = {}) override;
    bool runs(Date from, Date to, std::vector<RoutineRun>& out, std::string& why) override;
    bool span(std::optional<Date>& first, Date& last, std::string& why) override;
    bool load_all(JournalData& out, std::string& why) override;
    bool import(const JournalData& data, ImportCounts& counts, std::string& why) override;
    bool add_trial(Trial& trial, Date tonight, std::string& why) override;
    bool trials(std::vector<Trial>& out, std::string& why) override;
    bool stop_trial(std::int64_t id, Date night, std::string& why) override;

private:
    struct Shared;
    explicit MemoryStore(std::shared_ptr<Shared> shared);
    bool write_fails(std::string& why);
    bool read_fails(std::string& why);

    std::shared_ptr<Shared> m_shared;
};

} // namespace calmlegs
