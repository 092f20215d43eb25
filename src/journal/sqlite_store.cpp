// The journal store on SQLite: each call one transaction, prepared statements, and SQLite's
// own message in `why` when something fails.

#include "journal/sqlite_store_db.h"
#include "journal/store_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace calmlegs::sqlite {
namespace {

/// The words the runs table keeps outcomes as (its CHECK constraint lists them). They are part
/// of the file format, so they are fixed here rather than taken from to_string(RunOutcome).
constexpr std::array<std::pair<RunOutcome, std::string_view>, 3> k_outcome_words{{
    {RunOutcome::finished, "finished"},
    {RunOutcome::quit, "quit"},
    {RunOutcome::interrupted, "interrupted"},
}};

std::string_view outcome_word(RunOutcome outcome) {
    for (const auto& [value, word] : k_outcome_words)
        if (value == outcome) return word;
    return {};
}

std::optional<RunOutcome> outcome_of(std::string_view word) {
    for (const auto& [value, word_of] : k_outcome_words)
        if (word_of == word) return value;
    return std::nullopt;
}

/// The first and last dates a journal can hold: a range that takes in every night.
const Date k_first_date{std::chrono::year{0}, std::chrono::January, std::chrono::day{1}};
const Date k_last_date{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}};

std::optional<std::string> time_text(const std::optional<LocalTime>& time) {
    if (!time) return std::nullopt;
    return format_local_time(*time);
}

/// Reads a date column; a value that is not one fails the statement.
std::optional<Date> date_column(Statement& query, int column) {
    std::string why;
    const auto date = parse_date(query.text(column), why);
    if (!date) query.fail(fmt::format("the journal holds a bad date: {}", why));
    return date;
}

std::optional<LocalTime> time_column(Statement& query, int column) {
    if (query.is_null(column)) return std::nullopt;
    std::string why;
    const auto time = parse_local_time(query.text(column), why);
    if (!time) query.fail(fmt::format("the journal holds a bad time: {}", why));
    return time;
}

Instant instant_column(const Statement& query, int column) {
    return Instant{std::chrono::seconds{query.integer(column)}};
}

/// How the journal keeps a list of ids in one column: each followed by a tab
/// ("magnesium\tvalerian\t"), so that no id, which has no control character, can be misread.
std::string list_of(const std::vector<std::string>& ids) {
    std::string list;
    for (const std::string& id : ids) {
        list += id;
        list += '\t';
    }
    return list;
}

/// The ids of a list column, sorted.
std::vector<std::string> ids_of(std::string_view list) {
    std::vector<std::string> ids;
    if (list.empty()) return ids;
    ids.reserve(static_cast<std::size_t>(std::count(list.begin(), list.end(), '\t')));
    for (auto tab = list.find('\t'); tab != std::string_view::npos; tab = list.find('\t')) {
        ids.emplace_back(list.substr(0, tab));
        list.remove_prefix(tab + 1);
    }
    if (ids.size() > 1 && !std::is_sorted(ids.begin(), ids.end()))
        std::sort(ids.begin(), ids.end());
    return ids;
}

bool failed(const Statement& statement, std::string& why) {
    if (statement.ok()) return false;
    why = statement.error();
    return true;
}

/// Reads whole nights by date.
class NightReader {
public:
    /// Reads the `parts` of each night (a part left out is read as empty).
    explicit NightReader(Connection& db, const SummaryParts& parts = {})
        : m_nights(db, fmt::format("SELECT date, severity, sleep, {}, {}, {}, logged, updated "
                                   "FROM nights WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
                                   parts.diary ? "into_bed, minutes_to_sleep, wakings, "
                                                 "minutes_awake, final_wake, out_of_bed"
                                               : "NULL, NULL, NULL, NULL, NULL, NULL",
                                   parts.lists ? "supplements, triggers" : "'', ''",
                                   parts.note ? "note" : "''")) {}

    /// Hands each night from `from` to `to` (both included) to `take`, by date.
    template <typename Take> bool read(Date from, Date to, Take&& take, std::string& why) {
        m_nights.bind(1, format_date(from)).bind(2, format_date(to));
        while (m_nights.next())
            take(night_of(m_nights));
        const bool worked = !failed(m_nights, why);
        m_nights.reset();
        return worked;
    }

    /// The nights from `from` to `to`, both included, by date.
    bool read(Date from, Date to, std::vector<Night>& out, std::string& why) {
        out.clear();
        return read(
            from, to, [&out](Night&& night) { out.push_back(std::move(night)); }, why);
    }

    /// The night of `date`, nullopt when there is none.
    bool read(Date date, std::optional<Night>& out, std::string& why) {
        out.reset();
        return read(
            date, date, [&out](Night&& night) { out = std::move(night); }, why);
    }

private:
    static Night night_of(Statement& row) {
        Night night;
        night.date = date_column(row, 0).value_or(Date{});
        night.severity = row.optional_int(1);
        night.sleep = row.optional_int(2);
        night.diary.into_bed = time_column(row, 3);
        night.diary.minutes_to_sleep = row.optional_int(4);
        night.diary.wakings = row.optional_int(5);
        night.diary.minutes_awake = row.optional_int(6);
        night.diary.final_wake = time_column(row, 7);
        night.diary.out_of_bed = time_column(row, 8);
        night.supplements = ids_of(row.text(9));
        night.triggers = ids_of(row.text(10));
        night.note = row.text(11);
        night.logged = instant_column(row, 12);
        night.updated = instant_column(row, 13);
        return night;
    }

    Statement m_nights;
};

/// Writes whole nights, replacing what was stored for the date.
class NightWriter {
public:
    explicit NightWriter(Connection& db)
        : m_night(db, "INSERT INTO nights (date, severity, sleep, into_bed, minutes_to_sleep, "
                      "wakings, minutes_awake, final_wake, out_of_bed, supplements, triggers, "
                      "note, logged, updated) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                      "ON CONFLICT (date) DO UPDATE SET severity = ?2, sleep = ?3, "
                      "into_bed = ?4, minutes_to_sleep = ?5, wakings = ?6, minutes_awake = ?7, "
                      "final_wake = ?8, out_of_bed = ?9, supplements = ?10, triggers = ?11, "
                      "note = ?12, logged = ?13, updated = ?14") {}

    /// Stores `night`, which night_storable() accepted and stored_form() shaped.
    bool write(const Night& night, std::string& why) {
        const SleepDiary& diary = night.diary;
        m_night.bind(1, format_date(night.date))
            .bind(2, night.severity)
            .bind(3, night.sleep)
            .bind(4, time_text(diary.into_bed))
            .bind(5, diary.minutes_to_sleep)
            .bind(6, diary.wakings)
            .bind(7, diary.minutes_awake)
            .bind(8, time_text(diary.final_wake))
            .bind(9, time_text(diary.out_of_bed))
            .bind(10, list_of(night.supplements))
            .bind(11, list_of(night.triggers))
            .bind(12, night.note)
            .bind(13, std::int64_t{night.logged.time_since_epoch().count()})
            .bind(14, std::int64_t{night.updated.time_since_epoch().count()});
        return m_night.run() || !failed(m_night, why);
    }

private:
    Statement m_night;
};

constexpr std::string_view k_run_columns =
    "uid, routine, started, started_offset, ended, ended_offset, night, steps_total, "
    "steps_done, steps_skipped, outcome, signal";

RoutineRun run_of(Statement& row) {
    RoutineRun run;
    run.uid = row.text(0);
    run.routine = row.text(1);
    run.started = instant_column(row, 2);
    run.started_offset = std::chrono::seconds{row.integer(3)};
    run.ended = instant_column(row, 4);
    run.ended_offset = std::chrono::seconds{row.integer(5)};
    run.night = date_column(row, 6).value_or(Date{});
    run.steps_total = static_cast<int>(row.integer(7));
    run.steps_done = static_cast<int>(row.integer(8));
    run.steps_skipped = static_cast<int>(row.integer(9));
    if (const auto outcome = outcome_of(row.text(10)))
        run.outcome = *outcome;
    else
        row.fail(fmt::format("the journal holds an unknown outcome \"{}\"", row.text(10)));
    run.signal = static_cast<int>(row.integer(11));
    return run;
}

/// Adds runs that are not stored yet.
class RunWriter {
public:
    explicit RunWriter(Connection& db)
        : m_insert(db, fmt::format("INSERT INTO runs ({}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                   "?8, ?9, ?10, ?11, ?12) ON CONFLICT (uid) DO NOTHING",
                                   k_run_columns)) {}

    /// Adds `run` (run_storable() accepted it); `added` says whether it was new.
    bool add(const RoutineRun& run, bool& added, std::string& why) {
        m_insert.bind(1, run.uid)
            .bind(2, run.routine)
            .bind(3, std::int64_t{run.started.time_since_epoch().count()})
            .bind(4, std::int64_t{run.started_offset.count()})
            .bind(5, std::int64_t{run.ended.time_since_epoch().count()})
            .bind(6, std::int64_t{run.ended_offset.count()})
            .bind(7, format_date(run.night))
            .bind(8, std::int64_t{run.steps_total})
            .bind(9, std::int64_t{run.steps_done})
            .bind(10, std::int64_t{run.steps_skipped})
            .bind(11, outcome_word(run.outcome))
            .bind(12, std::int64_t{run.signal});
        if (!m_insert.run()) return !failed(m_insert, why);
        added = m_insert.changes() > 0;
        return true;
    }

private:
    Statement m_insert;
};

class SqliteStore final : public JournalStore {
public:
    explicit SqliteStore(Connection db)
        : m_db(std::move(db)) {}

    bool change_night(Date date, const std::function<Night(const std::optional<Night>&)>& change,
                      bool& replaced, std::string& why) override {
        Transaction transaction(m_db);
        if (!transaction.begin(true, why)) return false;
        std::optional<Night> stored;
        if (!NightReader(m_db).read(date, stored, why)) return false;
        const Night changed = stored_form(change(stored));
        if (changed.date != date) {
            why = "the changed night has another date";
            return false;
        }
        if (!night_storable(changed, why) || !NightWriter(m_db).write(changed, why) ||
            !transaction.commit(why))
            return false;
        replaced = stored.has_value();
        return true;
    }

    bool night(Date date, std::optional<Night>& night, std::string& why) override {
        return NightReader(m_db).read(date, night, why);
    }

    bool night_before(Date date, std::optional<Night>& night, std::string& why) override {
        Transaction transaction(m_db);
        if (!transaction.begin(false, why)) return false;
        Statement query(m_db, "SELECT max(date) FROM nights WHERE date < ?1");
        query.bind(1, format_date(date));
        std::optional<Date> before;
        if (query.next() && !query.is_null(0)) before = date_column(query, 0);
        if (failed(query, why)) return false;
        night.reset();
        return !before || NightReader(m_db).read(*before, night, why);
    }

    bool add_run(const RoutineRun& run, std::string& why) override {
        if (!run_storable(run, why)) return false;
        Transaction transaction(m_db);
        bool added = false;
        return transaction.begin(true, why) && RunWriter(m_db).add(run, added, why) &&
               transaction.commit(why);
    }

    bool summaries(Date from, Date to, std::vector<NightSummary>& out, std::string& why,
                   const SummaryParts& parts = {}) override;

    bool runs(Date from, Date to, std::vector<RoutineRun>& out, std::string& why) override {
        Statement query(m_db, fmt::format("SELECT {} FROM runs WHERE night BETWEEN ?1 AND ?2 "
                                          "ORDER BY started, uid",
                                          k_run_columns));
        query.bind(1, format_date(from)).bind(2, format_date(to));
        out.clear();
        while (query.next())
            out.push_back(run_of(query));
        return !failed(query, why);
    }

    bool span(std::optional<Date>& first, Date& last, std::string& why) override {
        Statement query(m_db, "SELECT min(day), max(day) FROM ("
                              "SELECT min(date) AS day FROM nights "
                              "UNION ALL SELECT max(date) FROM nights "
                              "UNION ALL SELECT min(night) FROM runs "
                              "UNION ALL SELECT max(night) FROM runs)");
        first.reset();
        if (query.next() && !query.is_null(0)) {
            first = date_column(query, 0);
            last = date_column(query, 1).value_or(Date{});
        }
        return !failed(query, why);
    }

    bool load_all(JournalData& out, std::string& why) override {
        Transaction transaction(m_db);
        return transaction.begin(false, why) &&
               NightReader(m_db).read(k_first_date, k_last_date, out.nights, why) &&
               runs(k_first_date, k_last_date, out.runs, why);
    }

    bool import(const JournalData& data, ImportCounts& counts, std::string& why) override;

    bool add_trial(Trial& trial, Date tonight, std::string& why) override {
        if (!trial_storable(trial, why)) return false;
        Transaction transaction(m_db);
        std::vector<Trial> stored;
        if (!transaction.begin(true, why) || !read_trials(stored, why) ||
            !no_pending_trial(stored, tonight, why))
            return false;
        Statement insert(m_db, "INSERT INTO trials (kind, subject, pairs, block, washout, start, "
                               "seed, created, stopped) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "NULL)");
        const TrialDesign& design = trial.design;
        insert.bind(1, to_string(design.kind))
            .bind(2, design.subject)
            .bind(3, std::int64_t{design.pairs})
            .bind(4, std::int64_t{design.block})
            .bind(5, std::int64_t{design.washout})
            .bind(6, format_date(design.start))
            .bind(7, static_cast<std::int64_t>(design.seed))
            .bind(8, std::int64_t{trial.created.time_since_epoch().count()});
        if (!insert.run()) return !failed(insert, why);
        Statement id(m_db, "SELECT last_insert_rowid()");
        const std::int64_t added = id.next() ? id.integer(0) : 0;
        if (failed(id, why) || !transaction.commit(why)) return false;
        trial.id = added;
        return true;
    }

    bool trials(std::vector<Trial>& out, std::string& why) override {
        return read_trials(out, why);
    }

    bool stop_trial(std::int64_t id, Date night, std::string& why) override {
        Transaction transaction(m_db);
        std::vector<Trial> stored;
        if (!transaction.begin(true, why) || !read_trials(stored, why) ||
            !stop_in(stored, id, night, why))
            return false;
        Statement update(m_db, "UPDATE trials SET stopped = ?1 WHERE id = ?2");
        update.bind(1, format_date(night)).bind(2, id);
        if (!update.run()) return !failed(update, why);
        return transaction.commit(why);
    }

private:
    bool read_trials(std::vector<Trial>& out, std::string& why) {
        Statement query(m_db, "SELECT id, kind, subject, pairs, block, washout, start, seed, "
                              "created, stopped FROM trials ORDER BY start, id");
        out.clear();
        while (query.next()) {
            Trial trial;
            trial.id = query.integer(0);
            const auto kind = trial_subject_named(query.text(1));
            if (!kind) query.fail("the journal holds a trial of an unknown kind");
            trial.design.kind = kind.value_or(TrialSubject::supplement);
            trial.design.subject = std::string(query.text(2));
            trial.design.pairs = static_cast<int>(query.integer(3));
            trial.design.block = static_cast<int>(query.integer(4));
            trial.design.washout = static_cast<int>(query.integer(5));
            trial.design.start = date_column(query, 6).value_or(Date{});
            trial.design.seed = static_cast<std::uint64_t>(query.integer(7));
            trial.created = instant_column(query, 8);
            if (!query.is_null(9)) trial.stopped = date_column(query, 9);
            out.push_back(std::move(trial));
        }
        return !failed(query, why);
    }

    Connection m_db;
};

bool SqliteStore::summaries(Date from, Date to, std::vector<NightSummary>& out, std::string& why,
                            const SummaryParts& parts) {
    Transaction transaction(m_db);
    if (!transaction.begin(false, why)) return false;
    // The nights logged and the runs of each night, counted (night_runs, kept by triggers on
    // the runs table), are read side by side in date order.
    Statement counts(m_db, "SELECT night, runs, finished FROM night_runs "
                           "WHERE night BETWEEN ?1 AND ?2 ORDER BY night");
    counts.bind(1, format_date(from)).bind(2, format_date(to));
    out.clear();
    // At most a summary a day: room for them all at once, up to a few years' worth.
    const auto days = (std::chrono::sys_days{to} - std::chrono::sys_days{from}).count() + 1;
    out.reserve(static_cast<std::size_t>(std::clamp<decltype(days)>(days, 0, 4096)));
    std::optional<Date> counted; // the night of the row `counts` is on
    auto next_count = [&] { counted = counts.next() ? date_column(counts, 0) : std::nullopt; };
    auto add_counted = [&] {
        out.push_back(NightSummary{*counted, std::nullopt, ids_of(counts.text(2)),
                                   static_cast<int>(counts.integer(1))});
        next_count();
    };
    next_count();
    const bool read = NightReader(m_db, parts)
                          .read(
                              from, to,
                              [&](Night&& night) {
                                  while (counted && *counted < night.date)
                                      add_counted();
                                  if (counted && *counted == night.date) {
                                      add_counted();
                                      out.back().log = std::move(night);
                                  } else {
                                      const Date date = night.date;
                                      out.push_back(NightSummary{date, std::move(night), {}, 0});
                                  }
                              },
                              why);
    if (!read) return false;
    while (counted)
        add_counted();
    return !failed(counts, why);
}

bool SqliteStore::import(const JournalData& data, ImportCounts& counts, std::string& why) {
    Transaction transaction(m_db);
    if (!transaction.begin(true, why)) return false;
    NightReader reader(m_db);
    NightWriter writer(m_db);
    RunWriter run_writer(m_db);
    ImportCounts counted;
    for (const Night& given : data.nights) {
        const Night night = stored_form(given);
        std::optional<Night> stored;
        if (!night_storable(night, why) || !reader.read(night.date, stored, why)) return false;
        if (stored == night) {
            ++counted.nights_unchanged;
            continue;
        }
        if (!writer.write(night, why)) return false;
        ++(stored ? counted.nights_updated : counted.nights_added);
    }
    for (const RoutineRun& run : data.runs) {
        bool added = false;
        if (!run_storable(run, why) || !run_writer.add(run, added, why)) return false;
        ++(added ? counted.runs_added : counted.runs_present);
    }
    if (!transaction.commit(why)) return false;
    counts = counted;
    return true;
}

} // namespace

std::unique_ptr<JournalStore> make_store(Connection db) {
    return std::make_unique<SqliteStore>(std::move(db));
}

} // namespace calmlegs::sqlite
