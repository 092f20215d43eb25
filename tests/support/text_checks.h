#pragma once
// What tests check of a rendered page as a whole: how wide its widest line is, how often a
// piece occurs in it, and whether every byte of it is ASCII.

#include "ui/text.h"

#include <algorithm>
#include <string_view>

namespace calmlegs::test {

/// The widest line of `text`, in terminal columns (display_width).
inline int widest_line(std::string_view text) {
    int widest = 0;
    for (const auto& line : split_lines(text))
        widest = std::max(widest, display_width(line));
    return widest;
}

/// How many times `part` occurs in `text` (overlapping ones too).
inline int count_of(std::string_view text, std::string_view part) {
    int n = 0;
    for (auto at = text.find(part); at != std::string_view::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

/// Every byte of `text` is below 0x80.
inline bool is_ascii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

} // namespace calmlegs::test
