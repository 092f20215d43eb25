#pragma once
// A System for driving whole command lines in tests: a chosen environment and terminal,
// standard streams that keep what was written, a pager that records what it was given, and
// routines that run on the fake clock.

#include "cli/app.h"
#include "cli/system.h"
#include "journal/memory_store.h"
#include "support/fake_events.h"
#include "support/fake_spawner.h"
#include "support/paths.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace calmlegs::test {

/// A standard stream that keeps what was written; `fail_with` makes every write fail.
class FakeStream final : public cli::Stream {
public:
    void write(std::string_view text) override {
        if (fail_with != 0) {
            if (m_error == 0) m_error = fail_with;
            return;
        }
        text_ += text;
    }
    void flush() override {}
    TerminalSize size() override { return {columns, rows}; }
    int error() const override { return m_error; }
    /// Writes work again (the disk has room again), and no error is remembered.
    void recover() {
        fail_with = 0;
        m_error = 0;
    }

    std::string text_;
    int fail_with = 0;
    int columns = 0;
    int rows = 0;

private:
    int m_error = 0;
};

class FakeSystem final : public cli::System {
public:
    /// Piped, no terminal, the shipped content, no config of the person's own.
    FakeSystem() {
        vars["CALMLEGS_CONTENT"] = CALMLEGS_TEST_SHIPPED_CONTENT;
        vars["HOME"] = "/nonexistent/calmlegs-test-home";
        vars["LANG"] = "C.UTF-8";
        vars["TZ"] = "UTC"; // never the machine's own zone
    }

    /// Standard output and input on a terminal of this size.
    void on_terminal(int columns = 80, int rows = 24, const char* term = "xterm-256color") {
        facts = TerminalFacts{true, true, columns, rows};
        out_.columns = columns;
        out_.rows = rows;
        vars["TERM"] = term;
    }

    std::optional<std::string> env(std::string_view name) const override {
        const auto it = vars.find(std::string(name));
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    TerminalFacts terminal_facts() const override { return facts; }
    cli::Stream& out() override { return out_; }
    cli::Stream& err() override { return err_; }
    bool page(const std::string& pager, std::string_view text) override {
        paged.push_back({pager, std::string(text)});
        return pager_works;
    }
    std::string exe_dir() const override { return {}; }
    bool can_run(const std::string& program) const override { return runnable.count(program) != 0; }
    std::unique_ptr<EventSource> events(bool read_keys) override {
        asked_for_keys = read_keys;
        auto events = std::make_unique<FakeEvents>(read_keys);
        for (const auto& [at, key] : keys)
            events->key_at(at, key);
        for (const auto& [at, signal] : signals)
            events->at(at, Event{Event::Kind::interrupt, 0, signal});
        return events;
    }
    Spawner& spawner() override { return spawner_; }
    pid_t process_id() const override { return k_process_id; }
    std::unique_ptr<cli::Stream> append_to(const std::string& path, std::string& why) override {
        if (path.starts_with("/nonexistent")) {
            why = "No such file or directory";
            return nullptr;
        }
        auto stream = std::make_unique<FakeStream>();
        logs.push_back(stream.get()); // valid while the run lasts
        return stream;
    }
    std::string clock_time_after(Nanos) const override { return "22:41"; }
    Instant now() const override { return now_; }
    std::string exe_path() const override { return "/usr/bin/calmlegs"; }
    const FileSystem& files() const override { return files_; }
    FileWriter& writer() override { return writer_; }
    /// Records the call and answers with `programs` (a program not in it cannot be started).
    cli::ProgramResult run_program(const std::vector<std::string>& argv,
                                   std::string_view input) override {
        ran_programs.push_back({argv, std::string(input)});
        const auto it = programs.find(argv.empty() ? std::string() : argv.front());
        if (it == programs.end()) return {-1, "", argv.front() + ": No such file or directory"};
        return it->second(argv, input);
    }

    /// The journal: `journal` in memory whatever the path (the path is kept in
    /// `journal_opened`); missing until created, unless `journal_exists`; refused with
    /// `journal_refusal` when that is set.
    OpenedJournal open_journal(const std::string& path, OpenMode mode) override {
        journal_opened = path;
        OpenedJournal opened;
        if (!journal_refusal.empty()) {
            opened.why = journal_refusal;
            return opened;
        }
        if (!journal_exists && mode == OpenMode::existing) {
            opened.status = OpenedJournal::Status::missing;
            return opened;
        }
        journal_exists = true;
        opened.status = OpenedJournal::Status::opened;
        opened.store = std::make_unique<SharedStore>(journal);
        return opened;
    }
    /// Answers `answers` in turn, the prompt kept in `prompts`; then the end of input (or
    /// Ctrl-C when `interrupt_at_end`).
    std::optional<std::string> read_line(std::string_view prompt, bool& interrupted) override {
        prompts.push_back(std::string(prompt));
        out_.write(prompt);
        interrupted = false;
        if (answers.empty()) {
            interrupted = interrupt_at_end;
            return std::nullopt;
        }
        std::string answer = answers.front();
        answers.pop_front();
        return answer;
    }
    std::string unique_id() override { return "run-" + std::to_string(++ids_given); }

    std::map<std::string, std::string> vars;
    TerminalFacts facts;
    FakeStream out_, err_;
    struct Paged {
        std::string pager, text;
    };
    std::vector<Paged> paged;
    bool pager_works = true;
    std::set<std::string> runnable;
    std::vector<std::pair<Nanos, char>> keys;   ///< keys typed during a routine, by fake time
    std::vector<std::pair<Nanos, int>> signals; ///< signals during a routine, by fake time
    bool asked_for_keys = false;
    FakeSpawner spawner_;
    static constexpr pid_t k_process_id = 4242; ///< the pid calmlegs runs as
    std::vector<FakeStream*> logs;
    Instant now_{std::chrono::sys_days{std::chrono::year{2026} / 3 / 8} + std::chrono::hours{12}};
    RealFileSystem files_; ///< tests keep their files in a temporary directory
    RealFileWriter writer_;
    /// Fakes of the programs the command may run, by argv[0].
    std::map<std::string,
             std::function<cli::ProgramResult(const std::vector<std::string>&, std::string_view)>>
        programs;
    struct RanProgram {
        std::vector<std::string> argv;
        std::string input;
    };
    std::vector<RanProgram> ran_programs;
    std::shared_ptr<MemoryStore> journal = std::make_shared<MemoryStore>();
    bool journal_exists = false;
    std::string journal_refusal;
    std::string journal_opened;
    std::deque<std::string> answers;
    std::vector<std::string> prompts;
    bool interrupt_at_end = false;
    int ids_given = 0;

private:
    /// The Context owns the store it opens; this one hands every call to the shared store.
    class SharedStore final : public JournalStore {
    public:
        explicit SharedStore(std::shared_ptr<MemoryStore> store)
            : m_store(std::move(store)) {}
        bool change_night(Date date,
                          const std::function<Night(const std::optional<Night>&)>& change,
                          bool& replaced, std::string& why) override {
            return m_store->change_night(date, change, replaced, why);
        }
        bool night(Date date, std::optional<Night>& night, std::string& why) override {
            return m_store->night(date, night, why);
        }
        bool night_before(Date date, std::optional<Night>& night, std::string& why) override {
            return m_store->night_before(date, night, why);
        }
        bool add_run(const RoutineRun& run, std::string& why) override {
            return m_store->add_run(run, why);
        }
        bool summaries(Date from, Date to, std::vector<NightSummary>& out, std::string& why,
                       const SummaryParts& parts = {}) override {
            return m_store->summaries(from, to, out, why, parts);
        }
        bool runs(Date from, Date to, std::vector<RoutineRun>& out, std::string& why) override {
            return m_store->runs(from, to, out, why);
        }
        bool span(std::optional<Date>& first, Date& last, std::string& why) override {
            return m_store->span(first, last, why);
        }
        bool load_all(JournalData& out, std::string& why) override {
            return m_store->load_all(out, why);
        }
        bool import(const JournalData& data, ImportCounts& counts, std::string& why) override {
            return m_store->import(data, counts, why);
        }
        bool add_trial(Trial& trial, Date tonight, std::string& why) override {
            return m_store->add_trial(trial, tonight, why);
        }
        bool trials(std::vector<Trial>& out, std::string& why) override {
            return m_store->trials(out, why);
        }
        bool stop_trial(std::int64_t id, Date night, std::string& why) override {
            return m_store->stop_trial(id, night, why);
        }

    private:
        std::shared_ptr<MemoryStore> m_store;
    };
};

/// True when `text` holds `part`: what a command wrote, checked piece by piece.
inline bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

/// What a command line did.
struct Ran {
    int status = -1;
    std::string out, err;
};

/// Runs `calmlegs WORDS...` against `system` (a fresh FakeSystem by default).
inline Ran run_cli(const std::vector<std::string>& words, FakeSystem& system) {
    Ran ran;
    ran.status = cli::run(words, system);
    ran.out = system.out_.text_;
    ran.err = system.err_.text_;
    return ran;
}

inline Ran run_cli(const std::vector<std::string>& words) {
    FakeSystem system;
    return run_cli(words, system);
}

} // namespace calmlegs::test
