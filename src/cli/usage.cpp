#include "cli/usage.h"

#include "content/names.h"
#include "ui/plain_text.h"
#include "ui/text.h"

#include <algorithm>

namespace calmlegs::cli {
namespace {

/// Words people type for a command that is spelt otherwise: what they mean with more words
/// after them, and alone ("" when the word alone is the command itself).
struct OtherWord {
    std::string_view typed;
    std::string_view with_words;
    std::string_view alone;
};
constexpr OtherWord k_other_words[] = {
    {"routine", "run", "routines"},      // "routine urge" runs it
    {"routines", "run", ""},             // "routines urge" too
    {"supplements", "supplement", ""},   // "supplements iron" is the one entry
    {"breath", "breathe", "breathe"},    //
    {"breathing", "breathe", "breathe"}, //
    {"stretches", "stretch", "stretch"}, //
    {"stretching", "stretch", "stretch"},
};

/// The command a word means, given whether words follow it; "" when the table has no answer.
std::string_view other_word(std::string_view typed, bool words_follow) {
    for (const auto& other : k_other_words)
        if (other.typed == typed) return words_follow ? other.with_words : other.alone;
    return {};
}

bool is_option_word(std::string_view word) {
    return word.size() > 1 && word.front() == '-' && word != "--";
}

/// "--speed" for "--speed=2".
std::string option_name(std::string_view word) {
    return std::string(word.substr(0, word.find('=')));
}

/// The typed words, quoted for a message: 'a', 'b'.
std::string typed_list(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& word : words)
        out += (out.empty() ? "" : ", ") + quote_typed(word);
    return out;
}

/// The "Usage: calmlegs supplement [OPTIONS] NAME..." line of an app's help.
std::string usage_line(const CLI::App& app) {
    const std::string parent = app.get_parent() != nullptr ? app.get_parent()->get_name() : "";
    for (const auto& line : split_lines(app.help(parent)))
        if (line.starts_with("Usage:")) return line;
    return {};
}

/// The commands (by name) whose options include `option`.
std::vector<std::string> commands_taking(const std::vector<Command>& commands,
                                         const std::string& option) {
    std::vector<std::string> names;
    for (const auto& command : commands)
        if (command.app->get_option_no_throw(option) != nullptr)
            names.push_back(command.app->get_name());
    return names;
}

/// The line with `from` replaced by `to`, when it parses; "" otherwise. Each place `from`
/// stands is tried in turn ("--content supplment supplment": the second is the command).
/// After "--" no word is an option, so what the line means is left alone.
std::string retyped(const std::vector<std::string>& words, const std::string& from,
                    std::string_view to, const Parses& parses) {
    if (std::find(words.begin(), words.end(), "--") != words.end()) return {};
    for (std::size_t at = 0; at < words.size(); ++at) {
        if (words[at] != from) continue;
        std::vector<std::string> line = words;
        line[at] = std::string(to);
        if (std::string offered = offer(line, parses); !offered.empty()) return offered;
    }
    return {};
}

/// The words of an example ("calmlegs supplement magnesium": supplement, magnesium).
std::vector<std::string> example_words(const std::string& example) {
    std::vector<std::string> words = split_words({example});
    if (!words.empty()) words.erase(words.begin()); // "calmlegs"
    return words;
}

/// Where `word` first stands among `words`; words.size() when it does not.
std::size_t index_of(const std::vector<std::string>& words, const std::string& word) {
    return static_cast<std::size_t>(std::find(words.begin(), words.end(), word) - words.begin());
}

/// An unknown first word: the command it means, as a whole line to type.
UsageHelp unknown_command(const std::vector<Command>& commands, const std::string& typed,
                          bool words_follow, const std::vector<std::string>& words,
                          const Parses& parses) {
    std::vector<std::string> names;
    for (const auto& command : commands)
        names.push_back(command.app->get_name());
    const std::string meant = command_meant(names, typed, words_follow);
    std::string line = meant.empty() ? "" : retyped(words, typed, meant, parses);
    // The command alone may need a word ("supplement"): then its example.
    if (line.empty() && !meant.empty() && !words_follow)
        for (const auto& command : commands)
            if (command.app->get_name() == meant) line = command.example;
    const std::string hint =
        line.empty() ? "Commands: " + join(names, ", ") : "Did you mean: " + line;
    return {"unknown command " + quote_typed(typed), hint + "\nHelp: calmlegs --help"};
}

/// The options among `extras` that `command` takes, each with its value when it takes one:
/// they were typed before the command.
std::vector<std::string> options_of(const CLI::App& command,
                                    const std::vector<std::string>& extras) {
    std::vector<std::string> own;
    for (std::size_t i = 0; i < extras.size(); ++i) {
        if (!is_option_word(extras[i])) continue;
        const CLI::Option* option = command.get_option_no_throw(option_name(extras[i]));
        if (option == nullptr) continue;
        own.push_back(extras[i]);
        if (option->get_items_expected_min() > 0 && extras[i].find('=') == std::string::npos &&
            i + 1 < extras.size())
            own.push_back(extras[++i]);
    }
    return own;
}

UsageHelp chosen_command(const Command& command, const std::vector<Command>& commands,
                         const CLI::Error& error, const std::vector<std::string>& extras,
                         const std::vector<std::string>& words, const Parses& parses) {
    const CLI::App& app = *command.app;
    const std::string name = app.get_name();
    const std::string usage = usage_line(app) + "\nHelp: calmlegs " + name + " --help";

    // Words before the command that are neither calmlegs' nor the command's: they are not the
    // command's fault. (The command's own options typed before it are handled below.)
    const std::size_t command_at = index_of(words, name);
    const std::vector<std::string> own = options_of(app, extras); // with their values
    std::vector<std::string> stray, unknown_before;
    for (const auto& word : extras) {
        if (word == "--" || index_of(words, word) >= command_at ||
            std::find(own.begin(), own.end(), word) != own.end())
            continue;
        if (!is_option_word(word))
            stray.push_back(word);
        else if (app.get_option_no_throw(option_name(word)) == nullptr)
            unknown_before.push_back(word);
    }
    if (!unknown_before.empty())
        return {(unknown_before.size() == 1 ? "unknown option " : "unknown options ") +
                    typed_list(unknown_before),
                global_options_footer(*app.get_parent()) + "\nHelp: calmlegs --help"};
    if (!stray.empty()) {
        std::vector<std::string> line;
        for (const auto& word : words)
            if (std::find(stray.begin(), stray.end(), word) == stray.end() ||
                index_of(words, word) >= command_at)
                line.push_back(word);
        const std::string offered = offer(line, parses);
        return {"unexpected " + typed_list(stray) + " before the command '" + name + "'",
                (offered.empty() ? "" : "Try: " + offered + "\n") + usage};
    }

    // Words that mean another command ("supplements iron", "routines urge --dry-run").
    std::string meant;
    if (const auto other = other_word(name, true);
        !other.empty() && std::any_of(extras.begin(), extras.end(), [](const std::string& w) {
            return !is_option_word(w) && w != "--";
        }))
        meant = retyped(words, name, other, parses);
    const std::string did_you_mean = meant.empty() ? "" : "Did you mean: " + meant + "\n";

    std::vector<std::string> options, unknown, plain;
    bool after_dashes = false; // the words after "--" are no options
    for (const auto& word : extras)
        if (word == "--")
            after_dashes = true;
        else if (!after_dashes && is_option_word(word)) {
            options.push_back(word);
            if (app.get_option_no_throw(option_name(word)) == nullptr) unknown.push_back(word);
        } else {
            plain.push_back(word);
        }
    if (!unknown.empty()) {
        std::string message = (unknown.size() == 1 ? "unknown option " : "unknown options ") +
                              typed_list(unknown) + " for '" + name + "'";
        // An option of other commands is named with them ("it is an option of breathe").
        if (unknown.size() == 1)
            if (const auto takers = commands_taking(commands, option_name(unknown.front()));
                !takers.empty())
                message += "; it is an option of " + join(takers, ", ");
        return {message, did_you_mean + usage};
    }
    if (!options.empty()) {
        // The command's own options, typed before it: the line with them after the command.
        const std::vector<std::string> moved = options_of(app, extras);
        std::vector<std::string> line;
        std::size_t next = 0; // the moved words stand in `words` in this order
        for (const auto& word : words)
            if (next < moved.size() && word == moved[next])
                ++next;
            else
                line.push_back(word);
        const std::size_t at = index_of(line, name);
        std::string hint;
        if (at < line.size()) {
            line.insert(line.begin() + static_cast<std::ptrdiff_t>(at) + 1, moved.begin(),
                        moved.end());
            if (const std::string offered = offer(line, parses); !offered.empty())
                hint = "Try: " + offered + "\n";
        }
        return {quote_typed(join(moved, " ")) + " must come after the command '" + name + "'.",
                hint + usage};
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&error) != nullptr && !plain.empty())
        return {"'" + name + "' does not take " + typed_list(plain), did_you_mean + usage};
    // A missing word, or a value that does not fit: CLI11 says which.
    std::string message = error.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr) {
        // "--speed: 1 required X missing", "--when: At Most 1 required but received 2"
        const std::string option = message.substr(0, message.find(':'));
        message = message.find("missing") != std::string::npos
                      ? quote_typed(option) + " needs a value"
                      : quote_typed(option) + " takes one value";
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
        // The line as typed, with the example's words after the command ("run --dry-run":
        // "run urge --dry-run"), less those typed already ("trial start": "trial start
        // magnesium").
        std::string hint;
        const std::vector<std::string> example = example_words(command.example);
        if (command_at < words.size() && example.size() > 1) {
            std::size_t same = 1;
            while (same < example.size() && command_at + same < words.size() &&
                   words[command_at + same] == example[same])
                ++same;
            std::vector<std::string> line = words;
            line.insert(line.begin() + static_cast<std::ptrdiff_t>(command_at + same),
                        example.begin() + static_cast<std::ptrdiff_t>(same), example.end());
            if (const std::string offered = offer(line, parses); !offered.empty())
                hint = "Try: " + offered + "\n";
        }
        return {"'" + name + "' needs " + message.substr(0, message.find(" is required")),
                hint + usage};
    }
    return {message, usage};
}

} // namespace

std::string offer(const std::vector<std::string>& words, const Parses& parses) {
    std::string line = "calmlegs";
    for (const auto& word : words) {
        // A word that would be cut or escaped in a message cannot be typed back as shown.
        if (quote_typed(word) != "'" + word + "'") return {};
        line += " " + shell_quote(word);
    }
    return parses(words) ? line : std::string();
}

std::string command_meant(const std::vector<std::string>& names, const std::string& typed,
                          bool words_follow) {
    if (const auto other = other_word(typed, words_follow); !other.empty())
        return std::string(other);
    const std::string normal = normalize_name(typed);
    if (const auto near = nearest_name(normal, names, 3);
        near && 2 * edit_distance(normal, *near) <= static_cast<int>(normal.size()))
        return *near;
    return {};
}

UsageHelp explain_usage_error(const CLI::App& app, const std::vector<Command>& commands,
                              const CLI::Error& error, const std::vector<std::string>& words,
                              const Parses& parses) {
    std::vector<std::string> extras = app.remaining();
    const Command* chosen = nullptr;
    for (const auto& command : commands)
        if (command.app->parsed()) {
            chosen = &command;
            for (const auto& word : command.app->remaining())
                extras.push_back(word);
        }
    if (chosen != nullptr) return chosen_command(*chosen, commands, error, extras, words, parses);
    // The first plain word stands where the command should: an unknown command.
    std::vector<std::string> plain;
    for (const auto& word : extras)
        if (!is_option_word(word) && word != "--") plain.push_back(word);
    if (!plain.empty() && (extras.front() == plain.front() || extras.front() == "--"))
        return unknown_command(commands, plain.front(), plain.size() > 1, words, parses);

    std::vector<std::string> options;
    for (const auto& word : extras)
        if (is_option_word(word)) options.push_back(word);
    if (options.empty()) return {error.what(), "Help: calmlegs --help"};
    const std::string option = option_name(options.front());
    if (const auto takers = commands_taking(commands, option); !takers.empty())
        return {quote_typed(option) + " is an option of " + join(takers, ", ") +
                    "; type it after the command",
                "Help: calmlegs " + takers.front() + " --help"};
    return {(options.size() == 1 ? "unknown option " : "unknown options ") + typed_list(options),
            global_options_footer(app) + "\nHelp: calmlegs --help"};
}

std::string global_options_footer(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        if (option->check_lname("help") || option->check_lname("version") ||
            option->get_positional())
            continue;
        const std::string name = option->get_name();
        const std::string type = option->get_type_name();
        names.push_back(name + (option->get_items_expected_min() > 0 ? " " + type : ""));
    }
    return "Global options, before or after the command: " + join(names, ", ") + ".";
}

} // namespace calmlegs::cli
