#include "ui/plain_text.h"

#include <doctest/doctest.h>

using namespace calmlegs;

TEST_CASE("to_ascii spells the program's glyphs in ASCII") {
    CHECK(to_ascii("Iron · mineral") == "Iron - mineral");
    CHECK(to_ascii("18–20 °C (65–68 °F)") == "18-20 C (65-68 F)");
    CHECK(to_ascii("18–20°C / 65–68°F") == "18-20 C / 65-68 F");
    CHECK(to_ascii("turn 90° then 45°.") == "turn 90 deg then 45 deg.");
    CHECK(to_ascii("calm — then sleep…") == "calm - then sleep...");
    CHECK(to_ascii("3 × (raise)") == "3 x (raise)");
    CHECK(to_ascii("“quoted” ‘single’") == "\"quoted\" 'single'");
    CHECK(to_ascii("• 50 µg → more") == "* 50 ug -> more");
    CHECK(to_ascii("██░░━━──") == "##..==--");
    CHECK(to_ascii("café crème, Ærø") == "cafe creme, AEro");
    SUBCASE("ASCII, escape codes included, is kept as it is") {
        const std::string styled = "\x1b[1mIron\x1b[0m\tplain\n";
        CHECK(to_ascii(styled) == styled);
        CHECK(to_ascii("") == "");
    }
    SUBCASE("anything else is a question mark; a combining accent goes") {
        CHECK(to_ascii("日本") == "??");
        CHECK(to_ascii("e\u0301") == "e"); // e + combining acute
        CHECK(to_ascii("\xff"
                       "a\xc3") == "?a?");        // stray and cut-off bytes
        CHECK(to_ascii("\xc0\xaf") == "??");      // an overlong '/'
        CHECK(to_ascii("\xed\xa0\x80") == "???"); // a surrogate
    }
}

TEST_CASE("quote_typed: what was typed, quoted, cut and visible") {
    CHECK(quote_typed("iron") == "'iron'");
    CHECK(quote_typed("") == "''");
    CHECK(quote_typed("café") == "'café'");
    SUBCASE("cut after 80 characters (not bytes)") {
        const std::string eighty(80, 'a');
        CHECK(quote_typed(eighty) == "'" + eighty + "'");
        CHECK(quote_typed(eighty + "b") == "'" + eighty + "…'");
        CHECK(quote_typed(std::string(100'000, 'x')).size() == 80 + 2 + 3); // 3 bytes of …
        std::string accents;
        for (int i = 0; i < 81; ++i)
            accents += "é";
        CHECK(quote_typed(accents) == "'" + accents.substr(0, 160) + "…'");
    }
    SUBCASE("bytes that are not UTF-8 as \\xNN, controls as ^X") {
        CHECK(quote_typed("a\xff"
                          "b") == "'a\\xFFb'");
        CHECK(quote_typed("\xc3") == "'\\xC3'");
        CHECK(quote_typed("a\x1b[2Jb") == "'a^[[2Jb'");
        CHECK(quote_typed("tab\there") == "'tab^Ihere'");
        CHECK(quote_typed("\x7f") == "'^?'");
        CHECK(quote_typed("\xc2\x9b") == "'M-^['"); // a C1 CSI
    }
}
