// config.toml: the whole input is the file. Every problem names the file; a config that parses
// holds only values its readers accept.

#include "content/config.h"
#include "fuzz_check.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

using namespace calmlegs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string file = "/home/fuzz/.config/calmlegs/config.toml";
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    Diagnostics diags;
    const auto config = parse_config(text, file, diags);
    fuzz::require(config.has_value() || !diags.empty(), "a config refused says why");
    for (const auto& problem : diags.problems()) {
        fuzz::require(problem.file == file, "a config error names the file");
        fuzz::require(!problem.message.empty(), "a config error says what is wrong");
    }
    if (!config) return 0;
    const auto in_day = [](const LocalTime& time) {
        return time.hour >= 0 && time.hour < 24 && time.minute >= 0 && time.minute < 60;
    };
    fuzz::require(in_day(config->schedule.nights.bedtime), "bedtime is a time of day");
    if (config->schedule.nights.wake)
        fuzz::require(in_day(*config->schedule.nights.wake), "wake is a time of day");
    return 0;
}
