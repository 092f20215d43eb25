// Terminal hygiene through whole command lines: a journal note, a trigger of the person's own
// (config.toml) and content of their own (a supplement, a routine) holding an OSC title
// sequence with its BEL and a colour, shown by every command that shows them. Piped, nothing
// but newlines may be a control byte; on a colour terminal, nothing but our own colours.

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

/// The sequences as bytes (typed on the command line) and in TOML (\u escapes).
const std::string k_evil = "\x1b]2;pwned\x07 \x1b[31mred\x1b[0m";
const std::string k_toml_evil = R"(\u001b]2;pwned\u0007 \u001b[31mred\u001b[0m)";
/// How they are shown: in caret notation.
const std::string k_shown = "^[]2;pwned^G ^[[31mred^[[0m";
/// With colour on, the closing \e[0m is the very reset our own colours end with: it stays a
/// code (it only ends a colour), and what comes before it is shown.
const std::string k_shown_in_colour = "^[]2;pwned^G ^[[31mred";

/// No byte of `text` is a control character but the newline, once our own colours (when
/// `color`) are taken out.
bool no_controls(std::string text, bool color = false) {
    if (color)
        for (const char* code :
             {"\x1b[1m", "\x1b[36m", "\x1b[1;33m", "\x1b[2m", "\x1b[32m", "\x1b[0m"})
            for (auto at = text.find(code); at != std::string::npos; at = text.find(code))
                text.erase(at, std::string_view(code).size());
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\n') || u == 0x7f;
    });
}

std::string shipped(const std::string& relative) {
    std::ifstream in(std::string(CALMLEGS_TEST_SHIPPED_CONTENT) + "/" + relative);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// `text` with its first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

/// A person whose config, content and journal hold the sequences.
struct Hostile {
    TempDir dir;
    FakeSystem system;
    std::string config;

    Hostile() {
        config = dir.write("config.toml", "[journal]\ntriggers = [\"Late pizza " + k_toml_evil +
                                              "\"]\n[plan]\nsupplements = [\"iron\"]\n");
        dir.write("xdg/calmlegs/content/supplements/iron.toml",
                  replaced(shipped("supplements/iron.toml"), "name = \"Iron\"",
                           "name = \"Iron " + k_toml_evil + "\""));
        std::string bath = replaced(shipped("routines/bath.toml"), "name = \"Epsom salt bath\"",
                                    "name = \"Bath " + k_toml_evil + "\"");
        bath = replaced(bath, "title = \"Soak\"", "title = \"Soak " + k_toml_evil + "\"");
        bath = replaced(bath, "text = \"Lie back", "text = \"" + k_toml_evil + " Lie back");
        dir.write("xdg/calmlegs/content/routines/bath.toml", bath);
        system.vars["XDG_CONFIG_HOME"] = dir.path() + "/xdg";
        system.vars["XDG_STATE_HOME"] = dir.path() + "/state";
        system.vars["COLUMNS"] = "100"; // room for the note in the history's table
        system.now_ = sys_days{year{2026} / 3 / 9} + hours{7};
    }

    Ran run(std::vector<std::string> words) {
        system.out_.text_.clear();
        system.err_.text_.clear();
        words.insert(words.begin(), {"--config", config});
        return run_cli(words, system);
    }

    /// Logs the nights of 1 to 8 March, each with the note; the 1st with the trigger too.
    void log_nights() {
        for (int day = 1; day <= 8; ++day) {
            std::vector<std::string> words = {"log",
                                              "--date",
                                              "2026-03-0" + std::to_string(day),
                                              "--severity",
                                              std::to_string(2 + day % 5),
                                              "--sleep",
                                              "3",
                                              "--note",
                                              k_evil};
            if (day % 2 == 1) words.insert(words.end(), {"--trigger", "late pizza"});
            REQUIRE(run(words).status == 0);
        }
    }
};

} // namespace

TEST_CASE("escapes: the note is stored as typed and echoed by log in caret notation") {
    Hostile person;
    const Ran ran = person.run(
        {"log", "--severity", "6", "--trigger", "late pizza", "--note", "calm " + k_evil});
    CHECK(ran.status == 0);
    CHECK(no_controls(ran.out + ran.err));
    CHECK(contains(ran.out, "note: calm"));
    CHECK(contains(ran.out, "^[]2;pwned^G")); // the echo may wrap at its spaces
    // Stored as typed: the data is not changed, only how it is shown.
    std::optional<Night> night;
    std::string why;
    REQUIRE(person.system.journal->night(Date{year{2026} / 3 / 8}, night, why));
    REQUIRE(night);
    CHECK(night->note == "calm " + k_evil);
    // --json escapes it itself: \u001b and \u0007, no raw byte.
    const Ran json = person.run({"history", "--json"});
    CHECK(no_controls(json.out + json.err));
    CHECK(contains(json.out, R"(\u001b]2;pwned\u0007)"));
}

TEST_CASE("escapes: history, stats, compare and report show the note and trigger harmlessly") {
    Hostile person;
    person.log_nights();
    const std::vector<std::vector<std::string>> commands = {
        {"history"},
        {"history", "--json"},
        {"stats"},
        {"stats", "--chart"},
        {"compare", "late pizza"},
        {"compare", "iron"},
        {"report", "--html", person.dir.path() + "/report.html"},
    };
    for (const auto& words : commands) {
        CAPTURE(words.front());
        CAPTURE(words.size());
        const Ran ran = person.run(words);
        CHECK(ran.status == 0);
        CHECK(no_controls(ran.out + ran.err));
    }
    // The places that show the note and the trigger's name show them in caret notation.
    CHECK(contains(person.run({"history"}).out, k_shown));
    CHECK(contains(person.run({"compare", "late pizza"}).out, "Late pizza ^[]2;pwned^G"));
    // The HTML report: HTML allows no control character but tab and newline (and CR).
    std::ifstream in(person.dir.path() + "/report.html", std::ios::binary);
    std::stringstream page;
    page << in.rdbuf();
    CHECK(contains(page.str(), "pwned"));
    const std::string html = page.str();
    CHECK(std::none_of(html.begin(), html.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f;
    }));
}

TEST_CASE("escapes: on a colour terminal only our own colours are escape codes") {
    Hostile person;
    person.log_nights();
    person.system.on_terminal(120, 200);
    person.system.vars["PAGER"] = "cat";
    const Ran history = person.run({"history"});
    CHECK(history.status == 0);
    CHECK(contains(history.out, "\x1b[1m")); // coloured: the title is bold
    CHECK(no_controls(history.out + history.err, true));
    CHECK(contains(history.out, k_shown_in_colour));
    const Ran iron = person.run({"supplement", "iron"});
    CHECK(no_controls(iron.out + iron.err, true));
    CHECK(contains(iron.out, "Iron " + k_shown_in_colour));
}

TEST_CASE("escapes: content and config words are shown harmlessly by the commands showing them") {
    Hostile person;
    const std::vector<std::vector<std::string>> commands = {
        {"supplement", "iron"},
        {"supplements"},
        {"routines"},
        {"run", "bath", "--dry-run"},
        {"config"},
        {"check"},
        {"guide"},
        {"schedule"},
        {"tonight", "--list"},
        {"remind", "--at", "08:05"},
        {"plan", "check"},
    };
    for (const auto& words : commands) {
        CAPTURE(words.front());
        const Ran ran = person.run(words);
        CHECK(no_controls(ran.out + ran.err));
    }
    CHECK(contains(person.run({"supplement", "iron"}).out, "Iron " + k_shown));
    CHECK(contains(person.run({"routines"}).out, "Bath " + k_shown));
    CHECK(contains(person.run({"run", "bath", "--dry-run"}).out, "Soak " + k_shown));
    CHECK(contains(person.run({"config"}).out, "Late pizza " + k_shown));
}

TEST_CASE("escapes: a routine's plain lines show the content's words in caret notation") {
    Hostile person;
    const Ran ran = person.run({"run", "bath", "--speed", "1000", "--no-journal"});
    CHECK(ran.status == 0);
    CHECK(no_controls(ran.out + ran.err));
    CHECK(contains(ran.out, "Bath " + k_shown));
    CHECK(contains(ran.out, "Soak " + k_shown));
}

TEST_CASE("escapes: a desktop notification gets the reminder's words in caret notation") {
    Hostile person;
    person.system.runnable.insert("notify-send");
    person.system.vars["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/run/user/1000/bus";
    person.system.programs["notify-send"] = [](const std::vector<std::string>&, std::string_view) {
        return cli::ProgramResult{0, "", ""};
    };
    person.system.now_ = sys_days{year{2026} / 3 / 10} + hours{8} + minutes{1};
    const Ran ran = person.run({"remind", "--notify"});
    CHECK(ran.status == 0);
    REQUIRE_FALSE(person.system.ran_programs.empty());
    bool iron = false;
    for (const auto& program : person.system.ran_programs) {
        for (const auto& word : program.argv)
            CHECK(no_controls(word));
        iron = iron || contains(program.argv.back(), "Iron " + k_shown);
    }
    CHECK(iron);
}

TEST_CASE("escapes: the cue command gets the content's words as one argument, never a shell's") {
    Hostile person;
    person.config = person.dir.write("cues.toml", "[cues]\nbell = false\ncommand = [\"say\"]\n");
    person.system.runnable.insert("say");
    const Ran ran = person.run({"run", "bath", "--speed", "1000", "--no-journal"});
    CHECK(ran.status == 0);
    // Not a terminal and not a shell: argv as posix_spawnp takes it, the words as they are.
    bool soak = false;
    for (const auto& argv : person.system.spawner_.spawns()) {
        REQUIRE(argv.size() == 2);
        CHECK(argv[0] == "say");
        soak = soak || contains(argv[1], "Soak " + k_evil);
    }
    CHECK(soak);
}
