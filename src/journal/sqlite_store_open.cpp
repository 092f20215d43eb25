// Opening a journal file: made private to its owner, recognised (or refused) before anything
// is written to it, then set up and brought to the newest schema.

#include "journal/sqlite_store.h"

#include "content/file_writer.h"
#include "journal/sqlite_store_db.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <chrono>
#include <sqlite3.h>
#include <thread>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace calmlegs {
namespace {

/// What the first bytes of a file say it is: nothing yet, something else, an SQLite database
/// whose header makes sense, or one whose header does not (SQLite will say what is wrong).
enum class FileKind { empty, not_sqlite, sqlite, sqlite_damaged };

/// What the header of an SQLite file says (the database may hold newer values in its
/// write-ahead log; these are what was last copied into the file).
struct Header {
    FileKind kind = FileKind::empty;
    std::int32_t application_id = 0;
    int user_version = 0;
};

/// Read and write, never create (the file is made first, with its mode); no mutex of SQLite's
/// around every call, since a connection is used by one thread at a time.
constexpr int k_open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

std::int32_t big_endian(const unsigned char* bytes) {
    return static_cast<std::int32_t>((std::uint32_t{bytes[0]} << 24) |
                                     (std::uint32_t{bytes[1]} << 16) |
                                     (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]});
}

/// Whether an SQLite header holds what every database's does (a page size that is a power of
/// two from 512 to 65536, the payload fractions 64, 32 and 32), so that its other fields can
/// be believed.
bool sane(const std::array<unsigned char, 100>& bytes) {
    const unsigned page = (unsigned{bytes[16]} << 8) | bytes[17];
    const bool page_ok = page == 1 || (page >= 512 && (page & (page - 1)) == 0);
    return page_ok && bytes[21] == 64 && bytes[22] == 32 && bytes[23] == 32;
}

/// Reads the first 100 bytes of `path` (the SQLite header); false with the OS's reason.
bool read_header(const std::string& path, Header& header, std::string& why) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    std::array<unsigned char, 100> bytes{};
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            why = std::strerror(errno);
            ::close(fd);
            return false;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    ::close(fd);
    if (got == 0) {
        header.kind = FileKind::empty;
    } else if (got < bytes.size() ||
               std::memcmp(bytes.data(), k_sqlite_magic.data(), k_sqlite_magic.size()) != 0) {
        header.kind = FileKind::not_sqlite;
    } else if (!sane(bytes)) {
        header.kind = FileKind::sqlite_damaged;
    } else {
        header.kind = FileKind::sqlite;
        header.user_version = big_endian(&bytes[60]);
        header.application_id = big_endian(&bytes[68]);
    }
    return true;
}

/// How long a step waits for another process's lock before it gives up. Each commit is synced
/// to disk (synchronous = FULL) while it holds the lock, and on a disk busy with other work a
/// sync can take a second or more: one writer logging night after night held another out for 5 s
/// (e2e.journal's two writers, while a build ran), so the wait is generous. Nothing holds the
/// lock while a person is asked anything.
constexpr std::chrono::milliseconds k_busy_timeout{30000};

/// Makes the missing directories of `path` (0700) and the file itself (0600), never
/// replacing one that another process made meanwhile.
bool create_file(const std::string& path, std::string& why) {
    const auto slash = path.find_last_of('/');
    if (slash != std::string::npos && slash > 0 &&
        !RealFileWriter().make_dirs(path.substr(0, slash), 0700, why))
        return false;
    // Exactly 0600 whatever the umask (SQLite gives its -wal and -shm files the same mode);
    // through a link that points nowhere yet, the link's target is created.
    const int fd = open_or_create(path, O_RDONLY | O_NONBLOCK, 0600);
    if (fd < 0) {
        why = std::strerror(errno);
        return false;
    }
    ::close(fd);
    return true;
}

OpenedJournal refused(std::string why) {
    OpenedJournal opened;
    opened.status = OpenedJournal::Status::refused;
    opened.why = std::move(why);
    return opened;
}

/// "Move it away ...": what to do about a file at the journal's path that is not one.
std::string move_away(const std::string& path) {
    return fmt::format("Move it away (mv {0} {1}) and calmlegs will start a new journal there, "
                       "or name another file with --journal FILE.",
                       shell_quote(path), shell_quote(path + ".old"));
}

std::string not_a_journal(const std::string& path, std::string_view because) {
    return fmt::format("{} is not a calmlegs journal: {}. {}", path, because, move_away(path));
}

std::string newer(const std::string& path, int version) {
    return fmt::format("{} was made by a newer calmlegs (schema {}; this one reads up to {}): "
                       "update calmlegs to use it.",
                       path, version, k_journal_schema_version);
}

/// What SQLite says of the database itself, read through its log.
struct Identity {
    std::int32_t application_id = 0;
    int user_version = 0;
    int objects = 0; ///< tables, indexes and the like in its schema
};

bool identify(sqlite::Connection& db, Identity& identity, int& code, std::string& why) {
    sqlite::Statement query(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_schema)");
    if (query.next()) {
        identity.application_id = static_cast<std::int32_t>(query.integer(0));
        identity.user_version = static_cast<int>(query.integer(1));
        identity.objects = static_cast<int>(query.integer(2));
    }
    code = query.error_code();
    why = query.error();
    return query.ok();
}

/// The reason `identity` is not a journal this build can open, or nothing.
std::optional<std::string> refusal(const std::string& path, std::int32_t application_id,
                                   int user_version, int objects) {
    if (application_id == k_journal_application_id) {
        if (user_version > k_journal_schema_version) return newer(path, user_version);
        return std::nullopt;
    }
    if (application_id != 0 || objects > 0)
        return not_a_journal(path, "it is another program's SQLite database");
    return std::nullopt;
}

/// The settings every connection needs; `journal_mode=WAL` is the first write to the file.
bool configure(sqlite::Connection& db, std::string& why) {
    return db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                   "PRAGMA foreign_keys = ON",
                   why);
}

} // namespace

OpenedJournal open_sqlite_journal(const std::string& path, OpenMode mode) {
    std::string why;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (errno != ENOENT)
            return refused(
                fmt::format("cannot open the journal {}: {}", path, std::strerror(errno)));
        if (mode == OpenMode::existing)
            return OpenedJournal{OpenedJournal::Status::missing, {}, {}};
        if (!create_file(path, why))
            return refused(fmt::format("cannot create the journal {}: {}", path, why));
    } else if (!S_ISREG(st.st_mode)) {
        // A device or a directory is not to be moved: only another file will do.
        return refused(fmt::format("{} is not a calmlegs journal: it is not a regular file. "
                                   "Name a file with --journal FILE or CALMLEGS_JOURNAL.",
                                   path));
    }

    Header header;
    if (!read_header(path, header, why))
        return refused(fmt::format("cannot read the journal {}: {}", path, why));
    if (header.kind == FileKind::not_sqlite)
        return refused(not_a_journal(path, "it is not an SQLite database"));
    if (header.kind == FileKind::empty && mode == OpenMode::existing)
        return OpenedJournal{OpenedJournal::Status::missing, {}, {}};
    // The header alone settles another program's database and a newer journal before SQLite
    // opens the file at all. (An application id of 0 says nothing: whether such a database
    // holds tables, only SQLite can tell.)
    if (header.kind == FileKind::sqlite) {
        const int unknown_objects = 0;
        if (auto no = refusal(path, header.application_id, header.user_version, unknown_objects))
            return refused(std::move(*no));
    }

    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &handle, k_open_flags, nullptr);
    sqlite::Connection db(handle);
    if (opened != SQLITE_OK)
        return refused(fmt::format("cannot open the journal {}: {}", path,
                                   handle ? db.error() : sqlite3_errstr(opened)));
    sqlite3_busy_timeout(handle, static_cast<int>(k_busy_timeout.count()));

    Identity identity;
    int code = 0;
    if (!identify(db, identity, code, why)) {
        db.keep_wal_on_close();
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            return refused(fmt::format("{} is damaged: {}. {}", path, why, move_away(path)));
        return refused(fmt::format("cannot read the journal {}: {}", path, why));
    }
    if (auto no = refusal(path, identity.application_id, identity.user_version, identity.objects)) {
        db.keep_wal_on_close();
        return refused(std::move(*no));
    }
    // An SQLite file with nothing in it yet is a journal to be, as an empty file is.
    if (mode == OpenMode::existing && identity.application_id == 0 && identity.objects == 0)
        return OpenedJournal{OpenedJournal::Status::missing, {}, {}};
    // Switching a new journal to WAL and making its tables take locks that SQLite may refuse
    // at once, without waiting on the busy timeout, while another process does the same
    // (two `calmlegs log` started together on a new journal): those steps are tried again.
    const auto deadline = std::chrono::steady_clock::now() + k_busy_timeout;
    while (true) {
        why.clear();
        const bool configured = configure(db, why);
        if (configured && sqlite::migrate(db, identity.user_version, why)) break;
        const int failure = sqlite3_errcode(handle) & 0xff;
        if ((failure != SQLITE_BUSY && failure != SQLITE_LOCKED) ||
            std::chrono::steady_clock::now() >= deadline)
            return refused(configured ? fmt::format("cannot bring the journal {} up to date: "
                                                    "{}; it is as it was.",
                                                    path, why)
                                      : fmt::format("cannot open the journal {}: {}", path, why));
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        // The version another process may have brought it to meanwhile.
        Identity again;
        if (identify(db, again, code, why)) identity.user_version = again.user_version;
    }
    return OpenedJournal{OpenedJournal::Status::opened, sqlite::make_store(std::move(db)), {}};
}

std::string sqlite_integrity(const std::string& path) {
    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &handle, k_open_flags, nullptr);
    sqlite::Connection db(handle);
    if (opened != SQLITE_OK) return handle ? db.error() : sqlite3_errstr(opened);
    sqlite3_busy_timeout(handle, static_cast<int>(k_busy_timeout.count()));
    sqlite::Statement check(db, "PRAGMA integrity_check");
    std::string report;
    while (check.next()) {
        if (!report.empty()) report += '\n';
        report += check.text(0);
    }
    return check.ok() ? report : check.error();
}

} // namespace calmlegs
