// The reminder state file (remind-state.toml): the whole input is the file, read as
// `calmlegs remind` reads it. A corrupt file says why (it is set aside, never reset); a state
// that parses is written back and read again to the same text.

#include "cli/remind_state.h"
#include "fuzz_check.h"
#include "remind/delivery.h"
#include "support/memory_files.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace calmlegs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "/state/calmlegs/remind-state.toml";
    test::MemoryFileSystem files;
    files.add(path, std::string(reinterpret_cast<const char*>(data), size));
    const cli::LoadedState loaded = cli::read_state(files, path);
    fuzz::require(loaded.status != cli::LoadedState::Status::unreadable, "a file is readable");
    if (loaded.status == cli::LoadedState::Status::corrupt) {
        fuzz::require(!loaded.why.empty(), "a corrupt state says why");
        return 0;
    }
    const std::string text = format_state(loaded.state);
    std::string why;
    const auto again = parse_state(text, why);
    fuzz::require(again.has_value(), "a state written back reads");
    fuzz::require(format_state(*again) == text, "a state round-trips");
    return 0;
}
