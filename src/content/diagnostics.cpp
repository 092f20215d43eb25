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

} // namespace calmlegs
