#include "remind/tzif.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs {
namespace {

/// The counts of a TZif header (RFC 8536 section 3.1), in file order.
struct Counts {
    std::uint32_t isut = 0;
    std::uint32_t isstd = 0;
    std::uint32_t leap = 0;
    std::uint32_t time = 0;
    std::uint32_t type = 0;
    std::uint32_t chars = 0;

    /// The length of the data block that follows the header, with `time_size`-byte times.
    std::uint64_t data_size(std::uint64_t time_size) const {
        return std::uint64_t{time} * time_size + time + std::uint64_t{type} * 6 + chars +
               std::uint64_t{leap} * (time_size + 4) + isstd + isut;
    }
};

/// Big-endian reads over the file's bytes; every read fails once past the end.
class Bytes {
public:
    explicit Bytes(std::string_view bytes)
        : m_bytes(bytes) {}

    std::size_t left() const { return m_bytes.size() - m_at; }
    bool skip(std::uint64_t count) {
        if (count > left()) return false;
        m_at += count;
        return true;
    }
    bool unsigned_be(std::size_t size, std::uint64_t& out) {
        if (size > left()) return false;
        out = 0;
        for (std::size_t i = 0; i < size; ++i)
            out = out << 8 | static_cast<unsigned char>(m_bytes[m_at + i]);
        m_at += size;
        return true;
    }
    /// A two's-complement signed number of `size` bytes (4 or 8).
    bool signed_be(std::size_t size, std::int64_t& out) {
        std::uint64_t raw = 0;
        if (!unsigned_be(size, raw)) return false;
        if (size < 8 && (raw >> (size * 8 - 1)) != 0) raw |= ~std::uint64_t{0} << (size * 8);
        out = static_cast<std::int64_t>(raw);
        return true;
    }
    std::string_view rest() const { return m_bytes.substr(m_at); }
    std::string_view take(std::size_t size) {
        const auto out = m_bytes.substr(m_at, size);
        m_at += out.size();
        return out;
    }

private:
    std::string_view m_bytes;
    std::size_t m_at = 0;
};

/// The header: magic, version, 15 unused bytes, six counts. False when it is not one.
bool read_header(Bytes& bytes, char& version, Counts& counts) {
    if (bytes.take(4) != "TZif" || bytes.left() < 16) return false;
    version = bytes.take(1)[0];
    bytes.skip(15);
    std::uint64_t value = 0;
    for (std::uint32_t* count :
         {&counts.isut, &counts.isstd, &counts.leap, &counts.time, &counts.type, &counts.chars}) {
        if (!bytes.unsigned_be(4, value)) return false;
        *count = static_cast<std::uint32_t>(value);
    }
    return true;
}

} // namespace

std::optional<TzifZone> TzifZone::parse(std::string_view data, const std::string& name,
                                        std::string& why) {
    const auto refuse = [&](std::string_view what) {
        why = fmt::format("{}: {}", name, what);
        return std::nullopt;
    };
    Bytes bytes(data);
    char version = 0;
    Counts counts;
    if (!read_header(bytes, version, counts)) return refuse("not a TZif time zone file");
    if (version != '\0' && version != '2' && version != '3' && version != '4')
        return refuse(fmt::format("unknown TZif version (byte 0x{:02x})",
                                  static_cast<unsigned char>(version)));
    std::size_t time_size = 4;
    if (version != '\0') {
        // Version 2 and later: skip the 32-bit data to the 64-bit header and data.
        if (!bytes.skip(counts.data_size(4)) || !read_header(bytes, version, counts))
            return refuse("truncated TZif data (the version 2 header is missing)");
        time_size = 8;
    }
    if (counts.type == 0) return refuse("corrupt TZif data (no local time types)");
    if (bytes.left() < counts.data_size(time_size)) return refuse("truncated TZif data");

    TzifZone zone;
    zone.m_name = name;
    std::vector<std::uint64_t> type_of(counts.time);
    zone.m_transitions.resize(counts.time);
    for (auto& time : zone.m_transitions)
        bytes.signed_be(time_size, time);
    for (auto& type : type_of)
        bytes.unsigned_be(1, type);
    std::vector<std::int32_t> offsets(counts.type);
    std::vector<bool> daylight(counts.type);
    for (std::size_t type = 0; type < offsets.size(); ++type) {
        std::int64_t value = 0;
        std::uint64_t is_dst = 0;
        bytes.signed_be(4, value);
        bytes.unsigned_be(1, is_dst);
        bytes.skip(1); // the abbreviation index: not needed
        offsets[type] = static_cast<std::int32_t>(value);
        daylight[type] = is_dst != 0;
    }
    bytes.skip(std::uint64_t{counts.chars} + std::uint64_t{counts.leap} * (time_size + 4) +
               counts.isstd + counts.isut);
    if (!std::is_sorted(zone.m_transitions.begin(), zone.m_transitions.end()))
        return refuse("corrupt TZif data (transitions out of order)");
    for (const auto type : type_of) {
        if (type >= counts.type) return refuse("corrupt TZif data (a transition to no type)");
        zone.m_offset_after.push_back(offsets[type]);
        zone.m_daylight_after.push_back(daylight[type]);
    }
    zone.m_offset_before_first = offsets[0];

    if (time_size == 8) {
        // The footer: a POSIX TZ rule between newlines, possibly empty.
        const std::string_view rest = bytes.rest();
        const auto end = rest.size() > 1 ? rest.find('\n', 1) : std::string_view::npos;
        if (rest.empty() || rest[0] != '\n' || end == std::string_view::npos)
            return refuse("truncated TZif data (the footer is missing)");
        const std::string_view rule = rest.substr(1, end - 1);
        if (!rule.empty()) {
            std::string rule_why;
            zone.m_footer = PosixZone::parse(rule, rule_why);
            if (!zone.m_footer) return refuse(fmt::format("corrupt TZif footer: {}", rule_why));
        }
    }
    return zone;
}

std::chrono::seconds TzifZone::offset_at(Instant instant) const {
    const std::int64_t at = instant.time_since_epoch().count();
    const auto after = std::upper_bound(m_transitions.begin(), m_transitions.end(), at);
    // Past the last transition (or with none listed), the footer's rule applies.
    if (after == m_transitions.end() && m_footer) return m_footer->offset_at(instant);
    if (after == m_transitions.begin()) return std::chrono::seconds{m_offset_before_first};
    return std::chrono::seconds{
        m_offset_after[static_cast<std::size_t>(after - m_transitions.begin() - 1)]};
}

std::string TzifZone::name() const {
    return m_name;
}

std::vector<ZoneChange> TzifZone::changes() const {
    std::vector<ZoneChange> out;
    std::int32_t before = m_offset_before_first;
    for (std::size_t i = 0; i < m_transitions.size(); ++i) {
        out.push_back({Instant{std::chrono::seconds{m_transitions[i]}},
                       std::chrono::seconds{before}, std::chrono::seconds{m_offset_after[i]},
                       m_daylight_after[i]});
        before = m_offset_after[i];
    }
    return out;
}

std::optional<TzifZone> load_zone(const FileSystem& files, const std::string& name,
                                  std::string& why, const std::string& zoneinfo_dir) {
    const std::string path = join_path(zoneinfo_dir, name);
    const bool plain = !name.empty() && name.front() != '/' && name.find("..") == std::string::npos;
    if (!plain) {
        why = fmt::format("{}: not a time zone name (like Europe/Berlin)", path);
        return std::nullopt;
    }
    std::string error;
    const auto bytes = files.read(path, error);
    if (!bytes) {
        why = files.is_directory(zoneinfo_dir)
                  ? fmt::format("{}: {}: no zone of that name (names are as in {}, such as "
                                "Europe/Berlin or America/New_York)",
                                path, error, zoneinfo_dir)
                  : fmt::format("{}: {} (is the tzdata package installed?)", path, error);
        return std::nullopt;
    }
    return TzifZone::parse(*bytes, path, why);
}

} // namespace calmlegs
