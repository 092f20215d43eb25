#include "ui/text.h"

#include <doctest/doctest.h>

using namespace calmlegs;

TEST_CASE("display_width counts columns, not bytes") {
    CHECK(display_width("iron") == 4);
    CHECK(display_width("200–400 mg") == 10); // the en dash is 3 bytes, 1 column
    CHECK(display_width("75–100 µg/L") == 11);
    CHECK(display_width("\x1b[1mbold\x1b[0m") == 4); // colour codes take no room
    CHECK(display_width("日本") == 4);               // wide characters take two
    CHECK(display_width("e\xcc\x81") == 1);          // e + combining acute accent
    CHECK(display_width("\xff") == 1);               // an invalid byte still shows as one
    CHECK(display_width("") == 0);
}

TEST_CASE("display_width counts each invalid byte as one column") {
    // As decode_utf8's other users do: each invalid byte is one column, one U+FFFD, one byte.
    CHECK(display_width("\xc0\x80") == 2);
    CHECK(display_width("\xed\xa0\x80") == 3);
    CHECK(display_width("\xf0\x90\x80\x80") == 1); // U+10000 is a character of one column
}

TEST_CASE("wrap keeps every line within the width and every word") {
    const std::string text =
        "Magnesium relaxes muscles, balances electrolytes and supports nerve transmission.";
    for (int width = 13; width <= 90; width += 7) { // 13: the longest word fits
        CAPTURE(width);
        const auto lines = wrap(text, width);
        std::string joined;
        for (const auto& line : lines) {
            CHECK(display_width(line) <= width);
            CHECK(line.front() != ' ');
            CHECK(line.back() != ' ');
            joined += (joined.empty() ? "" : " ") + line;
        }
        CHECK(joined == text);
    }
}

TEST_CASE("wrap breaks a word longer than the line, and honours newlines") {
    CHECK(wrap("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
    CHECK(wrap("to electrolytes", 8) == std::vector<std::string>{"to", "electrol", "ytes"});
    CHECK(wrap("one\ntwo three", 20) == std::vector<std::string>{"one", "two three"});
    CHECK(wrap("", 10) == std::vector<std::string>{""});
    CHECK(wrap("a b", 0) == std::vector<std::string>{"a", "b"}); // nonsense width: still safe
    const auto dashes = wrap("x ––––––––––", 5);
    for (const auto& line : dashes)
        CHECK(display_width(line) <= 5);
}

TEST_CASE("wrap_with_prefix indents the lines after the first") {
    CHECK(wrap_with_prefix("one two three", 9, "• ", "  ") == "• one two\n  three\n");
}

TEST_CASE("wrap_with_prefix gives each line the width its own prefix leaves") {
    // A long label leaves little room on the first line; the others use the full width.
    CHECK(wrap_with_prefix("Muscle and nerve calm", 20, "Key benefit: ", "  ") ==
          "Key benefit: Muscle\n  and nerve calm\n");
    // A word that does not fit after the label moves whole to the next line, uncut.
    CHECK(wrap_with_prefix("Dopamine regulation", 20, "Key benefit: ", "  ") ==
          "Key benefit:\n  Dopamine\n  regulation\n");
    // Only a word wider than a whole line is ever cut.
    const std::string cut = wrap_with_prefix("abcdefghijkl", 8, "Label: ", "  ");
    CHECK(cut == "Label:\n  abcdef\n  ghijkl\n");
}

TEST_CASE("pad_right, elide and split_lines") {
    CHECK(pad_right("µg", 4) == "µg  ");
    CHECK(pad_right("longer", 3) == "longer");
    CHECK(elide("Magnesium glycinate", 10) == "Magnesium…");
    CHECK(display_width(elide("Magnesium glycinate", 10)) == 10);
    CHECK(elide("short", 10) == "short");
    CHECK(elide("abc", 0).empty());
    // Another mark, such as ASCII's "...", takes its own width; one wider than the whole
    // width is left out.
    CHECK(elide("Magnesium glycinate", 10, "...") == "Magnesi...");
    CHECK(elide("Magnesium", 9, "...") == "Magnesium");
    CHECK(elide("Magnesium", 3, "...") == "...");
    CHECK(elide("Magnesium", 2, "...") == "Ma");
    CHECK(elide("Magnesium", 4, "") == "Magn");
    CHECK(elide("abc", 1) == "…");
    CHECK(elide("abc", 3) == "abc");
    // Colours take no room and are kept, the one that ends the style too.
    CHECK(elide("\x1b[1mMagnesium glycinate\x1b[0m", 10) == "\x1b[1mMagnesium…\x1b[0m");
    CHECK(elide("ab\x1b[2mcdef\x1b[0m", 3) == "ab\x1b[2m…\x1b[0m");
    CHECK(display_width(elide("ab\x1b[2mcdef\x1b[0m", 3)) == 3);
    CHECK(elide("\x1b[1mabc\x1b[0m", 3) == "\x1b[1mabc\x1b[0m"); // it fits: unchanged
    // A wide character that does not fit before the "…" is left out whole.
    CHECK(elide("a日本", 3) == "a…");
    CHECK(split_lines("a\nb\n") == std::vector<std::string>{"a", "b"});
    CHECK(split_lines("a\n\nb") == std::vector<std::string>{"a", "", "b"});
    CHECK(split_lines("").empty());
}

TEST_CASE("trim_trailing_spaces: only the spaces at the end go") {
    for (const auto& [line, trimmed] : std::vector<std::pair<std::string, std::string>>{
             {" a b  ", " a b"}, {"   ", ""}, {"", ""}, {"a\t", "a\t"}}) {
        std::string text = line;
        trim_trailing_spaces(text);
        CHECK(text == trimmed);
    }
}

TEST_CASE("shell_quote leaves safe words alone and single-quotes the rest") {
    CHECK(shell_quote("iron") == "iron");
    CHECK(shell_quote("--speed=2.5") == "--speed=2.5");
    CHECK(shell_quote("vitamin c") == "'vitamin c'");
    CHECK(shell_quote("it's") == "'it'\\''s'");
    CHECK(shell_quote("") == "''");
    CHECK(shell_quote("$HOME") == "'$HOME'");
}

TEST_CASE("visible shows control characters in caret notation and keeps the rest") {
    CHECK(visible("\x1b[31mred") == "^[[31mred");
    CHECK(visible("a\tb\nc\x7f") == "a^Ib^Jc^?");
    CHECK(visible("Mélisse · 4–7–8") == "Mélisse · 4–7–8"); // UTF-8 untouched
    CHECK(visible("") == "");
    // For a message of several lines, its newlines can be kept.
    CHECK(visible("one\n\x1b[2Jtwo", true) == "one\n^[[2Jtwo");
    // C1 controls, as UTF-8 or as a lone byte; other UTF-8 is kept, continuation bytes too.
    CHECK(visible("x\xc2\x9b"
                  "31m") == "xM-^[31m");
    CHECK(visible("x\x9b"
                  "31m") == "xM-^[31m");
    CHECK(visible("\xe2\x80\x94 \xc2\xb5g") == "\xe2\x80\x94 \xc2\xb5g"); // — µg
    CHECK(visible("\xe2\x9b\x84") == "\xe2\x9b\x84"); // ⛄: 0x9b inside a whole character
    // A lead byte whose character is cut short does not shelter the C1 byte after it.
    CHECK(visible("\xe2\x9b"
                  "31m") == "\\xE2"
                            "M-^[31m");
    // A byte that is no part of a character is shown by its value.
    CHECK(visible("a\xff"
                  "b\xc3") == "a\\xFFb\\xC3");
    // Shown once, it stays as it is.
    CHECK(visible(visible("\x1b")) == "^[");
}

TEST_CASE("wrap_columns wraps long help lines in their columns") {
    const std::string help = "Options:\n"
                             "  --speed X             Run X times faster, to preview\n"
                             "  --cycles N Excludes: --minutes\n"
                             "                        How many breaths (cycles)\n";
    // Wide enough: unchanged.
    CHECK(wrap_columns(help, 80) == help);
    // A description continues under itself when its column leaves room.
    CHECK(wrap_columns("  --speed X  Run X times faster, to preview\n", 31) ==
          "  --speed X  Run X times\n"
          "             faster, to preview\n");
    // Narrow: a left column past half the width puts the description below it.
    CHECK(wrap_columns(help, 20) == "Options:\n"
                                    "  --speed X\n"
                                    "      Run X times\n"
                                    "      faster, to\n"
                                    "      preview\n"
                                    "  --cycles N\n"
                                    "      Excludes:\n"
                                    "      --minutes\n"
                                    "      How many\n"
                                    "      breaths\n"
                                    "      (cycles)\n");
    // Plain long lines keep their indent; every line fits.
    for (const auto& line : split_lines(wrap_columns(help, 20)))
        CHECK(display_width(line) <= 20);
}

TEST_CASE("wrap at the limit: width columns stay on one line, width + 1 wrap") {
    CHECK(wrap("abcd efghi", 10) == std::vector<std::string>{"abcd efghi"});
    CHECK(wrap("abcd efghi", 9) == std::vector<std::string>{"abcd", "efghi"});
    CHECK(wrap("abcd efghi ", 10) == std::vector<std::string>{"abcd efghi"}); // a trailing space
    // A word exactly as wide as the line is kept whole, after a short word too.
    CHECK(wrap("abcdefghij", 10) == std::vector<std::string>{"abcdefghij"});
    CHECK(wrap("abcdefghij", 9) == std::vector<std::string>{"abcdefghi", "j"});
    CHECK(wrap("ab abcdefghij", 10) == std::vector<std::string>{"ab", "abcdefghij"});
    CHECK(wrap("ab abcdefghij", 9) == std::vector<std::string>{"ab", "abcdefghi", "j"});
    CHECK(wrap("ab abcdefg", 10) == std::vector<std::string>{"ab abcdefg"});
    CHECK(wrap("ab abcdefgh", 10) == std::vector<std::string>{"ab", "abcdefgh"});
}

TEST_CASE("wrap at the limit counts a multi-byte character as one column, a wide one as two") {
    // µ is 2 bytes and – is 3: 10 columns in 19 and 30 bytes.
    CHECK(wrap("µµµµ µµµµµ", 10) == std::vector<std::string>{"µµµµ µµµµµ"});
    CHECK(wrap("µµµµ µµµµµ", 9) == std::vector<std::string>{"µµµµ", "µµµµµ"});
    CHECK(wrap("––––––––––", 10) == std::vector<std::string>{"––––––––––"});
    CHECK(wrap("––––––––––", 9) == std::vector<std::string>{"–––––––––", "–"});
    // e + a combining accent is one column.
    const std::string e = "e\xcc\x81";
    CHECK(wrap(e + e + e + e + " " + e, 6) == std::vector<std::string>{e + e + e + e + " " + e});
    CHECK(wrap(e + e + e + e + " " + e + e, 6) == std::vector<std::string>{e + e + e + e, e + e});
    // Wide characters are two columns, and one is never split across lines.
    CHECK(wrap("日本語", 6) == std::vector<std::string>{"日本語"});
    CHECK(wrap("日本語", 5) == std::vector<std::string>{"日本", "語"});
    CHECK(wrap("a 日本", 6) == std::vector<std::string>{"a 日本"});
    CHECK(wrap("a 日本", 5) == std::vector<std::string>{"a", "日本"});
}

TEST_CASE("wrap_with_prefix at the limit: the prefix's columns count, not its bytes") {
    CHECK(wrap_with_prefix("abc defg", 10, "• ", "  ") == "• abc defg\n");
    CHECK(wrap_with_prefix("abc defg", 9, "• ", "  ") == "• abc\n  defg\n");
}
