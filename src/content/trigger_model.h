#pragma once
// What can make a night worse, for the journal (`calmlegs log --trigger`): the triggers the guide
// names (the content's triggers.toml), and the person's own ([journal] triggers of the config).

#include "content/model.h"

#include <string>
#include <vector>

namespace calmlegs {

/// One trigger: a thing a person did or met on a day that may have made that night's legs
/// worse ("caffeine after noon", "long sitting"), logged by its id.
struct Trigger {
    std::string id;
    std::string name;                 ///< as a page shows it ("Caffeine after noon")
    std::vector<std::string> aliases; ///< other words a person types ("coffee", "phone")
    std::string text;                 ///< one short line on what it covers; "" for one's own
    std::vector<StepRef> steps;       ///< the guide steps that name it
    bool own = false;                 ///< from the config's [journal] triggers
    std::string file;                 ///< triggers.toml, or the config for one's own
    SourcePos pos;                    ///< the [[trigger]] table, or the name in the config
    NamePositions where;
};

/// How a page names the trigger a journal stores as `id`: its name, or the id itself when no
/// trigger has it (one the content or the config no longer lists).
inline std::string trigger_name(const std::vector<Trigger>& triggers, const std::string& id) {
    for (const Trigger& trigger : triggers)
        if (trigger.id == id) return trigger.name;
    return id;
}

} // namespace calmlegs
