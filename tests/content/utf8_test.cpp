#include "content/utf8.h"

#include <doctest/doctest.h>
#include <vector>

using namespace calmlegs;

TEST_CASE("decode_utf8: each valid length, and each way bytes fail to be UTF-8") {
    struct Case {
        const char* bytes;
        char32_t code_point;
        std::size_t length;
    };
    const std::vector<Case> cases = {
        {"a", U'a', 1},
        {"\x7f", 0x7F, 1},
        {"\xc2\x80", 0x80, 2},             // the first two-byte character
        {"\xdf\xbf", 0x7FF, 2},            // the last
        {"\xe0\xa0\x80", 0x800, 3},        // the first three-byte character
        {"\xed\x9f\xbf", 0xD7FF, 3},       // the last before the surrogates
        {"\xee\x80\x80", 0xE000, 3},       // the first after them
        {"\xef\xbf\xbf", 0xFFFF, 3},       // the last three-byte character
        {"\xf0\x90\x80\x80", 0x10000, 4},  // the first four-byte character
        {"\xf4\x8f\xbf\xbf", 0x10FFFF, 4}, // the last code point there is
        {"\xe2\x80\x94", 0x2014, 3},       // —
        // Invalid: length 0.
        {"\x80", 0, 0},             // a continuation byte on its own
        {"\xc0\x80", 0, 0},         // an overlong NUL
        {"\xc1\xbf", 0, 0},         // an overlong 0x7F
        {"\xe0\x9f\xbf", 0, 0},     // an overlong 0x7FF
        {"\xf0\x8f\xbf\xbf", 0, 0}, // an overlong 0xFFFF
        {"\xed\xa0\x80", 0, 0},     // a UTF-16 surrogate
        {"\xed\xbf\xbf", 0, 0},     // the last surrogate
        {"\xf4\x90\x80\x80", 0, 0}, // past U+10FFFF
        {"\xf5\x80\x80\x80", 0, 0}, // a lead byte UTF-8 never uses
        {"\xff", 0, 0},
        {"\xe2\x80", 0, 0},  // cut short by the end
        {"\xe2\x80x", 0, 0}, // cut short by an ASCII byte
    };
    for (const auto& c : cases) {
        CAPTURE(c.bytes);
        const Utf8Char ch = decode_utf8(c.bytes, 0);
        CHECK(ch.length == c.length);
        if (c.length > 0) CHECK(ch.code_point == c.code_point);
    }
    // From the middle of a text.
    CHECK(decode_utf8("a\xc2\xb5g", 1).code_point == 0xB5);
    CHECK(decode_utf8("a\xc2\xb5g", 1).length == 2);
    CHECK(decode_utf8("a\xc2\xb5g", 2).length == 0); // inside the character
}

TEST_CASE("append_utf8 writes each length, and decode_utf8 reads it back") {
    for (const char32_t code_point :
         {U'a', char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800}, char32_t{0xFFFF},
          char32_t{0x10000}, char32_t{0xF0000}, char32_t{0x10FFFF}}) {
        CAPTURE(static_cast<unsigned>(code_point));
        std::string bytes = "x";
        append_utf8(bytes, code_point);
        const Utf8Char ch = decode_utf8(bytes, 1);
        CHECK(ch.code_point == code_point);
        CHECK(ch.length == bytes.size() - 1);
    }
    std::string e_acute;
    append_utf8(e_acute, 0xE9);
    CHECK(e_acute == "\xc3\xa9");
}

TEST_CASE("hex_digit: each digit in both cases, and the characters beside them") {
    CHECK(hex_digit('0') == 0);
    CHECK(hex_digit('9') == 9);
    CHECK(hex_digit('a') == 10);
    CHECK(hex_digit('f') == 15);
    CHECK(hex_digit('A') == 10);
    CHECK(hex_digit('F') == 15);
    for (const char c : {'/', ':', '`', 'g', '@', 'G', ' ', '\xC3'})
        CHECK(hex_digit(c) == -1);
}
