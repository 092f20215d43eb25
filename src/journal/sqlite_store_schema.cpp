// The journal's schema, as steps from one version to the next. A step is never changed once
// released: a new version adds a step, and a test migrates a file of the version before it.

#include "journal/sqlite_store.h"
#include "journal/sqlite_store_db.h"

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>

namespace calmlegs::sqlite {
namespace {

/// One step of the schema: the SQL that brings version `to - 1` to version `to`.
struct Migration {
    int to;
    std::string (*sql)();
};

/// The statements that make night_runs' row for the night `night` (an SQL expression) what
/// the runs table says: how many runs were started that night, and the routines finished,
/// sorted, each once and each followed by a tab.
std::string recount(std::string_view night) {
    return fmt::format(
        "DELETE FROM night_runs WHERE night = {0}; "
        "INSERT INTO night_runs (night, runs, finished) "
        "SELECT {0}, count(*), (SELECT coalesce(group_concat(routine || char(9), ''), '') "
        "FROM (SELECT DISTINCT routine FROM runs WHERE night = {0} AND outcome = 'finished' "
        "AND steps_done * 2 >= steps_total " // counts_as_done() in journal/night.h
        "ORDER BY routine)) FROM runs WHERE night = {0} HAVING count(*) > 0;",
        night);
}

/// A CHECK that `column` is a list of ids: empty, or ids each followed by a tab, none empty.
std::string list_check(std::string_view column) {
    return fmt::format("{0} = '' OR (substr({0}, -1) = char(9) AND substr({0}, 1, 1) <> char(9) "
                       "AND instr({0}, char(9) || char(9)) = 0)",
                       column);
}

/// Dates are kept as "YYYY-MM-DD" text (which sorts as the dates do), instants as seconds
/// since 1970 UTC, UTC offsets in seconds, diary clock times as "HH:MM", lists of ids in one
/// column, each followed by a tab ("iron\tmagnesium\t"). A night's supplements and triggers
/// are such lists rather than rows of a table of their own: reading ten years of nights then
/// takes one statement instead of two.
std::string version_1() {
    return std::string(R"sql(
CREATE TABLE nights (
    date TEXT PRIMARY KEY NOT NULL
        CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    severity INTEGER CHECK (severity BETWEEN 0 AND 10),
    sleep INTEGER CHECK (sleep BETWEEN 1 AND 5),
    into_bed TEXT CHECK (into_bed GLOB '[0-2][0-9]:[0-5][0-9]'),
    minutes_to_sleep INTEGER CHECK (minutes_to_sleep >= 0),
    wakings INTEGER CHECK (wakings >= 0),
    minutes_awake INTEGER CHECK (minutes_awake >= 0),
    final_wake TEXT CHECK (final_wake GLOB '[0-2][0-9]:[0-5][0-9]'),
    out_of_bed TEXT CHECK (out_of_bed GLOB '[0-2][0-9]:[0-5][0-9]'),
    supplements TEXT NOT NULL DEFAULT '' CHECK ()sql" +
                       list_check("supplements") + R"sql(),
    triggers TEXT NOT NULL DEFAULT '' CHECK ()sql" +
                       list_check("triggers") + R"sql(),
    note TEXT NOT NULL DEFAULT '',
    logged INTEGER NOT NULL,
    updated INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE runs (
    uid TEXT NOT NULL UNIQUE CHECK (uid <> ''),
    routine TEXT NOT NULL CHECK (routine <> '' AND instr(routine, char(9)) = 0),
    started INTEGER NOT NULL,
    started_offset INTEGER NOT NULL,
    ended INTEGER NOT NULL,
    ended_offset INTEGER NOT NULL,
    night TEXT NOT NULL CHECK (night GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    steps_total INTEGER NOT NULL CHECK (steps_total >= 0),
    steps_done INTEGER NOT NULL CHECK (steps_done >= 0),
    steps_skipped INTEGER NOT NULL CHECK (steps_skipped >= 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('finished', 'quit', 'interrupted')),
    signal INTEGER NOT NULL DEFAULT 0 CHECK (signal >= 0)
) STRICT;

CREATE INDEX runs_by_night ON runs (night, routine, outcome);

-- What the summaries read instead of grouping every run of every night again (ten years of
-- runs take SQLite several milliseconds to group). Kept by the triggers alone.
CREATE TABLE night_runs (
    night TEXT PRIMARY KEY NOT NULL,
    runs INTEGER NOT NULL CHECK (runs > 0),
    finished TEXT NOT NULL CHECK ()sql" +
                       list_check("finished") + R"sql()
) STRICT, WITHOUT ROWID;
)sql") + fmt::format("CREATE TRIGGER runs_added AFTER INSERT ON runs BEGIN {} END;\n"
                     "CREATE TRIGGER runs_removed AFTER DELETE ON runs BEGIN {} END;\n"
                     "CREATE TRIGGER runs_changed AFTER UPDATE OF night, routine, outcome, "
                     "steps_done, steps_total "
                     "ON runs BEGIN {} {} END;\n",
                     recount("new.night"), recount("old.night"), recount("old.night"),
                     recount("new.night"));
}

/// Trials (journal/trial.h): one row each, its design and whether it was stopped. The
/// schedule follows from the design and the seed, so it is not stored.
std::string version_2() {
    return R"sql(
CREATE TABLE trials (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('supplement', 'routine')),
    subject TEXT NOT NULL CHECK (subject <> ''),
    pairs INTEGER NOT NULL CHECK (pairs BETWEEN 2 AND 12),
    block INTEGER NOT NULL CHECK (block BETWEEN 5 AND 28),
    washout INTEGER NOT NULL CHECK (washout >= 0 AND washout + 3 <= block),
    start TEXT NOT NULL CHECK (start GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    seed INTEGER NOT NULL CHECK (seed >= 0),
    created INTEGER NOT NULL,
    stopped TEXT CHECK (stopped GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
) STRICT;
)sql";
}

constexpr std::array k_migrations{Migration{1, version_1}, Migration{2, version_2}};

bool read_version(Connection& db, int& version, std::string& why) {
    Statement query(db, "PRAGMA user_version");
    if (query.next()) version = static_cast<int>(query.integer(0));
    if (!query.ok()) why = query.error();
    return query.ok();
}

} // namespace

bool migrate(Connection& db, int version, std::string& why) {
    if (version == k_journal_schema_version) return true;
    Transaction transaction(db);
    if (!transaction.begin(true, why) || !read_version(db, version, why)) return false;
    if (version == k_journal_schema_version) return transaction.commit(why); // done meanwhile
    if (version > k_journal_schema_version) {
        why = fmt::format("it was made by a newer calmlegs (schema {}; this one reads up to {})",
                          version, k_journal_schema_version);
        return false;
    }
    static_assert(k_migrations.size() == k_journal_schema_version);
    for (const Migration& step : k_migrations) {
        if (step.to <= version) continue;
        if (!db.exec(step.sql(), why)) {
            why = fmt::format("schema {} could not be made: {}", step.to, why);
            return false;
        }
    }
    return db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {}",
                               k_journal_application_id, k_journal_schema_version),
                   why) &&
           transaction.commit(why);
}

} // namespace calmlegs::sqlite
