#include "journal/json_value.h"

#include "journal/text_cursor.h"

#include "content/names.h"
#include "content/utf8.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <cctype>

namespace calmlegs {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads one value by recursive descent, keeping the line and column of the byte at `m_at`.
class Parser : private TextCursor {
public:
    Parser(std::string_view text, JsonError& error)
        : TextCursor(text)
        , m_error(error) {}

    std::optional<JsonValue> document() {
        skip_space();
        JsonValue value;
        if (!parse_value(value, 1)) return std::nullopt;
        skip_space();
        if (m_at < m_text.size()) {
            fail("the end of the file after the value");
            return std::nullopt;
        }
        return value;
    }

private:
    void skip_space() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            advance();
    }

    /// What is at the current position, as "found ..." says it.
    std::string found() const {
        if (at_end()) return "the end of the file";
        const auto c = static_cast<unsigned char>(peek());
        if (c == '\n' || c == '\r') return "the end of the line";
        if (c < 0x20 || c == 0x7F) return fmt::format("a control character (U+{:04X})", c);
        if (c >= 0x80) {
            const Utf8Char character = decode_utf8(m_text, m_at);
            if (character.length == 0) return "bytes that are not UTF-8";
            return fmt::format("'{}'", m_text.substr(m_at, character.length));
        }
        // A word (a misspelt literal, an unquoted key) reads better whole than by its first letter.
        std::size_t end = m_at;
        while (end < m_text.size() && end - m_at < 20 &&
               (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
            ++end;
        if (end > m_at + 1) return fmt::format("'{}'", m_text.substr(m_at, end - m_at));
        return fmt::format("'{}'", static_cast<char>(c));
    }

    /// Records the problem at the current position; always false, to be returned.
    bool fail(std::string_view expected) { return fail_at(m_pos, expected, found()); }

    bool fail_at(SourcePos pos, std::string_view expected, std::string_view what) {
        m_error = {pos, fmt::format("expected {}, found {}", expected, what)};
        return false;
    }

    bool parse_value(JsonValue& value, int depth) {
        value.pos = m_pos;
        if (at_end()) return fail("a value");
        switch (peek()) {
        case '{':
            return parse_object(value, depth);
        case '[':
            return parse_array(value, depth);
        case '"':
            value.kind = JsonValue::Kind::string;
            return parse_string(value.text);
        case 't':
            value.kind = JsonValue::Kind::boolean;
            value.boolean = true;
            return literal("true");
        case 'f':
            value.kind = JsonValue::Kind::boolean;
            return literal("false");
        case 'n':
            value.kind = JsonValue::Kind::null;
            return literal("null");
        default:
            if (peek() == '-' || is_digit(peek())) return parse_number(value);
            return fail("a value (a string, number, object, array, true, "
                        "false or null)");
        }
    }

    bool literal(std::string_view word) {
        if (m_text.substr(m_at, word.size()) != word ||
            (m_at + word.size() < m_text.size() &&
             std::isalnum(static_cast<unsigned char>(m_text[m_at + word.size()]))))
            return fail("a value (a string, number, object, array, true, "
                        "false or null)");
        for (std::size_t k = 0; k < word.size(); ++k)
            advance();
        return true;
    }

    bool digits(std::string_view after) {
        if (at_end() || !is_digit(peek())) return fail(fmt::format("a digit {}", after));
        while (!at_end() && is_digit(peek()))
            advance();
        return true;
    }

    bool parse_number(JsonValue& value) {
        value.kind = JsonValue::Kind::number;
        const std::size_t start = m_at;
        if (peek() == '-') advance();
        if (!at_end() && peek() == '0') {
            advance();
            if (!at_end() && is_digit(peek())) {
                while (!at_end() && is_digit(peek()))
                    advance();
                return fail_at(value.pos, "a number without a leading zero",
                               fmt::format("'{}'", m_text.substr(start, m_at - start)));
            }
        } else if (!digits("in the number")) {
            return false;
        }
        if (!at_end() && peek() == '.') {
            advance();
            if (!digits("after the decimal point")) return false;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            advance();
            if (!at_end() && (peek() == '+' || peek() == '-')) advance();
            if (!digits("in the exponent")) return false;
        }
        value.text = std::string(m_text.substr(start, m_at - start));
        return true;
    }

    /// Four hex digits after "\u".
    std::optional<char32_t> hex4() {
        char32_t unit = 0;
        for (int k = 0; k < 4; ++k) {
            const int digit = at_end() ? -1 : hex_digit(peek());
            if (digit < 0) {
                fail("four hex digits after \\u");
                return std::nullopt;
            }
            unit = unit * 16 + static_cast<char32_t>(digit);
            advance();
        }
        return unit;
    }

    bool escape(std::string& out) {
        const SourcePos start = m_pos;
        advance(); // the backslash
        if (at_end()) return fail("an escape after '\\'");
        const char c = peek();
        const std::string_view simple = "\"\\/bfnrt";
        const std::string_view meaning = "\"\\/\b\f\n\r\t";
        if (const auto k = simple.find(c); k != std::string_view::npos) {
            out += meaning[k];
            advance();
            return true;
        }
        if (c != 'u')
            return fail("an escape after '\\' (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        advance();
        const auto unit = hex4();
        if (!unit) return false;
        if (*unit >= 0xDC00 && *unit <= 0xDFFF)
            return fail_at(start, "a high surrogate before a low one",
                           fmt::format("\\u{:04X} alone", +*unit));
        if (*unit < 0xD800 || *unit > 0xDBFF) {
            append_utf8(out, *unit);
            return true;
        }
        const SourcePos low_start = m_pos;
        if (m_text.substr(m_at, 2) != "\\u")
            return fail(
                fmt::format("\\u and a low surrogate after the high surrogate \\u{:04X}", +*unit));
        advance();
        advance();
        const auto low = hex4();
        if (!low) return false;
        if (*low < 0xDC00 || *low > 0xDFFF)
            return fail_at(
                low_start,
                fmt::format("a low surrogate (\\uDC00 to \\uDFFF) after \\u{:04X}", +*unit),
                fmt::format("\\u{:04X}", +*low));
        append_utf8(out, 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00));
        return true;
    }

    bool parse_string(std::string& out) {
        const SourcePos open = m_pos;
        advance(); // the opening quote
        while (true) {
            if (at_end() || static_cast<unsigned char>(peek()) < 0x20)
                return fail(fmt::format("'\"' to close the string opened at {}:{}", open.line,
                                        open.column));
            const char c = peek();
            if (c == '"') {
                advance();
                return true;
            }
            if (c == '\\') {
                if (!escape(out)) return false;
                continue;
            }
            std::size_t length = 1;
            if (static_cast<unsigned char>(c) >= 0x80) {
                length = decode_utf8(m_text, m_at).length;
                if (length == 0) return fail("text in UTF-8");
            }
            out.append(m_text.substr(m_at, length));
            for (std::size_t k = 0; k < length; ++k)
                advance();
        }
    }

    bool enter(int depth) {
        if (depth <= k_json_max_depth) return true;
        return fail_at(m_pos, fmt::format("at most {} nested arrays and objects", k_json_max_depth),
                       "more");
    }

    bool parse_array(JsonValue& value, int depth) {
        value.kind = JsonValue::Kind::array;
        if (!enter(depth)) return false;
        advance(); // [
        skip_space();
        if (!at_end() && peek() == ']') {
            advance();
            return true;
        }
        while (true) {
            skip_space();
            JsonValue& item = value.items.emplace_back();
            if (!parse_value(item, depth + 1)) return false;
            skip_space();
            if (!at_end() && peek() == ',') {
                advance();
                skip_space();
                if (!at_end() && peek() == ']') return fail("a value after ','");
                continue;
            }
            if (!at_end() && peek() == ']') {
                advance();
                return true;
            }
            return fail("',' or ']' after an item of the array");
        }
    }

    bool parse_object(JsonValue& value, int depth) {
        value.kind = JsonValue::Kind::object;
        if (!enter(depth)) return false;
        advance(); // {
        skip_space();
        if (!at_end() && peek() == '}') {
            advance();
            return true;
        }
        while (true) {
            skip_space();
            if (at_end() || peek() != '"') return fail("a key in double quotes");
            JsonMember member;
            member.key_pos = m_pos;
            if (!parse_string(member.key)) return false;
            for (const JsonMember& earlier : value.members)
                if (earlier.key == member.key)
                    return fail_at(member.key_pos,
                                   fmt::format("each key once in an object (\"{}\" is at {}:{})",
                                               visible(member.key), earlier.key_pos.line,
                                               earlier.key_pos.column),
                                   "it again");
            skip_space();
            if (at_end() || peek() != ':') return fail("':' after the key");
            advance();
            skip_space();
            if (!parse_value(member.value, depth + 1)) return false;
            value.members.push_back(std::move(member));
            skip_space();
            if (!at_end() && peek() == ',') {
                advance();
                skip_space();
                if (!at_end() && peek() == '}') return fail("a key after ','");
                continue;
            }
            if (!at_end() && peek() == '}') {
                advance();
                return true;
            }
            return fail("',' or '}' after a member of the object");
        }
    }

    JsonError& m_error;
};

} // namespace

const JsonValue* JsonValue::find(std::string_view key) const {
    for (const JsonMember& member : members)
        if (member.key == key) return &member.value;
    return nullptr;
}

std::optional<JsonValue> parse_json(std::string_view text, JsonError& error) {
    return Parser(text, error).document();
}

std::string describe_json(const JsonValue& value) {
    switch (value.kind) {
    case JsonValue::Kind::null:
        return "null";
    case JsonValue::Kind::boolean:
        return value.boolean ? "true" : "false";
    case JsonValue::Kind::number:
        return value.text;
    case JsonValue::Kind::string:
        return quote(elide(visible(value.text), 40, "..."));
    case JsonValue::Kind::array:
        return "an array";
    case JsonValue::Kind::object:
        return "an object";
    }
    return "a value";
}

} // namespace calmlegs
