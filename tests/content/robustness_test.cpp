// No input crashes the loader: every shipped file, mutated thousands of ways with a fixed seed
// (bytes flipped, cut short, lines repeated, garbage inserted), goes through its parser and
// the validator. Under the asan preset this also proves there is no memory error on the way.

#include "content/parse.h"
#include "content/validate.h"

#include "support/memory_files.h"
#include "support/paths.h"

#include <doctest/doctest.h>
#include <random>

using namespace calmlegs;

namespace {

std::string mutate(std::string text, std::mt19937& random) {
    std::uniform_int_distribution<int> kind(0, 5);
    const std::size_t size = std::max<std::size_t>(text.size(), 1);
    std::uniform_int_distribution<std::size_t> at(0, size - 1);
    std::uniform_int_distribution<int> byte(0, 255);
    const char* const pieces[] = {"[[",    "]]",   "\"",    "=",           "{",      "}",
                                  "[",     "\n",   "\\u00", "'''",         "\"\"\"", "#",
                                  "1e999", "\xff", "\xc3",  "id = \"x\"\n"};
    std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
    switch (kind(random)) {
    case 0:
        if (!text.empty()) text[at(random) % text.size()] = static_cast<char>(byte(random));
        break;
    case 1:
        text.resize(at(random) % (text.size() + 1));
        break;
    case 2:
        text.insert(at(random) % (text.size() + 1), pieces[piece(random)]);
        break;
    case 3:
        if (!text.empty()) text.erase(at(random) % text.size(), 1 + at(random) % 16);
        break;
    case 4: {
        const std::size_t start = at(random) % (text.size() + 1);
        text.insert(start, text.substr(start, 64));
        break;
    }
    default:
        text.append(pieces[piece(random)]);
        break;
    }
    return text;
}

} // namespace

TEST_CASE("the parsers survive thousands of mutated content files") {
    RealFileSystem real;
    const std::string root = test::k_shipped_content;
    std::vector<std::pair<std::string, std::string>> originals; // relative path, text
    for (const char* dir : {"supplements", "steps", "breathing", "exercises", "routines"})
        for (const auto& entry : real.list(root + "/" + dir)) {
            std::string error;
            originals.emplace_back(std::string(dir) + "/" + entry.name,
                                   *real.read(root + "/" + dir + "/" + entry.name, error));
        }
    for (const char* file : {"guide.toml", "notes.toml", "references.toml", "stack.toml"}) {
        std::string error;
        originals.emplace_back(file, *real.read(root + "/" + file, error));
    }
    REQUIRE(originals.size() == 46);

    std::mt19937 random(20261128);
    std::size_t problems = 0;
    for (int round = 0; round < 100; ++round) {
        test::MemoryFileSystem files;
        for (const auto& [path, text] : originals) {
            std::string changed = text;
            const int edits = 1 + round % 4;
            for (int i = 0; i < edits; ++i)
                changed = mutate(changed, random);
            files.add("/c/" + path, changed);
        }
        const Diagnostics diags = validate_content(files, {"/c"});
        problems += diags.size();
        for (const auto& problem : diags.problems()) {
            CHECK(problem.pos.line >= 1);
            CHECK(problem.pos.column >= 1);
            CHECK_FALSE(problem.message.empty());
        }
    }
    CHECK(problems > 100); // the mutations did break things, and each was reported
}
