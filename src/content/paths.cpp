#include "content/paths.h"

#include <filesystem>

namespace calmlegs {
namespace {

/// Drops a trailing slash so that paths compare and join predictably.
std::string tidy(std::string path) {
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

std::string shipped_content(const ContentSettings& settings, const ShippedContent& shipped,
                            const FileSystem& files) {
    const std::string exe_dir = tidy(settings.exe_dir);
    if (!exe_dir.empty() && exe_dir == tidy(shipped.build_dir) &&
        files.is_directory(shipped.source_content))
        return tidy(shipped.source_content);
    if (!exe_dir.empty()) {
        // exe_dir is a real path, so resolving ".." by hand is safe and reads better.
        const std::string beside = std::filesystem::path(join_path(exe_dir, shipped.bin_to_content))
                                       .lexically_normal()
                                       .string();
        if (files.is_directory(beside)) return tidy(beside);
    }
    if (files.is_directory(shipped.install_content)) return tidy(shipped.install_content);
    if (files.is_directory(shipped.source_content)) return tidy(shipped.source_content);
    return {};
}

} // namespace

std::string config_dir(const std::string& xdg_config_home, const std::string& home) {
    std::string config = xdg_config_home;
    // The XDG spec says a relative XDG_CONFIG_HOME is invalid and is to be ignored.
    if (config.empty() || config.front() != '/') {
        if (home.empty()) return {};
        config = join_path(home, ".config");
    }
    return join_path(config, "calmlegs");
}

std::string state_dir(const std::string& xdg_state_home, const std::string& home) {
    std::string state = xdg_state_home;
    if (state.empty() || state.front() != '/') {
        if (home.empty()) return {};
        state = join_path(home, ".local/state");
    }
    return join_path(state, "calmlegs");
}

std::string user_content_dir(const ContentSettings& settings) {
    const std::string dir = config_dir(settings.xdg_config_home, settings.home);
    return dir.empty() ? dir : join_path(dir, "content");
}

std::string default_config_path(const std::string& xdg_config_home, const std::string& home) {
    const std::string dir = config_dir(xdg_config_home, home);
    return dir.empty() ? dir : join_path(dir, "config.toml");
}

ContentLayers resolve_content_layers(const ContentSettings& settings, const ShippedContent& shipped,
                                     const FileSystem& files) {
    ContentLayers result;
    if (!settings.flag_dir.empty()) {
        result.base = tidy(settings.flag_dir);
        if (!files.is_directory(result.base))
            result.error = "--content " + settings.flag_dir + ": no such directory";
    } else if (!settings.env_dir.empty()) {
        result.base = tidy(settings.env_dir);
        if (!files.is_directory(result.base))
            result.error = "CALMLEGS_CONTENT=" + settings.env_dir + ": no such directory";
    } else {
        result.base = shipped_content(settings, shipped, files);
        if (result.base.empty())
            result.error = "cannot find the shipped content (looked beside the binary and in " +
                           shipped.install_content +
                           "); reinstall calmlegs or point --content DIR at a content directory";
    }
    if (!result.error.empty()) return result;
    result.layers.push_back(result.base);
    const std::string user = user_content_dir(settings);
    if (!user.empty() && user != result.base && files.is_directory(user))
        result.layers.push_back(user);
    return result;
}

} // namespace calmlegs
