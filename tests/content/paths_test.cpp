#include "content/paths.h"

#include "support/memory_files.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::MemoryFileSystem;

namespace {

const ShippedContent k_shipped{"/src/build/release", "/src/content", "../share/calmlegs/content",
                               "/usr/local/share/calmlegs/content"};

MemoryFileSystem with_dirs(std::initializer_list<const char*> dirs) {
    MemoryFileSystem files;
    for (const char* dir : dirs)
        files.add(std::string(dir) + "/guide.toml", "");
    return files;
}

} // namespace

TEST_CASE("the build tree's binary uses the source tree's content") {
    const auto files = with_dirs({"/src/content", "/usr/local/share/calmlegs/content"});
    ContentSettings settings;
    settings.exe_dir = "/src/build/release";
    settings.home = "/home/me";
    const auto found = resolve_content_layers(settings, k_shipped, files);
    CHECK(found.error.empty());
    CHECK(found.layers == std::vector<std::string>{"/src/content"});
}

TEST_CASE("an installed binary uses the content installed beside it, wherever the prefix") {
    const auto files = with_dirs({"/opt/cl/share/calmlegs/content", "/src/content"});
    ContentSettings settings;
    settings.exe_dir = "/opt/cl/bin";
    const auto found = resolve_content_layers(settings, k_shipped, files);
    CHECK(found.layers == std::vector<std::string>{"/opt/cl/share/calmlegs/content"});
}

TEST_CASE("then the configured install location, then the source tree") {
    ContentSettings settings;
    settings.exe_dir = "/somewhere/else";
    auto files = with_dirs({"/usr/local/share/calmlegs/content", "/src/content"});
    CHECK(resolve_content_layers(settings, k_shipped, files).base ==
          "/usr/local/share/calmlegs/content");
    files = with_dirs({"/src/content"});
    CHECK(resolve_content_layers(settings, k_shipped, files).base == "/src/content");
    files = with_dirs({});
    const auto none = resolve_content_layers(settings, k_shipped, files);
    CHECK(none.layers.empty());
    CHECK(none.error.find("--content DIR") != std::string::npos);
}

TEST_CASE("--content wins over CALMLEGS_CONTENT, which wins over the shipped content") {
    const auto files = with_dirs({"/flag", "/env", "/src/content"});
    ContentSettings settings;
    settings.exe_dir = "/src/build/release";
    settings.env_dir = "/env/";
    CHECK(resolve_content_layers(settings, k_shipped, files).base == "/env");
    settings.flag_dir = "/flag";
    CHECK(resolve_content_layers(settings, k_shipped, files).base == "/flag");
    settings.flag_dir = "/missing";
    const auto missing = resolve_content_layers(settings, k_shipped, files);
    CHECK(missing.error == "--content /missing: no such directory");
    settings.flag_dir.clear();
    settings.env_dir = "/gone";
    CHECK(resolve_content_layers(settings, k_shipped, files).error ==
          "CALMLEGS_CONTENT=/gone: no such directory");
}

TEST_CASE("the person's own content is layered on top when it exists") {
    auto files =
        with_dirs({"/src/content", "/home/me/.config/calmlegs/content", "/xdg/calmlegs/content"});
    ContentSettings settings;
    settings.exe_dir = "/src/build/release";
    settings.home = "/home/me";
    CHECK(resolve_content_layers(settings, k_shipped, files).layers ==
          std::vector<std::string>{"/src/content", "/home/me/.config/calmlegs/content"});
    settings.xdg_config_home = "/xdg";
    CHECK(resolve_content_layers(settings, k_shipped, files).layers ==
          std::vector<std::string>{"/src/content", "/xdg/calmlegs/content"});
    settings.xdg_config_home = "relative/is/ignored";
    CHECK(user_content_dir(settings) == "/home/me/.config/calmlegs/content");
    settings.home.clear();
    settings.xdg_config_home.clear();
    CHECK(user_content_dir(settings).empty());
    CHECK(resolve_content_layers(settings, k_shipped, files).layers ==
          std::vector<std::string>{"/src/content"});
}
