#include "journal/sqlite_store_db.h"

#include <sqlite3.h>

#include <climits>
#include <utility>

namespace calmlegs::sqlite {

Connection::~Connection() {
    sqlite3_close_v2(m_db);
}

Connection::Connection(Connection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

bool Connection::exec(std::string_view sql, std::string& why) {
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) == SQLITE_OK) return true;
    why = message != nullptr ? message : error();
    sqlite3_free(message);
    return false;
}

std::string Connection::error() const {
    return sqlite3_errmsg(m_db);
}

void Connection::keep_wal_on_close() {
    sqlite3_db_config(m_db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
}

Statement::Statement(Connection& db, std::string_view sql)
    : m_db(db.get()) {
    check(sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr));
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

bool Statement::check(int code) {
    if (code == SQLITE_OK || code == SQLITE_ROW || code == SQLITE_DONE) return true;
    if (m_error.empty()) {
        m_error = sqlite3_errmsg(m_db);
        m_code = code & 0xff;
    }
    return false;
}

void Statement::fail(std::string why) {
    if (m_error.empty()) {
        m_error = std::move(why);
        m_code = SQLITE_ERROR;
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (ok()) check(sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (ok())
        check(sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()),
                                SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<int>& value) {
    if (!ok()) return *this;
    if (value)
        check(sqlite3_bind_int64(m_stmt, index, *value));
    else
        check(sqlite3_bind_null(m_stmt, index));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    if (text) return bind(index, std::string_view(*text));
    if (ok()) check(sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::next() {
    if (!ok()) return false;
    const int code = sqlite3_step(m_stmt);
    return check(code) && code == SQLITE_ROW;
}

bool Statement::run() {
    while (next()) {
    }
    const bool worked = ok();
    if (worked) reset();
    return worked;
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::changes() const {
    return sqlite3_changes(m_db);
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::string_view Statement::text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (text == nullptr) return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::optional<int> Statement::optional_int(int column) const {
    if (is_null(column)) return std::nullopt;
    const std::int64_t value = integer(column);
    if (value < INT_MIN || value > INT_MAX) return std::nullopt;
    return static_cast<int>(value);
}

Transaction::~Transaction() {
    if (!m_open) return;
    std::string ignored;
    m_db.exec("ROLLBACK", ignored);
}

bool Transaction::begin(bool immediate, std::string& why) {
    m_open = m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN", why);
    return m_open;
}

bool Transaction::commit(std::string& why) {
    if (!m_db.exec("COMMIT", why)) return false; // the destructor rolls it back
    m_open = false;
    return true;
}

} // namespace calmlegs::sqlite
