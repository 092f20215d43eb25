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

void write_miss_json(Context& context, const Miss& miss) {
    JsonWriter json;
    auto entries = [&](const char* key, const std::vector<Miss::Candidate>& list) {
        json.key(key).begin_array();
        for (const auto& entry : list)
            json.begin_object().key("id").value(entry.id).key("name").value(entry.name).end_object();
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
    // Nothing that could be a name (an empty word, only spaces or punctuation) is a usage
    // error: there is nothing to look up.
    if (normalize_name(miss.query).empty()) {
        context.error(join_words({miss.query}).empty()
                          ? "no " + miss.what + " name was given."
                          : quote_typed(miss.query) + " is not a name.",
                      "See them all: " + miss.listing);
        return ExitStatus::usage;
    }
    if (context.options.json) write_miss_json(context, miss);
    // One line per entry to type, its name lined up after it as a shell comment, so that the
    // line runs as printed.
    auto lines = [&](const std::vector<Miss::Candidate>& entries) {
        int width = 0;
        for (const auto& entry : entries)
            width = std::max(width, display_width(entry.id));
        std::string out;
        for (const auto& entry : entries)
            out +=
                "\n  " + miss.command + " " + pad_right(entry.id, width) + "  # " + entry.name;
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
        hint += "Did you mean: " + miss.command + " " + miss.suggestion->id + "  # " +
                miss.suggestion->name + "\n";
    if (!miss.mentioned.empty()) hint += "It is mentioned in:" + lines(miss.mentioned) + "\n";
    if (!miss.search.empty()) hint += "Search the guide: " + miss.search + "\n";
    hint += "See them all: " + miss.listing;
    context.error(miss.none + " " + miss.what + " named " + query + ".", hint);
    return ExitStatus::not_found;
}

} // namespace calmlegs::cli
