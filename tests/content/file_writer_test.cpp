#include "content/file_writer.h"

#include "temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace calmlegs;
using calmlegs::test::TempDir;

namespace {

/// Sets the process's umask for one test and puts the old one back.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask)
        : m_old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(m_old); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t m_old;
};

/// Limits the size of the files this process writes, so that a write fails part way (EFBIG,
/// with SIGXFSZ ignored), and lifts the limit afterwards.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_old_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_old_handler);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit m_old{};
    void (*m_old_handler)(int) = nullptr;
};

/// The permission bits of `path` (following links), or -1 when it is not there.
int mode_of(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<int>(st.st_mode & 07777) : -1;
}

bool is_link(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The names in `dir`, sorted, without "." and "..".
std::vector<std::string> names_in(const std::string& dir) {
    std::vector<std::string> names;
    if (DIR* listing = ::opendir(dir.c_str())) {
        while (const dirent* entry = ::readdir(listing)) {
            const std::string name = entry->d_name;
            if (name != "." && name != "..") names.push_back(name);
        }
        ::closedir(listing);
    }
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE("RealFileWriter::replace makes the file with exactly its mode, whatever the umask") {
    const TempDir tmp;
    RealFileWriter writer;
    std::string why;
    for (const mode_t mask : {mode_t{0}, mode_t{022}, mode_t{0277}}) {
        CAPTURE(mask);
        const UmaskGuard umask(mask);
        const std::string path = tmp.path() + "/state-" + std::to_string(mask);
        REQUIRE(writer.replace(path, "new\n", 0600, why));
        CHECK(read(path) == "new\n");
        CHECK(mode_of(path) == 0600);
    }
    // Nothing but the files themselves: no temporary file stays behind.
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"state-0", "state-18", "state-191"});
}

TEST_CASE("RealFileWriter::replace never widens a file's mode for group and others") {
    const TempDir tmp;
    RealFileWriter writer;
    std::string why;
    const std::string narrowed = tmp.write("unit.service", "old\n");
    ::chmod(narrowed.c_str(), 0600);
    REQUIRE(writer.replace(narrowed, "new\n", 0644, why));
    CHECK(mode_of(narrowed) == 0600);

    // A file someone made readable to all is still made private by the 0600 rule.
    const std::string wide = tmp.write("report.html", "old\n");
    ::chmod(wide.c_str(), 0644);
    REQUIRE(writer.replace(wide, "new\n", 0600, why));
    CHECK(mode_of(wide) == 0600);
    CHECK(read(wide) == "new\n");
}

TEST_CASE("RealFileWriter::replace through a symbolic link updates the file and keeps the link") {
    const TempDir tmp;
    RealFileWriter writer;
    std::string why;
    const std::string real = tmp.write("sync/state.toml", "old\n");
    ::mkdir((tmp.path() + "/state").c_str(), 0700);

    SUBCASE("an absolute link") {
        const std::string link = tmp.path() + "/state/state.toml";
        REQUIRE(::symlink(real.c_str(), link.c_str()) == 0);
        REQUIRE(writer.replace(link, "new\n", 0600, why));
        CHECK(is_link(link));
        CHECK(read(real) == "new\n");
        CHECK(mode_of(real) == 0600);
        CHECK(names_in(tmp.path() + "/state") == std::vector<std::string>{"state.toml"});
        CHECK(names_in(tmp.path() + "/sync") == std::vector<std::string>{"state.toml"});
    }
    SUBCASE("a relative link to a relative link") {
        const std::string middle = tmp.path() + "/sync/middle.toml";
        REQUIRE(::symlink("state.toml", middle.c_str()) == 0);
        const std::string link = tmp.path() + "/state/state.toml";
        REQUIRE(::symlink("../sync/middle.toml", link.c_str()) == 0);
        REQUIRE(writer.replace(link, "new\n", 0600, why));
        CHECK(is_link(link));
        CHECK(is_link(middle));
        CHECK(read(real) == "new\n");
        CHECK(names_in(tmp.path() + "/sync") ==
              std::vector<std::string>{"middle.toml", "state.toml"});
    }
    SUBCASE("a link to a file not made yet") {
        const std::string link = tmp.path() + "/state/next";
        REQUIRE(::symlink("../sync/next", link.c_str()) == 0);
        REQUIRE(writer.replace(link, "new\n", 0600, why));
        CHECK(is_link(link));
        CHECK(read(tmp.path() + "/sync/next") == "new\n");
        CHECK(mode_of(tmp.path() + "/sync/next") == 0600);
    }
}

TEST_CASE("RealFileWriter::replace that fails leaves the old file as it was and nothing behind") {
    const TempDir tmp;
    RealFileWriter writer;
    std::string why;
    const std::string path = tmp.write("remind-state.toml", "old\n");

    SUBCASE("the write fails part way") {
        {
            const FileSizeLimit limit(8);
            CHECK_FALSE(writer.replace(path, std::string(100, 'x'), 0600, why));
        }
        CHECK(why == std::strerror(EFBIG));
    }
    SUBCASE("the rename fails (a directory is in the way)") {
        ::unlink(path.c_str());
        ::mkdir(path.c_str(), 0700);
        CHECK_FALSE(writer.replace(path, "new\n", 0600, why));
        CHECK_FALSE(why.empty());
        ::rmdir(path.c_str());
        tmp.write("remind-state.toml", "old\n");
    }
    SUBCASE("a loop of links") {
        ::unlink(path.c_str());
        REQUIRE(::symlink("remind-state.toml", path.c_str()) == 0);
        CHECK_FALSE(writer.replace(path, "new\n", 0600, why));
        CHECK(why == std::strerror(ELOOP));
        ::unlink(path.c_str());
        tmp.write("remind-state.toml", "old\n");
    }
    CHECK(read(path) == "old\n");
    CHECK(names_in(tmp.path()) == std::vector<std::string>{"remind-state.toml"});
}

TEST_CASE("RealFileWriter::make_dirs gives the directories it makes exactly their mode") {
    const TempDir tmp;
    RealFileWriter writer;
    std::string why;
    const std::string existing = tmp.path() + "/existing";
    ::mkdir(existing.c_str(), 0755);
    for (const mode_t mask : {mode_t{0}, mode_t{022}, mode_t{0277}}) {
        CAPTURE(mask);
        const UmaskGuard umask(mask);
        const std::string top = existing + "/m" + std::to_string(mask);
        REQUIRE(writer.make_dirs(top + "/calmlegs", 0700, why));
        CHECK(mode_of(top) == 0700);
        CHECK(mode_of(top + "/calmlegs") == 0700);
    }
    // A directory that was there keeps its mode.
    CHECK(mode_of(existing) == 0755);
}

TEST_CASE("open_or_create creates with exactly the mode and leaves an existing file's alone") {
    const TempDir tmp;
    const UmaskGuard umask(0277); // would make 0600 into 0400
    const std::string fresh = tmp.path() + "/events.log";
    int fd = open_or_create(fresh, O_WRONLY | O_APPEND, 0600);
    REQUIRE(fd >= 0);
    ::close(fd);
    CHECK(mode_of(fresh) == 0600);

    const std::string existing = tmp.write("shared.log", "kept\n");
    ::chmod(existing.c_str(), 0640);
    fd = open_or_create(existing, O_WRONLY | O_APPEND, 0600);
    REQUIRE(fd >= 0);
    CHECK(::write(fd, "more\n", 5) == 5);
    ::close(fd);
    CHECK(mode_of(existing) == 0640);
    CHECK(read(existing) == "kept\nmore\n");

    // A link that points nowhere yet: its target is made, the link kept.
    ::mkdir((tmp.path() + "/sync").c_str(), 0700);
    const std::string link = tmp.path() + "/journal.db";
    REQUIRE(::symlink("sync/journal.db", link.c_str()) == 0);
    fd = open_or_create(link, O_RDONLY, 0600);
    REQUIRE(fd >= 0);
    ::close(fd);
    CHECK(is_link(link));
    CHECK(mode_of(tmp.path() + "/sync/journal.db") == 0600);

    // A link into a directory that is not there (a synced folder not mounted) is not followed
    // by making the directory.
    const std::string unmounted = tmp.path() + "/elsewhere.db";
    REQUIRE(::symlink("gone/journal.db", unmounted.c_str()) == 0);
    CHECK(open_or_create(unmounted, O_RDONLY, 0600) == -1);
    CHECK(errno == ENOENT);
}

TEST_CASE("RealFileWriter::lock makes its lock file 0600 whatever the umask") {
    const TempDir tmp;
    const UmaskGuard umask(0);
    RealFileWriter writer;
    std::string why;
    const std::string path = tmp.path() + "/remind.lock";
    REQUIRE(writer.lock(path, why) != nullptr);
    CHECK(mode_of(path) == 0600);
}

TEST_CASE("resolve_links follows the links of the last part, to a file there or not") {
    const TempDir tmp;
    std::string resolved;
    std::string why;
    const std::string plain = tmp.write("plain", "");
    REQUIRE(resolve_links(plain, resolved, why));
    CHECK(resolved == plain);
    REQUIRE(resolve_links(tmp.path() + "/missing", resolved, why));
    CHECK(resolved == tmp.path() + "/missing");
    REQUIRE(::symlink("/somewhere/else", (tmp.path() + "/absolute").c_str()) == 0);
    REQUIRE(resolve_links(tmp.path() + "/absolute", resolved, why));
    CHECK(resolved == "/somewhere/else");
    REQUIRE(::symlink("absolute", (tmp.path() + "/relative").c_str()) == 0);
    REQUIRE(resolve_links(tmp.path() + "/relative", resolved, why));
    CHECK(resolved == "/somewhere/else");
}
