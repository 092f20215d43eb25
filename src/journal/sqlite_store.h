#pragma once
// The journal in an SQLite database file: how a file is found to be a calmlegs journal (or
// refused, untouched), created private to its owner, and brought to the newest schema.

#include "journal/store.h"

#include <cstdint>
#include <string>

namespace calmlegs {

/// PRAGMA application_id of a calmlegs journal: "CLML", so that `file` and calmlegs itself
/// can tell it from another program's SQLite database.
inline constexpr std::int32_t k_journal_application_id = 0x434C4D4C;

/// The newest schema (PRAGMA user_version) this build reads and writes; a file with a newer
/// one is refused, and an older one is migrated when it is opened.
inline constexpr int k_journal_schema_version = 2;

/// Opens the journal at `path`. A missing file is `missing` in OpenMode::existing; in
/// OpenMode::create it is made (mode 0600, its missing directories 0700) before SQLite opens
/// it. A file that is empty (a creation cut short), or an SQLite database with nothing in it,
/// is a new journal: `missing` in OpenMode::existing, which writes nothing. A file that is not an
/// SQLite database, is another program's database, was made by a newer calmlegs, is damaged
/// or cannot be read is refused, with `why` naming the path and what to do, and left as it
/// was. Then the journal is set to write-ahead logging, a 5-second busy timeout and full
/// synchronous writes, and its schema brought up to date in one transaction.
OpenedJournal open_sqlite_journal(const std::string& path, OpenMode mode);

/// PRAGMA integrity_check, for tests and the benchmark: "ok" or the problems, one a line.
std::string sqlite_integrity(const std::string& path);

} // namespace calmlegs
