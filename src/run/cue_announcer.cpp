#include "run/cue_announcer.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

namespace calmlegs {
namespace {

class PosixSpawner final : public Spawner {
public:
    Spawned spawn(const std::vector<std::string>& argv) override {
        std::vector<std::string> words = argv; // posix_spawnp takes char*, not const char*
        std::vector<char*> pointers;
        for (auto& word : words)
            pointers.push_back(word.data());
        pointers.push_back(nullptr);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
        Spawned spawned;
        spawned.error =
            ::posix_spawnp(&spawned.pid, pointers[0], &actions, nullptr, pointers.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        return spawned;
    }
    void stop(pid_t pid) override { ::kill(pid, SIGTERM); }
    // waitpid gives the pid once it has ended, and -1 when it is no child of ours (any more):
    // either way there is nothing left to wait for.
    bool reap(pid_t pid) override { return ::waitpid(pid, nullptr, WNOHANG) != 0; }
};

} // namespace

Spawner& posix_spawner() {
    static PosixSpawner spawner;
    return spawner;
}

bool rings(const Cue& cue, const BellCues& ring) {
    switch (cue.kind) {
    case CueKind::step:
        return ring.step;
    case CueKind::side:
        return ring.side;
    case CueKind::phase:
        if (cue.switches_side()) return ring.side;
        return is_breath(cue.phase) ? ring.breath : ring.rep;
    case CueKind::start:
    case CueKind::tick:
    case CueKind::step_end:
    case CueKind::end:
        break;
    }
    return false;
}

CueAnnouncer::CueAnnouncer(Output* bell, BellCues ring, std::vector<std::string> command,
                           Spawner& spawner)
    : m_bell(bell)
    , m_ring(ring)
    , m_command(std::move(command))
    , m_spawner(spawner) {}

CueAnnouncer::~CueAnnouncer() {
    reap();
}

void CueAnnouncer::reap() {
    for (auto it = m_stopping.begin(); it != m_stopping.end();)
        it = m_spawner.reap(*it) ? m_stopping.erase(it) : it + 1;
    if (m_speaking > 0 && m_spawner.reap(m_speaking)) m_speaking = -1;
}

void CueAnnouncer::announce(const std::vector<const Cue*>& cues) {
    // One bell for the instant, when any of its cues is of a kind that rings.
    if (m_bell != nullptr && std::any_of(cues.begin(), cues.end(),
                                         [&](const Cue* cue) { return rings(*cue, m_ring); })) {
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
        m_spawner.stop(m_speaking);
        m_stopping.push_back(m_speaking);
        m_speaking = -1;
    }
    std::vector<std::string> argv = m_command;
    argv.push_back(std::move(text));
    const Spawned spawned = m_spawner.spawn(argv);
    if (spawned.error != 0)
        m_error = "the cue command '" + m_command.front() +
                  "' could not be run: " + std::strerror(spawned.error);
    else
        m_speaking = spawned.pid;
}

} // namespace calmlegs
