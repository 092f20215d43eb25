#include "content/file_writer.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

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
    if (::mkdir(dir.c_str(), static_cast<mode_t>(mode)) != 0 && errno != EEXIST) return failed(why);
    return true;
}

bool RealFileWriter::replace(const std::string& path, std::string_view text, unsigned mode,
                             std::string& why) {
    const std::string temporary = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                          static_cast<mode_t>(mode));
    if (fd < 0) return failed(why);
    const bool written =
        ::fchmod(fd, static_cast<mode_t>(mode)) == 0 && write_all(fd, text) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        if (written)
            why = std::strerror(errno);
        else
            why = std::strerror(saved);
        ::unlink(temporary.c_str());
        return false;
    }
    // The rename itself reaches the disk with its directory: without this, a power cut could
    // bring the old file back (and, for the reminder state, deliver a reminder twice).
    const auto slash = path.find_last_of('/');
    const std::string dir = slash == std::string::npos ? "."
                            : slash == 0               ? "/"
                                                       : path.substr(0, slash);
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
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
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
