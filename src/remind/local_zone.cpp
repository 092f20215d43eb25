#include "remind/local_zone.h"

#include "remind/tzif.h"

namespace calmlegs {
namespace {

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r'))
        text.pop_back();
    return text;
}

LocalZone utc(std::string source) {
    return {std::make_unique<FixedZone>(std::chrono::seconds{0}), "UTC", std::move(source)};
}

} // namespace

std::optional<LocalZone> local_zone(const FileSystem& files, const std::optional<std::string>& tz,
                                    std::string& why, const SystemZoneFiles& where) {
    if (!tz) {
        std::string error;
        const auto bytes = files.read(where.localtime, error);
        if (!bytes) return utc("UTC (no $TZ and no " + where.localtime + ")");
        auto zone = TzifZone::parse(*bytes, where.localtime, why);
        if (!zone) return std::nullopt;
        // /etc/timezone names the zone when it agrees with a file of the database.
        std::string name;
        if (auto named = files.read(where.timezone, error)) {
            std::string ignored;
            if (load_zone(files, trimmed(*named), ignored, where.zoneinfo)) name = trimmed(*named);
        }
        return LocalZone{std::make_unique<TzifZone>(std::move(*zone)), name, where.localtime};
    }
    if (tz->empty()) return utc("UTC (TZ is empty)");
    const std::string value = tz->front() == ':' ? tz->substr(1) : *tz;
    const std::string source = "TZ=" + *tz;
    if (!value.empty() && value.front() == '/') {
        std::string error;
        const auto bytes = files.read(value, error);
        if (!bytes) {
            why = "TZ=" + *tz + ": " + error;
            return std::nullopt;
        }
        auto zone = TzifZone::parse(*bytes, value, why);
        if (!zone) return std::nullopt;
        return LocalZone{std::make_unique<TzifZone>(std::move(*zone)), "", source};
    }
    std::string zone_why;
    if (auto zone = load_zone(files, value, zone_why, where.zoneinfo))
        return LocalZone{std::make_unique<TzifZone>(std::move(*zone)), value, source};
    std::string rule_why;
    if (auto rule = PosixZone::parse(value, rule_why)) {
        const bool utc_rule = rule->offset_at(Instant{}) == std::chrono::seconds{0} &&
                              value.find(',') == std::string::npos;
        return LocalZone{std::make_unique<PosixZone>(std::move(*rule)), utc_rule ? "UTC" : "",
                         source};
    }
    // A name with a '/' is meant as a zone: why its file failed says more than "no rule".
    if (value.find('/') != std::string::npos) {
        why = "TZ=" + *tz + ": " + zone_why;
        return std::nullopt;
    }
    why = "TZ=" + *tz + " is neither a zone of " + where.zoneinfo +
          " (such as Europe/Berlin) nor a POSIX rule (such as CET-1CEST,M3.5.0,M10.5.0/3)";
    return std::nullopt;
}

} // namespace calmlegs
