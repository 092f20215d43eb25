// Whole-process timing: runs each command many times (interleaved, after a warm-up) and
// reports the median wall time, its spread, and the command's peak resident memory.
//
//     calmlegs_proc_bench [--runs N] [--warmup N] "/bin/true" "calmlegs guide 9" ...
//
// The first command is the baseline the others are compared with.

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <spawn.h>
#include <string>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

struct Sample {
    double milliseconds = 0;
};

std::vector<std::string> split(const std::string& command) {
    std::vector<std::string> words;
    std::string word;
    for (char c : command) {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);
    return words;
}

Sample run_once(const std::vector<std::string>& words) {
    std::vector<char*> argv;
    for (const auto& word : words)
        argv.push_back(const_cast<char*>(word.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::fprintf(stderr, "cannot run %s\n", argv[0]);
        std::exit(2);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const auto end = std::chrono::steady_clock::now();
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", argv[0], status);
        std::exit(2);
    }
    return {std::chrono::duration<double, std::milli>(end - start).count()};
}

/// The command's own peak resident memory (VmHWM) read at its exit under ptrace. wait4's
/// ru_maxrss cannot be used: it never drops below the spawning process's size at the fork.
long peak_rss_kib(const std::vector<std::string>& words) {
    std::vector<char*> argv;
    for (const auto& word : words)
        argv.push_back(const_cast<char*>(word.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int null_fd = open("/dev/null", O_RDWR);
        dup2(null_fd, STDIN_FILENO);
        dup2(null_fd, STDOUT_FILENO);
        dup2(null_fd, STDERR_FILENO);
        ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
        execvp(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0); // stopped at exec
    ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACEEXIT);
    ptrace(PTRACE_CONT, pid, nullptr, nullptr);
    long peak = -1;
    while (waitpid(pid, &status, 0) == pid) {
        if (WIFEXITED(status) || WIFSIGNALED(status)) break;
        if (WIFSTOPPED(status) && (status >> 8) == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
            std::ifstream proc("/proc/" + std::to_string(pid) + "/status");
            std::string line;
            while (std::getline(proc, line))
                if (line.rfind("VmHWM:", 0) == 0) peak = std::atol(line.c_str() + 6);
            ptrace(PTRACE_CONT, pid, nullptr, nullptr);
            continue;
        }
        const int signal = WIFSTOPPED(status) ? WSTOPSIG(status) : 0;
        ptrace(PTRACE_CONT, pid, nullptr, signal == SIGTRAP ? 0 : signal);
    }
    return peak;
}

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const std::size_t index =
        static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

} // namespace

int main(int argc, char** argv) {
    int runs = 200;
    int warmup = 20;
    std::vector<std::string> commands;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (arg == "--warmup" && i + 1 < argc)
            warmup = std::atoi(argv[++i]);
        else
            commands.push_back(arg);
    }
    if (commands.empty() || runs < 1) {
        std::fprintf(stderr, "usage: %s [--runs N] [--warmup N] COMMAND...\n", argv[0]);
        return 2;
    }
    std::vector<std::vector<std::string>> words;
    for (const auto& command : commands)
        words.push_back(split(command));
    for (int i = 0; i < warmup; ++i)
        for (const auto& w : words)
            run_once(w);

    std::vector<std::vector<double>> times(commands.size());
    std::vector<long> peak(commands.size(), 0);
    for (int i = 0; i < runs; ++i) {
        for (std::size_t c = 0; c < commands.size(); ++c) {
            times[c].push_back(run_once(words[c]).milliseconds);
        }
    }
    for (std::size_t c = 0; c < commands.size(); ++c)
        for (int i = 0; i < 5; ++i)
            peak[c] = std::max(peak[c], peak_rss_kib(words[c]));
    const double baseline = percentile(times[0], 0.5);
    std::printf("%-44s %9s %9s %9s %8s %11s\n", "command", "median ms", "p10 ms", "p90 ms", "ratio",
                "peak KiB");
    for (std::size_t c = 0; c < commands.size(); ++c) {
        const double median = percentile(times[c], 0.5);
        std::printf("%-44s %9.3f %9.3f %9.3f %7.2fx %11ld\n", commands[c].c_str(), median,
                    percentile(times[c], 0.1), percentile(times[c], 0.9), median / baseline,
                    peak[c]);
    }
    std::printf("(%d runs each after %d warm-up runs, interleaved)\n", runs, warmup);
    return 0;
}
