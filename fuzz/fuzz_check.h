#pragma once
// What the fuzz targets share: a broken invariant is a finding, reported like a crash.

#include <cstdio>
#include <cstdlib>

namespace calmlegs::fuzz {

/// Stops the run when `holds` is false, naming the invariant; libFuzzer keeps the input as a
/// crash artifact, to be minimised and replayed (fuzz/README.md).
inline void require(bool holds, const char* invariant) {
    if (holds) return;
    std::fprintf(stderr, "calmlegs fuzz: invariant broken: %s\n", invariant);
    std::abort();
}

} // namespace calmlegs::fuzz
