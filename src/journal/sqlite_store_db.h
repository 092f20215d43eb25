#pragma once
// The little of SQLite's C interface the journal store uses, wrapped so that nothing leaks and
// no error is lost. Internal to src/journal/sqlite_store*.cpp, the only files that include
// <sqlite3.h>; everything else sees the JournalStore interface.

#include "journal/store.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace calmlegs::sqlite {

/// One connection to a database file, closed when destroyed.
class Connection {
public:
    Connection() = default;
    explicit Connection(sqlite3* db)
        : m_db(db) {}
    ~Connection();
    Connection(Connection&& other) noexcept;
    Connection& operator=(Connection&&) = delete;
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* get() const { return m_db; }
    /// Runs `sql`, one or more statements without parameters; false with `why` otherwise.
    bool exec(std::string_view sql, std::string& why);
    /// SQLite's message for the last error on this connection.
    std::string error() const;
    /// Leaves the write-ahead log as it is on closing, instead of copying it into the database:
    /// for a file that is refused, so that not one byte of it changes.
    void keep_wal_on_close();

private:
    sqlite3* m_db = nullptr;
};

/// A prepared statement that keeps its first error: bind the parameters, step through the
/// rows with next() (or run() one that returns none), then ask ok() and error(). Nothing
/// after an error does anything, so a sequence of calls needs one check at its end.
class Statement {
public:
    Statement(Connection& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    /// The value, or NULL when there is none.
    Statement& bind(int index, const std::optional<int>& value);
    Statement& bind(int index, const std::optional<std::string>& text);

    /// Steps to the next row: true while there is one, false at the end or on an error.
    bool next();
    /// Runs a statement that returns no rows to its end, then resets it for the next use.
    bool run();
    /// Starts again from the first row with no bindings, keeping the statement prepared.
    void reset();
    /// How many rows the last statement run on the connection inserted, changed or deleted.
    int changes() const;

    bool is_null(int column) const;
    std::int64_t integer(int column) const;
    /// The column as text; valid until the next step.
    std::string_view text(int column) const;
    /// The column, nullopt when it is NULL.
    std::optional<int> optional_int(int column) const;

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    /// SQLite's result code of the error (SQLITE_CORRUPT, ...); 0 when there is none.
    int error_code() const { return m_code; }
    /// Marks the statement failed with a message of the caller's (a value it cannot read).
    void fail(std::string why);

private:
    bool check(int code);

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    std::string m_error;
    int m_code = 0;
};

/// A transaction, rolled back when it is left without commit(). `immediate` takes the write
/// lock at once (waiting out the busy timeout), so that what is read in it cannot change
/// before it writes; otherwise it is a read of one consistent snapshot.
class Transaction {
public:
    explicit Transaction(Connection& db)
        : m_db(db) {}
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool begin(bool immediate, std::string& why);
    bool commit(std::string& why);

private:
    Connection& m_db;
    bool m_open = false;
};

/// The journal store on an open, migrated connection (sqlite_store.cpp).
std::unique_ptr<JournalStore> make_store(Connection db);

/// Brings the schema of `db`, found at `version`, to the newest this build knows, in one
/// transaction that re-reads the version (another process may have done it meanwhile); false
/// with `why`, and the database as it was, when a step fails (sqlite_store_schema.cpp).
bool migrate(Connection& db, int version, std::string& why);

} // namespace calmlegs::sqlite
