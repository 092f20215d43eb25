#pragma once
// The person's config.toml: cue settings and their own supplement plan (calmlegs-config(5)).

#include "content/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

struct Config {
    bool bell = true;                     ///< [cues] bell
    std::vector<std::string> cue_command; ///< [cues] command: argv; the cue text is appended
    /// [plan] supplements: what the person takes, as written (an id, a name or an alias, which
    /// resolve_plan turns into ids); unset when they have not said.
    std::optional<std::vector<std::string>> plan_supplements;
    std::vector<Ref> plan_refs; ///< the same names, with where they are written
    std::string file;
};

/// Parses config.toml, reporting every problem to `diags`; nullopt when the TOML is broken.
std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags);

} // namespace calmlegs
