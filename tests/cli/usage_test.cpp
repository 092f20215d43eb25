// Usage errors: what is said, and that every line offered to type is itself no usage error.

#include "support/fake_system.h"
#include "ui/text.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

/// The words of a suggested line such as "calmlegs supplement 'vitamin c'  # Vitamin C": split
/// as a POSIX shell would (single quotes only, as shell_quote writes), up to a comment.
std::vector<std::string> shell_words(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false, quoted = false;
    for (const char c : line) {
        if (quoted) {
            if (c == '\'')
                quoted = false;
            else
                word += c;
        } else if (c == '\'') {
            quoted = in_word = true;
        } else if (c == ' ') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else if (c == '#' && !in_word) {
            break;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

/// The command lines a message offers to type ("Did you mean: calmlegs ...", "Try: ...").
std::vector<std::vector<std::string>> suggestions(const std::string& err) {
    std::vector<std::vector<std::string>> lines;
    for (const auto& line : split_lines(err))
        for (const std::string_view lead : {"Did you mean: ", "Try: "})
            if (line.starts_with(lead)) {
                auto words = shell_words(std::string_view(line).substr(lead.size()));
                REQUIRE(!words.empty());
                REQUIRE(words.front() == "calmlegs");
                words.erase(words.begin());
                lines.push_back(words);
            }
    return lines;
}

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : " ") + word;
    return out;
}

} // namespace

TEST_CASE("usage: the acceptance lines get suggestions that work") {
    struct Case {
        std::vector<std::string> typed;
        std::string message;
        std::string suggestion; ///< "" when none may be offered
    };
    const std::vector<Case> cases = {
        {{"routine", "urge"}, "unknown command 'routine'", "calmlegs run urge"},
        {{"routine"}, "unknown command 'routine'", "calmlegs routines"},
        {{"supplement", "iron", "--speed", "2"},
         "unknown option '--speed' for 'supplement'; it is an option of tonight, run, breathe, "
         "stretch",
         ""},
        {{"breath"}, "unknown command 'breath'", "calmlegs breathe"},
        {{"supplemnt", "iron"}, "unknown command 'supplemnt'", "calmlegs supplement iron"},
        {{"supplements", "iron"}, "'supplements' does not take 'iron'", "calmlegs supplement iron"},
        {{"routines", "urge"}, "'routines' does not take 'urge'", "calmlegs run urge"},
        {{"routines", "urge", "--dry-run"},
         "unknown option '--dry-run' for 'routines'; it is an option of tonight, run, breathe, "
         "stretch",
         "calmlegs run urge --dry-run"},
        {{"--speed", "2", "breathe"},
         "'--speed 2' must come after the command 'breathe'.",
         "calmlegs breathe --speed 2"},
        {{"--speed", "2", "--config", "x.toml", "breathe"},
         "'--speed 2' must come after the command 'breathe'.",
         "calmlegs --config x.toml breathe --speed 2"},
        {{"--content", "supplment", "supplment", "iron"},
         "unknown command 'supplment'",
         "calmlegs --content supplment supplement iron"},
        {{"supplment"}, "unknown command 'supplment'", "calmlegs supplement magnesium"},
        {{"supplement"}, "'supplement' needs NAME", "calmlegs supplement magnesium"},
        {{"xyzzy"}, "unknown command 'xyzzy'", ""},
        {{"supplements", "iron", "--when", "bedtime"}, "'supplements' does not take 'iron'", ""},
        {{"routines", "urge", "--", "--dry-run"}, "", ""},
        {{"breathe", "--cycles", "2.5"},
         "--cycles: expects a whole number from 1 to 1000, not '2.5'",
         ""},
        {{"--bogus"}, "unknown option '--bogus'", ""},
        {{"--cycles", "3"}, "'--cycles' is an option of breathe; type it after the command", ""},
        // Words before the command are not the command's fault.
        {{"bogus", "supplement", "iron"},
         "unexpected 'bogus' before the command 'supplement'",
         "calmlegs supplement iron"},
        {{"", "supplement", "iron"},
         "unexpected '' before the command 'supplement'",
         "calmlegs supplement iron"},
        {{"--bogus", "supplement", "iron"}, "unknown option '--bogus'", ""},
        // A missing word: the line as typed, with the example's word in it.
        {{"run", "--dry-run"}, "'run' needs ROUTINE", "calmlegs run urge --dry-run"},
        {{"supplement", "--json"},
         "'supplement' needs NAME",
         "calmlegs supplement magnesium --json"},
        // A word that is no name is refused as it is parsed, so no line offers it.
        {{"routine", ""}, "unknown command 'routine'", ""},
        {{"supplements", "?"}, "'supplements' does not take '?'", ""},
        {{"supplement", "..."}, "NAME: expects a name, not '...'", ""},
        // A word that a message would cut or escape is not offered back.
        {{"supplemnt", "ir\xffon"}, "unknown command 'supplemnt'", ""},
        {{"supplemnt", std::string(81, 'i')}, "unknown command 'supplemnt'", ""},
        {{"supplemnt", std::string(80, 'i')},
         "unknown command 'supplemnt'",
         "calmlegs supplement " + std::string(80, 'i')},
        // A value missing or given twice, in words.
        {{"breathe", "--speed"}, "'--speed' needs a value", ""},
        {{"help", "supplements", "iron"}, "'help' does not take 'iron'", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(joined(c.typed));
        const Ran ran = run_cli(c.typed);
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        if (!c.message.empty()) CHECK(ran.err.starts_with("calmlegs: " + c.message + "\n"));
        const auto offered = suggestions(ran.err);
        if (c.suggestion.empty()) {
            CHECK(offered.empty());
        } else {
            REQUIRE(offered.size() == 1);
            CHECK("calmlegs " + joined(offered.front()) == c.suggestion);
        }
        // Every error says where the help is.
        CHECK(contains(ran.err, "Help: calmlegs "));
    }
}

TEST_CASE("usage: a name that finds nothing offers the line as typed, with the name put right") {
    const Ran misspelt = run_cli({"--json", "run", "stretchy-legs", "--dry-run"});
    CHECK(misspelt.status == 1);
    CHECK(contains(misspelt.err,
                   "Did you mean: calmlegs --json run stretch --dry-run  # Five-minute stretch\n"));
    const Ran ambiguous = run_cli({"run", "warm", "--speed", "50", "--dry-run"});
    CHECK(ambiguous.status == 1);
    const auto lines = suggestions(ambiguous.err);
    CHECK(lines.empty()); // "It could be:" lists, it does not say "Try:"
    CHECK(
        contains(ambiguous.err, "  calmlegs run compress --speed 50 --dry-run  # Warm compress\n"));
    CHECK(contains(ambiguous.err,
                   "  calmlegs run contrast --speed 50 --dry-run  # Contrast therapy\n"));
    // A name of several words, typed as one or as several.
    for (const auto& words : std::vector<std::vector<std::string>>{
             {"run", "warm bathx", "--dry-run"}, {"run", "warm", "bathx", "--dry-run"}}) {
        const Ran ran = run_cli(words);
        CHECK(ran.status == 1);
        const auto offered = suggestions(ran.err);
        REQUIRE(offered.size() == 1);
        CHECK(joined(offered.front()) == "run compress --dry-run");
    }
}

TEST_CASE("usage: a command's mistakes show its usage line, from the model") {
    const Ran ran = run_cli({"breathe", "--cycles", "x"});
    CHECK(contains(ran.err, "Usage: calmlegs breathe [OPTIONS] [PATTERN]\n"));
    CHECK(contains(ran.err, "Help: calmlegs breathe --help\n"));
    const Ran top = run_cli({"--bogus"});
    CHECK(contains(top.err,
                   "Global options, before or after the command: --content DIR, --config FILE, "
                   "--journal FILE, --json, --no-color, --no-pager."));
}

TEST_CASE("usage: every suggestion the tests can provoke runs without a usage error") {
    // Mistakes of every kind the command line knows, each run; then every line offered.
    const std::vector<std::vector<std::string>> mistakes = {
        {"routine", "urge"},
        {"routine"},
        {"breath"},
        {"breathing", "coherent"},
        {"stretches"},
        {"supplemnt", "iron"},
        {"supplment"},
        {"suplement", "vit", "d"},
        {"gide", "4"},
        {"tonihgt"},
        {"routnes"},
        {"chek"},
        {"hlep"},
        {"help", "supplemnt"},
        {"supplements", "iron"},
        {"supplements", "vitamin", "c"},
        {"routines", "urge"},
        {"routines", "bath", "--speed", "2"},
        {"--speed", "2", "breathe"},
        {"--dry-run", "tonight"},
        {"--cycles", "3", "breathe"},
        {"--speed", "2", "--json", "run", "urge"},
        {"supplement"},
        {"run"},
        {"supplement", "mag", "--all"},
        {"tonight", "now"},
        {"stretch", "5"},
        {"check", "a", "b"},
        {"supplement", "magnesm"},
        {"supplement", "vitamin"},
        {"guide", "11"},
        {"run", "urgent"},
        {"breathe", "4-7-9x"},
        {"breathe", "lion"},
        {"guide", "--search"},
        {"breathe", "--minutes", "3", "--cycles", "2"},
    };
    std::size_t checked = 0;
    for (const auto& typed : mistakes) {
        CAPTURE(joined(typed));
        const Ran ran = run_cli(typed);
        CHECK(ran.status != 0);
        for (const auto& line : suggestions(ran.err)) {
            CAPTURE(joined(line));
            FakeSystem system;
            const Ran again = run_cli(line, system);
            CHECK(again.status != 2);
            ++checked;
        }
    }
    // The mistakes above provoke many suggestions; a change that silences them all is a bug.
    CHECK(checked >= 20);
}
