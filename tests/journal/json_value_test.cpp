#include "journal/json_value.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

JsonValue parsed(std::string_view text) {
    JsonError error;
    const auto value = parse_json(text, error);
    INFO(error.pos.line, ":", error.pos.column, ": ", error.message);
    REQUIRE(value);
    return *value;
}

/// "LINE:COL: message" of the error `text` gives (it must not parse).
std::string error_of(std::string_view text) {
    JsonError error;
    const auto value = parse_json(text, error);
    CHECK_FALSE(value);
    return std::to_string(error.pos.line) + ":" + std::to_string(error.pos.column) + ": " +
           error.message;
}

bool same_pos(SourcePos pos, int line, int column) {
    return pos.line == line && pos.column == column;
}

} // namespace

TEST_CASE("parse_json reads nested values and where each starts") {
    // Columns: '[' is 7, "1" 8, "-2.5e3" 11, true 19, false 25, null 32, key "b" 39, '{' 44.
    const JsonValue top = parsed(R"({"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}})");
    REQUIRE(top.kind == JsonValue::Kind::object);
    CHECK(same_pos(top.pos, 1, 1));
    REQUIRE(top.members.size() == 2);
    CHECK(top.members[0].key == "a");
    CHECK(same_pos(top.members[0].key_pos, 1, 2));
    const JsonValue& a = top.members[0].value;
    REQUIRE(a.kind == JsonValue::Kind::array);
    CHECK(same_pos(a.pos, 1, 7));
    REQUIRE(a.items.size() == 5);
    CHECK(a.items[0].kind == JsonValue::Kind::number);
    CHECK(a.items[0].text == "1");
    CHECK(same_pos(a.items[0].pos, 1, 8));
    CHECK(a.items[1].text == "-2.5e3");
    CHECK(same_pos(a.items[1].pos, 1, 11));
    CHECK(a.items[2].kind == JsonValue::Kind::boolean);
    CHECK(a.items[2].boolean);
    CHECK(same_pos(a.items[2].pos, 1, 19));
    CHECK_FALSE(a.items[3].boolean);
    CHECK(same_pos(a.items[3].pos, 1, 25));
    CHECK(a.items[4].kind == JsonValue::Kind::null);
    CHECK(same_pos(a.items[4].pos, 1, 32));
    CHECK(same_pos(top.members[1].key_pos, 1, 39));
    const JsonValue* b = top.find("b");
    REQUIRE(b != nullptr);
    CHECK(same_pos(b->pos, 1, 44));
    REQUIRE(b->find("c") != nullptr);
    CHECK(b->find("c")->text == "d");
    CHECK(top.find("z") == nullptr);
}

TEST_CASE("parse_json counts lines, and columns in characters rather than bytes") {
    const JsonValue top = parsed("{\n  \"x\": \"é\",\n  \"y\": 1\n}\n");
    CHECK(same_pos(top.find("x")->pos, 2, 8));
    CHECK(same_pos(top.members[1].key_pos, 3, 3));
    CHECK(same_pos(top.find("y")->pos, 3, 8));
    // "é" and "ü" are two bytes each but one column.
    const JsonValue wide = parsed(R"({"é": "ü", "z": 0})");
    CHECK(same_pos(wide.members[1].key_pos, 1, 12));
    CHECK(same_pos(wide.find("z")->pos, 1, 17));
}

TEST_CASE("parse_json decodes every escape, surrogate pairs included") {
    const JsonValue text = parsed(R"("\"\\\/\b\f\n\r\t\u00e9\u20AC\ud83d\ude00")");
    CHECK(text.kind == JsonValue::Kind::string);
    CHECK(text.text == "\"\\/\b\f\n\r\t\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(parsed(R"("a\u0000b")").text == std::string("a\0b", 3));
    CHECK(parsed(R"("\u007f")").text == "\x7F");
    CHECK(parsed("\"naïve 😀\"").text == "naïve 😀");
    CHECK(parsed(" \t\r\n 0 \n").text == "0");
    CHECK(parsed("-0.5E-3").text == "-0.5E-3");
    CHECK(parsed("[]").items.empty());
    CHECK(parsed("{}").members.empty());
}

TEST_CASE("parse_json refuses what is not JSON, saying where and what it found") {
    CHECK(error_of("") == "1:1: expected a value, found the end of the file");
    CHECK(error_of(R"({"a": 1,})") == "1:9: expected a key after ',', found '}'");
    CHECK(error_of("[1,]") == "1:4: expected a value after ',', found ']'");
    CHECK(error_of("[1 2]") == "1:4: expected ',' or ']' after an item of the array, found '2'");
    CHECK(error_of(R"({"a" 1})") == "1:6: expected ':' after the key, found '1'");
    CHECK(error_of("{a: 1}") == "1:2: expected a key in double quotes, found 'a'");
    CHECK(error_of(R"({"a": 1 "b": 2})") ==
          "1:9: expected ',' or '}' after a member of the object, found '\"'");
    CHECK(error_of("[01]") == "1:2: expected a number without a leading zero, found '01'");
    CHECK(error_of("[tru]") == "1:2: expected a value (a string, number, object, array, true, "
                               "false or null), found 'tru'");
    CHECK(error_of("[truest]") == "1:2: expected a value (a string, number, object, array, "
                                  "true, false or null), found 'truest'");
    CHECK(error_of("[1.]") == "1:4: expected a digit after the decimal point, found ']'");
    CHECK(error_of("[1e]") == "1:4: expected a digit in the exponent, found ']'");
    CHECK(error_of("-") == "1:2: expected a digit in the number, found the end of the file");
    CHECK(error_of("[+1]") == "1:2: expected a value (a string, number, object, array, true, "
                              "false or null), found '+'");
    CHECK(error_of("[1] x") == "1:5: expected the end of the file after the value, found 'x'");
    CHECK(error_of("{} {}") == "1:4: expected the end of the file after the value, found '{'");
    CHECK(error_of("// no\n1") ==
          "1:1: expected a value (a string, number, object, array, true, false or null), "
          "found '/'");
}

TEST_CASE("parse_json refuses broken strings and escapes") {
    CHECK(error_of("\"abc") ==
          "1:5: expected '\"' to close the string opened at 1:1, found the end of the file");
    CHECK(error_of("\"a\nb\"") ==
          "1:3: expected '\"' to close the string opened at 1:1, found the end of the line");
    CHECK(error_of("\"a\tb\"") == "1:3: expected '\"' to close the string opened at 1:1, found "
                                  "a control character (U+0009)");
    CHECK(error_of(R"("\x")") == "1:3: expected an escape after '\\' (one of \\\" \\\\ \\/ \\b "
                                 "\\f \\n \\r \\t \\uXXXX), found 'x'");
    CHECK(error_of(R"("\u12g4")") == "1:6: expected four hex digits after \\u, found 'g4'");
    // A high surrogate must be followed by a low one, and a low one cannot stand alone.
    CHECK(error_of(R"("\ud83d")") ==
          "1:8: expected \\u and a low surrogate after the high surrogate \\uD83D, found '\"'");
    CHECK(error_of(R"("\ud83d\u0041")") ==
          "1:8: expected a low surrogate (\\uDC00 to \\uDFFF) after \\uD83D, found \\u0041");
    CHECK(error_of(R"("\ude00")") ==
          "1:2: expected a high surrogate before a low one, found \\uDE00 alone");
    CHECK(error_of("\"a\xff\"") == "1:3: expected text in UTF-8, found bytes that are not UTF-8");
    CHECK(error_of("\"\xed\xa0\x80\"") ==
          "1:2: expected text in UTF-8, found bytes that are not UTF-8"); // an encoded surrogate
}

TEST_CASE("parse_json refuses a key given twice in one object") {
    CHECK(error_of(R"({"a": 1, "a": 2})") ==
          "1:10: expected each key once in an object (\"a\" is at 1:2), found it again");
    // The same key in two different objects is fine.
    CHECK(parsed(R"([{"a": 1}, {"a": 2}])").items.size() == 2);
}

TEST_CASE("parse_json reports a truncated text where it ends") {
    CHECK(error_of(R"({"a": [1, 2)") ==
          "1:12: expected ',' or ']' after an item of the array, found the end of the file");
    CHECK(error_of("{\n  \"a\": 1,\n") ==
          "3:1: expected a key in double quotes, found the end of the file");
    CHECK(error_of("{\n  \"a\": tru\n}") == "2:8: expected a value (a string, number, object, "
                                            "array, true, false or null), found 'tru'");
}

TEST_CASE("parse_json limits nesting, so a hostile file cannot overflow the stack") {
    const int limit = k_json_max_depth;
    CHECK(parsed(std::string(limit, '[') + std::string(limit, ']')).kind == JsonValue::Kind::array);
    // The bracket that goes one level too deep is the one reported.
    CHECK(error_of(std::string(limit + 1, '[') + std::string(limit + 1, ']')) ==
          "1:" + std::to_string(limit + 1) + ": expected at most " + std::to_string(limit) +
              " nested arrays and objects, found more");
    CHECK(error_of(std::string(1000000, '[')).find("nested arrays and objects") !=
          std::string::npos);
    std::string objects;
    for (int k = 0; k <= limit; ++k)
        objects += "{\"a\":";
    CHECK(error_of(objects).find("nested arrays and objects") != std::string::npos);
}

TEST_CASE("describe_json says what a value is, as an error's 'found' shows it") {
    CHECK(describe_json(parsed("null")) == "null");
    CHECK(describe_json(parsed("true")) == "true");
    CHECK(describe_json(parsed("-1.5")) == "-1.5");
    CHECK(describe_json(parsed(R"("six")")) == "\"six\"");
    CHECK(describe_json(parsed(R"("a\u001bb")")) == "\"a^[b\"");
    CHECK(describe_json(parsed("[1]")) == "an array");
    CHECK(describe_json(parsed("{}")) == "an object");
    CHECK(describe_json(parsed("\"" + std::string(60, 'x') + "\"")) ==
          "\"" + std::string(37, 'x') + "...\"");
}
