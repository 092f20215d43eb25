#pragma once
// Compares two lists of lines one by one, so that a failure shows the line that differs.

#include "content/diagnostics.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace calmlegs::test {

/// Every problem as its file:line:col line.
inline std::vector<std::string> formatted(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& problem : diags.problems()) out.push_back(problem.format());
    return out;
}

inline void check_lines(const std::vector<std::string>& actual,
                        const std::vector<std::string>& expected) {
    for (std::size_t i = 0; i < std::max(actual.size(), expected.size()); ++i) {
        CAPTURE(i);
        const std::string got = i < actual.size() ? actual[i] : "(no line)";
        const std::string want = i < expected.size() ? expected[i] : "(no line)";
        CHECK(got == want);
    }
}

} // namespace calmlegs::test
