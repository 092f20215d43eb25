#pragma once
// Writing files the program owns (the reminder state, a starter config, iCalendar files,
// systemd units): whole or not at all, with the modes a person's private data needs. Abstract
// so that tests can make a write fail; the real one works on the file system.

#include <memory>
#include <string>
#include <string_view>

namespace calmlegs {

/// An exclusive lock, held until the object is destroyed.
class FileLock {
public:
    virtual ~FileLock() = default;
};

class FileWriter {
public:
    virtual ~FileWriter() = default;
    /// Creates `dir` and its missing parents; the ones it creates get `mode` (0700 for the
    /// person's own directories), whatever the umask; existing ones are left as they are. True when
    /// it exists as a directory afterwards.
    virtual bool make_dirs(const std::string& dir, unsigned mode, std::string& why) = 0;
    /// Replaces `path` with `text` atomically: a temporary file made by mkstemp beside it,
    /// written, flushed to disk and renamed over it, so a crash leaves the old or the new
    /// file, never half of one, and no temporary file stays behind a failure. When `path` is a
    /// symbolic link, the file it points to is replaced and the link kept. The file gets
    /// `mode`, whatever the umask, but never more for group and others than the file it
    /// replaces had.
    virtual bool replace(const std::string& path, std::string_view text, unsigned mode,
                         std::string& why) = 0;
    /// Creates `path` with `text` only when nothing is there (never overwrites); `why` is
    /// "exists" when something is.
    virtual bool create_new(const std::string& path, std::string_view text, unsigned mode,
                            std::string& why) = 0;
    virtual bool rename(const std::string& from, const std::string& to, std::string& why) = 0;
    /// Removes a file; true also when it was not there.
    virtual bool remove(const std::string& path, std::string& why) = 0;
    /// Waits for an exclusive lock on `path` (created, 0600, when missing); nullptr with `why`
    /// when it cannot be had.
    virtual std::unique_ptr<FileLock> lock(const std::string& path, std::string& why) = 0;
};

/// Opens `path` with `flags` (O_WRONLY, O_RDWR, O_APPEND...), creating it with exactly `mode`,
/// whatever the umask, when nothing is there; an existing file keeps its mode. A symbolic link
/// is followed, and one that points nowhere yet has its target created. -1 with errno set when
/// it cannot be opened.
int open_or_create(const std::string& path, int flags, unsigned mode);

/// The file `path` names once the symbolic links of its last part are followed (as `path`
/// itself when it is not a link), whether or not that file exists yet: the one to write so
/// that the link keeps working. False with `why` for a loop of links.
bool resolve_links(const std::string& path, std::string& resolved, std::string& why);

/// The real file system, through POSIX calls (flock(2) for the lock).
class RealFileWriter final : public FileWriter {
public:
    bool make_dirs(const std::string& dir, unsigned mode, std::string& why) override;
    bool replace(const std::string& path, std::string_view text, unsigned mode,
                 std::string& why) override;
    bool create_new(const std::string& path, std::string_view text, unsigned mode,
                    std::string& why) override;
    bool rename(const std::string& from, const std::string& to, std::string& why) override;
    bool remove(const std::string& path, std::string& why) override;
    std::unique_ptr<FileLock> lock(const std::string& path, std::string& why) override;
};

} // namespace calmlegs
