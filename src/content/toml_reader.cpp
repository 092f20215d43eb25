#include "content/toml_reader.h"

#include "content/names.h"

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

/// The first thing outside strings and comments that toml++ 3.3 cannot take safely: a line
/// with more than k_max_key_depth dots (a table header or a dotted key nesting that deep; a
/// dot in a number counts too, and no line of ours holds a thousand numbers), or a byte that
/// is not ASCII (never valid there, and some, such as U+FEFE, reach a path toml++ marks
/// unreachable: undefined behaviour, found by fuzz/config).
std::optional<Refusal> refusal(std::string_view text) {
    enum class In { code, comment, basic, literal, multi_basic, multi_literal };
    In in = In::code;
    int line = 1;
    int dots = 0;
    std::size_t line_start = 0;
    const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0; // a byte-order mark
    for (std::size_t i = start; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            dots = 0;
            line_start = i + 1;
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
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                return Refusal{{line, static_cast<int>(i - line_start) + 1},
                               "TOML syntax error: a character that is not ASCII outside a "
                               "string (a key with other letters goes in quotes)"};
            }
            break;
        case In::basic:
        case In::multi_basic:
            if (c == '\\') {
                // After a line-ending backslash toml++ 3.3 asks of the next character whether
                // it is whitespace, which for most that are not ASCII (U+00E9, U+FEFE) reaches
                // the same unreachable path: found by fuzz/remind_state.
                std::size_t next = i + 1;
                int next_line = line;
                std::size_t next_start = line_start;
                while (next < text.size() && (text[next] == ' ' || text[next] == '\t' ||
                                              text[next] == '\r' || text[next] == '\n')) {
                    if (text[next] == '\n') {
                        ++next_line;
                        next_start = next + 1;
                    }
                    ++next;
                }
                if (next > i + 1 && next < text.size() &&
                    static_cast<unsigned char>(text[next]) >= 0x80)
                    return Refusal{{next_line, static_cast<int>(next - next_start) + 1},
                                   "TOML syntax error: a character that is not ASCII right "
                                   "after a line-ending backslash, which the TOML reader "
                                   "cannot take"};
            }
            if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
                ++i;
            } else if (c == '"' && (in == In::basic || triple)) {
                if (in == In::multi_basic) i += 2;
                in = In::code;
            }
            break;
        case In::literal:
        case In::multi_literal:
            if (c == '\'' && (in == In::literal || triple)) {
                if (in == In::multi_literal) i += 2;
                in = In::code;
            }
            break;
        case In::comment:
            break;
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<toml::table> parse_toml(std::string_view text, const std::string& file,
                                      Diagnostics& diags) {
    if (auto refused = refusal(text)) {
        diags.error(file, refused->pos, std::move(refused->message));
        return std::nullopt;
    }
    try {
        return toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        const auto& begin = e.source().begin;
        SourcePos pos{static_cast<int>(begin.line), static_cast<int>(begin.column)};
        if (pos.line <= 0) pos = {1, 1};
        diags.error(file, pos, "TOML syntax error: " + std::string(e.description()));
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
