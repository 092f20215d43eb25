// The values an option or positional takes when they come from the content or a fixed set:
// what `calmlegs complete` offers after "run", "supplement", "log --took" and the like.

#include "cli/complete.h"

#include "content/model.h"

#include <array>
#include <string_view>

namespace calmlegs::cli {
namespace {

/// Adds an entry's id (described by its name) and, when `aliases`, each alias.
template <typename Entry>
void add_entry(std::vector<Candidate>& out, const Entry& entry, bool aliases) {
    out.push_back({entry.id, entry.name});
    if (aliases)
        for (const auto& alias : entry.aliases)
            out.push_back({alias, entry.name});
}

void add_routines(Context& context, std::vector<Candidate>& out) {
    if (ContentStore* store = context.content())
        for (const Routine* routine : store->routines())
            add_entry(out, *routine, false);
}

void add_supplements(Context& context, std::vector<Candidate>& out) {
    if (ContentStore* store = context.content())
        for (const Supplement* supplement : store->supplements())
            add_entry(out, *supplement, true);
}

void add_medicines(Context& context, std::vector<Candidate>& out) {
    if (ContentStore* store = context.content())
        for (const Medicine* medicine : store->medicines())
            add_entry(out, *medicine, true);
}

void add_triggers(Context& context, std::vector<Candidate>& out) {
    if (const std::vector<Trigger>* triggers = context.triggers())
        for (const Trigger& trigger : *triggers)
            out.push_back({trigger.id, trigger.name});
}

void add_patterns(Context& context, std::vector<Candidate>& out) {
    if (ContentStore* store = context.content())
        for (const BreathingPattern* pattern : store->patterns())
            out.push_back({pattern->id, pattern->name});
}

void add_steps(Context& context, std::vector<Candidate>& out) {
    ContentStore* store = context.content();
    if (store == nullptr) return;
    const auto steps = store->steps();
    for (const Step* step : steps)
        out.push_back({std::to_string(step->number), step->title});
    for (const Step* step : steps)
        out.push_back({step->id, step->title});
    out.push_back({"intro", "the introduction"});
    out.push_back({"closing", "the final thoughts"});
}

using Kind = Completion::Kind;

/// Where the values of one option come from.
struct ValueSource {
    std::string_view path; ///< the command ("" for calmlegs itself, "trial start")
    std::string_view name; ///< the option's or positional's name in the model
    Kind kind = Kind::words;
    bool list = false; ///< a comma list: the last item is completed
    void (*add)(Context&, std::vector<Candidate>&) = nullptr;
};

const std::array k_sources = {
    ValueSource{"", "--content", Kind::directories},
    ValueSource{"", "--config", Kind::files},
    ValueSource{"", "--journal", Kind::files},
    ValueSource{"check", "DIR", Kind::directories},
    ValueSource{"export", "--output", Kind::files},
    ValueSource{"import", "FILE", Kind::files},
    ValueSource{"schedule", "--ics", Kind::files},
    ValueSource{"report", "--html", Kind::files},
    ValueSource{"run", "ROUTINE", Kind::words, false, add_routines},
    ValueSource{"breathe", "PATTERN", Kind::words, false, add_patterns},
    ValueSource{"guide", "STEP", Kind::words, false, add_steps},
    // `supplement` looks a name up among the medicines too.
    ValueSource{"supplement", "NAME", Kind::words, false,
                [](Context& c, std::vector<Candidate>& out) {
                    add_supplements(c, out);
                    add_medicines(c, out);
                }},
    ValueSource{"compare", "NAME", Kind::words, false,
                [](Context& c, std::vector<Candidate>& out) {
                    add_supplements(c, out);
                    add_triggers(c, out);
                    add_routines(c, out);
                }},
    ValueSource{"trial start", "NAME", Kind::words, false,
                [](Context& c, std::vector<Candidate>& out) {
                    add_supplements(c, out);
                    add_routines(c, out);
                }},
    ValueSource{"log", "--took", Kind::words, true,
                [](Context& c, std::vector<Candidate>& out) {
                    add_supplements(c, out);
                    out.push_back({"none", "nothing taken"});
                }},
    ValueSource{"log", "--trigger", Kind::words, true, add_triggers},
    ValueSource{"supplements", "--when", Kind::words, false,
                [](Context&, std::vector<Candidate>& out) {
                    for (const auto& name : time_of_day_names())
                        out.push_back({name, ""});
                }},
    ValueSource{"plan", "ACTION", Kind::words, false,
                [](Context&, std::vector<Candidate>& out) {
                    out.push_back({"check", "review the plan"});
                }},
    ValueSource{"tonight", "--finish-by", Kind::words, false,
                [](Context&, std::vector<Candidate>& out) {
                    out.push_back({"bedtime", "your bedtime"});
                }},
    ValueSource{"completions", "SHELL", Kind::words, false,
                [](Context&, std::vector<Candidate>& out) {
                    for (const char* shell : {"bash", "zsh", "fish"})
                        out.push_back({shell, ""});
                }},
};

} // namespace

std::optional<Completion> complete_value(Context& context, const std::string& path,
                                         const std::string& name) {
    for (const ValueSource& source : k_sources) {
        if (source.path != path || source.name != name) continue;
        Completion completion;
        completion.kind = source.kind;
        completion.list = source.list;
        if (source.add != nullptr) source.add(context, completion.candidates);
        return completion;
    }
    return std::nullopt;
}

std::vector<std::string> completed_values() {
    std::vector<std::string> keys;
    for (const ValueSource& source : k_sources)
        keys.push_back(std::string(source.path) + " " + std::string(source.name));
    return keys;
}

} // namespace calmlegs::cli
