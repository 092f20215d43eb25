// The content loader, any file kind: the first byte chooses which file of a content directory
// the rest of the input is (guide.toml, a supplement, a routine...). The file goes through
// `calmlegs check` (validate_content) and through the look-ups a command makes.

#include "content/store.h"
#include "content/validate.h"
#include "fuzz_check.h"
#include "support/memory_files.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace calmlegs;

namespace {

constexpr std::array<const char*, 12> k_paths{"/c/guide.toml",          "/c/notes.toml",
                                              "/c/references.toml",     "/c/stack.toml",
                                              "/c/schedule.toml",       "/c/triggers.toml",
                                              "/c/steps/01-fuzz.toml",  "/c/supplements/fuzz.toml",
                                              "/c/medicines/fuzz.toml", "/c/breathing/fuzz.toml",
                                              "/c/exercises/fuzz.toml", "/c/routines/fuzz.toml"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string path = k_paths[data[0] % k_paths.size()];
    test::MemoryFileSystem files;
    files.add(path, std::string(reinterpret_cast<const char*>(data + 1), size - 1));

    const Diagnostics diags = validate_content(files, {"/c"});
    for (const auto& problem : diags.problems()) {
        // Every error names a file of the content directory, with a place in it and words.
        fuzz::require(problem.file.rfind("/c/", 0) == 0, "a content error names its file");
        fuzz::require(problem.format().rfind(problem.file + ":", 0) == 0,
                      "a content error starts with its file");
        fuzz::require(!problem.message.empty(), "a content error says what is wrong");
    }

    // The look-ups a command makes keep only sound entries; they never fail the other way.
    ContentStore store(files, {"/c"});
    store.guide();
    store.notes();
    store.references();
    store.stack();
    store.schedule();
    store.triggers();
    store.steps();
    store.supplements();
    store.medicines();
    store.patterns();
    store.routines();
    store.exercise("fuzz");
    for (const auto& problem : store.diagnostics().problems())
        fuzz::require(problem.file == path, "a look-up error names the file read");
    return 0;
}
