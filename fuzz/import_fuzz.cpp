// `calmlegs import`: the first byte says whether the file is named .json or .csv (the reader
// goes by the content, the name only appears in errors); the rest is the file. A refusal names
// the file; an accepted journal exports and imports again to the same export.

#include "fuzz_check.h"
#include "journal/exchange.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace calmlegs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string file = data[0] % 2 == 0 ? "/tmp/fuzz/journal.json" : "/tmp/fuzz/journal.csv";
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    std::string why;
    const auto imported = read_export(text, file, why);
    if (!imported) {
        fuzz::require(why.rfind(file + ":", 0) == 0, "an import error starts with the file");
        return 0;
    }
    for (const std::string& exported : {export_json(*imported), export_csv(*imported)}) {
        const auto again = read_export(exported, file, why);
        fuzz::require(again.has_value(), "an export of an import imports");
        fuzz::require(export_json(*again) == export_json(*imported), "export, import: the same");
    }
    return 0;
}
