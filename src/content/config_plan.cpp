#include "content/config_plan.h"

#include "content/lookup.h"

#include <algorithm>

namespace calmlegs {

std::optional<std::vector<std::string>> resolve_plan(ContentStore& store, const Config& config,
                                                     Diagnostics& diags) {
    if (!config.plan_supplements) return std::nullopt;
    std::vector<std::string> ids;
    for (const Ref& written : config.plan_refs) {
        const SupplementLookup lookup = find_supplement(store, written.id);
        const std::string name = "\"" + written.id + "\"";
        if (lookup.status == Resolution::Status::found && lookup.match == MatchKind::exact) {
            if (std::find(ids.begin(), ids.end(), lookup.found->id) == ids.end())
                ids.push_back(lookup.found->id);
            continue;
        }
        if (lookup.status == Resolution::Status::ambiguous) {
            std::string candidates;
            for (const Supplement* candidate : lookup.candidates)
                candidates += (candidates.empty() ? "\"" : ", \"") + candidate->id + "\"";
            diags.error(config.file, written.pos,
                        "'supplements': " + name + " names more than one supplement: " +
                            candidates + "; write the id of the one you take");
            continue;
        }
        // A prefix or a misspelling found an entry, but only a suggestion's worth.
        const Supplement* meant =
            lookup.status == Resolution::Status::found ? lookup.found : lookup.suggestion;
        std::string message =
            "'supplements' refers to supplement " + name + ", which does not exist";
        if (meant != nullptr) message += "; did you mean \"" + meant->id + "\"?";
        diags.error(config.file, written.pos, std::move(message));
    }
    return ids;
}

} // namespace calmlegs
