// The real process: the one place in src/ that reads the environment or asks whether a
// descriptor is a terminal (the terminal probe), and that starts a pager or opens a file for
// the event log.

#include "cli/system.h"

#include "journal/sqlite_store.h"
#include "run/terminal.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <unistd.h>

namespace calmlegs::cli {
namespace {

/// Set by SIGINT while a question waits for its answer.
volatile std::sig_atomic_t g_line_interrupted = 0;

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

/// Runs `argv` with pipes for its three streams and waits for it: the input is fed and both
/// outputs read together (poll), so that neither side blocks on a full pipe.
ProgramResult run_to_end(const std::vector<std::string>& argv, std::string_view input) {
    ProgramResult result;
    int in[2], out[2], err[2];
    if (::pipe2(in, O_CLOEXEC) != 0) return result;
    if (::pipe2(out, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]);
        return result;
    }
    if (::pipe2(err, O_CLOEXEC) != 0) {
        ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
        return result;
    }
    std::vector<char*> args;
    for (const auto& word : argv)
        args.push_back(const_cast<char*>(word.c_str()));
    args.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(in[0], STDIN_FILENO);
        ::dup2(out[1], STDOUT_FILENO);
        ::dup2(err[1], STDERR_FILENO);
        ::signal(SIGPIPE, SIG_DFL);
        ::execvp(args[0], args.data());
        const std::string why = argv[0] + ": " + std::strerror(errno);
        [[maybe_unused]] const auto ignored = ::write(STDERR_FILENO, why.data(), why.size());
        ::_exit(127);
    }
    ::close(in[0]), ::close(out[1]), ::close(err[1]);
    if (pid < 0) {
        result.err = std::strerror(errno);
        ::close(in[1]), ::close(out[0]), ::close(err[0]);
        return result;
    }
    // A program that stops reading its input early must not kill us with SIGPIPE.
    struct sigaction ignore {
    }, previous{};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    int in_fd = in[1];
    // Non-blocking, so that a child that writes before it reads never stalls us mid-write.
    ::fcntl(in_fd, F_SETFL, ::fcntl(in_fd, F_GETFL) | O_NONBLOCK);
    bool input_cut = false; // the child stopped reading before it had all of `input`
    if (input.empty()) ::close(in_fd), in_fd = -1;
    int fds[2] = {out[0], err[0]};
    std::string* sinks[2] = {&result.out, &result.err};
    while (in_fd >= 0 || fds[0] >= 0 || fds[1] >= 0) {
        pollfd polled[3] = {{in_fd, POLLOUT, 0}, {fds[0], POLLIN, 0}, {fds[1], POLLIN, 0}};
        if (::poll(polled, 3, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (in_fd >= 0 && (polled[0].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
            const ssize_t wrote = ::write(in_fd, input.data(), input.size());
            if (wrote > 0) input.remove_prefix(static_cast<std::size_t>(wrote));
            const bool again = wrote < 0 && (errno == EAGAIN || errno == EINTR);
            if (wrote < 0 && !again) input_cut = true;
            if (input_cut || input.empty()) ::close(in_fd), in_fd = -1;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i] < 0 || (polled[i + 1].revents & (POLLIN | POLLERR | POLLHUP)) == 0) continue;
            char buffer[4096];
            const ssize_t got = ::read(fds[i], buffer, sizeof buffer);
            if (got > 0)
                sinks[i]->append(buffer, static_cast<std::size_t>(got));
            else if (got == 0 || errno != EINTR)
                ::close(fds[i]), fds[i] = -1;
        }
    }
    if (in_fd >= 0) ::close(in_fd);
    for (int fd : fds)
        if (fd >= 0) ::close(fd);
    ::sigaction(SIGPIPE, &previous, nullptr);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (input_cut) {
        // Whatever it did with part of its input (a crontab cut short) is no success.
        result.status = -1;
        result.err += std::string(result.err.empty() ? "" : "\n") + argv[0] +
                      " stopped reading its input before the end";
    }
    return result;
}

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
        // NOLINTNEXTLINE(cert-env33-c): $PAGER is a shell command by definition ("less -FRX").
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
        const std::string path = exe_path();
        const auto slash = path.rfind('/');
        return slash == std::string::npos ? std::string() : path.substr(0, slash);
    }

    std::string exe_path() const override {
        char buffer[4096];
        const ssize_t length = ::readlink("/proc/self/exe", buffer, sizeof buffer - 1);
        if (length <= 0) return {};
        return std::string(buffer, static_cast<std::size_t>(length));
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
    pid_t process_id() const override { return ::getpid(); }

    std::unique_ptr<Stream> append_to(const std::string& path, std::string& why) override {
        const int fd = open_or_create(path, O_WRONLY | O_APPEND, 0600);
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

    Instant now() const override {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    }

    const FileSystem& files() const override { return m_files; }
    FileWriter& writer() override { return m_writer; }

    ProgramResult run_program(const std::vector<std::string>& argv,
                              std::string_view input) override {
        return run_to_end(argv, input);
    }

    OpenedJournal open_journal(const std::string& path, OpenMode mode) override {
        return open_sqlite_journal(path, mode);
    }

    std::optional<std::string> read_line(std::string_view prompt, bool& interrupted) override {
        interrupted = false;
        m_out.write(prompt);
        // Ctrl-C ends the read (no SA_RESTART) instead of the process, so that the caller can
        // say that nothing was saved.
        g_line_interrupted = 0;
        struct sigaction on_interrupt {};
        on_interrupt.sa_handler = [](int) { g_line_interrupted = 1; };
        sigemptyset(&on_interrupt.sa_mask);
        struct sigaction previous {};
        sigaction(SIGINT, &on_interrupt, &previous);
        std::string line;
        bool ended = false;
        while (true) {
            if (g_line_interrupted != 0) { // Ctrl-C between two reads
                ended = true;
                break;
            }
            char c = 0;
            const ssize_t got = ::read(STDIN_FILENO, &c, 1);
            if (got == 1) {
                if (c == '\n') break;
                line += c;
                continue;
            }
            if (got < 0 && errno == EINTR && g_line_interrupted == 0) continue;
            ended = true;
            break;
        }
        sigaction(SIGINT, &previous, nullptr);
        if (!ended) return line;
        interrupted = g_line_interrupted != 0;
        return std::nullopt;
    }

    std::string unique_id() override {
        unsigned char bytes[16] = {};
        std::size_t have = 0;
        while (have < sizeof bytes) {
            const ssize_t got = getrandom(bytes + have, sizeof bytes - have, 0);
            if (got > 0)
                have += static_cast<std::size_t>(got);
            else if (errno != EINTR)
                break;
        }
        if (have < sizeof bytes) {
            // No randomness to be had: the time and the process make it unique enough.
            const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count() ^
                               std::chrono::system_clock::now().time_since_epoch().count();
            for (std::size_t i = 0; i < sizeof bytes; ++i)
                bytes[i] = static_cast<unsigned char>(
                    (static_cast<unsigned long long>(ticks) >> ((i % 8) * 8)) ^
                    (static_cast<unsigned>(getpid()) >> ((i / 8) * 8)));
        }
        static const char* const digits = "0123456789abcdef";
        std::string id;
        for (unsigned char byte : bytes) {
            id += digits[byte >> 4];
            id += digits[byte & 15];
        }
        return id;
    }

private:
    RealFileSystem m_files;
    RealFileWriter m_writer;
    FdStream m_out{STDOUT_FILENO};
    FdStream m_err{STDERR_FILENO};
};

} // namespace

std::unique_ptr<System> real_system() {
    return std::make_unique<RealSystem>();
}

} // namespace calmlegs::cli
