#pragma once
// What the in-process benchmarks share.

#include <algorithm>
#include <chrono>
#include <vector>

/// The median time of `runs` calls of `work`, in microseconds.
template <typename Work> double median_microseconds(int runs, Work&& work) {
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        work();
        const auto end = std::chrono::steady_clock::now();
        times.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}
