#pragma once
// `calmlegs config`: the settings in effect and the files in use, as a page and as JSON.

#include "content/config.h"
#include "ui/json.h"
#include "ui/page.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// A file or directory calmlegs uses, and whether it is there yet.
struct PathInUse {
    std::string path; ///< "" when it cannot be known (neither HOME nor the XDG variable is set)
    bool exists = false;
};

/// A content directory and what made it a layer.
struct ContentLayerInUse {
    std::string path;
    std::string from; ///< "--content", "CALMLEGS_CONTENT", "shipped" or "own"
};

/// Everything `calmlegs config` shows, gathered and checked before it is rendered.
struct SettingsView {
    PathInUse config_file;
    std::string config_source;             ///< "--config", "CALMLEGS_CONFIG" or "default"
    std::vector<ContentLayerInUse> layers; ///< lowest first
    PathInUse own_content;                 ///< the person's content directory (a layer if there)
    PathInUse state_dir;
    PathInUse reminder_state; ///< which reminders were delivered (calmlegs remind)
    PathInUse journal;
    std::string zone_name; ///< "" when the zone has no name (a POSIX rule, a bare file)
    std::string zone_source;
    const Config* config = nullptr; ///< never null once gathered
    /// [plan] supplements as ids (resolve_plan); nullopt when the config sets no plan.
    std::optional<std::vector<std::string>> plan_ids;
};

/// The page: the files in use, then each table of the config with its values, the defaults
/// marked as such.
std::string render_settings(const SettingsView& view, const RenderOptions& options);

/// The same as one JSON object (calmlegs(1), JSON OUTPUT, config).
void write_settings_json(JsonWriter& json, const SettingsView& view);

/// When a reminder comes, in words: "at 16:00", "45 minutes before bedtime", "at bedtime",
/// "15 minutes after waking (07:15 without a wake time)".
std::string describe_reminder_time(const ReminderTime& time);

} // namespace calmlegs
