#pragma once
// The person's [plan] (config.toml) read against the content: the names they wrote, as ids.

#include "content/config.h"
#include "content/diagnostics.h"
#include "content/store.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// The supplements of the config's [plan] as their ids, in the order written, each once;
/// nullopt when the config sets no plan. A name counts when `calmlegs supplement` would find
/// it exactly: its id, name, an alias or a form, in any case ("mag", "Vitamin D"). A prefix or
/// a misspelling is not taken (a config must not silently mean something else): it is reported
/// to `diags` at its place in the config with the supplement meant, as is a name of more than
/// one supplement, with each of them, and a name of none.
std::optional<std::vector<std::string>> resolve_plan(ContentStore& store, const Config& config,
                                                     Diagnostics& diags);

} // namespace calmlegs
