#pragma once
// The person's local time zone, as the C library would find it: $TZ (a zone name, ":name", a
// path to a TZif file or a POSIX rule), else the system's /etc/localtime, named by
// /etc/timezone (Debian). Read through the FileSystem seam, never through localtime().

#include "content/files.h"
#include "remind/tzif.h"

#include <memory>
#include <optional>
#include <string>

namespace calmlegs {

/// A zone with what it is called and where it came from.
struct LocalZone {
    std::unique_ptr<TimeZone> zone;
    /// The tz database name ("Europe/Berlin") when known, for iCalendar's TZID and for
    /// crontab's TZ=; "" for a POSIX rule or an unnamed /etc/localtime.
    std::string name;
    /// What set it, for `calmlegs config`: "TZ=Europe/Berlin", "/etc/localtime", "UTC".
    std::string source;
};

/// Where the system keeps its zone.
struct SystemZoneFiles {
    std::string localtime = "/etc/localtime";
    std::string timezone = "/etc/timezone";
    std::string zoneinfo = k_zoneinfo_dir;
};

/// The zone `tz` ($TZ, nullopt when unset) means. Unset: /etc/localtime, or UTC when there is
/// none; set but empty: UTC, as in the C library. nullopt with `why` when $TZ names no zone
/// and is no POSIX rule, or a zone file is corrupt: reminders in a wrong zone would fire at
/// the wrong hour, so this is an error, never a silent fallback to UTC.
std::optional<LocalZone> local_zone(const FileSystem& files, const std::optional<std::string>& tz,
                                    std::string& why, const SystemZoneFiles& where = {});

} // namespace calmlegs
