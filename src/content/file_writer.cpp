#include "content/file_writer.h"

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace calmlegs {
namespace {

bool failed(std::string& why) {
    why = std::strerror(errno);
    return false;
}

/// Writes all of `text` to `fd`, retrying short writes and interruptions.
bool write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t wrote = ::write(fd, text.data(), text.size());
        if (wrote < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        text.remove_prefix(static_cast<std::size_t>(wrote));
    }
    return true;
}

/// The directory of `path` ("." when it names none) and its last part.
std::pair<std::string, std::string> split_path(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return {".", path};
    return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

/// How many links `resolve_links` follows before it calls them a loop (Linux's own limit).
constexpr int k_max_links = 40;

class FdLock final : public FileLock {
public:
    explicit FdLock(int fd)
        : m_fd(fd) {}
    ~FdLock() override { ::close(m_fd); } // closing releases the flock
    FdLock(const FdLock&) = delete;
    FdLock& operator=(const FdLock&) = delete;

private:
    int m_fd;
};

} // namespace

bool resolve_links(const std::string& path, std::string& resolved, std::string& why) {
    resolved = path;
    std::string target(PATH_MAX, '\0');
    for (int hop = 0; hop < k_max_links; ++hop) {
        const ssize_t got = ::readlink(resolved.c_str(), target.data(), target.size());
        // Not a link, or nothing there: the path to write is this one, and whatever stands in
        // the way (a missing directory, a permission) is for the write itself to report.
        if (got < 0) return true;
        if (static_cast<std::size_t>(got) >= target.size()) {
            why = std::strerror(ENAMETOOLONG);
            return false;
        }
        const std::string_view link(target.data(), static_cast<std::size_t>(got));
        const auto slash = resolved.find_last_of('/');
        if (link.front() == '/' || slash == std::string::npos)
            resolved = std::string(link);
        else
            resolved.replace(slash + 1, std::string::npos, link);
    }
    why = std::strerror(ELOOP);
    return false;
}

int open_or_create(const std::string& path, int flags, unsigned mode) {
    // Another process may create or remove the file between the two opens: a few rounds settle
    // it either way.
    for (int attempt = 0; attempt < 8; ++attempt) {
        int fd = ::open(path.c_str(), flags | O_CLOEXEC);
        if (fd >= 0 || errno != ENOENT) return fd;
        std::string target;
        std::string why;
        if (!resolve_links(path, target, why)) {
            errno = ELOOP;
            return -1;
        }
        fd =
            ::open(target.c_str(), flags | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
        if (fd >= 0) {
            // open's mode passes through the umask: the one asked for is set exactly.
            if (::fchmod(fd, static_cast<mode_t>(mode)) == 0) return fd;
            const int saved = errno;
            ::close(fd);
            ::unlink(target.c_str());
            errno = saved;
            return -1;
        }
        if (errno != EEXIST) return -1;
    }
    errno = EEXIST;
    return -1;
}

bool RealFileWriter::make_dirs(const std::string& dir, unsigned mode, std::string& why) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return true;
        why = "exists and is not a directory";
        return false;
    }
    const auto slash = dir.find_last_of('/');
    if (slash != std::string::npos && slash > 0 && !make_dirs(dir.substr(0, slash), mode, why))
        return false;
    if (::mkdir(dir.c_str(), static_cast<mode_t>(mode)) == 0) {
        // mkdir's mode passes through the umask: the one asked for is set exactly.
        return ::chmod(dir.c_str(), static_cast<mode_t>(mode)) == 0 || failed(why);
    }
    return errno == EEXIST || failed(why);
}

bool RealFileWriter::replace(const std::string& path, std::string_view text, unsigned mode,
                             std::string& why) {
    std::string target;
    if (!resolve_links(path, target, why)) return false;
    const auto [dir, name] = split_path(target);
    // Hidden, beside the file (so that the rename stays within one file system), and named by
    // mkstemp: never a path another process could guess and plant a link at.
    const std::string within = dir == "." ? "" : dir == "/" ? "/" : dir + "/";
    std::string temporary = within + "." + name + ".XXXXXX";
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0) return failed(why);
    // Never wider for group and others than the file it replaces, which someone may have
    // narrowed on purpose.
    auto wanted = static_cast<mode_t>(mode);
    if (struct stat old{}; ::stat(target.c_str(), &old) == 0) wanted &= old.st_mode | S_IRWXU;
    const bool written = ::fchmod(fd, wanted) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), target.c_str()) != 0) {
        why = std::strerror(written ? errno : saved);
        ::unlink(temporary.c_str());
        return false;
    }
    // The rename itself reaches the disk with its directory: without this, a power cut could
    // bring the old file back (and, for the reminder state, deliver a reminder twice).
    if (const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return true;
}

bool RealFileWriter::create_new(const std::string& path, std::string_view text, unsigned mode,
                                std::string& why) {
    const int fd =
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) {
        if (errno == EEXIST) {
            why = "exists";
            return false;
        }
        return failed(why);
    }
    const bool written =
        ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written) {
        why = std::strerror(saved);
        ::unlink(path.c_str());
    }
    return written;
}

bool RealFileWriter::rename(const std::string& from, const std::string& to, std::string& why) {
    return ::rename(from.c_str(), to.c_str()) == 0 || failed(why);
}

bool RealFileWriter::remove(const std::string& path, std::string& why) {
    return ::unlink(path.c_str()) == 0 || errno == ENOENT || failed(why);
}

std::unique_ptr<FileLock> RealFileWriter::lock(const std::string& path, std::string& why) {
    const int fd = open_or_create(path, O_RDWR, 0600);
    if (fd < 0) {
        failed(why);
        return nullptr;
    }
    while (::flock(fd, LOCK_EX) != 0) {
        if (errno == EINTR) continue;
        failed(why);
        ::close(fd);
        return nullptr;
    }
    return std::make_unique<FdLock>(fd);
}

} // namespace calmlegs
