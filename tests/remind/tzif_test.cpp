#include "remind/tzif.h"

#include "support/memory_files.h"
#include "support/zones.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <vector>

using namespace calmlegs;
using namespace std::chrono;

namespace {

Instant utc(std::int64_t epoch_seconds) {
    return Instant{seconds{epoch_seconds}};
}

void put_be(std::string& out, std::uint64_t value, int size) {
    for (int i = size - 1; i >= 0; --i)
        out += static_cast<char>((value >> (i * 8)) & 0xff);
}

/// A TZif file by hand (RFC 8536 section 3): transitions at `times` to the types `to`, with
/// the UTC offsets `offsets`. Version '\0' writes only the 32-bit block; '2' and '3' write a
/// 32-bit block, the 64-bit one and the footer `footer`.
std::string tzif(char version, const std::vector<std::int64_t>& times,
                 const std::vector<std::uint8_t>& to, const std::vector<std::int32_t>& offsets,
                 const std::string& footer = "") {
    const auto block = [&](int time_size) {
        std::string out = "TZif";
        out += version;
        out += std::string(15, '\0');
        for (const std::size_t count : {std::size_t{0}, std::size_t{0}, std::size_t{0},
                                        times.size(), offsets.size(), std::size_t{4}})
            put_be(out, count, 4);
        for (const auto time : times)
            put_be(out, static_cast<std::uint64_t>(time), time_size);
        for (const auto type : to)
            out += static_cast<char>(type);
        for (const auto offset : offsets) {
            put_be(out, static_cast<std::uint32_t>(offset), 4);
            out += '\0';
            out += '\0';
        }
        out += "XYZ";
        out += '\0';
        return out;
    };
    if (version == '\0') return block(4);
    return block(4) + block(8) + "\n" + footer + "\n";
}

} // namespace

TEST_CASE("TzifZone: version 1 data gives the offset before, between and after transitions") {
    std::string why;
    const auto zone = TzifZone::parse(tzif('\0', {1000, 2000}, {1, 0}, {3600, 7200}), "v1", why);
    REQUIRE_MESSAGE(zone, why);
    CHECK(zone->offset_at(utc(999)) == hours{1}); // before the first: type 0
    CHECK(zone->offset_at(utc(1000)) == hours{2});
    CHECK(zone->offset_at(utc(1999)) == hours{2});
    CHECK(zone->offset_at(utc(2000)) == hours{1}); // after the last, no footer: the last type
    CHECK(zone->offset_at(utc(1'000'000)) == hours{1});
    CHECK(zone->name() == "v1");
}

TEST_CASE("TzifZone: version 2 and 3 read 64-bit times and use the footer past the last") {
    std::string why;
    // A transition before 1901 only fits in 64 bits; the footer then says UTC+3 all along.
    const auto zone =
        TzifZone::parse(tzif('2', {-5'000'000'000}, {1}, {0, 3600}, "<+03>-3"), "v2", why);
    REQUIRE_MESSAGE(zone, why);
    CHECK(zone->offset_at(utc(-5'000'000'001)) == seconds{0});
    CHECK(zone->offset_at(utc(0)) == hours{3});
    // With no transitions at all the footer applies throughout.
    const auto footer_only = TzifZone::parse(tzif('3', {}, {}, {0}, "<+05>-5"), "v3", why);
    REQUIRE_MESSAGE(footer_only, why);
    CHECK(footer_only->offset_at(utc(0)) == hours{5});
    // An empty footer: the last type holds for ever.
    const auto empty_footer = TzifZone::parse(tzif('2', {10}, {1}, {0, 60}), "v2", why);
    REQUIRE_MESSAGE(empty_footer, why);
    CHECK(empty_footer->offset_at(utc(1'000'000)) == seconds{60});
}

TEST_CASE("TzifZone: a truncated or corrupt file is an error naming the file") {
    std::string why;
    const std::string good = tzif('2', {1000}, {1}, {0, 3600}, "<+01>-1");
    REQUIRE(TzifZone::parse(good, "zone", why));
    const auto refused = [&](const std::string& bytes) {
        why.clear();
        return !TzifZone::parse(bytes, "/usr/share/zoneinfo/Broken/Zone", why) &&
               why.rfind("/usr/share/zoneinfo/Broken/Zone: ", 0) == 0;
    };
    CHECK(refused("not a zone file at all"));
    CHECK(why == "/usr/share/zoneinfo/Broken/Zone: not a TZif time zone file");
    CHECK(refused(good.substr(0, 30))); // inside the first header
    CHECK(refused(good.substr(0, 60))); // inside the 32-bit data: no version 2 header
    CHECK(why.find("truncated TZif data") != std::string::npos);
    CHECK(refused(good.substr(0, good.size() - 12))); // inside the 64-bit data
    CHECK(why.find("truncated TZif data") != std::string::npos);
    CHECK(refused(good.substr(0, good.size() - 1))); // the footer's closing newline
    CHECK(why.find("the footer is missing") != std::string::npos);
    CHECK(refused(tzif('2', {1000}, {1}, {0, 3600}, "nonsense")));
    CHECK(why.find("corrupt TZif footer") != std::string::npos);
    CHECK(refused(tzif('2', {1000}, {2}, {0, 3600}))); // a transition to type 2 of 2
    CHECK(why.find("a transition to no type") != std::string::npos);
    CHECK(refused(tzif('2', {2000, 1000}, {1, 0}, {0, 3600})));
    CHECK(why.find("out of order") != std::string::npos);
    CHECK(refused(tzif('2', {}, {}, {})));
    CHECK(why.find("no local time types") != std::string::npos);
    CHECK(refused(tzif('9', {}, {}, {0})));
    CHECK(why.find("unknown TZif version") != std::string::npos);
}

TEST_CASE("load_zone reads NAME under the zoneinfo directory through the FileSystem seam") {
    test::MemoryFileSystem files;
    files.add("/zi/Test/Zone", tzif('2', {}, {}, {0}, "<+02>-2"));
    files.add("/zi/Test/Cut", tzif('2', {}, {}, {0}, "<+02>-2").substr(0, 50));
    std::string why;
    const auto zone = load_zone(files, "Test/Zone", why, "/zi");
    REQUIRE_MESSAGE(zone, why);
    CHECK(zone->offset_at(utc(0)) == hours{2});
    CHECK(zone->name() == "/zi/Test/Zone");
    CHECK_FALSE(load_zone(files, "Test/Cut", why, "/zi"));
    CHECK(why.rfind("/zi/Test/Cut: truncated TZif data", 0) == 0);
    CHECK_FALSE(load_zone(files, "Test/Missing", why, "/zi"));
    // The database is there but has no such zone; or there is no database at all.
    CHECK(why == "/zi/Test/Missing: No such file or directory: no zone of that name (names are "
                 "as in /zi, such as Europe/Berlin or America/New_York)");
    CHECK_FALSE(load_zone(files, "Test/Zone", why, "/none"));
    CHECK(why == "/none/Test/Zone: No such file or directory (is the tzdata package installed?)");
    CHECK_FALSE(load_zone(files, "../etc/passwd", why, "/zi"));
    CHECK(why == "/zi/../etc/passwd: not a time zone name (like Europe/Berlin)");
    CHECK_FALSE(load_zone(files, "", why, "/zi"));
}

TEST_CASE("TzifZone: the system's New York zone, listed years and the footer's years") {
    const TzifZone zone = test::system_zone("America/New_York");
    // 2026-03-08 07:00 UTC = 1772953200 (`date -u -d '2026-03-08 07:00' +%s`): EST to EDT.
    CHECK(zone.offset_at(utc(1772953200 - 1)) == hours{-5});
    CHECK(zone.offset_at(utc(1772953200)) == hours{-4});
    // 2040-03-11 07:00 UTC = 2215062000, the second Sunday of March 2040 at 02:00 EST: past
    // the transitions a slim file lists, so the footer rule may be what answers.
    CHECK(zone.offset_at(utc(2215062000 - 1)) == hours{-5});
    CHECK(zone.offset_at(utc(2215062000)) == hours{-4});
    // 2100-07-01 00:00 UTC = 4118083200: summer, past 2037 where fat files stop listing.
    CHECK(zone.offset_at(utc(4118083200)) == hours{-4});
}
