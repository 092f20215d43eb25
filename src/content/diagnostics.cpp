#include "content/diagnostics.h"

#include <algorithm>
#include <tuple>

namespace calmlegs {

std::string Problem::format() const {
    return file + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " +
           message;
}

void Diagnostics::error(std::string file, SourcePos pos, std::string message) {
    // A problem with the file as a whole is reported at its start, so every line of output
    // has the same file:line:col shape.
    if (pos.line <= 0) pos = SourcePos{1, 1};
    m_problems.push_back(Problem{std::move(file), pos, std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
    m_problems.insert(m_problems.end(), other.m_problems.begin(), other.m_problems.end());
}

void Diagnostics::sort() {
    auto key = [](const Problem& p) {
        return std::tie(p.file, p.pos.line, p.pos.column, p.message);
    };
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [&](const Problem& a, const Problem& b) { return key(a) < key(b); });
    m_problems.erase(
        std::unique(m_problems.begin(), m_problems.end(),
                    [&](const Problem& a, const Problem& b) { return key(a) == key(b); }),
        m_problems.end());
}

std::string OverrideWarning::format() const {
    std::string line = first.format();
    if (more > 0) line += " (+" + std::to_string(more) + " more)";
    return line + "; using " + instead + "; run: calmlegs check";
}

OverrideWarning passed_over(Diagnostics problems, std::string instead) {
    problems.sort();
    OverrideWarning warning;
    if (!problems.empty()) {
        warning.first = problems.problems().front();
        warning.more = problems.size() - 1;
    }
    warning.instead = std::move(instead);
    return warning;
}

} // namespace calmlegs
