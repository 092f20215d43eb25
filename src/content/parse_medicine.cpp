#include "content/parse.h"
#include "content/toml_reader.h"

namespace calmlegs {

std::optional<Medicine> parse_medicine(std::string_view text, const std::string& file,
                                       std::string_view stem, Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Medicine m;
    read_entry_head(fields, m, stem);
    m.group = fields.string("group", Presence::required);
    m.examples = fields.strings("examples", Presence::optional);
    m.effect = fields.string("effect", Presence::required);
    m.instead = fields.string("instead", Presence::optional);
    m.source = fields.string("source", Presence::required);
    m.source_pos = fields.position_of_key("source");
    m.steps = fields.step_numbers("steps", Presence::optional);
    fields.finish();
    return m;
}

} // namespace calmlegs
