#include "cli/journal_names.h"

#include "content/names.h"
#include "ui/plain_text.h"

#include <algorithm>

namespace calmlegs::cli {
namespace {

/// The trimmed text, spaces and tabs off both ends.
std::string trimmed(std::string_view text) {
    const auto begin = text.find_first_not_of(" \t");
    if (begin == std::string_view::npos) return {};
    const auto end = text.find_last_not_of(" \t");
    return std::string(text.substr(begin, end - begin + 1));
}

/// The line as typed with list item `from` replaced by `to` in the words of the command
/// ("--took mag,valrian" gives "--took mag,valerian"); "" when it cannot be offered.
std::string corrected_line(const Context& context, std::string_view from, std::string_view to) {
    if (!context.offer) return {};
    std::vector<std::string> line = context.typed;
    for (auto& word : line) {
        const auto equals = word.starts_with("--") ? word.find('=') : std::string::npos;
        const std::size_t start = equals == std::string::npos ? 0 : equals + 1;
        std::size_t at = start;
        bool changed = false;
        std::string rebuilt = word.substr(0, start);
        while (true) {
            const auto comma = word.find(',', at);
            std::string item = word.substr(at, comma == std::string::npos ? comma : comma - at);
            if (trimmed(item) == from) {
                item = std::string(to);
                changed = true;
            }
            rebuilt += item;
            if (comma == std::string::npos) break;
            rebuilt += ',';
            at = comma + 1;
        }
        if (changed) {
            word = rebuilt;
            return context.offer(line);
        }
    }
    return {};
}

} // namespace

std::vector<std::string> split_list(const std::vector<std::string>& words) {
    std::vector<std::string> items;
    for (const auto& word : words) {
        std::size_t at = 0;
        while (at <= word.size()) {
            const auto comma = word.find(',', at);
            const std::string item = trimmed(std::string_view(word).substr(
                at, comma == std::string::npos ? std::string_view::npos : comma - at));
            if (!item.empty()) items.push_back(item);
            if (comma == std::string::npos) break;
            at = comma + 1;
        }
    }
    return items;
}

std::optional<std::vector<std::string>>
resolve_list(Context& context, const std::vector<std::string>& names, std::string_view option,
             std::string_view what, std::string_view listing,
             const std::function<NameMatch(std::string_view)>& find) {
    std::vector<std::string> ids;
    if (names.size() == 1 && to_lower_ascii(names.front()) == "none") return ids;
    for (const auto& name : names) {
        if (to_lower_ascii(name) == "none") {
            context.error(std::string(option) + " takes \"none\" alone, not among names",
                          "Give names, or only: " + std::string(option) + " none");
            return std::nullopt;
        }
        const NameMatch match = find(name);
        if (match.status == Resolution::Status::found) {
            if (!match.exact) context.note("(" + quote_typed(name) + " is " + match.id + ")");
            ids.push_back(match.id);
            continue;
        }
        std::string hint;
        if (match.status == Resolution::Status::ambiguous) {
            hint = "It could be: " + join(match.candidates, ", ");
        } else if (match.suggestion) {
            if (const std::string line = corrected_line(context, name, *match.suggestion);
                !line.empty())
                hint = "Did you mean: " + line;
        }
        hint += std::string(hint.empty() ? "" : "\n") + std::string(listing);
        context.error(match.status == Resolution::Status::ambiguous
                          ? quote_typed(name) + " names more than one " + std::string(what)
                          : "there is no " + std::string(what) + " " + quote_typed(name),
                      hint);
        return std::nullopt;
    }
    return ids;
}

} // namespace calmlegs::cli
