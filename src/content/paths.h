#pragma once

#include "content/files.h"

#include <string>
#include <vector>

namespace calmlegs {

/// Where the shipped content may be, as baked in at build time (see config.h.in).
struct ShippedContent {
    std::string build_dir;       ///< the build tree the binary was built in
    std::string source_content;  ///< content/ of the source tree
    std::string bin_to_content;  ///< path from the installed bin/ to the installed content
    std::string install_content; ///< the configured install location
};

/// What the environment says about content, gathered by the CLI.
struct ContentSettings {
    std::string flag_dir;        ///< --content DIR (empty when not given)
    std::string env_dir;         ///< $CALMLEGS_CONTENT
    std::string xdg_config_home; ///< $XDG_CONFIG_HOME
    std::string home;            ///< $HOME
    std::string exe_dir;         ///< the directory of the running binary (real path)
};

/// The content layers, lowest first, or an error message.
struct ContentLayers {
    std::vector<std::string> layers;
    std::string base; ///< the lowest layer (shipped, --content or $CALMLEGS_CONTENT)
    std::string error;
};

/// Resolves the content layers as calmlegs(1) documents: the base is --content DIR, else
/// $CALMLEGS_CONTENT, else the shipped content (the source tree's when the binary runs from its
/// build tree, else the one installed beside the binary, else the configured install
/// location); the person's $XDG_CONFIG_HOME/calmlegs/content (default ~/.config/...) is
/// layered on top when it exists.
ContentLayers resolve_content_layers(const ContentSettings& settings, const ShippedContent& shipped,
                                     const FileSystem& files);

/// The person's calmlegs directory: $XDG_CONFIG_HOME/calmlegs, or ~/.config/calmlegs when
/// XDG_CONFIG_HOME is unset or not absolute; "" when neither is known.
std::string config_dir(const std::string& xdg_config_home, const std::string& home);

/// The person's calmlegs state directory (the reminder state, the journal):
/// $XDG_STATE_HOME/calmlegs, or ~/.local/state/calmlegs when XDG_STATE_HOME is unset or not
/// absolute; "" when neither is known.
std::string state_dir(const std::string& xdg_state_home, const std::string& home);

/// The person's own content directory, whether or not it exists.
std::string user_content_dir(const ContentSettings& settings);

/// The default place of config.toml, whether or not it exists.
std::string default_config_path(const std::string& xdg_config_home, const std::string& home);

} // namespace calmlegs
