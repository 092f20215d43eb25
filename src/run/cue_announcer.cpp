#include "run/cue_announcer.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace calmlegs {

CueAnnouncer::CueAnnouncer(Output* bell, std::vector<std::string> command)
    : m_bell(bell)
    , m_command(std::move(command)) {}

CueAnnouncer::~CueAnnouncer() {
    reap();
}

void CueAnnouncer::reap() {
    for (auto it = m_stopping.begin(); it != m_stopping.end();)
        it = ::waitpid(*it, nullptr, WNOHANG) != 0 ? m_stopping.erase(it) : it + 1;
    if (m_speaking > 0 && ::waitpid(m_speaking, nullptr, WNOHANG) != 0) m_speaking = -1;
}

void CueAnnouncer::announce(const std::vector<const Cue*>& cues) {
    if (m_bell != nullptr) {
        m_bell->write("\a");
        m_bell->flush();
    }
    // "4-7-8 breathing. Breathe in quietly through your nose": one utterance per instant.
    std::string text;
    for (const Cue* cue : cues) {
        if (cue->text.empty()) continue;
        if (!text.empty()) text += text.back() == '.' ? " " : ". ";
        text += cue->text;
    }
    if (m_command.empty() || !m_error.empty() || text.empty()) return;
    reap();
    if (m_speaking > 0) {
        ::kill(m_speaking, SIGTERM);
        m_stopping.push_back(m_speaking);
        m_speaking = -1;
    }
    std::vector<char*> argv;
    for (auto& word : m_command)
        argv.push_back(word.data());
    argv.push_back(text.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int failed = ::posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0)
        m_error = "the cue command '" + m_command.front() +
                  "' could not be run: " + std::strerror(failed);
    else
        m_speaking = pid;
}

} // namespace calmlegs
