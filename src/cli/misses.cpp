#include "cli/misses.h"

#include "content/names.h"
#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>

namespace calmlegs::cli {

Mentions find_mentions(ContentStore& store, std::string_view query) {
    Mentions out;
    out.phrase = join_words({std::string(query)});
    if (normalize_name(out.phrase).size() < 3) return out; // "c" is in everything
    out.hits = search_content(store, {out.phrase});
    if (out.hits.empty() && out.phrase.find_first_of("-_/") != std::string::npos) {
        std::string spaced = out.phrase;
        std::replace_if(
            spaced.begin(), spaced.end(), [](char c) { return c == '-' || c == '_' || c == '/'; },
            ' ');
        spaced = join_words({spaced});
        if (auto hits = search_content(store, {spaced}); !hits.empty()) {
            out.phrase = spaced;
            out.hits = std::move(hits);
        }
    }
    return out;
}

std::string Mentions::command() const {
    return hits.empty() ? "" : "calmlegs guide --search " + shell_quote(phrase);
}

namespace {

/// The line as typed with the name looked up replaced by `id` ("calmlegs run warm --dry-run"
/// gives "calmlegs run warm-bath --dry-run"); the plain "calmlegs run warm-bath" when the
/// name cannot be found among the words after the command, or the line cannot be offered.
std::string line_for(const Context& context, const Miss& miss, const std::string& id) {
    const auto& typed = context.typed;
    const auto after = static_cast<std::size_t>(
        std::find(typed.begin(), typed.end(), context.command) - typed.begin());
    for (std::size_t begin = after + 1; begin < typed.size() && context.offer; ++begin)
        for (std::size_t end = begin + 1; end <= typed.size(); ++end) {
            const std::vector<std::string> name(typed.begin() + static_cast<std::ptrdiff_t>(begin),
                                                typed.begin() + static_cast<std::ptrdiff_t>(end));
            if (join_words(name) != miss.query) continue;
            std::vector<std::string> line(typed.begin(),
                                          typed.begin() + static_cast<std::ptrdiff_t>(begin));
            line.push_back(id);
            line.insert(line.end(), typed.begin() + static_cast<std::ptrdiff_t>(end), typed.end());
            if (std::string offered = context.offer(line); !offered.empty()) return offered;
        }
    return miss.command + " " + shell_quote(id);
}

void write_miss_json(Context& context, const Miss& miss) {
    JsonWriter json;
    auto entries = [&](const char* key, const std::vector<Miss::Candidate>& list) {
        json.key(key).begin_array();
        for (const auto& entry : list)
            json.begin_object()
                .key("id")
                .value(entry.id)
                .key("name")
                .value(entry.name)
                .end_object();
        json.end_array();
    };
    json.begin_object();
    json.key("query").value(miss.query);
    json.key("status").value(miss.ambiguous ? "ambiguous" : "not_found");
    entries("candidates", miss.candidates);
    json.key("suggestion").text_or_null(miss.suggestion ? miss.suggestion->id : "");
    entries("mentioned_in", miss.mentioned);
    json.key("search").text_or_null(miss.search);
    json.end_object();
    context.print_json(json);
}

} // namespace

ExitStatus report_miss(Context& context, const Miss& miss) {
    if (context.options.json) write_miss_json(context, miss);
    // One line per entry to type, its name lined up after it as a shell comment, so that the
    // line runs as printed.
    auto lines = [&](const std::vector<Miss::Candidate>& entries) {
        std::vector<std::string> commands;
        int width = 0;
        for (const auto& entry : entries) {
            commands.push_back(line_for(context, miss, entry.id));
            width = std::max(width, display_width(commands.back()));
        }
        std::string out;
        for (std::size_t i = 0; i < entries.size(); ++i)
            out += "\n  " + pad_right(commands[i], width) + "  # " + entries[i].name;
        return out;
    };
    const std::string query = quote_typed(miss.query);
    if (miss.ambiguous) {
        context.error(query + " matches more than one " + miss.what + ".",
                      "It could be:" + lines(miss.candidates));
        return ExitStatus::not_found;
    }
    std::string hint = miss.note.empty() ? "" : miss.note + "\n";
    if (miss.suggestion)
        hint += "Did you mean: " + line_for(context, miss, miss.suggestion->id) + "  # " +
                miss.suggestion->name + "\n";
    if (!miss.mentioned.empty()) hint += "It is mentioned in:" + lines(miss.mentioned) + "\n";
    if (!miss.search.empty()) hint += "Search the guide: " + miss.search + "\n";
    hint += "See them all: " + miss.listing;
    context.error(miss.none + " " + miss.what + " named " + query + ".", hint);
    return ExitStatus::not_found;
}

} // namespace calmlegs::cli
