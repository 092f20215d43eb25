// The SQLite journal file itself: its modes, what is refused and left untouched, migrations,
// and writers that run at once or are killed in the middle. The store's behaviour as such is
// the contract's (store_contract_test.cpp).

#include "journal/journal_samples.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

bool exists(const std::string& path) {
    return std::filesystem::exists(path);
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

/// A file's bytes and modification time, to show that it was left as it was.
struct FileState {
    std::string bytes;
    long long mtime_ns = 0;
    friend bool operator==(const FileState&, const FileState&) = default;
};

FileState state_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return {read_file(path), info.st_mtim.tv_sec * 1000000000LL + info.st_mtim.tv_nsec};
}

/// Runs `sql` on `path` with SQLite itself, as another program would; `keep_wal` leaves what
/// it wrote in the write-ahead log instead of the file.
void raw_exec(const std::string& path, const std::string& sql, bool keep_wal = false) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                            nullptr) == SQLITE_OK);
    if (keep_wal) sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    char* error = nullptr;
    const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE_MESSAGE(code == SQLITE_OK, message);
}

/// The one value `sql` gives on `path` (-1 when it gives none).
long long raw_value(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* statement = nullptr;
    long long value = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return value;
}

/// The 4-byte big-endian number at `offset` of the file's header.
long header_number(const std::string& path, std::size_t offset) {
    const std::string bytes = read_file(path);
    REQUIRE(bytes.size() >= offset + 4);
    long value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<unsigned char>(bytes[offset + i]);
    return value;
}

OpenedJournal::Status status_of(const OpenedJournal& opened) {
    return opened.status;
}

/// Opens `path`, which must be refused, and returns why.
std::string refusal(const std::string& path, OpenMode mode = OpenMode::create) {
    const OpenedJournal opened = open_sqlite_journal(path, mode);
    CHECK(status_of(opened) == OpenedJournal::Status::refused);
    CHECK_FALSE(opened.store);
    return opened.why;
}

/// Why opening `path` is refused to a person other than its owner: in a child process that has
/// become nobody when the test runs as root (who may read anything), else in this one.
std::string refusal_as_nobody(const std::string& path) {
    if (::geteuid() != 0) return refusal(path);
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
        const OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
        const std::string why =
            opened.status == OpenedJournal::Status::refused ? opened.why : "not refused";
        const bool wrote =
            ::write(pipe_fds[1], why.data(), why.size()) == static_cast<ssize_t>(why.size());
        ::_exit(wrote ? 0 : 4);
    }
    ::close(pipe_fds[1]);
    std::string why;
    char buffer[256];
    for (ssize_t got; (got = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;)
        why.append(buffer, static_cast<std::size_t>(got));
    ::close(pipe_fds[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    return why;
}

/// A journal with one night in it, closed.
std::string made_journal(const TempDir& dir) {
    const std::string path = dir.path() + "/journal.db";
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    put(*opened.store, night_of(date(2026, 3, 1), 4));
    return path;
}

/// No write-ahead log, shared-memory index or rollback journal was made beside `path`.
void nothing_beside(const std::string& path) {
    CHECK_FALSE(exists(path + "-wal"));
    CHECK_FALSE(exists(path + "-shm"));
    CHECK_FALSE(exists(path + "-journal"));
}

} // namespace

TEST_CASE("sqlite store: a new journal is 0600, in directories made 0700, and only those") {
    TempDir dir;
    const std::string state = dir.path() + "/state";
    REQUIRE(::mkdir(state.c_str(), 0755) == 0);
    REQUIRE(::chmod(state.c_str(), 0755) == 0);
    const std::string path = state + "/calmlegs/journals/journal.db";
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    CHECK(mode_of(state) == 0755); // there already: left as it was
    CHECK(mode_of(state + "/calmlegs") == 0700);
    CHECK(mode_of(state + "/calmlegs/journals") == 0700);
    CHECK(mode_of(path) == 0600);
    // The write-ahead log and its index follow the journal's mode.
    put(*opened.store, night_of(date(2026, 3, 1), 4));
    REQUIRE(exists(path + "-wal"));
    CHECK(mode_of(path + "-wal") == 0600);
    CHECK(mode_of(path + "-shm") == 0600);
    CHECK(sqlite_integrity(path) == "ok");
}

TEST_CASE("sqlite store: opening an existing journal where there is none creates nothing") {
    TempDir dir;
    const std::string path = dir.path() + "/state/calmlegs/journal.db";
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    CHECK(opened.status == OpenedJournal::Status::missing);
    CHECK_FALSE(opened.store);
    CHECK_FALSE(exists(dir.path() + "/state"));
    opened = open_sqlite_journal(dir.path() + "/journal.db", OpenMode::existing);
    CHECK(opened.status == OpenedJournal::Status::missing);
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("sqlite store: an empty file, a creation cut short, is a new journal") {
    TempDir dir;
    const std::string path = dir.write("journal.db", "");
    // Reading commands find nothing in it, and leave it as it is.
    CHECK(open_sqlite_journal(path, OpenMode::existing).status == OpenedJournal::Status::missing);
    CHECK(read_file(path).empty());
    nothing_beside(path);
    // Writing commands make it a journal.
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    put(*opened.store, night_of(date(2026, 3, 1), 4));
    CHECK(everything(*opened.store).nights.size() == 1);
}

TEST_CASE("sqlite store: a file that is not an SQLite database is refused and left as it was") {
    TempDir dir;
    for (const std::string& text :
         {std::string("night,severity\n2026-03-01,4\n"), std::string("SQLite"),
          std::string("SQLite format 2\0", 16) + std::string(4080, '\1')}) {
        const std::string path = dir.write("journal.db", text);
        const FileState before = state_of(path);
        for (const OpenMode mode : {OpenMode::create, OpenMode::existing}) {
            const std::string why = refusal(path, mode);
            CHECK(why == path +
                             " is not a calmlegs journal: it is not an SQLite database. Move "
                             "it away (mv " +
                             path + " " + path +
                             ".old) and calmlegs will start a new journal there, or name another "
                             "file with --journal FILE.");
        }
        CHECK(state_of(path) == before);
        nothing_beside(path);
    }
}

TEST_CASE("sqlite store: another program's database is refused and left as it was") {
    TempDir dir;
    const std::string with_tables = dir.path() + "/notes.db";
    raw_exec(with_tables, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello')");
    const std::string with_id = dir.path() + "/other.db";
    raw_exec(with_id, "PRAGMA application_id = 1234; PRAGMA user_version = 1");
    const std::string wal_mode = dir.path() + "/wal.db";
    raw_exec(wal_mode, "PRAGMA journal_mode = WAL; CREATE TABLE runs (uid TEXT)");
    for (const std::string& path : {with_tables, with_id, wal_mode}) {
        CAPTURE(path);
        const FileState before = state_of(path);
        const std::string why = refusal(path);
        CHECK(contains(why, path + " is not a calmlegs journal: it is another program's SQLite "
                                   "database. Move it away (mv "));
        CHECK(state_of(path) == before);
        CHECK_FALSE(exists(path + "-journal"));
    }
    CHECK(raw_value(with_tables, "SELECT count(*) FROM notes") == 1);
}

TEST_CASE("sqlite store: an SQLite database with nothing in it becomes a journal") {
    TempDir dir;
    const std::string path = dir.path() + "/journal.db";
    raw_exec(path, "CREATE TABLE t (x INTEGER); DROP TABLE t");
    REQUIRE(read_file(path).size() > 0);
    // Reading commands find nothing in it, and leave it as it is.
    const FileState before = state_of(path);
    CHECK(open_sqlite_journal(path, OpenMode::existing).status == OpenedJournal::Status::missing);
    CHECK(state_of(path) == before);
    // Writing commands make it a journal.
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    put(*opened.store, night_of(date(2026, 3, 1), 4));
    opened.store.reset();
    CHECK(raw_value(path, "PRAGMA user_version") == k_journal_schema_version);
    CHECK(raw_value(path, "PRAGMA application_id") == k_journal_application_id);
}

TEST_CASE("sqlite store: a new journal has the newest schema, its id, and write-ahead logging") {
    TempDir dir;
    const std::string path = made_journal(dir);
    CHECK(raw_value(path, "PRAGMA user_version") == 2);
    CHECK(raw_value(path, "PRAGMA application_id") == 0x434C4D4C);
    CHECK(header_number(path, 68) == 0x434C4D4C); // "CLML", for file(1) too
    CHECK(read_file(path).substr(68, 4) == "CLML");
    CHECK(read_file(path)[18] == 2); // WAL
    CHECK(raw_value(path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN "
                          "('nights', 'runs', 'night_runs', 'trials')") == 4);
    CHECK(raw_value(path, "SELECT count(*) FROM nights") == 1);
    // Opening it again changes nothing.
    const FileState before = state_of(path);
    OpenedJournal again = open_sqlite_journal(path, OpenMode::existing);
    REQUIRE_MESSAGE(again.status == OpenedJournal::Status::opened, again.why);
    again.store.reset();
    CHECK(state_of(path) == before);
}

TEST_CASE("sqlite store: a journal from a newer calmlegs is refused, and not one byte changes") {
    TempDir dir;
    const std::string path = made_journal(dir);
    raw_exec(path, "PRAGMA user_version = 7");
    REQUIRE(header_number(path, 60) == 7);
    nothing_beside(path);
    const FileState before = state_of(path);
    for (const OpenMode mode : {OpenMode::create, OpenMode::existing})
        CHECK(refusal(path, mode) ==
              path + " was made by a newer calmlegs (schema 7; this one reads up to 2): update "
                     "calmlegs to use it.");
    CHECK(state_of(path) == before);
    nothing_beside(path);
}

TEST_CASE("sqlite store: a newer schema still in the write-ahead log is refused, the log kept") {
    TempDir dir;
    const std::string path = made_journal(dir);
    raw_exec(path, "PRAGMA user_version = 3", true);
    REQUIRE(header_number(path, 60) == 2); // the file itself still says 2
    REQUIRE(exists(path + "-wal"));
    const FileState file = state_of(path);
    const FileState log = state_of(path + "-wal");
    CHECK(contains(refusal(path), "was made by a newer calmlegs (schema 3; this one reads up to "
                                  "2): update calmlegs"));
    CHECK(state_of(path) == file);
    CHECK(state_of(path + "-wal").bytes == log.bytes);
    CHECK(raw_value(path, "PRAGMA user_version") == 3);
}

TEST_CASE("sqlite store: a journal of schema 1 gains the trials table and keeps its nights") {
    TempDir dir;
    const std::string path = made_journal(dir);
    // What schema 1 was: the same tables without trials.
    raw_exec(path, "DROP TABLE trials; PRAGMA user_version = 1");
    REQUIRE(raw_value(path, "PRAGMA user_version") == 1);
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    CHECK(raw_value(path, "PRAGMA user_version") == 2);
    std::optional<Night> night;
    std::string why;
    REQUIRE(opened.store->night(date(2026, 3, 1), night, why));
    REQUIRE(night);
    CHECK(night->severity == 4);
    Trial trial;
    trial.design.subject = "magnesium";
    trial.design.start = date(2026, 3, 2);
    REQUIRE_MESSAGE(opened.store->add_trial(trial, date(2026, 3, 1), why), why);
    CHECK(trial.id == 1);
    std::vector<Trial> trials;
    REQUIRE(opened.store->trials(trials, why));
    REQUIRE(trials.size() == 1);
    CHECK(trials[0] == trial);
}

TEST_CASE("sqlite store: a damaged database is refused and left as it was") {
    TempDir dir;
    // A header that no SQLite database has, and a real journal whose first page is garbage.
    const std::string garbage =
        dir.write("garbage.db", std::string("SQLite format 3\0", 16) + std::string(4080, '\x5a'));
    const std::string journal = made_journal(dir);
    std::string bytes = read_file(journal);
    REQUIRE(bytes.size() > 4096);
    for (std::size_t i = 100; i < 4096; ++i)
        bytes[i] = static_cast<char>(i * 7);
    const std::string broken = dir.write("broken.db", bytes);
    for (const std::string& path : {garbage, broken}) {
        CAPTURE(path);
        const FileState before = state_of(path);
        const std::string why = refusal(path);
        CHECK(why.starts_with(path + " is damaged: "));
        CHECK(contains(why, ". Move it away (mv "));
        CHECK(state_of(path) == before);
    }
}

TEST_CASE("sqlite store: a journal that cannot be read is refused with the system's reason") {
    TempDir dir;
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    const std::string path = made_journal(dir);
    const std::string folder = dir.path() + "/folder.db";
    REQUIRE(::mkdir(folder.c_str(), 0700) == 0);
    CHECK(contains(refusal(folder), "it is not a regular file"));
    REQUIRE(::chmod(path.c_str(), 0) == 0);
    const std::string shut = dir.path() + "/shut";
    REQUIRE(::mkdir(shut.c_str(), 0) == 0);
    // As a person who may not read them (root may read anything: the test then drops to
    // nobody in a child process).
    CHECK(refusal_as_nobody(path) == "cannot read the journal " + path + ": Permission denied");
    CHECK(refusal_as_nobody(shut + "/journal.db") ==
          "cannot open the journal " + shut + "/journal.db: Permission denied");
    REQUIRE(::chmod(shut.c_str(), 0700) == 0);
}

TEST_CASE("sqlite store: a path through a file is refused with the system's reason") {
    TempDir dir;
    const std::string file = dir.write("state", "not a directory");
    CHECK(refusal(file + "/calmlegs/journal.db") ==
          "cannot open the journal " + file + "/calmlegs/journal.db: Not a directory");
    CHECK(refusal(file + "/calmlegs/journal.db", OpenMode::existing) ==
          "cannot open the journal " + file + "/calmlegs/journal.db: Not a directory");
}

TEST_CASE("sqlite store: a value the journal cannot read fails the read, with what it is") {
    TempDir dir;
    const std::string path = made_journal(dir);
    raw_exec(path, "INSERT INTO nights (date, logged, updated) VALUES ('2026-02-30', 0, 0)");
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    std::vector<NightSummary> out;
    std::string why;
    CHECK_FALSE(opened.store->summaries(date(2026, 1, 1), date(2026, 12, 31), out, why));
    CHECK(why == "the journal holds a bad date: \"2026-02-30\" is not a day of the calendar");
    raw_exec(path, "DELETE FROM nights WHERE date = '2026-02-30'; "
                   "UPDATE nights SET into_bed = '24:30'");
    std::optional<Night> night;
    CHECK_FALSE(opened.store->night(date(2026, 3, 1), night, why));
    CHECK(why.starts_with("the journal holds a bad time: "));
    JournalData data;
    CHECK_FALSE(opened.store->load_all(data, why));
    CHECK(why.starts_with("the journal holds a bad time: "));
}

TEST_CASE("sqlite store: a migration that fails leaves no half schema and refuses the file") {
    TempDir dir;
    const std::string path = dir.path() + "/journal.db";
    // Calmlegs' id at schema 0, with a table in the way of the first step's third table.
    raw_exec(path, "PRAGMA application_id = " + std::to_string(k_journal_application_id) +
                       "; CREATE TABLE runs (x INTEGER)");
    const std::string why = refusal(path);
    CAPTURE(why);
    CHECK(contains(why, "cannot bring the journal " + path +
                            " up to date: schema 1 could not "
                            "be made: table runs already exists; it is as it was."));
    CHECK(raw_value(path, "PRAGMA user_version") == 0);
    CHECK(raw_value(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'nights'") == 0);
    CHECK(raw_value(path, "SELECT count(*) FROM sqlite_schema") == 1);
}

TEST_CASE("sqlite store: two writers that start at once, each with 200 nights, lose none") {
    TempDir dir;
    const std::string path = dir.path() + "/state/journal.db"; // neither finds it there
    auto writer = [&path](int first_day, std::string& failure) {
        OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
        if (opened.status != OpenedJournal::Status::opened) {
            failure = opened.why;
            return;
        }
        for (int day = first_day; day < first_day + 200 && failure.empty(); ++day) {
            const Night night = night_of(add_days(date(2020, 1, 1), day), day % 11);
            bool replaced = false;
            if (!opened.store->change_night(
                    night.date, [&](const std::optional<Night>&) { return night; }, replaced,
                    failure))
                failure = "night " + std::to_string(day) + ": " + failure;
        }
    };
    std::string first_failure;
    std::string second_failure;
    std::thread first(writer, 0, std::ref(first_failure));
    std::thread second(writer, 200, std::ref(second_failure));
    first.join();
    second.join();
    CHECK(first_failure.empty());
    CHECK(second_failure.empty());
    SqliteJournal check;
    check.path = path;
    const auto store = check.open(OpenMode::existing);
    const JournalData data = everything(*store);
    REQUIRE(data.nights.size() == 400);
    CHECK(data.nights.front().date == date(2020, 1, 1));
    CHECK(data.nights.back().date == add_days(date(2020, 1, 1), 399));
    CHECK(sqlite_integrity(path) == "ok");
}

TEST_CASE("sqlite store: a writer killed with SIGKILL mid-write leaves a whole journal") {
    TempDir dir;
    const std::string path = made_journal(dir);
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child writes nights as fast as it can, saying on the pipe when each is committed,
        // until it is killed. Nothing of doctest's is used here.
        ::close(pipe_fds[0]);
        OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
        if (opened.status != OpenedJournal::Status::opened) ::_exit(3);
        for (int day = 0; day < 100000; ++day) {
            Night night = night_of(add_days(date(1990, 1, 1), day), day % 11);
            night.note = std::string(3000, 'n'); // a transaction of several pages
            night.supplements = {"iron", "magnesium", "valerian"};
            bool replaced = false;
            std::string why;
            if (!opened.store->change_night(
                    night.date, [&](const std::optional<Night>&) { return night; }, replaced, why))
                ::_exit(4);
            if (::write(pipe_fds[1], "n", 1) != 1) ::_exit(5);
        }
        ::_exit(0);
    }
    ::close(pipe_fds[1]);
    // Wait (at most 30 s in all) until the child has committed 100 nights, then kill it.
    int committed = 0;
    while (committed < 100) {
        pollfd ready{pipe_fds[0], POLLIN, 0};
        if (::poll(&ready, 1, 30000) <= 0) break;
        char buffer[64];
        const ssize_t got = ::read(pipe_fds[0], buffer, sizeof buffer);
        if (got <= 0) break;
        committed += static_cast<int>(got);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    ::close(pipe_fds[0]);
    CHECK(committed >= 100);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);

    // It opens, every night the child said was committed is there, and SQLite finds it whole.
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    CHECK(everything(*opened.store).nights.size() >= static_cast<std::size_t>(committed) + 1);
    CHECK(sqlite_integrity(path) == "ok");
}

TEST_CASE("sqlite store: sqlite_integrity names what stops it") {
    TempDir dir;
    CHECK(sqlite_integrity(dir.path() + "/none.db") == "unable to open database file");
    CHECK(sqlite_integrity(made_journal(dir)) == "ok");
}

TEST_CASE("sqlite store: the runs counted per night follow the runs table, however it changes") {
    TempDir dir;
    const std::string path = made_journal(dir);
    {
        OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
        REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
        add(*opened.store, run_of("a", "tonight", date(2026, 3, 1), 22, 0));
        add(*opened.store, run_of("b", "stretch", date(2026, 3, 1), 21, 0));
        add(*opened.store, run_of("c", "tonight", date(2026, 3, 2), 22, 0, RunOutcome::quit));
    }
    CHECK(raw_value(path, "SELECT count(*) FROM night_runs") == 2);
    // Changed and removed behind the store's back (a later calmlegs, or a person with sqlite3).
    raw_exec(path, "UPDATE runs SET outcome = 'finished', steps_done = 6 WHERE uid = 'c'; "
                   "UPDATE runs SET night = '2026-03-02' WHERE uid = 'b'; "
                   "DELETE FROM runs WHERE uid = 'a'");
    OpenedJournal opened = open_sqlite_journal(path, OpenMode::existing);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    const auto got = summaries(*opened.store, date(2026, 3, 1), date(2026, 3, 2));
    REQUIRE(got.size() == 2);
    CHECK(got[0].log == night_of(date(2026, 3, 1), 4)); // the log stays, with no runs
    CHECK(got[0].runs == 0);
    CHECK(got[0].finished.empty());
    CHECK(got[1].runs == 2);
    CHECK(got[1].finished == std::vector<std::string>{"stretch", "tonight"});
    CHECK(raw_value(path, "SELECT count(*) FROM night_runs") == 1);
}

TEST_CASE("sqlite store: summaries leave out only the parts not asked for") {
    TempDir dir;
    OpenedJournal opened = open_sqlite_journal(dir.path() + "/journal.db", OpenMode::create);
    REQUIRE_MESSAGE(opened.status == OpenedJournal::Status::opened, opened.why);
    Night night = night_of(date(2026, 3, 8), 6);
    night.supplements = {"magnesium"};
    night.triggers = {"caffeine"};
    night.note = "woke at 3";
    night.diary.into_bed = LocalTime{22, 30};
    put(*opened.store, night);
    std::vector<NightSummary> out;
    std::string why;
    REQUIRE(opened.store->summaries(date(2026, 3, 8), date(2026, 3, 8), out, why,
                                    SummaryParts{.lists = false, .diary = false, .note = false}));
    REQUIRE(out.size() == 1);
    REQUIRE(out[0].log);
    CHECK(out[0].log->severity == 6);
    CHECK(out[0].log->supplements.empty());
    CHECK(out[0].log->triggers.empty());
    CHECK(out[0].log->note.empty());
    CHECK_FALSE(out[0].log->diary.into_bed);
    REQUIRE(opened.store->summaries(date(2026, 3, 8), date(2026, 3, 8), out, why,
                                    SummaryParts{.lists = true, .diary = true, .note = false}));
    CHECK(out[0].log->supplements == std::vector<std::string>{"magnesium"});
    CHECK(out[0].log->diary.into_bed == LocalTime{22, 30});
    CHECK(out[0].log->note.empty());
    CHECK(summaries(*opened.store, date(2026, 3, 8), date(2026, 3, 8))[0].log == night);
}

TEST_CASE("sqlite store: processes that open a new journal at once all open it") {
    // Each opening of a journal not yet made switches it to WAL and makes its tables; one that
    // finds another doing so waits for it rather than failing with "database is locked".
    TempDir dir;
    for (int round = 0; round < 20; ++round) {
        const std::string path = dir.path() + "/new-" + std::to_string(round) + ".db";
        std::vector<std::string> failures(4);
        std::vector<std::thread> openers;
        for (int i = 0; i < 4; ++i)
            openers.emplace_back([&, i] {
                OpenedJournal opened = open_sqlite_journal(path, OpenMode::create);
                if (opened.status != OpenedJournal::Status::opened) failures[i] = opened.why;
            });
        for (auto& opener : openers)
            opener.join();
        for (const auto& failure : failures)
            CHECK_MESSAGE(failure.empty(), failure);
    }
}
