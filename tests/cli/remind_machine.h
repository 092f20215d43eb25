#pragma once
// A person's machine for `calmlegs remind` tests: their config, a state directory of its own,
// a zone and a fake clock; and what the output's reminders are called.

#include "content/temp_dir.h"
#include "remind/civil.h"
#include "support/fake_system.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace calmlegs::test {

/// `y`-`m`-`d` as a Date.
inline Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// `hour:minute` on `on` in a zone `offset_hours` ahead of UTC, as a UTC instant.
inline Instant at(Date on, int hour, int minute, int offset_hours = 0) {
    return Instant{std::chrono::sys_days{on}} + std::chrono::hours{hour - offset_hours} +
           std::chrono::minutes{minute};
}

/// The whole of a file ("" when it cannot be read).
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// A person's machine: their config, a state directory of its own, a zone and a fake clock.
struct Machine {
    TempDir dir;
    FakeSystem system;
    std::string config;

    explicit Machine(const std::string& config_text, const std::string& tz = "UTC") {
        config = dir.write("config.toml", config_text);
        system.vars["XDG_STATE_HOME"] = dir.path() + "/state";
        system.vars["TZ"] = tz;
        system.vars["COLUMNS"] = "1000"; // a reminder's title on one line, never elided
    }

    std::string state_dir() const { return dir.path() + "/state/calmlegs"; }
    std::string state_file() const { return state_dir() + "/remind-state.toml"; }

    /// `calmlegs --config CONFIG remind WORDS...` at `now`.
    Ran remind(Instant now, std::vector<std::string> words = {}) {
        system.now_ = now;
        system.out_.text_.clear();
        system.err_.text_.clear();
        words.insert(words.begin(), {"--config", config, "remind"});
        return run_cli(words, system);
    }
};

/// The titles of the reminders in remind's text output ("21:45  Wind-down (due 3 ...)").
inline std::vector<std::string> titles(const std::string& out) {
    std::vector<std::string> found;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() < 8 || line[2] != ':' || line.substr(5, 2) != "  ") continue;
        std::string title = line.substr(7);
        title = title.substr(0, title.find(" (due "));
        found.push_back(title);
    }
    return found;
}

} // namespace calmlegs::test
