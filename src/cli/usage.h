#pragma once
// Usage errors explained from CLI11's own model: what was wrong, and what to type instead.

#include "cli/commands.h"

#include <functional>
#include <string>
#include <vector>

namespace calmlegs::cli {

/// What to say about a command line that did not parse.
struct UsageHelp {
    std::string message; ///< after "calmlegs: "
    std::string hint;    ///< the lines after it: what to type, the usage, where help is
};

/// True when a command line (the words after "calmlegs") parses without a usage error.
using Parses = std::function<bool(const std::vector<std::string>& words)>;

/// Explains `error`, met parsing `words` with `app` (whose parse state it reads: the command
/// chosen, the words left over). A suggested line is offered only when `parses` accepts it,
/// so that no hint is itself a usage error:
/// - an unknown command: the nearest command, or what the word means (see k_other_words);
/// - an unknown option: named, with the command's usage; an option of the command typed
///   before it: the line with the option moved after the command;
/// - words a command does not take: what they mean ("supplements iron": "supplement iron");
/// - a missing or wrong value: CLI11's message, the usage and the command's example.
UsageHelp explain_usage_error(const CLI::App& app, const std::vector<Command>& commands,
                              const CLI::Error& error, const std::vector<std::string>& words,
                              const Parses& parses);

/// The command a mistyped word probably means, from the words that mean another command
/// ("routine" with words after it: "run") or the nearest of `names` (within half the word's
/// length); "" when there is none.
std::string command_meant(const std::vector<std::string>& names, const std::string& typed,
                          bool words_follow);

/// "calmlegs WORDS...", quoted for a POSIX shell, when the words parse and each can be typed
/// back as shown (no longer than a message repeats, valid UTF-8, no control character);
/// "" otherwise.
std::string offer(const std::vector<std::string>& words, const Parses& parses);

/// The global options, as the footer of each command's --help states them.
std::string global_options_footer(const CLI::App& app);

} // namespace calmlegs::cli
