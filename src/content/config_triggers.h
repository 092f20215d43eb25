#pragma once
// The triggers a person can log (calmlegs log --trigger): the content's, from the guide, and
// their own from the config's [journal] triggers, read together.

#include "content/config.h"
#include "content/diagnostics.h"
#include "content/store.h"

#include <vector>

namespace calmlegs {

/// Every trigger a person can log: the content's (triggers.toml, in its order), then their own
/// ([journal] triggers, in the order written). The ids are unique: an own trigger with the id
/// of a content trigger is left out (check_own_triggers reports it). Look one up by what the
/// person typed with find_trigger(list, query).
std::vector<Trigger> person_triggers(ContentStore& store, const Config& config);

/// Reports to `diags`, at its place in the config, each own trigger that a content trigger
/// would answer for: its id, or its name (compared as names are), is an id, name or alias of a
/// content trigger ("Caffeine", "coffee"). Such a name would always find the content's trigger,
/// never the person's.
void check_own_triggers(ContentStore& store, const Config& config, Diagnostics& diags);

} // namespace calmlegs
