#pragma once

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// One name in a directory listing.
struct DirEntry {
    std::string name;
    bool is_directory = false;
};

/// Read-only access to content files: abstract so that tests can serve content from memory.
class FileSystem {
public:
    virtual ~FileSystem() = default;
    /// The whole file, or nullopt with `error` saying why (e.g. "No such file or directory").
    virtual std::optional<std::string> read(const std::string& path, std::string& error) const = 0;
    /// The entries of a directory, without "." and "..", sorted by name; empty when missing.
    virtual std::vector<DirEntry> list(const std::string& dir) const = 0;
    virtual bool is_directory(const std::string& path) const = 0;
    virtual bool is_file(const std::string& path) const = 0;
    /// Whether anything is at `path` (a file, a directory, a device, a pipe, a link).
    virtual bool exists(const std::string& path) const {
        return is_file(path) || is_directory(path);
    }
};

/// The real file system, through POSIX calls.
class RealFileSystem final : public FileSystem {
public:
    std::optional<std::string> read(const std::string& path, std::string& error) const override;
    std::vector<DirEntry> list(const std::string& dir) const override;
    bool is_directory(const std::string& path) const override;
    bool is_file(const std::string& path) const override;
    bool exists(const std::string& path) const override;
};

/// `dir/name`, without doubling a trailing slash.
std::string join_path(const std::string& dir, const std::string& name);

} // namespace calmlegs
