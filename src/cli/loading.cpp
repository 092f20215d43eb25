// Context: finding and loading the content and the config, and reporting their problems.

#include "cli/context.h"

#include "content/config_triggers.h"

#include "ui/text.h"

namespace calmlegs::cli {

const ContentLayers& Context::layers() {
    if (!m_files) m_files = std::make_unique<RealFileSystem>();
    if (!m_layers) {
        ContentSettings settings;
        settings.flag_dir = options.content_dir;
        settings.env_dir = m_system.env("CALMLEGS_CONTENT").value_or("");
        settings.xdg_config_home = m_system.env("XDG_CONFIG_HOME").value_or("");
        settings.home = m_system.env("HOME").value_or("");
        settings.exe_dir = m_system.exe_dir();
        m_layers = resolve_content_layers(settings, shipped_content(), *m_files);
    }
    return *m_layers;
}

ContentStore* Context::content() {
    if (!m_store) {
        const ContentLayers& found = layers();
        if (!found.error.empty()) {
            error(found.error);
            return nullptr;
        }
        m_store = std::make_unique<ContentStore>(*m_files, found.layers);
    }
    return m_store.get();
}

std::string Context::config_source() {
    if (!options.config_file.empty()) return "--config";
    if (!m_system.env("CALMLEGS_CONFIG").value_or("").empty()) return "CALMLEGS_CONFIG";
    return "default";
}

std::string Context::config_path() {
    if (!options.config_file.empty()) return options.config_file;
    if (auto chosen = m_system.env("CALMLEGS_CONFIG"); chosen && !chosen->empty()) return *chosen;
    return default_config_path(m_system.env("XDG_CONFIG_HOME").value_or(""),
                               m_system.env("HOME").value_or(""));
}

std::string Context::state_dir() {
    return calmlegs::state_dir(m_system.env("XDG_STATE_HOME").value_or(""),
                               m_system.env("HOME").value_or(""));
}

const LocalZone* Context::zone() {
    if (!m_zone_loaded) {
        m_zone_loaded = true;
        std::string why;
        m_zone = local_zone(m_system.files(), m_system.env("TZ"), why);
        if (!m_zone)
            error("cannot tell the local time: " + why,
                  "Set TZ to a zone such as Europe/Berlin, or unset it.");
    }
    return m_zone ? &*m_zone : nullptr;
}

const PersonSchedule* Context::schedule() {
    if (m_schedule_loaded) return m_schedule ? &*m_schedule : nullptr;
    m_schedule_loaded = true;
    const Config* settings = config();
    ContentStore* store = content();
    if (settings == nullptr || store == nullptr) return nullptr;
    Diagnostics diags;
    PersonSchedule planned = plan_schedule(*store, *settings, diags);
    if (!content_ok()) return nullptr;
    if (!diags.empty()) {
        report_config_problems(diags);
        return nullptr;
    }
    m_schedule = std::move(planned);
    return &*m_schedule;
}

const std::vector<Trigger>* Context::triggers() {
    if (m_triggers_loaded) return m_triggers ? &*m_triggers : nullptr;
    m_triggers_loaded = true;
    const Config* settings = config();
    ContentStore* store = content();
    if (settings == nullptr || store == nullptr) return nullptr;
    Diagnostics diags;
    check_own_triggers(*store, *settings, diags);
    std::vector<Trigger> found = person_triggers(*store, *settings);
    if (!content_ok()) return nullptr;
    if (!diags.empty()) {
        report_config_problems(diags);
        return nullptr;
    }
    m_triggers = std::move(found);
    return &*m_triggers;
}

const Config* Context::config() {
    if (m_config_loaded) return m_config ? &*m_config : nullptr;
    m_config_loaded = true;
    const bool chosen = config_source() != "default";
    const std::string path = config_path();
    const FileSystem& files = m_system.files();
    if (path.empty() || (!chosen && !files.is_file(path))) {
        m_config.emplace(); // no config yet: the defaults
        return &*m_config;
    }
    std::string why;
    const auto text = files.read(path, why);
    if (!text) {
        // --config FILE or CALMLEGS_CONFIG=FILE config --init writes the starter file there.
        const std::string init = config_source() == "--config"
                                     ? "calmlegs --config " + shell_quote(path) + " config --init"
                                     : "calmlegs config --init";
        error("cannot read the config " + path + ": " + why,
              chosen ? "Check the path given to " + config_source() +
                           ", or write a starter file there with: " + init
                     : "");
        return nullptr;
    }
    Diagnostics diags;
    m_config = parse_config(*text, path, diags);
    if (!diags.empty()) {
        report_config_problems(diags);
        m_config.reset();
        return nullptr;
    }
    return &*m_config;
}

void Context::report_config_problems(Diagnostics& diags) {
    diags.sort();
    std::string lines;
    for (const auto& problem : diags.problems())
        lines += visible(problem.format()) + "\n";
    write(m_system.err(), lines);
    error("the config has problems; see calmlegs-config(5)");
}

bool Context::content_ok() {
    if (!m_store) return true;
    if (!m_store->diagnostics().empty()) {
        report_content_problems();
        return false;
    }
    // Overrides of the person's own that were set aside for the entry below: each said once.
    std::string text;
    for (const auto& line : override_warnings(*m_store))
        if (m_warned.insert(line).second) text += "calmlegs: warning: " + visible(line) + "\n";
    write(m_system.err(), text);
    return true;
}

void Context::report_content_problems() {
    Diagnostics& diags = m_store->diagnostics();
    diags.sort();
    std::string text;
    for (const auto& problem : diags.problems())
        text += visible(problem.format()) + "\n";
    const std::size_t count = diags.size();
    text += "calmlegs: the content has " + std::to_string(count) +
            (count == 1 ? " problem" : " problems") +
            "; fix the file named above, then run: calmlegs check\n";
    write(m_system.err(), text);
}

} // namespace calmlegs::cli
