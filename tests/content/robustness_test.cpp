// No input crashes the loader: every shipped file, mutated thousands of ways with a fixed seed
// (bytes flipped, cut short, lines repeated, garbage inserted), goes through its parser and
// the validator. Under the asan preset this also proves there is no memory error on the way.

#include "content/config.h"
#include "content/parse.h"
#include "content/toml_reader.h"
#include "content/validate.h"

#include "support/memory_files.h"
#include "support/paths.h"

#include "content/utf8.h"

#include <cstdint>
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

TEST_CASE("keys nested thousands of tables deep are refused before toml++ walks them") {
    // A header [a.a.a...] 100000 keys deep once overflowed the stack in toml++'s recursive walk
    // over the tables it had built (calmlegs check crashed). The text is refused first, at the
    // line, naming the file; a thousand levels still parse.
    const auto keys = [](int depth) {
        std::string path = "a";
        for (int i = 1; i < depth; ++i)
            path += ".a";
        return path;
    };
    Diagnostics diags;
    CHECK_FALSE(parse_supplement("id = \"x\"\n[" + keys(100000) + "]\n", "deep.toml", "x", diags)
                    .has_value());
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].format() ==
          "deep.toml:2:1: keys nested more than 1000 tables deep (a table header or dotted key "
          "with that many dots)");

    Diagnostics dotted;
    CHECK_FALSE(
        parse_config("# a.b.c\nname = \"...\"\n" + keys(2000) + " = 1\n", "config.toml", dotted)
            .has_value());
    REQUIRE(dotted.size() == 1);
    CHECK(dotted.problems()[0].format().starts_with("config.toml:3:1: keys nested more than"));

    // Dots in strings and comments are text, not keys: a thousand of them are nothing.
    Diagnostics text;
    const std::string dots(5000, '.');
    CHECK(parse_config("# " + dots + "\n[cues]\ncommand = [\"" + dots + "\", '" + dots +
                           "', \"\"\"\n" + dots + "\\\"\"\"\"]\n",
                       "config.toml", text)
              .has_value());
    CHECK(text.empty());

    Diagnostics thousand;
    parse_config("[" + keys(1001) + "]\n", "config.toml", thousand);
    for (const auto& problem : thousand.problems()) // an unknown table, not a refusal
        CHECK(problem.message.find("nested") == std::string::npos);
}

TEST_CASE("the characters toml++ 3.3 cannot ask 'is this whitespace?' about are all known") {
    // Its generated function, step by step: characters from U+00A0 to U+FEFF fall in buckets
    // of 0x3FA; a bucket whose bit is set in the mask is no whitespace; then three characters
    // are; then buckets 5 and 7 have cases, and any other reaches TOML_UNREACHABLE.
    const auto undefined_in_toml = [](char32_t c) {
        if (c < 0xA0 || c > 0xFEFF) return false;
        const auto bucket = (static_cast<std::uint64_t>(c) - 0xA0) / 0x3FA;
        if (((std::uint64_t{1} << bucket) & 0x7FFFFFFFFFFFF75Eull) != 0) return false;
        if (c == 0xA0 || c == 0x3000 || c == 0xFEFF) return false;
        return bucket != 5 && bucket != 7;
    };
    int unsafe = 0;
    for (char32_t c = 0; c <= 0x10FFFF; ++c) {
        if (undefined_in_toml(c) != toml_cannot_ask_whitespace(c)) {
            CAPTURE(static_cast<unsigned>(c));
            CHECK(undefined_in_toml(c) == toml_cannot_ask_whitespace(c));
        }
        unsafe += toml_cannot_ask_whitespace(c) ? 1 : 0;
    }
    CHECK(unsafe == (0x499 - 0xA1 + 1) + (0x3057 - 0x2C5E) + (0xFEFE - 0xFB26 + 1));
}

TEST_CASE("characters toml++ 3.3 cannot ask about reach it as stand-ins and come back") {
    // toml++ 3.3 asks of some characters whether they are whitespace, and for U+00A1-U+0499,
    // most of U+2C5E-U+3057 and U+FB26-U+FEFE its answer is undefined behaviour. The fuzzers
    // found it in a table header (fuzz/config: U+FEFE), in a value ("3'...U+0494"), after a
    // backslash and after a line-ending backslash in a multi-line string (fuzz/remind_state).
    // Each is now read as toml++ reads any other letter, and its errors name the character.
    const auto error_of = [](const std::string& text) {
        Diagnostics diags;
        CHECK_FALSE(parse_config(text, "config.toml", diags).has_value());
        REQUIRE(diags.size() == 1);
        return diags.problems()[0].format();
    };
    CHECK(error_of("[cues]\n[r\xEF\xBB\xBEml]\n") ==
          "config.toml:2:3: TOML syntax error: Error while parsing table header: expected ']', "
          "saw '\xEF\xBB\xBE'");
    CHECK(error_of("s = [3'rpz3g[r[3gzoo\xD2\x94\n") ==
          "config.toml:1:6: TOML syntax error: Error while parsing value: could not determine "
          "value type");
    CHECK(error_of("[cues]\ncommand = [\"\"\"say \\\xEF\xBB\xBE\"\"\"]\n") ==
          "config.toml:2:20: TOML syntax error: Error while parsing string: unknown escape "
          "sequence '\\\xEF\xBB\xBE'");
    // At the start of a line (fuzz/config, after the ranges were first written one bucket off).
    CHECK(error_of("\xEF\xAC\xBF"
                   "date\n") ==
          "config.toml:1:1: TOML syntax error: Error while parsing root table: expected keys, "
          "tables, whitespace or comments, saw '\xEF\xAC\xBF'");
    // Up to two quotes just inside a multi-line string's closing delimiter are the string's.
    CHECK(error_of("[cues]\ncommand = [\"\"\"say\"\"\"\" \xC3\xA9]\n") ==
          "config.toml:2:23: TOML syntax error: Error while parsing array: expected comma or "
          "closing ']', saw '\xC3\xA9'");
}

TEST_CASE("strings, keys and comments keep every character, stand-ins or not") {
    Diagnostics diags;
    const auto config =
        parse_config("\xEF\xBB\xBF# K\xC3\xA4se \xEF\xBB\xBE\n[cues]\n"
                     "command = [\"\"\"say \\\n  \xEF\xBB\xBE\"\"\", \"k\xC3\xA4se \\u00e9\", "
                     "\"\"\"say \"hi\"\"\"\"\", '''\xC3\xA9''''', '\\\xC3\xA9 \xF3\xB0\x80\x80']\n",
                     "config.toml", diags);
    REQUIRE(config.has_value());
    CHECK(diags.empty());
    CHECK(config->cue_command ==
          std::vector<std::string>{"say \xEF\xBB\xBE", "k\xC3\xA4se \xC3\xA9", "say \"hi\"\"",
                                   "\xC3\xA9''", "\\\xC3\xA9 \xF3\xB0\x80\x80"});
    // A key may hold them too: an unknown one is named as written.
    Diagnostics keys;
    parse_config("[cues]\n\"k\xC3\xA4se\" = 1\n", "config.toml", keys);
    REQUIRE(keys.size() == 1);
    CHECK(keys.problems()[0].format().find("'k\xC3\xA4se'") != std::string::npos);
}

TEST_CASE("a key written once with a character and once as its escape is refused") {
    // toml++ sees a stand-in and the escaped character as two keys; back as written, they
    // are one, which TOML refuses.
    Diagnostics diags;
    CHECK_FALSE(parse_config("[cues]\n\"\\u00e9\" = 1\n\"\xC3\xA9\" = 2\n", "config.toml", diags)
                    .has_value());
    REQUIRE(diags.size() == 1);
    CHECK(diags.problems()[0].format() ==
          "config.toml:3:7: TOML syntax error: the key '\xC3\xA9' is written both as it is and "
          "as an escape; calmlegs reads it written one way only");
}

TEST_CASE("toml++'s errors name the character written, never its stand-in") {
    // Some of its messages write a character as an escape (after a carriage return, a line
    // feed is expected): the escape is the text's character's. A message toml++ cut at 511
    // bytes ends whole.
    Diagnostics diags;
    CHECK_FALSE(parse_config("s = \"\"\"a\r\xC3\xA9\"\"\"\n", "config.toml", diags).has_value());
    REQUIRE(diags.size() == 1);
    const std::string message = diags.problems()[0].format();
    CHECK(message.ends_with("saw '\\u00E9'"));
    CHECK(message.find("\\U000F") == std::string::npos);
    CHECK(message.find("\xF3\xB0") == std::string::npos);
    // A table defined twice is named in full: 200 of them, 800 bytes as stand-ins, cut at
    // each of the four places a stand-in can be cut.
    for (const std::string pad : {"", "k", "kk", "kkk"}) {
        std::string key = "[\"" + pad;
        for (int i = 0; i < 200; ++i)
            key += "\xC3\xA9";
        key += "\"]\n";
        Diagnostics cut;
        CHECK_FALSE(parse_config(key + key, "config.toml", cut).has_value());
        REQUIRE(cut.size() == 1);
        const std::string text = cut.problems()[0].format();
        CHECK(text.find("cannot redefine existing table") != std::string::npos);
        CHECK(text.ends_with("\xC3\xA9"));
        for (std::size_t at = 0; at < text.size(); ++at) {
            const Utf8Char ch = decode_utf8(text, at);
            REQUIRE(ch.length != 0);
            at += ch.length - 1;
        }
    }
}

TEST_CASE("a text that leaves no stand-in free is refused, not read unsafely") {
    std::string text = "# ";
    for (char32_t c = 0xF0000; c <= 0x10FFFD; ++c)
        if ((c & 0xFFFF) <= 0xFFFD) append_utf8(text, c);
    text += "\ns = \"\xC3\xA9\"\n";
    Diagnostics diags;
    CHECK_FALSE(parse_config(text, "config.toml", diags).has_value());
    REQUIRE(diags.size() == 1);
    CHECK(
        diags.problems()[0].format().starts_with("config.toml:1:1: the file holds every character "
                                                 "of the private use planes"));
    // One free is enough.
    const std::string one_free = text.substr(0, 2) + text.substr(6);
    Diagnostics fine;
    parse_config(one_free, "config.toml", fine); // 's' is no setting: read, then reported
    REQUIRE(fine.size() == 1);
    CHECK(fine.problems()[0].message.find("'s'") != std::string::npos);
}
