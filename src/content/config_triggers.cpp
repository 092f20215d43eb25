#include "content/config_triggers.h"

#include "content/lookup.h"
#include "content/names.h"

#include <algorithm>

namespace calmlegs {

std::vector<Trigger> person_triggers(ContentStore& store, const Config& config) {
    std::vector<Trigger> out = store.triggers();
    for (const Trigger& own : config.journal.own_triggers)
        if (std::none_of(out.begin(), out.end(),
                         [&](const Trigger& trigger) { return trigger.id == own.id; }))
            out.push_back(own);
    return out;
}

void check_own_triggers(ContentStore& store, const Config& config, Diagnostics& diags) {
    for (const Trigger& own : config.journal.own_triggers) {
        // What `--trigger NAME` would find first: a content trigger named so exactly. (The id
        // is the name's words joined with '-', so the name stands for both.)
        const Lookup<Trigger> lookup = find_trigger(store, own.name);
        if (lookup.status == Resolution::Status::not_found || lookup.match != MatchKind::exact)
            continue;
        const Trigger* taken =
            lookup.status == Resolution::Status::found ? lookup.found : lookup.candidates.front();
        diags.error(own.file, own.pos,
                    "'triggers': " + quote(own.name) + " is already a name of the trigger " +
                        quote(taken->id) + " (" + taken->name + "); log that one as " + taken->id +
                        ", and take " + quote(own.name) +
                        " out of [journal] triggers, or name yours otherwise");
    }
}

} // namespace calmlegs
