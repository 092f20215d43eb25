#pragma once
// An in-memory FileSystem for tests: files are added by path, directories exist implicitly,
// and every read is recorded so tests can assert what a command did (not) parse.

#include "content/files.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace calmlegs::test {

class MemoryFileSystem final : public FileSystem {
public:
    void add(const std::string& path, std::string text) { m_files[path] = std::move(text); }

    std::optional<std::string> read(const std::string& path, std::string& error) const override {
        m_reads.push_back(path);
        auto found = m_files.find(path);
        if (found == m_files.end()) {
            error = "No such file or directory";
            return std::nullopt;
        }
        return found->second;
    }

    std::vector<DirEntry> list(const std::string& dir) const override {
        const std::string prefix = dir.back() == '/' ? dir : dir + "/";
        std::map<std::string, bool> names;
        for (const auto& [path, text] : m_files) {
            if (path.rfind(prefix, 0) != 0) continue;
            const std::string rest = path.substr(prefix.size());
            const auto slash = rest.find('/');
            if (slash == std::string::npos)
                names[rest] = false;
            else
                names[rest.substr(0, slash)] = true;
        }
        std::vector<DirEntry> out;
        for (const auto& [name, is_dir] : names)
            out.push_back({name, is_dir});
        return out;
    }

    bool is_directory(const std::string& path) const override {
        const std::string prefix = path.back() == '/' ? path : path + "/";
        for (const auto& [file, text] : m_files)
            if (file.rfind(prefix, 0) == 0) return true;
        return false;
    }

    bool is_file(const std::string& path) const override { return m_files.count(path) != 0; }

    /// Every path read so far, in order.
    const std::vector<std::string>& reads() const { return m_reads; }
    void forget_reads() { m_reads.clear(); }

private:
    std::map<std::string, std::string> m_files;
    mutable std::vector<std::string> m_reads;
};

} // namespace calmlegs::test
