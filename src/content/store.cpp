#include "content/store.h"

#include "content/parse.h"

#include <algorithm>

namespace calmlegs {

std::optional<std::string> toml_stem(const std::string& name) {
    constexpr std::string_view suffix = ".toml";
    if (name.size() <= suffix.size() || name.front() == '.' || !name.ends_with(suffix))
        return std::nullopt;
    return name.substr(0, name.size() - suffix.size());
}

ContentStore::ContentStore(const FileSystem& files, std::vector<std::string> layers, Keep keep)
    : m_files(files)
    , m_layers(std::move(layers))
    , m_keep(keep) {}

std::optional<std::string> ContentStore::read(const std::string& path, Diagnostics& diags) {
    std::string error;
    auto text = m_files.read(path, error);
    if (!text) diags.error(path, {}, "cannot read this file: " + error);
    return text;
}

template <typename T>
void ContentStore::index(EntryDir<T>& dir,
                         const std::function<std::string(const std::string&)>& key_of) {
    if (dir.indexed) return;
    dir.indexed = true;
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
        const std::string path = join_path(m_layers[layer], dir.subdir);
        for (const auto& entry : m_files.list(path)) {
            if (entry.is_directory) continue;
            auto stem = toml_stem(entry.name);
            if (!stem) continue;
            const std::string key = key_of(*stem);
            auto& sources = dir.sources[key];
            Source source{join_path(path, entry.name), *stem, layer};
            // Two files of one layer with one key (steps/04-sleep and 05-sleep): the last
            // listed stands, as a higher layer's would; `check` reports the pair.
            if (!sources.empty() && sources.back().layer == layer)
                sources.back() = std::move(source);
            else
                sources.push_back(std::move(source));
        }
    }
}

template <typename T, typename Parse>
std::optional<T> ContentStore::first_sound(const std::vector<Source>& sources,
                                           std::string_view what, Parse&& parse) {
    if (sources.empty()) return std::nullopt;
    // `check` keeps the top file's entry whatever its problems, and reports them all.
    if (m_keep == Keep::all) return parse(sources.back(), m_diags);
    std::vector<Diagnostics> broken; // of the files passed over so far, top first
    // NOLINTNEXTLINE(modernize-loop-convert): top layer first; a reverse_view needs <ranges>
    for (auto source = sources.rbegin(); source != sources.rend(); ++source) {
        Diagnostics problems;
        std::optional<T> value = parse(*source, problems);
        if (value && problems.empty()) {
            const std::string instead =
                source->layer == 0 ? "the shipped " + std::string(what) : source->path;
            for (auto& problems_above : broken)
                m_warnings.push_back(passed_over(std::move(problems_above), instead));
            return value;
        }
        broken.push_back(std::move(problems));
    }
    // Nothing sound to stand in: every problem met is an error, and nothing half-broken is
    // shown.
    for (const auto& problems : broken)
        m_diags.append(problems);
    return std::nullopt;
}

template <typename T>
const T* ContentStore::load(EntryDir<T>& dir, std::string_view key, ParseEntry<T> parse) {
    if (auto found = dir.loaded.find(key); found != dir.loaded.end())
        return found->second ? &*found->second : nullptr;
    std::optional<T> value;
    if (auto sources = dir.sources.find(key); sources != dir.sources.end())
        value = first_sound<T>(sources->second, "entry",
                               [&](const Source& source, Diagnostics& diags) -> std::optional<T> {
                                   auto text = read(source.path, diags);
                                   if (!text) return std::nullopt;
                                   return parse(*text, source.path, source.stem, diags);
                               });
    auto [slot, inserted] = dir.loaded.emplace(std::string(key), std::move(value));
    return slot->second ? &*slot->second : nullptr;
}

template <typename T>
void ContentStore::load_list(std::optional<std::vector<T>>& list, const char* file_name,
                             std::vector<T> (*parse)(std::string_view, const std::string&,
                                                     Diagnostics&)) {
    if (list) return;
    list.emplace();
    std::vector<std::size_t> merged; // the layers whose file is in the list
    for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
        const std::string path = join_path(m_layers[layer], file_name);
        if (!m_files.is_file(path)) continue;
        Diagnostics problems;
        std::vector<T> entries;
        if (auto text = read(path, problems)) entries = parse(*text, path, problems);
        if (!problems.empty() && !merged.empty() && m_keep == Keep::sound) {
            // The files below stand in for a broken one above them, which is left out whole.
            const bool shipped_only = merged == std::vector<std::size_t>{0};
            m_warnings.push_back(passed_over(std::move(problems),
                                             shipped_only ? "the shipped " + std::string(file_name)
                                                          : "the " + std::string(file_name) +
                                                                " of the layers below"));
            continue;
        }
        m_diags.append(problems);
        merged.push_back(layer);
        for (auto& entry : entries) {
            auto same = std::find_if(list->begin(), list->end(),
                                     [&](const T& existing) { return existing.id == entry.id; });
            if (same != list->end())
                *same = std::move(entry); // a higher layer overrides by id, in place
            else
                list->push_back(std::move(entry));
        }
    }
}

const GuideDoc* ContentStore::guide() {
    if (!m_guide_loaded) {
        m_guide_loaded = true;
        std::vector<Source> sources;
        for (std::size_t layer = 0; layer < m_layers.size(); ++layer) {
            const std::string path = join_path(m_layers[layer], content_files::guide);
            if (m_files.is_file(path)) sources.push_back({path, "guide", layer});
        }
        m_guide = first_sound<GuideDoc>(
            sources, content_files::guide,
            [&](const Source& source, Diagnostics& diags) -> std::optional<GuideDoc> {
                auto text = read(source.path, diags);
                if (!text) return std::nullopt;
                return parse_guide(*text, source.path, diags);
            });
    }
    return m_guide ? &*m_guide : nullptr;
}

const std::vector<Note>& ContentStore::notes() {
    load_list(m_notes, content_files::notes, parse_notes);
    return *m_notes;
}

const Note* ContentStore::note(std::string_view id) {
    for (const auto& note : notes())
        if (note.id == id) return &note;
    return nullptr;
}

const std::vector<Reference>& ContentStore::references() {
    load_list(m_references, content_files::references, parse_references);
    return *m_references;
}

const Reference* ContentStore::reference(std::string_view id) {
    for (const auto& reference : references())
        if (reference.id == id) return &reference;
    return nullptr;
}

const std::vector<StackRow>& ContentStore::stack() {
    load_list(m_stack, content_files::stack, parse_stack);
    return *m_stack;
}

const std::vector<ScheduleItem>& ContentStore::schedule() {
    load_list(m_schedule, content_files::schedule, parse_schedule);
    return *m_schedule;
}

const std::vector<Trigger>& ContentStore::triggers() {
    load_list(m_triggers, content_files::triggers, parse_triggers);
    return *m_triggers;
}

const Trigger* ContentStore::trigger(std::string_view id) {
    for (const auto& trigger : triggers())
        if (trigger.id == id) return &trigger;
    return nullptr;
}

template <typename T> std::vector<std::string> ContentStore::ids_in(EntryDir<T>& dir) {
    index(dir, [](const std::string& stem) { return stem; });
    std::vector<std::string> ids;
    for (const auto& [id, sources] : dir.sources)
        ids.push_back(id);
    return ids;
}

template <typename T>
const T* ContentStore::entry_in(EntryDir<T>& dir, std::string_view id, ParseEntry<T> parse) {
    index(dir, [](const std::string& stem) { return stem; });
    return load<T>(dir, id, parse);
}

template <typename T>
std::vector<const T*> ContentStore::all_in(EntryDir<T>& dir, ParseEntry<T> parse) {
    std::vector<const T*> out;
    for (const auto& id : ids_in(dir))
        if (const T* entry = load<T>(dir, id, parse)) out.push_back(entry);
    return out;
}

std::vector<std::string> ContentStore::supplement_ids() {
    return ids_in(m_supplements);
}

const Supplement* ContentStore::supplement(std::string_view id) {
    return entry_in(m_supplements, id, parse_supplement);
}

std::vector<const Supplement*> ContentStore::supplements() {
    return all_in(m_supplements, parse_supplement);
}

std::vector<std::string> ContentStore::medicine_ids() {
    return ids_in(m_medicines);
}

const Medicine* ContentStore::medicine(std::string_view id) {
    return entry_in(m_medicines, id, parse_medicine);
}

std::vector<const Medicine*> ContentStore::medicines() {
    return all_in(m_medicines, parse_medicine);
}

std::vector<std::string> ContentStore::pattern_ids() {
    return ids_in(m_patterns);
}

const BreathingPattern* ContentStore::pattern(std::string_view id) {
    return entry_in(m_patterns, id, parse_pattern);
}

std::vector<const BreathingPattern*> ContentStore::patterns() {
    return all_in(m_patterns, parse_pattern);
}

std::vector<std::string> ContentStore::exercise_ids() {
    return ids_in(m_exercises);
}

const Exercise* ContentStore::exercise(std::string_view id) {
    return entry_in(m_exercises, id, parse_exercise);
}

std::vector<std::string> ContentStore::routine_ids() {
    return ids_in(m_routines);
}

const Routine* ContentStore::routine(std::string_view id) {
    return entry_in(m_routines, id, parse_routine);
}

std::vector<const Routine*> ContentStore::routines() {
    return all_in(m_routines, parse_routine);
}

void ContentStore::index_steps() {
    // Steps are keyed by their id so that a person's 04-sleep.toml overrides the shipped one.
    index(m_steps, [](const std::string& stem) {
        auto named = parse_step_stem(stem);
        return named ? named->id : stem;
    });
}

const Step* ContentStore::step(int number) {
    index_steps();
    for (const auto& [key, sources] : m_steps.sources) {
        auto named = parse_step_stem(sources.back().stem);
        if (named && named->number == number) return load<Step>(m_steps, key, parse_step);
    }
    return nullptr;
}

const Step* ContentStore::step(std::string_view id) {
    index_steps();
    return load<Step>(m_steps, id, parse_step);
}

std::vector<int> ContentStore::step_numbers() {
    index_steps();
    std::vector<int> numbers;
    for (const auto& [key, sources] : m_steps.sources)
        if (auto named = parse_step_stem(sources.back().stem)) numbers.push_back(named->number);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

std::vector<const Step*> ContentStore::steps() {
    index_steps();
    std::vector<const Step*> out;
    for (const auto& [key, sources] : m_steps.sources)
        if (const Step* s = load<Step>(m_steps, key, parse_step)) out.push_back(s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Step* a, const Step* b) { return a->number < b->number; });
    return out;
}

std::vector<std::string> override_warnings(const ContentStore& store) {
    std::vector<OverrideWarning> warnings = store.warnings();
    std::stable_sort(warnings.begin(), warnings.end(),
                     [](const OverrideWarning& a, const OverrideWarning& b) {
                         return a.first.file < b.first.file;
                     });
    std::vector<std::string> lines;
    for (const auto& warning : warnings)
        lines.push_back(warning.format());
    return lines;
}

} // namespace calmlegs
