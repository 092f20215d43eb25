#pragma once
// The hidden `calmlegs complete` mode the shell completions call: given the words of a command
// line and the word being completed, the candidates for it, read from calmlegs' own CLI11 model
// and from the content in use (so that a person's own content completes too).

#include "cli/context.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace calmlegs::cli {

/// What a word can be completed to: one candidate, and what it is ("" when nothing is said).
struct Candidate {
    std::string word;
    std::string description;
};

/// What the shell is asked to complete: the candidates, or paths of its own.
struct Completion {
    enum class Kind { words, files, directories };
    Kind kind = Kind::words;
    /// A comma list ("--took mag,val"): only its last item is completed.
    bool list = false;
    std::vector<Candidate> candidates;
};

/// The candidates for `words[index]` (words[0] is the program; an index past the end is a new,
/// empty word), from the model built on `root` and the content `context` loads. Never reports:
/// content that cannot be read gives what can be read, or nothing.
Completion complete_line(CLI::App& root, Context& context, const std::vector<std::string>& words,
                         std::size_t index);

/// The values of the option or positional `name` ("ROUTINE", "--took") of the command `path`
/// ("run", "trial start"; "" for calmlegs itself) when they come from the content or a fixed
/// set, else nullopt. All of them: the caller keeps those that fit the word typed.
std::optional<Completion> complete_value(Context& context, const std::string& path,
                                         const std::string& name);

/// The commands and options whose values complete_value knows, as "PATH NAME" ("run ROUTINE",
/// "log --took"): tests check each against the model.
std::vector<std::string> completed_values();

/// The completion script for `shell` ("bash", "zsh" or "fish"), from completions/, built into
/// the binary; "" for another shell.
std::string_view completion_script(std::string_view shell);

/// `calmlegs complete [--describe] INDEX WORD...`: prints the candidates of the word at INDEX,
/// one a line ("word<TAB>description" with --describe), or ":files" / ":directories" for the
/// shell to complete paths. Always 0, and nothing on stderr.
int run_complete(const std::vector<std::string>& args, System& system);

} // namespace calmlegs::cli
