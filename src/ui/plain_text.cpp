#include "ui/plain_text.h"

#include "ui/text.h"

#include <algorithm>

namespace calmlegs {
namespace {

/// The ASCII spelling of a non-ASCII character; nullptr when it has none.
const char* ascii_of(char32_t code) {
    switch (code) {
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2212: // minus
    case 0x00b7: // middle dot
    case 0x2500: // box drawing light horizontal
    case 0x2010:
    case 0x2011:
        return "-";
    case 0x2026:
        return "...";
    case 0x00d7:
        return "x";
    case 0x00b5:
    case 0x03bc:
        return "u";
    case 0x2018:
    case 0x2019:
    case 0x2032:
        return "'";
    case 0x201c:
    case 0x201d:
    case 0x2033:
        return "\"";
    case 0x2022:
        return "*";
    case 0x2192:
        return "->";
    case 0x2190:
        return "<-";
    case 0x2264:
        return "<=";
    case 0x2265:
        return ">=";
    case 0x00a0:
        return " ";
    case 0x2588:
        return "#"; // full block
    case 0x2591:
    case 0x2592:
        return "."; // shades
    case 0x2501:
        return "="; // heavy horizontal
    case 0x00bd:
        return "1/2";
    case 0x00bc:
        return "1/4";
    case 0x00be:
        return "3/4";
    case 0x00df:
        return "ss";
    case 0x00e6:
        return "ae";
    case 0x00c6:
        return "AE";
    case 0x0153:
        return "oe";
    default:
        return nullptr;
    }
}

/// The unaccented letter of a Latin-1 accented one ('e' for 'é'); 0 when there is none.
char unaccented(char32_t code) {
    // U+00C0..U+00FF, by position; '?' marks the signs that are not letters.
    static constexpr std::string_view k_latin1 = "AAAAAA?CEEEEIIII?NOOOOO?OUUUUY??"
                                                 "aaaaaa?ceeeeiiii?nooooo?ouuuuy?y";
    if (code < 0xc0 || code > 0xff) return 0;
    const char c = k_latin1[code - 0xc0];
    return c == '?' ? 0 : c;
}

} // namespace

std::string to_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Char d = decode_utf8(text, i);
        if (d.length == 0) {
            out += '?';
            ++i;
            continue;
        }
        if (d.code_point < 0x80) {
            out += static_cast<char>(d.code_point);
        } else if (d.code_point == 0x00b0) {
            // Degrees: "20°C" is "20 C", as temperatures are written in ASCII; "90°" is
            // "90 deg".
            const char next = i + d.length < text.size() ? text[i + d.length] : '\0';
            const bool after_number = !out.empty() && out.back() >= '0' && out.back() <= '9';
            if (next == 'C' || next == 'F')
                out += after_number ? " " : "";
            else
                out += after_number ? " deg" : "deg";
        } else if (const char* spelling = ascii_of(d.code_point))
            out += spelling;
        else if (const char letter = unaccented(d.code_point))
            out += letter;
        else if (!(d.code_point >= 0x300 && d.code_point <= 0x36f)) // a combining accent is dropped
            out += '?';
        i += d.length;
    }
    return out;
}

std::string quote_typed(std::string_view word) {
    // Cut after k_echo_limit characters (a byte that is no character counts as one).
    std::size_t end = 0;
    for (std::size_t characters = 0; end < word.size() && characters < k_echo_limit; ++characters)
        end += std::max<std::size_t>(decode_utf8(word, end).length, 1);
    return "'" + visible(word.substr(0, end)) + (end < word.size() ? "…'" : "'");
}

} // namespace calmlegs
