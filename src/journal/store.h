#pragma once
// The journal's storage, behind an interface: the statistics and the command line are tested
// with MemoryStore (memory_store.h), and SqliteStore (sqlite_store.h) is the only code that
// knows SQL. Every call either does all it says or nothing, and says why it failed in `why`
// ("database is locked", "disk I/O error"); none throws.

#include "journal/night.h"
#include "journal/trial.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// Everything a journal holds: what `export` writes and `import` reads.
struct JournalData {
    std::vector<Night> nights;    ///< by date
    std::vector<RoutineRun> runs; ///< by start
};

/// What an import did.
struct ImportCounts {
    int nights_added = 0;
    int nights_updated = 0;   ///< the journal had the night, with other answers
    int nights_unchanged = 0; ///< the journal had the night just so
    int runs_added = 0;
    int runs_present = 0; ///< runs it had already (same uid)
};

/// What summaries() must fill in of each night's log; a store may leave the rest empty, so
/// that stats and compare read ten years of nights quickly.
struct SummaryParts {
    bool lists = true; ///< the supplements and triggers
    bool diary = true; ///< the sleep diary's times
    bool note = true;
};

class JournalStore {
public:
    virtual ~JournalStore() = default;

    /// Changes night `date` in one transaction: `change` is handed the night as stored
    /// (nullopt when there is none) and returns it as it is to be. `replaced` says whether
    /// there was one. Two processes changing nights at once both keep their changes.
    [[nodiscard]] virtual bool
    change_night(Date date, const std::function<Night(const std::optional<Night>&)>& change,
                 bool& replaced, std::string& why) = 0;

    /// The night of `date`, nullopt in `night` when none was logged.
    [[nodiscard]] virtual bool night(Date date, std::optional<Night>& night, std::string& why) = 0;

    /// The last night logged before `date` (for the defaults of the next log).
    [[nodiscard]] virtual bool night_before(Date date, std::optional<Night>& night,
                                            std::string& why) = 0;

    /// Records a run (a run with a uid already stored is left as it is).
    [[nodiscard]] virtual bool add_run(const RoutineRun& run, std::string& why) = 0;

    /// The nights from `from` to `to` (both included) that have a log or a run, by date; of
    /// each log at least the `parts` asked for.
    [[nodiscard]] virtual bool summaries(Date from, Date to, std::vector<NightSummary>& out,
                                         std::string& why, const SummaryParts& parts = {}) = 0;

    /// The runs of the nights from `from` to `to` (both included), by start.
    [[nodiscard]] virtual bool runs(Date from, Date to, std::vector<RoutineRun>& out,
                                    std::string& why) = 0;

    /// The first and last night with a log or a run; nullopt in `first` when it is empty.
    [[nodiscard]] virtual bool span(std::optional<Date>& first, Date& last, std::string& why) = 0;

    /// Everything, for export.
    [[nodiscard]] virtual bool load_all(JournalData& out, std::string& why) = 0;

    /// Adds what `data` holds in one transaction: nights by date (a stored night with other
    /// answers is replaced by the imported one), runs by uid (never twice).
    [[nodiscard]] virtual bool import(const JournalData& data, ImportCounts& counts,
                                      std::string& why) = 0;

    // Trials (journal/trial.h).
    /// Adds `trial` (its id is given here and set in it) in one transaction, unless a trial
    /// that is not stopped ends on or after `tonight` (one is planned or running): then false
    /// with `why` naming it, and nothing added, so that two `trial start` at once add one.
    [[nodiscard]] virtual bool add_trial(Trial& trial, Date tonight, std::string& why) = 0;
    /// Every trial, by start (then id).
    [[nodiscard]] virtual bool trials(std::vector<Trial>& out, std::string& why) = 0;
    /// Marks trial `id` stopped on the night `night`; false with `why` when there is no such
    /// trial or it was stopped already.
    [[nodiscard]] virtual bool stop_trial(std::int64_t id, Date night, std::string& why) = 0;
};

/// How a journal file is opened: `create` makes it (and its directory) when it is missing;
/// `existing` never creates anything (the commands that only read).
enum class OpenMode { create, existing };

/// A journal opened, missing, or refused (corrupt, another program's, a newer schema, not
/// readable): `why` then says the path, what is wrong and what to do, and the file is untouched.
struct OpenedJournal {
    enum class Status { opened, missing, refused };
    Status status = Status::refused;
    std::unique_ptr<JournalStore> store; ///< when opened
    std::string why;                     ///< when refused
};

} // namespace calmlegs
