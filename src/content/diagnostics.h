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
    const std::vector<Problem>& problems() const { return m_problems; }
    bool empty() const { return m_problems.empty(); }
    std::size_t size() const { return m_problems.size(); }
    /// Orders problems by file, line and column, and drops exact repeats.
    void sort();

private:
    std::vector<Problem> m_problems;
};

} // namespace calmlegs
