#pragma once
// The real zones the reminder tests run in, read from the system's tz database. A missing
// tzdata package fails the test with a message saying so: nothing is skipped.

#include "remind/tzif.h"

#include <doctest/doctest.h>

#include <string>

namespace calmlegs::test {

/// The zone `name` from /usr/share/zoneinfo; the calling test fails when it cannot be read.
inline TzifZone system_zone(const std::string& name) {
    RealFileSystem files;
    std::string why;
    auto zone = load_zone(files, name, why);
    if (!zone) FAIL("cannot read the time zone ", name, " (install the tzdata package): ", why);
    return *zone;
}

} // namespace calmlegs::test
