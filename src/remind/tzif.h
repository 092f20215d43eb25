#pragma once
// Time zones from the system's tz database, read as TZif files (RFC 8536) through the
// FileSystem seam, so that tests can also feed bytes and nothing depends on the process's TZ.

#include "content/files.h"
#include "remind/posix_tz.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// Where the tz database lives on Debian and most other systems.
inline constexpr const char* k_zoneinfo_dir = "/usr/share/zoneinfo";

/// One change of a zone's offset that its TZif file lists.
struct ZoneChange {
    Instant at;
    std::chrono::seconds before; ///< the offset until `at`
    std::chrono::seconds after;  ///< the offset from `at` on
    bool daylight = false;       ///< whether `after` is daylight-saving time
};

/// A zone from a TZif file: its listed transitions, then its footer rule for later times.
class TzifZone final : public TimeZone {
public:
    /// `data`, the bytes of a TZif file (versions 1 to 3; from version 2 on the 64-bit data and the
    /// footer are used). nullopt with `why` starting with `name` when the data is truncated,
    /// corrupt or not TZif at all.
    static std::optional<TzifZone> parse(std::string_view data, const std::string& name,
                                         std::string& why);

    std::chrono::seconds offset_at(Instant instant) const override;
    std::string name() const override;

    /// The changes the file lists, in order: what an iCalendar VTIMEZONE spells out for the
    /// years the footer's rule does not cover.
    std::vector<ZoneChange> changes() const;
    /// The rule for the times after the last listed change, when the file has one.
    const std::optional<PosixZone>& footer() const { return m_footer; }

private:
    std::string m_name;
    std::vector<std::int64_t> m_transitions;  ///< UTC seconds, ascending
    std::vector<std::int32_t> m_offset_after; ///< the offset from each transition on
    std::vector<bool> m_daylight_after;       ///< whether that offset is daylight saving
    std::int32_t m_offset_before_first = 0;   ///< before any transition (type 0)
    std::optional<PosixZone> m_footer;        ///< after the last transition, when given
};

/// The zone `name` ("Europe/Berlin") read from `zoneinfo_dir`/`name`; nullopt with `why`
/// naming the file when the name is not a zone name, or the file cannot be read or parsed.
std::optional<TzifZone> load_zone(const FileSystem& files, const std::string& name,
                                  std::string& why,
                                  const std::string& zoneinfo_dir = k_zoneinfo_dir);

} // namespace calmlegs
