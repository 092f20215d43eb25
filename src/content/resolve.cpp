#include "content/resolve.h"

#include "content/names.h"

#include <algorithm>
#include <climits>

namespace calmlegs {
namespace {

void add_unique(std::vector<std::size_t>& entries, std::size_t entry) {
    if (std::find(entries.begin(), entries.end(), entry) == entries.end()) entries.push_back(entry);
}

Resolution settle(std::vector<std::size_t> entries, MatchKind match) {
    Resolution result;
    result.match = match;
    result.status = entries.size() == 1 ? Resolution::Status::found : Resolution::Status::ambiguous;
    result.entries = std::move(entries);
    return result;
}

} // namespace

Resolution resolve_name(std::string_view query, const std::vector<NameKey>& keys) {
    const std::string wanted = normalize_name(query);
    Resolution none;
    if (wanted.empty() || keys.empty()) return none;

    std::vector<std::string> normalized;
    normalized.reserve(keys.size());
    for (const auto& key : keys)
        normalized.push_back(normalize_name(key.text));

    std::vector<std::size_t> exact, prefix;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (normalized[i] == wanted)
            add_unique(exact, keys[i].entry);
        else if (!keys[i].exact_only && wanted.size() >= 3 && normalized[i].starts_with(wanted))
            add_unique(prefix, keys[i].entry);
    }
    if (!exact.empty()) return settle(std::move(exact), MatchKind::exact);
    if (!prefix.empty()) return settle(std::move(prefix), MatchKind::prefix);

    // A misspelling keeps the marks that tell siblings apart: "vitamin c" is not "vitamin d".
    const std::vector<std::string> marks = name_marks(query);
    int best = INT_MAX;
    std::optional<std::size_t> best_key;
    std::vector<std::size_t> close;
    const int allowance = typo_allowance(wanted);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i].exact_only || name_marks(keys[i].text) != marks) continue;
        const int distance = edit_distance(wanted, normalized[i]);
        if (distance < best) {
            best = distance;
            best_key = i;
            close.clear();
        }
        if (distance == best && distance <= allowance) add_unique(close, keys[i].entry);
    }
    if (!close.empty()) return settle(std::move(close), MatchKind::close);

    // Nothing matched. When the names of exactly one entry contain what was typed ("ir" in
    // "iron", "k2" in "Vitamin D3 with K2"), that entry is the likeliest meaning; otherwise
    // the nearest spelling, if within a third of the query's length ("caffeine" is four edits
    // from "camomile", which is no help). Anything further helps nobody.
    std::vector<std::size_t> containing;
    if (wanted.size() >= 2)
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (!keys[i].exact_only && normalized[i].find(wanted) != std::string::npos)
                add_unique(containing, keys[i].entry);
    if (containing.size() == 1)
        none.suggestion = containing.front();
    else if (containing.empty() && best_key && 3 * best <= static_cast<int>(wanted.size()))
        none.suggestion = keys[*best_key].entry;
    return none;
}

} // namespace calmlegs
