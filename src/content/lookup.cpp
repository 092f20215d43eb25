#include "content/lookup.h"

#include "content/names.h"

#include <charconv>

namespace calmlegs {

SupplementLookup find_supplement(ContentStore& store, std::string_view query) {
    SupplementLookup result;
    const std::string wanted = normalize_name(query);
    // Fast path: the query is an id (ignoring case and punctuation), so only its file is read.
    for (const auto& id : store.supplement_ids()) {
        if (normalize_name(id) != wanted) continue;
        if (const Supplement* s = store.supplement(id)) {
            result.status = Resolution::Status::found;
            result.found = s;
            return result;
        }
        break;
    }

    const auto all = store.supplements();
    std::vector<NameKey> keys;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const Supplement& s = *all[i];
        keys.push_back({s.id, i});
        keys.push_back({s.name, i});
        for (const auto& alias : s.aliases) keys.push_back({alias, i});
        for (const auto& form : s.forms) keys.push_back({s.name + " " + form.name, i});
    }
    const Resolution resolution = resolve_name(query, keys);
    result.status = resolution.status;
    result.match = resolution.match;
    result.suggestion = resolution.suggestion;
    result.suggestion_is_close = resolution.suggestion_is_close;
    if (resolution.status == Resolution::Status::found)
        result.found = all[resolution.entries.front()];
    else if (resolution.status == Resolution::Status::ambiguous)
        for (std::size_t entry : resolution.entries) result.candidates.push_back(all[entry]);
    return result;
}

GuideLookup find_guide_part(ContentStore& store, std::string_view query) {
    GuideLookup result;
    int number = 0;
    const auto [end, error] = std::from_chars(query.data(), query.data() + query.size(), number);
    if (error == std::errc() && end == query.data() + query.size()) {
        if (const Step* step = store.step(number)) {
            result.status = Resolution::Status::found;
            result.found = {GuidePart::Kind::step, step};
        }
        return result;
    }
    if (is_valid_id(query)) {
        if (const Step* step = store.step(query)) {
            result.status = Resolution::Status::found;
            result.found = {GuidePart::Kind::step, step};
            return result;
        }
    }

    std::vector<GuidePart> parts = {{GuidePart::Kind::intro, nullptr},
                                    {GuidePart::Kind::closing, nullptr}};
    std::vector<NameKey> keys = {{"intro", 0},        {"introduction", 0}, {"what is rls", 0},
                                 {"closing", 1},      {"final thoughts", 1}};
    for (const Step* step : store.steps()) {
        const std::size_t index = parts.size();
        parts.push_back({GuidePart::Kind::step, step});
        keys.push_back({step->id, index});
        keys.push_back({step->title, index});
        for (const auto& alias : step->aliases) keys.push_back({alias, index});
    }
    const Resolution resolution = resolve_name(query, keys);
    result.status = resolution.status;
    result.match = resolution.match;
    result.suggestion = resolution.suggestion;
    result.suggestion_is_close = resolution.suggestion_is_close;
    if (resolution.status == Resolution::Status::found)
        result.found = parts[resolution.entries.front()];
    else if (resolution.status == Resolution::Status::ambiguous)
        for (std::size_t entry : resolution.entries) result.candidates.push_back(parts[entry]);
    return result;
}

} // namespace calmlegs
