#pragma once

#include <string>
#include <vector>

namespace calmlegs {

/// A 1-based line and column in a content file; line 0 means "the whole file".
struct SourcePos {
    int line = 0;
    int column = 0;
};

/// One problem found in content or config, already phrased for a person.
struct Problem {
    std::string file;
    SourcePos pos;
    std::string message;

    /// `file:line:col: message`; a problem with the whole file is placed at 1:1.
    std::string format() const;
};

/// Collects every problem of a load or a check, so all of them are reported in one pass.
class Diagnostics {
public:
    void error(std::string file, SourcePos pos, std::string message);
    /// Adds every problem of `other`, in its order.
    void append(const Diagnostics& other);
    const std::vector<Problem>& problems() const { return m_problems; }
    bool empty() const { return m_problems.empty(); }
    std::size_t size() const { return m_problems.size(); }
    /// Orders problems by file, line and column, and drops exact repeats.
    void sort();

private:
    std::vector<Problem> m_problems;
};

/// A file of a person's own layer that has problems and was passed over for the one below it.
/// The answer is still sound, so this is a warning, not an error: only `calmlegs check` fails.
struct OverrideWarning {
    Problem first;        ///< the first of the file's problems, by line and column
    std::size_t more = 0; ///< how many problems it has besides that one
    std::string instead;  ///< what is used in its place: "the shipped entry", a path, ...

    /// `file:line:col: message (+N more); using the shipped entry; run: calmlegs check`, one
    /// line per file however many problems it has.
    std::string format() const;
};

/// The warning for a file passed over because of `problems` (which must not be empty).
OverrideWarning passed_over(Diagnostics problems, std::string instead);

} // namespace calmlegs
