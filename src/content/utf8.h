#pragma once
// UTF-8, read and written: the one codec of the code base, below every layer that needs it.

#include <cstddef>
#include <string>
#include <string_view>

namespace calmlegs {

/// One character of UTF-8 text, as decode_utf8() found it.
struct Utf8Char {
    char32_t code_point = 0;
    std::size_t length = 0; ///< its bytes; 0 when the bytes there are no valid UTF-8
};

/// The character that starts at byte `at` of `text` (at < text.size()): the one UTF-8 decoder
/// of the code base. Strict, as RFC 3629: a stray continuation byte, a cut sequence, an
/// overlong form, a UTF-16 surrogate or a code point past U+10FFFF has length 0, so that each
/// caller decides what an invalid byte becomes (U+FFFD, a column, an escape).
Utf8Char decode_utf8(std::string_view text, std::size_t at);

/// `code_point` (a Unicode scalar value) appended to `out` as UTF-8: decode_utf8's inverse.
void append_utf8(std::string& out, char32_t code_point);

/// The value of the hexadecimal digit `c`, or -1: for the \uXXXX escapes of JSON and TOML.
int hex_digit(char c);

} // namespace calmlegs
