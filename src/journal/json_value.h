#pragma once
// A small, strict JSON reader (RFC 8259) for the files calmlegs reads back, such as a journal
// export: every value keeps the line and column where it starts, so that a problem found in it
// later can be reported as file:line:col.

#include "content/diagnostics.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

struct JsonMember;

/// One JSON value as read, with where it starts in the text.
struct JsonValue {
    enum class Kind { null, boolean, number, string, array, object };

    Kind kind = Kind::null;
    SourcePos pos;                ///< 1-based line and column (in characters) of its start
    bool boolean = false;         ///< a boolean's value
    std::string text;             ///< a string's text (UTF-8, escapes decoded), a number as written
    std::vector<JsonValue> items; ///< an array's items
    std::vector<JsonMember>
        members; ///< an object's members in the order of the text, each key once

    /// The member named `key` of an object; nullptr when there is none.
    const JsonValue* find(std::string_view key) const;
};

/// One `"key": value` of an object, with where its key starts (for "unknown key" messages).
struct JsonMember {
    std::string key;
    SourcePos key_pos;
    JsonValue value;
};

/// How deeply arrays and objects may nest: a hostile file cannot exhaust the stack.
inline constexpr int k_json_max_depth = 64;

/// Where a text is not JSON and what was wrong: "expected ..., found ...".
struct JsonError {
    SourcePos pos;
    std::string message;
};

/// The one value `text` holds (whitespace around it allowed, nothing else). Strict: no
/// comments, no trailing commas, no leading zeros, strings of valid UTF-8 with no raw control
/// characters, \u escapes of surrogates only in pairs, and each key once per object. nullopt
/// with `error` set at the first problem.
std::optional<JsonValue> parse_json(std::string_view text, JsonError& error);

/// `value` as a message's "found ..." shows it: null, true, 12, "text" (made visible and
/// shortened), an array, an object.
std::string describe_json(const JsonValue& value);

} // namespace calmlegs
