#include "content/toml_reader.h"

#include "content/names.h"
#include "content/utf8.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

namespace calmlegs {
namespace {

std::string_view describe(toml::node_type type) {
    switch (type) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a floating-point number";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    default:
        return "nothing";
    }
}

/// How deep keys may nest tables: far beyond any content or config, and shallow enough that
/// toml++'s recursive walks over the tables it built stay well within the stack (a header
/// [a.a.a...] 100000 keys deep overflowed it).
constexpr int k_max_key_depth = 1000;

/// What toml++ must not be given: where, and why.
struct Refusal {
    // cppcheck-suppress unusedStructMember ; read through std::optional's -> in parse_toml
    SourcePos pos;
    // cppcheck-suppress unusedStructMember ; read through std::optional's -> in parse_toml
    std::string message;
};

/// How many quotes close the multi-line string whose closing delimiter starts at text[at]: the
/// three, and up to two more that belong to the string (TOML 1.0 allows `""""` and `"""""`).
std::size_t closing_quotes(std::string_view text, std::size_t at) {
    std::size_t run = 0;
    while (run < 5 && at + run < text.size() && text[at + run] == text[at])
        ++run;
    return run;
}

/// The first line toml++ 3.3 cannot take safely: one with more than k_max_key_depth dots
/// outside strings and comments (a table header or a dotted key nesting that deep; a dot in a
/// number counts too, and no line of ours holds a thousand numbers). Strings are followed as
/// toml++ reads them, closing quotes included.
std::optional<Refusal> refusal(std::string_view text) {
    enum class In { code, comment, basic, literal, multi_basic, multi_literal };
    In in = In::code;
    int line = 1;
    int dots = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            dots = 0;
            if (in == In::comment || in == In::basic || in == In::literal) in = In::code;
            continue;
        }
        const bool triple = i + 2 < text.size() && text[i + 1] == c && text[i + 2] == c;
        switch (in) {
        case In::code:
            if (c == '#') {
                in = In::comment;
            } else if (c == '"' || c == '\'') {
                if (triple) {
                    in = c == '"' ? In::multi_basic : In::multi_literal;
                    i += 2;
                } else {
                    in = c == '"' ? In::basic : In::literal;
                }
            } else if (c == '.' && ++dots > k_max_key_depth) {
                return Refusal{{line, 1},
                               "keys nested more than " + std::to_string(k_max_key_depth) +
                                   " tables deep (a table header or dotted key with that many "
                                   "dots)"};
            }
            break;
        case In::basic:
        case In::multi_basic:
            if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
                ++i;
            } else if (c == '"' && in == In::basic) {
                in = In::code;
            } else if (c == '"' && triple) {
                i += closing_quotes(text, i) - 1;
                in = In::code;
            }
            break;
        case In::literal:
        case In::multi_literal:
            if (c == '\'' && in == In::literal) {
                in = In::code;
            } else if (c == '\'' && triple) {
                i += closing_quotes(text, i) - 1;
                in = In::code;
            }
            break;
        case In::comment:
            break;
        }
    }
    return std::nullopt;
}

/// Where stand-ins come from: the two private use planes, whose characters toml++ answers for
/// safely (not whitespace) and treats as any other letter that is not ASCII.
constexpr char32_t k_first_stand_in = 0xF0000;
constexpr char32_t k_last_stand_in = 0x10FFFD;

bool is_stand_in_candidate(char32_t c) {
    return c >= k_first_stand_in && c <= k_last_stand_in && (c & 0xFFFF) <= 0xFFFD;
}

/// The text toml++ is given when `text` holds characters toml_cannot_ask_whitespace(): each
/// replaced by a stand-in found nowhere in the text, neither written nor escaped, so that
/// toml++ reads the same document (those characters are not whitespace, and neither is a
/// stand-in) and every stand-in in what it parsed, a string, a key or an error, goes back to
/// the one it replaced. Columns are unchanged: one character for one.
class StandIns {
public:
    /// nullopt when `text` holds no unsafe character (the usual case: nothing is copied).
    static std::optional<StandIns> for_text(std::string_view text) {
        std::size_t i = 0;
        while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80)
            ++i;
        if (i == text.size()) return std::nullopt;
        std::vector<char32_t> taken; // every stand-in candidate written or escaped in the text
        std::vector<char32_t> unsafe;
        for (std::size_t at = 0; at < text.size(); ++at) {
            const Utf8Char ch = decode_utf8(text, at);
            if (is_stand_in_candidate(ch.code_point))
                taken.push_back(ch.code_point);
            else if (ch.length != 0 && toml_cannot_ask_whitespace(ch.code_point))
                unsafe.push_back(ch.code_point);
            else if (text[at] == '\\')
                if (const auto escaped = escaped_code_point(text, at)) taken.push_back(*escaped);
            if (ch.length > 1) at += ch.length - 1;
        }
        if (unsafe.empty()) return std::nullopt;
        sort_unique(taken);
        sort_unique(unsafe);
        StandIns stand_ins;
        char32_t next = k_first_stand_in;
        for (const char32_t original : unsafe) {
            while (next <= k_last_stand_in &&
                   (!is_stand_in_candidate(next) ||
                    std::binary_search(taken.begin(), taken.end(), next)))
                ++next;
            if (next > k_last_stand_in) { // a text holding all 131,068 of them (512 KB at least)
                stand_ins.m_exhausted = true;
                return stand_ins;
            }
            stand_ins.m_back.emplace_back(next++, original);
        }
        stand_ins.m_text = mapped(text, [&](char32_t c) {
            return toml_cannot_ask_whitespace(c) ? stand_ins.stand_in_for(c) : 0;
        });
        return stand_ins;
    }

    /// Whether every possible stand-in is already in the text: it cannot be read safely.
    bool exhausted() const { return m_exhausted; }

    const std::string& text() const { return m_text; }

    /// `s` with each stand-in back to the character it replaced.
    std::string restored(std::string_view s) const {
        return mapped(s, [this](char32_t c) { return original_of(c); });
    }

    /// toml++'s error `message` as it would read for the text itself: stand-ins restored,
    /// written as characters or as its \UXXXXXXXX escapes, and the piece of one its cut at 511
    /// bytes may leave at the end taken away.
    std::string restored_message(std::string_view message) const {
        std::string out;
        const std::string raw = restored(message);
        for (std::size_t at = 0; at < raw.size(); ++at) {
            const auto escaped =
                raw.compare(at, 2, "\\U") == 0 ? escaped_code_point(raw, at) : std::nullopt;
            if (escaped && original_of(*escaped) != 0) {
                out += fmt::format("\\u{:04X}", static_cast<unsigned>(original_of(*escaped)));
                at += 9;
            } else {
                out += raw[at];
            }
        }
        std::size_t end = out.size(); // a cut stand-in: a 4-byte lead and fewer than 3 more
        for (std::size_t back = 1; back <= 3 && back <= out.size(); ++back)
            if (static_cast<unsigned char>(out[out.size() - back]) >= 0xF0) end = out.size() - back;
        out.resize(end);
        return out;
    }

    /// Every string and key in `table`, at any depth, restored. A key that then names one
    /// already there, written once as it is and once as an escape, is refused: the two
    /// tables or values toml++ kept apart are not merged.
    std::optional<Refusal> restore(toml::table& table) const {
        std::vector<std::string> renamed;
        for (auto&& [key, node] : table) {
            if (auto refused = restore(node)) return refused;
            if (restored(key.str()) != key.str()) renamed.emplace_back(key.str());
        }
        for (const std::string& name : renamed) {
            const auto it = table.find(name);
            toml::key key(restored(name), it->first.source());
            if (table.contains(key.str()))
                return Refusal{position_of(it->second), // where keys are reported
                               "TOML syntax error: the key '" + std::string(key.str()) +
                                   "' is written both as it is and as an escape; calmlegs "
                                   "reads it written one way only"};
            table.insert(std::move(key), std::move(it->second));
            table.erase(name);
        }
        return std::nullopt;
    }

private:
    /// `text` with each character for which `map` gives a code point (not 0) replaced by it;
    /// the other characters, and bytes that are no UTF-8, as they are.
    template <typename Map> static std::string mapped(std::string_view text, Map map) {
        std::string out;
        out.reserve(text.size());
        for (std::size_t at = 0; at < text.size();) {
            const Utf8Char ch = decode_utf8(text, at);
            const std::size_t length = std::max<std::size_t>(ch.length, 1);
            const char32_t replacement = ch.length != 0 ? map(ch.code_point) : 0;
            if (replacement != 0)
                append_utf8(out, replacement);
            else
                out.append(text.substr(at, length));
            at += length;
        }
        return out;
    }

    /// The code point a `\uXXXX` or `\UXXXXXXXX` at text[at] would escape, read whether or
    /// not it is in a string (a stand-in left unused costs nothing).
    static std::optional<char32_t> escaped_code_point(std::string_view text, std::size_t at) {
        if (at + 1 >= text.size() || (text[at + 1] != 'u' && text[at + 1] != 'U'))
            return std::nullopt;
        const std::size_t digits = text[at + 1] == 'u' ? 4 : 8;
        if (at + 2 + digits > text.size()) return std::nullopt;
        char32_t value = 0;
        for (std::size_t k = 0; k < digits; ++k) {
            const int digit = hex_digit(text[at + 2 + k]);
            if (digit < 0) return std::nullopt;
            value = value * 16 + static_cast<char32_t>(digit);
        }
        return value;
    }

    static void sort_unique(std::vector<char32_t>& values) {
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
    }

    /// The stand-in for `original`, one of the text's unsafe characters. Both columns of
    /// m_back rise together (stand-ins were handed out in the originals' order), so either
    /// can be searched.
    char32_t stand_in_for(char32_t original) const {
        return std::lower_bound(m_back.begin(), m_back.end(), original,
                                [](const auto& pair, char32_t c) { return pair.second < c; })
            ->first;
    }

    /// The character `stand_in` replaced; 0 when it is no stand-in.
    char32_t original_of(char32_t stand_in) const {
        if (!is_stand_in_candidate(stand_in)) return 0;
        const auto it =
            std::lower_bound(m_back.begin(), m_back.end(), stand_in,
                             [](const auto& pair, char32_t c) { return pair.first < c; });
        return it != m_back.end() && it->first == stand_in ? it->second : 0;
    }

    std::optional<Refusal> restore(toml::node& node) const {
        if (auto* string = node.as_string()) {
            string->get() = restored(string->get());
        } else if (auto* array = node.as_array()) {
            for (toml::node& element : *array)
                if (auto refused = restore(element)) return refused;
        } else if (auto* table = node.as_table()) {
            return restore(*table);
        }
        return std::nullopt;
    }

    std::string m_text;
    std::vector<std::pair<char32_t, char32_t>> m_back; ///< stand-in, original; both rising
    bool m_exhausted = false;
};

} // namespace

bool toml_cannot_ask_whitespace(char32_t c) {
    return (c >= 0xA1 && c <= 0x499) || (c >= 0x2C5E && c <= 0x3057 && c != 0x3000) ||
           (c >= 0xFB26 && c <= 0xFEFE);
}

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file,
                                      Diagnostics& diags) {
    if (auto refused = refusal(text)) {
        diags.error(file, refused->pos, std::move(refused->message));
        return std::nullopt;
    }
    const auto stand_ins = StandIns::for_text(text);
    if (stand_ins && stand_ins->exhausted()) {
        diags.error(file, {1, 1},
                    "the file holds every character of the private use planes, which calmlegs "
                    "needs a few of to read it safely");
        return std::nullopt;
    }
    try {
        toml::table table = toml::parse(stand_ins ? std::string_view(stand_ins->text()) : text,
                                        std::string_view(file));
        if (stand_ins)
            if (auto refused = stand_ins->restore(table)) {
                diags.error(file, refused->pos, std::move(refused->message));
                return std::nullopt;
            }
        return table;
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        SourcePos pos{static_cast<int>(begin.line), static_cast<int>(begin.column)};
        if (pos.line <= 0) pos = {1, 1};
        const std::string description =
            stand_ins ? stand_ins->restored_message(e.description()) : std::string(e.description());
        diags.error(file, pos, "TOML syntax error: " + description);
        return std::nullopt;
    }
}

SourcePos position_of(const toml::node& node) {
    const auto& begin = node.source().begin;
    if (begin.line == 0) return {1, 1};
    return {static_cast<int>(begin.line), static_cast<int>(begin.column)};
}

FieldReader::FieldReader(const toml::table& table, const std::string& file, Diagnostics& diags)
    : m_table(table)
    , m_file(file)
    , m_diags(diags) {}

const toml::node* FieldReader::find(std::string_view key, Presence presence,
                                    std::string_view expected) {
    if (std::find(m_known.begin(), m_known.end(), key) == m_known.end()) // read once or twice
        m_known.emplace_back(key);
    const toml::node* node = m_table.get(key);
    if (node == nullptr && presence == Presence::required)
        error("missing required key '" + std::string(key) + "' (expected " + std::string(expected) +
              ")");
    return node;
}

SourcePos FieldReader::position_of_key(std::string_view key) const {
    const toml::node* node = m_table.get(key);
    return node != nullptr ? position_of(*node) : position();
}

bool FieldReader::has(std::string_view key) const {
    return m_table.contains(key);
}

std::vector<SourcePos> FieldReader::element_positions(std::string_view key) const {
    std::vector<SourcePos> out;
    if (const auto* array = m_table.get_as<toml::array>(key))
        for (const toml::node& item : *array)
            out.push_back(position_of(item));
    return out;
}

void FieldReader::error_at(std::string_view key, std::string message) {
    m_diags.error(m_file, position_of_key(key), std::move(message));
}

void FieldReader::error(std::string message) {
    m_diags.error(m_file, position(), std::move(message));
}

std::string FieldReader::string(std::string_view key, Presence presence) {
    const toml::node* node = find(key, presence, "a string");
    if (node == nullptr) return {};
    const auto* value = node->as_string();
    if (value == nullptr) {
        error_at(key, "'" + std::string(key) + "': expected a string, found " +
                          std::string(describe(node->type())));
        return {};
    }
    std::string text = value->get();
    if (presence == Presence::required && text.find_first_not_of(" \t\r\n") == std::string::npos)
        error_at(key, "'" + std::string(key) + "': expected a non-empty string");
    return text;
}

std::optional<LocalTime> FieldReader::local_time(std::string_view key, Presence presence) {
    // A TOML time (bedtime = 22:30:00) is no string: say how to write one.
    if (const toml::node* node = find(key, Presence::optional, "a string");
        node && node->is_time()) {
        error_at(key, "'" + std::string(key) +
                          "': expected a string such as \"22:30\", found a time; write it in "
                          "quotes");
        return std::nullopt;
    }
    const std::string text = string(key, presence);
    if (text.empty()) return std::nullopt;
    std::string why;
    auto time = parse_local_time(text, why);
    if (!time) error_at(key, "'" + std::string(key) + "': " + why);
    return time;
}

const toml::array* FieldReader::typed_array(std::string_view key, Presence presence,
                                            toml::node_type element,
                                            std::string_view element_name) {
    const std::string expected = "an array of " + std::string(element_name);
    const toml::node* node = find(key, presence, expected);
    if (node == nullptr) return nullptr;
    const auto* array = node->as_array();
    if (array == nullptr) {
        error_at(key, "'" + std::string(key) + "': expected " + expected + ", found " +
                          std::string(describe(node->type())));
        return nullptr;
    }
    bool ok = true;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        if (item.type() != element) {
            m_diags.error(m_file, position_of(item),
                          "'" + std::string(key) + "[" + std::to_string(i) + "]': expected " +
                              std::string(describe(element)) + ", found " +
                              std::string(describe(item.type())));
            ok = false;
        }
    }
    return ok ? array : nullptr;
}

void FieldReader::check_count(std::string_view key, const toml::array& array,
                              std::size_t at_least) {
    if (array.size() < at_least)
        error_at(key, "'" + std::string(key) + "': expected at least " + std::to_string(at_least) +
                          (at_least == 1 ? " item" : " items") + ", found " +
                          std::to_string(array.size()));
}

std::vector<std::string> FieldReader::strings(std::string_view key, Presence presence,
                                              std::size_t at_least) {
    std::vector<std::string> out;
    const toml::array* array = typed_array(key, presence, toml::node_type::string, "strings");
    if (array == nullptr) return out;
    check_count(key, *array, at_least);
    out.reserve(array->size());
    for (const toml::node& item : *array) {
        const std::string& text = item.as_string()->get();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            m_diags.error(m_file, position_of(item),
                          "'" + std::string(key) + "': expected non-empty strings");
        out.push_back(text);
    }
    return out;
}

std::optional<int> FieldReader::integer(std::string_view key, Presence presence, int min, int max) {
    const toml::node* node = find(key, presence, "an integer");
    if (node == nullptr) return std::nullopt;
    const auto* value = node->as_integer();
    if (value == nullptr) {
        error_at(key, "'" + std::string(key) + "': expected an integer, found " +
                          std::string(describe(node->type())));
        return std::nullopt;
    }
    if (value->get() < min || value->get() > max) {
        error_at(key, "'" + std::string(key) + "': expected an integer from " +
                          std::to_string(min) + " to " + std::to_string(max) + ", found " +
                          std::to_string(value->get()));
        return std::nullopt;
    }
    return static_cast<int>(value->get());
}

std::optional<double> FieldReader::number(std::string_view key, Presence presence, double min,
                                          double max) {
    const toml::node* node = find(key, presence, "a number");
    if (node == nullptr) return std::nullopt;
    double value = 0;
    if (const auto* integer = node->as_integer())
        value = static_cast<double>(integer->get());
    else if (const auto* floating = node->as_floating_point())
        value = floating->get();
    else {
        error_at(key, "'" + std::string(key) + "': expected a number, found " +
                          std::string(describe(node->type())));
        return std::nullopt;
    }
    if (!(value >= min && value <= max)) { // also catches nan
        char text[128];
        std::snprintf(text, sizeof text, "expected a number from %g to %g, found %g", min, max,
                      value);
        error_at(key, "'" + std::string(key) + "': " + text);
        return std::nullopt;
    }
    return value;
}

bool FieldReader::boolean(std::string_view key, bool fallback) {
    const toml::node* node = find(key, Presence::optional, "true or false");
    if (node == nullptr) return fallback;
    const auto* value = node->as_boolean();
    if (value == nullptr) {
        error_at(key, "'" + std::string(key) + "': expected true or false, found " +
                          std::string(describe(node->type())));
        return fallback;
    }
    return value->get();
}

std::vector<StepRef> FieldReader::step_numbers(std::string_view key, Presence presence) {
    std::vector<StepRef> out;
    const toml::array* array = typed_array(key, presence, toml::node_type::integer, "integers");
    if (array == nullptr) return out;
    for (const toml::node& item : *array) {
        const std::int64_t number = item.as_integer()->get();
        if (number < 1 || number > 99)
            m_diags.error(m_file, position_of(item),
                          "'" + std::string(key) + "': expected step numbers from 1 to 99, found " +
                              std::to_string(number));
        else
            out.push_back(StepRef{static_cast<int>(number), position_of(item)});
    }
    return out;
}

std::vector<TimeOfDay> FieldReader::times_of_day(std::string_view key, Presence presence,
                                                 std::size_t at_least) {
    std::vector<TimeOfDay> out;
    for (const auto& name : choices(key, presence, time_of_day_names(), at_least))
        out.push_back(*parse_time_of_day(name));
    return out;
}

std::vector<Audience> FieldReader::audiences(std::string_view key, Presence presence,
                                             std::size_t at_least) {
    std::vector<Audience> out;
    const toml::array* array = typed_array(key, presence, toml::node_type::string, "strings");
    if (array == nullptr) return out;
    check_count(key, *array, at_least);
    for (const toml::node& item : *array) {
        const std::string& value = item.as_string()->get();
        if (auto who = parse_audience(value)) {
            out.push_back(*who);
            continue;
        }
        std::string message = "'" + std::string(key) + "': expected each of " +
                              join(audience_names(), ", ") + ", found " + quote(value);
        if (auto near =
                nearest_name(value, audience_names(), typo_allowance(normalize_name(value)) + 1))
            message += "; did you mean " + quote(*near) + "?";
        m_diags.error(m_file, position_of(item), std::move(message));
    }
    return out;
}

SourceRef FieldReader::source(std::string_view key, Presence presence) {
    const std::string id = string(key, presence);
    if (!id.empty() && id != k_source_guide && !is_valid_id(id))
        error_at(key, "'" + std::string(key) +
                          "': expected \"guide\" or a reference id (lowercase "
                          "letters, digits and '-'), found " +
                          quote(id));
    return SourceRef{id, position_of_key(key)};
}

std::vector<Ref> FieldReader::ids(std::string_view key, Presence presence, std::size_t at_least) {
    std::vector<Ref> out;
    const toml::array* array = typed_array(key, presence, toml::node_type::string, "ids");
    if (array == nullptr) return out;
    check_count(key, *array, at_least);
    for (const toml::node& item : *array) {
        const std::string& id = item.as_string()->get();
        if (!is_valid_id(id))
            m_diags.error(m_file, position_of(item),
                          "'" + std::string(key) +
                              "': expected ids of lowercase letters, digits and '-', found " +
                              quote(id));
        out.push_back(Ref{id, position_of(item)});
    }
    return out;
}

const toml::table* FieldReader::table(std::string_view key, Presence presence) {
    const toml::node* node = find(key, presence, "a table");
    if (node == nullptr) return nullptr;
    const auto* table = node->as_table();
    if (table == nullptr)
        error_at(key, "'" + std::string(key) + "': expected a table, found " +
                          std::string(describe(node->type())));
    return table;
}

std::string FieldReader::choice(std::string_view key, Presence presence,
                                const std::vector<std::string>& allowed) {
    std::string value = string(key, presence);
    if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end())
        return value;
    std::string message = "'" + std::string(key) + "': expected one of " + join(allowed, ", ") +
                          ", found " + quote(value);
    if (auto near = nearest_name(value, allowed, typo_allowance(normalize_name(value)) + 1))
        message += "; did you mean " + quote(*near) + "?";
    error_at(key, std::move(message));
    return {};
}

std::vector<std::string> FieldReader::choices(std::string_view key, Presence presence,
                                              const std::vector<std::string>& allowed,
                                              std::size_t at_least) {
    std::vector<std::string> out;
    const toml::array* array = typed_array(key, presence, toml::node_type::string, "strings");
    if (array == nullptr) return out;
    check_count(key, *array, at_least);
    for (const toml::node& item : *array) {
        const std::string& value = item.as_string()->get();
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
            out.push_back(value);
            continue;
        }
        std::string message = "'" + std::string(key) + "': expected each of " +
                              join(allowed, ", ") + ", found " + quote(value);
        if (auto near = nearest_name(value, allowed, typo_allowance(normalize_name(value)) + 1))
            message += "; did you mean " + quote(*near) + "?";
        m_diags.error(m_file, position_of(item), std::move(message));
    }
    return out;
}

std::optional<FieldReader::FlagOrChoices>
FieldReader::flag_or_choices(std::string_view key, const std::vector<std::string>& allowed) {
    const std::string expected = "true, false or an array of " + join(allowed, ", ");
    const toml::node* node = find(key, Presence::optional, expected);
    if (node == nullptr) return std::nullopt;
    if (const auto* flag = node->as_boolean()) return FlagOrChoices{flag->get(), std::nullopt};
    if (node->as_array() == nullptr) {
        error_at(key, "'" + std::string(key) + "': expected " + expected + ", found " +
                          std::string(describe(node->type())));
        return std::nullopt;
    }
    const toml::array* array =
        typed_array(key, Presence::optional, toml::node_type::string, "strings");
    if (array == nullptr) return std::nullopt;
    FlagOrChoices out{true, std::vector<std::string>{}};
    bool ok = true;
    for (const toml::node& item : *array) {
        const std::string& value = item.as_string()->get();
        if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
            out.only->push_back(value);
            continue;
        }
        std::string message = "'" + std::string(key) + "': expected each of " +
                              join(allowed, ", ") + ", found " + quote(value);
        if (auto near = nearest_name(value, allowed, typo_allowance(normalize_name(value)) + 1))
            message += "; did you mean " + quote(*near) + "?";
        m_diags.error(m_file, position_of(item), std::move(message));
        ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

void FieldReader::finish() {
    for (const auto& [key, node] : m_table) {
        const std::string_view name = key.str();
        if (std::find(m_known.begin(), m_known.end(), name) != m_known.end()) continue;
        std::string message = "unknown key '" + std::string(name) + "'";
        if (auto near = nearest_name(name, m_known, 2))
            message += "; did you mean '" + *near + "'?";
        else
            message += "; expected one of: " + join(m_known, ", ");
        SourcePos pos = key.source().begin.line != 0
                            ? SourcePos{static_cast<int>(key.source().begin.line),
                                        static_cast<int>(key.source().begin.column)}
                            : position_of(node);
        m_diags.error(m_file, pos, std::move(message));
    }
}

std::string read_entry_id(FieldReader& reader, std::string_view stem) {
    std::string id = reader.string("id", Presence::required);
    if (id.empty()) return std::string(stem);
    if (!is_valid_id(id)) {
        reader.error_at("id",
                        "'id': expected lowercase letters, digits and '-', found " + quote(id));
    } else if (id != stem) {
        reader.error_at("id", "'id': expected " + quote(stem) + " to match the file name " +
                                  std::string(stem) + ".toml, found " + quote(id) +
                                  " (rename the file or change the id)");
    }
    return id;
}

NamePositions name_positions(const FieldReader& reader) {
    return NamePositions{reader.position_of_key("id"), reader.position_of_key("name"),
                         reader.element_positions("aliases")};
}

bool DuplicateIds::first(const std::string& id, SourcePos pos, Diagnostics& diags) {
    for (const auto& [seen, where] : m_seen) {
        if (seen == id) {
            diags.error(m_file, pos,
                        "duplicate id " + quote(id) + " (first defined at line " +
                            std::to_string(where.line) + ")");
            return false;
        }
    }
    m_seen.emplace_back(id, pos);
    return true;
}

} // namespace calmlegs
