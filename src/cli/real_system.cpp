// The real process: the one place in src/ that reads the environment or asks whether a
// descriptor is a terminal (the terminal probe), and that starts a pager or opens a file for
// the event log.

#include "cli/system.h"

#include "run/terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace calmlegs::cli {
namespace {

/// A file descriptor as a Stream: whole writes, unbuffered, the first error kept.
class FdStream final : public Stream {
public:
    explicit FdStream(int fd, bool owned = false)
        : m_fd(fd)
        , m_out(fd)
        , m_owned(owned) {}
    ~FdStream() override {
        if (m_owned) ::close(m_fd);
    }
    FdStream(const FdStream&) = delete;
    FdStream& operator=(const FdStream&) = delete;
    void write(std::string_view text) override { m_out.write(text); }
    void flush() override {}
    TerminalSize size() override { return m_out.size(); }
    int error() const override { return m_out.error(); }

private:
    int m_fd;
    FdOutput m_out;
    bool m_owned;
};

class RealSystem final : public System {
public:
    std::optional<std::string> env(std::string_view name) const override {
        const char* value = std::getenv(std::string(name).c_str());
        return value != nullptr ? std::optional<std::string>(value) : std::nullopt;
    }

    TerminalFacts terminal_facts() const override {
        TerminalFacts facts;
        facts.stdout_tty = ::isatty(STDOUT_FILENO) == 1;
        facts.stdin_tty = ::isatty(STDIN_FILENO) == 1;
        winsize size{};
        if (facts.stdout_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) {
            facts.columns = size.ws_col;
            facts.rows = size.ws_row;
        }
        return facts;
    }

    Stream& out() override { return m_out; }
    Stream& err() override { return m_err; }

    bool page(const std::string& pager, std::string_view text) override {
        // The person quitting the pager early must not kill us with SIGPIPE.
        struct sigaction ignore {
        }, previous{};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGPIPE, &ignore, &previous);
        ::setenv("LESS", "FRX", 0); // the person's own LESS, if any, is left alone
        std::FILE* pipe = ::popen(pager.c_str(), "w");
        bool shown = false;
        if (pipe != nullptr) {
            std::fwrite(text.data(), 1, text.size(), pipe);
            const int status = ::pclose(pipe);
            // 126/127: the shell could not find or run the pager; nothing reached the screen.
            shown = status != -1 && !(WIFEXITED(status) &&
                                      (WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126));
        }
        ::sigaction(SIGPIPE, &previous, nullptr);
        return shown;
    }

    std::string exe_dir() const override {
        char buffer[4096];
        const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
        if (length <= 0) return {};
        const std::string path(buffer, static_cast<std::size_t>(length));
        const auto slash = path.rfind('/');
        return slash == std::string::npos ? std::string() : path.substr(0, slash);
    }

    bool can_run(const std::string& program) const override {
        if (program.find('/') != std::string::npos) return ::access(program.c_str(), X_OK) == 0;
        const std::string dirs = env("PATH").value_or("/usr/bin:/bin");
        std::size_t start = 0;
        while (start <= dirs.size()) {
            std::size_t end = dirs.find(':', start);
            if (end == std::string::npos) end = dirs.size();
            const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
            if (::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
            start = end + 1;
        }
        return false;
    }

    std::unique_ptr<EventSource> events(bool read_keys) override {
        return std::make_unique<TerminalEvents>(STDIN_FILENO, read_keys);
    }

    Spawner& spawner() override { return posix_spawner(); }

    std::unique_ptr<Stream> append_to(const std::string& path, std::string& why) override {
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd < 0) {
            why = std::strerror(errno);
            return nullptr;
        }
        return std::make_unique<FdStream>(fd, true);
    }

    std::string clock_time_after(Nanos from_now) const override {
        const auto when = std::chrono::system_clock::now() +
                          std::chrono::duration_cast<std::chrono::system_clock::duration>(from_now);
        const std::time_t time = std::chrono::system_clock::to_time_t(when);
        std::tm local{};
        localtime_r(&time, &local);
        char buffer[16];
        std::strftime(buffer, sizeof buffer, "%H:%M", &local);
        return buffer;
    }

private:
    FdStream m_out{STDOUT_FILENO};
    FdStream m_err{STDERR_FILENO};
};

} // namespace

std::unique_ptr<System> real_system() {
    return std::make_unique<RealSystem>();
}

} // namespace calmlegs::cli
