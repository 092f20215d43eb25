// calmlegs config: the settings in effect and every file in use; --init writes a starter
// config.toml where calmlegs will read it.

#include "cli/commands.h"
#include "content/config_plan.h"
#include "content/config_starter.h"
#include "content/config_triggers.h"
#include "ui/render_settings.h"
#include "ui/text.h"

#include <memory>

namespace calmlegs::cli {
namespace {

/// The reminder state (calmlegs remind), in the state directory.
const char* const k_reminder_state_file = "remind-state.toml";

struct ConfigOptions {
    bool init = false;
};

PathInUse path_in_use(const FileSystem& files, std::string path, bool directory = false) {
    const bool exists =
        !path.empty() && (directory ? files.is_directory(path) : files.is_file(path));
    return {std::move(path), exists};
}

/// What made the lowest content layer: --content DIR, $CALMLEGS_CONTENT or the shipped one.
std::string base_source(Context& context) {
    if (!context.options.content_dir.empty()) return "--content";
    if (!context.system().env("CALMLEGS_CONTENT").value_or("").empty()) return "CALMLEGS_CONTENT";
    return "shipped";
}

/// Reports the config's problems that only the content shows (an own trigger that takes the
/// name of a content one) as those of the config are: each at its line, then what to read.
ExitStatus show_settings(Context& context) {
    // Everything is loaded and checked first, as every command that reads the config does:
    // a problem is reported (status 2) and nothing is shown.
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    if (context.schedule() == nullptr) return ExitStatus::usage;
    if (context.triggers() == nullptr) return ExitStatus::usage;
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return ExitStatus::usage;
    if (!context.content_ok()) return ExitStatus::usage;

    const System& system = context.system();
    const FileSystem& files = system.files();
    SettingsView view;
    view.config = config;
    view.config_file = path_in_use(files, context.config_path());
    view.config_source = context.config_source();
    const ContentLayers& layers = context.layers();
    for (std::size_t i = 0; i < layers.layers.size(); ++i)
        view.layers.push_back({layers.layers[i], i == 0 ? base_source(context) : "own"});
    ContentSettings content;
    content.xdg_config_home = system.env("XDG_CONFIG_HOME").value_or("");
    content.home = system.env("HOME").value_or("");
    view.own_content = path_in_use(files, user_content_dir(content), true);
    const std::string state = context.state_dir();
    view.state_dir = path_in_use(files, state, true);
    if (!state.empty()) {
        view.reminder_state = path_in_use(files, join_path(state, k_reminder_state_file));
    }
    // --journal FILE and CALMLEGS_JOURNAL choose it, as they do for every command.
    if (const std::string journal = context.journal_path(); !journal.empty())
        view.journal = path_in_use(files, journal);
    view.zone_name = zone->name;
    view.zone_source = zone->source;
    Diagnostics ignored; // context.schedule() has resolved the plan already, without a problem
    view.plan_ids = resolve_plan(*store, *config, ignored);

    return context.show([&](JsonWriter& json) { write_settings_json(json, view); },
                        [&](const RenderOptions& render) { return render_settings(view, render); });
}

/// The directory part of `path` ("" for a bare file name).
std::string parent_dir(const std::string& path) {
    const auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return {};
    return slash == 0 ? "/" : path.substr(0, slash);
}

ExitStatus write_starter(Context& context) {
    const std::string path = context.config_path();
    if (path.empty()) {
        context.error("cannot tell where your config goes: neither HOME nor XDG_CONFIG_HOME is "
                      "set",
                      "Name the file: calmlegs --config FILE config --init (or set "
                      "CALMLEGS_CONFIG=FILE)");
        return ExitStatus::usage;
    }
    FileWriter& writer = context.system().writer();
    std::string why;
    // The person's own directories are theirs alone (0700), as is the file (0600).
    if (const std::string dir = parent_dir(path);
        !dir.empty() && !writer.make_dirs(dir, 0700, why)) {
        context.error("cannot create the directory " + dir + ": " + why,
                      "Check the path, or name another file with --config FILE.");
        return ExitStatus::output;
    }
    if (!writer.create_new(path, config_starter(), 0600, why)) {
        if (why == "exists") {
            context.error("there is a config at " + path +
                              " already; --init never writes over "
                              "one",
                          "Edit it (man calmlegs-config explains each setting), or move it away "
                          "first to start afresh: mv " +
                              shell_quote(path) + " " + shell_quote(path + ".old"));
            return ExitStatus::not_found;
        }
        context.error("cannot write " + path + ": " + why,
                      "Check the path, or name another file with --config FILE.");
        return ExitStatus::output;
    }
    return context.show(
        [&](JsonWriter& json) { json.begin_object().key("written").value(path).end_object(); },
        [&](const RenderOptions&) {
            return "Wrote a starter config: " + path +
                   "\nEvery setting in it is commented out: remove the \"# \" before one to use "
                   "it.\nSee what is in effect: calmlegs config\n";
        });
}

} // namespace

Command setup_config(CLI::App& parent, Context& context) {
    auto options = std::make_shared<ConfigOptions>();
    CLI::App* app = parent.add_subcommand(
        "config", "Show the settings in effect and every file in use (--init: a starter file)");
    app->add_flag("--init", options->init,
                  "Write a commented starter config.toml (never over one that exists)");
    return {app, "calmlegs config", [&context, options] {
                return options->init ? write_starter(context) : show_settings(context);
            }};
}

} // namespace calmlegs::cli
