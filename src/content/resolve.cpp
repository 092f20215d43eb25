#include "content/resolve.h"

#include "content/names.h"

#include <algorithm>
#include <climits>

namespace calmlegs {
namespace {

void add_unique(std::vector<std::size_t>& entries, std::size_t entry) {
    if (std::find(entries.begin(), entries.end(), entry) == entries.end()) entries.push_back(entry);
}

/// The outcome of a stage that matched the keys `matched` (indices into `keys`).
Resolution settle(const std::vector<NameKey>& keys, const std::vector<std::size_t>& matched,
                  MatchKind match) {
    Resolution result;
    result.match = match;
    for (std::size_t key : matched)
        add_unique(result.entries, keys[key].entry);
    result.status =
        result.entries.size() == 1 ? Resolution::Status::found : Resolution::Status::ambiguous;
    if (result.status != Resolution::Status::found) return result;
    int variant = -1;
    for (std::size_t key : matched) {
        const int named = keys[key].variant;
        if (named < 0) continue;
        if (variant >= 0 && named != variant) return result; // several variants: none
        variant = named;
    }
    result.variant = variant;
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

    std::vector<std::size_t> exact, prefix; // the keys that match, by stage
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (normalized[i] == wanted)
            exact.push_back(i);
        else if (!keys[i].exact_only && wanted.size() >= 3 && normalized[i].starts_with(wanted))
            prefix.push_back(i);
    }
    if (!exact.empty()) return settle(keys, exact, MatchKind::exact);
    if (!prefix.empty()) return settle(keys, prefix, MatchKind::prefix);

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
        if (distance == best && distance <= allowance) close.push_back(i);
    }
    if (!close.empty()) return settle(keys, close, MatchKind::close);

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
