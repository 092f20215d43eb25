#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// Builds JSON text with keys in the order they are written, so the output is stable.
/// Pretty output (two-space indents) is for look-ups; compact output is one line per event.
///
///     JsonWriter json(JsonWriter::Layout::compact);
///     json.begin_object().key("id").value("iron").end_object();
///     json.str(); // {"id":"iron"}
class JsonWriter {
public:
    enum class Layout { pretty, compact };
    explicit JsonWriter(Layout layout = Layout::pretty)
        : m_pretty(layout == Layout::pretty) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::int64_t number);
    JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
    /// A number with up to `decimals` digits after the point.
    JsonWriter& value(double number, int decimals = 3);
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// The text, or null when it is empty (an optional text that is absent).
    JsonWriter& text_or_null(std::string_view text);
    /// The number, or null when it is zero (e.g. a step number that does not apply).
    JsonWriter& number_or_null(std::int64_t number);
    /// The number with up to `decimals` digits after the point, or null when there is none.
    JsonWriter& value_or_null(const std::optional<double>& number, int decimals = 3);
    JsonWriter& value_or_null(const std::optional<int>& number) {
        return number ? value(*number) : null();
    }
    /// `name: [ "a", "b" ]`
    JsonWriter& string_array(std::string_view name, const std::vector<std::string>& items);

    /// The text so far; complete once every begin has its end.
    const std::string& str() const { return m_out; }

private:
    void before_value();
    void newline();
    JsonWriter& close(char bracket);

    std::string m_out;
    bool m_pretty;
    struct Level {
        bool is_object;
        bool empty;
    };
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

/// `text` as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string json_quote(std::string_view text);

} // namespace calmlegs
