#include "ui/clock_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace calmlegs {
namespace {

std::string hms(long long total) {
    if (total < 0) total = 0;
    const long long hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    char buffer[48];
    if (hours > 0)
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", hours, minutes, seconds);
    else
        std::snprintf(buffer, sizeof buffer, "%lld:%02lld", minutes, seconds);
    return buffer;
}

} // namespace

std::chrono::nanoseconds nominal(std::chrono::nanoseconds real, double speed) {
    return std::chrono::nanoseconds(std::llround(static_cast<double>(real.count()) * speed));
}

std::string clock_text(std::chrono::nanoseconds time) {
    return hms(std::chrono::duration_cast<std::chrono::seconds>(time).count());
}

std::string countdown_text(std::chrono::nanoseconds left) {
    const long long ns = left.count();
    return hms(ns <= 0 ? 0 : (ns + 999'999'999) / 1'000'000'000);
}

std::string length_words(std::chrono::nanoseconds length) {
    long long total = (length.count() + 500'000'000) / 1'000'000'000;
    if (total < 0) total = 0;
    const long long hours = total / 3600, minutes = total / 60 % 60, seconds = total % 60;
    std::string out;
    if (hours > 0) out += std::to_string(hours) + " h";
    if (minutes > 0) out += (out.empty() ? "" : " ") + std::to_string(minutes) + " min";
    if (seconds > 0 || out.empty())
        out += (out.empty() ? "" : " ") + std::to_string(seconds) + " s";
    return out;
}

std::string seconds_words(std::chrono::nanoseconds length) {
    // To the tenth, a half up: 2001 ms (a 2 s phase at --speed 3, made nominal again) is "2 s".
    const long long tenths = std::max<long long>(0, (length.count() + 50'000'000) / 100'000'000);
    std::string out = std::to_string(tenths / 10);
    if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
    return out + " s";
}

} // namespace calmlegs
