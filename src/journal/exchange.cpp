#include "journal/exchange.h"

#include "journal/exchange_fields.h"

namespace calmlegs {

std::optional<JournalData> read_export(std::string_view text, std::string_view file_name,
                                       std::string& why) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
    RecordReader reader(file_name, why);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        reader.fail({1, 1}, "expected a calmlegs journal export (JSON or CSV), found an empty "
                            "file");
        return std::nullopt;
    }
    // '[' too: no CSV export starts with it, and a JSON array is better told it is not one.
    if (text[first] == '{' || text[first] == '[') return read_json_export(text, reader);
    return read_csv_export(text, reader);
}

} // namespace calmlegs
