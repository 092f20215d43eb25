#pragma once
// A name that led to nothing, or to more than one thing, and what to tell the person.

#include "cli/context.h"
#include "content/lookup.h"
#include "content/search.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs::cli {

/// A name that did not lead to exactly one thing, and what to tell the person.
struct Miss {
    std::string query;
    bool ambiguous = false;
    struct Candidate {
        std::string id;   ///< what to type
        std::string name; ///< what it is
    };
    std::vector<Candidate> candidates;   ///< when ambiguous
    std::optional<Candidate> suggestion; ///< when not found: what the person probably meant
    std::vector<Candidate> mentioned;    ///< when not found: entries whose text mentions it
    std::string what;                    ///< "entry", "part of the guide"
    std::string command; ///< the command to type with a name after it, "calmlegs supplement"
    std::string listing; ///< the command that lists everything, "calmlegs supplements --all"
    std::string note;    ///< an extra line of help, e.g. the range of step numbers
    /// When not found: a guide search that finds it, "calmlegs guide --search tea".
    std::string search;
    std::string none = "the guide has no"; ///< how the message starts
};

/// The miss of a look-up of an entry (a supplement, routine or pattern): its candidates
/// named by id and name. The caller fills in what, command and listing.
template <typename Entry> Miss miss_of(const Lookup<Entry>& lookup, std::string query) {
    Miss miss;
    miss.query = std::move(query);
    miss.ambiguous = lookup.status == Resolution::Status::ambiguous;
    for (const Entry* entry : lookup.candidates)
        miss.candidates.push_back({entry->id, entry->name});
    if (lookup.suggestion) miss.suggestion = {lookup.suggestion->id, lookup.suggestion->name};
    return miss;
}

/// Tells the person a name matched nothing or too much (and, with --json, prints the miss as
/// JSON on stdout); returns ExitStatus::not_found.
ExitStatus report_miss(Context& context, const Miss& miss);

/// What the guide says about a name that is not an entry or step of its own: the phrase
/// searched for ("vitamin-c" is searched as "vitamin c" when that finds more) and its hits.
struct Mentions {
    std::string phrase;
    std::vector<SearchHit> hits;
    /// The command that shows them, "calmlegs guide --search 'vitamin c'"; "" when none.
    std::string command() const;
};
Mentions find_mentions(ContentStore& store, std::string_view query);

} // namespace calmlegs::cli
