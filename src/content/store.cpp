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

std::optional<std::string> ContentStore::read(const std::string& path) {
    std::string error;
    auto text = m_files.read(path, error);
    if (!text) m_diags.error(path, {}, "cannot read this file: " + error);
    return text;
}

template <typename T>
void ContentStore::index(EntryDir<T>& dir,
                         const std::function<std::string(const std::string&)>& key_of) {
    if (dir.indexed) return;
    dir.indexed = true;
    for (const auto& layer : m_layers) {
        const std::string path = join_path(layer, dir.subdir);
        for (const auto& entry : m_files.list(path)) {
            if (entry.is_directory) continue;
            auto stem = toml_stem(entry.name);
            if (!stem) continue;
            const std::string key = key_of(*stem);
            dir.paths[key] = join_path(path, entry.name);
            dir.stems[key] = *stem;
        }
    }
}

template <typename T>
const T* ContentStore::load(EntryDir<T>& dir, std::string_view key, ParseEntry<T> parse) {
    if (auto found = dir.loaded.find(key); found != dir.loaded.end())
        return found->second ? &*found->second : nullptr;
    std::optional<T> value;
    if (auto path = dir.paths.find(key); path != dir.paths.end()) {
        const std::size_t problems_before = m_diags.size();
        if (auto text = read(path->second))
            value = parse(*text, path->second, dir.stems.find(key)->second, m_diags);
        if (m_diags.size() != problems_before && m_keep == Keep::sound)
            value.reset(); // never show a broken entry
    }
    auto [slot, inserted] = dir.loaded.emplace(std::string(key), std::move(value));
    return slot->second ? &*slot->second : nullptr;
}

template <typename T>
void ContentStore::load_list(std::optional<std::vector<T>>& list, const char* file_name,
                             std::vector<T> (*parse)(std::string_view, const std::string&,
                                                     Diagnostics&)) {
    if (list) return;
    list.emplace();
    for (const auto& layer : m_layers) {
        const std::string path = join_path(layer, file_name);
        if (!m_files.is_file(path)) continue;
        auto text = read(path);
        if (!text) continue;
        for (auto& entry : parse(*text, path, m_diags)) {
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
        for (auto layer = m_layers.rbegin(); layer != m_layers.rend(); ++layer) {
            const std::string path = join_path(*layer, content_files::guide);
            if (!m_files.is_file(path)) continue;
            const std::size_t problems_before = m_diags.size();
            if (auto text = read(path)) m_guide = parse_guide(*text, path, m_diags);
            if (m_diags.size() != problems_before && m_keep == Keep::sound) m_guide.reset();
            break;
        }
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

template <typename T> std::vector<std::string> ContentStore::ids_in(EntryDir<T>& dir) {
    index(dir, [](const std::string& stem) { return stem; });
    std::vector<std::string> ids;
    for (const auto& [id, path] : dir.paths)
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
    for (const auto& [key, stem] : m_steps.stems) {
        auto named = parse_step_stem(stem);
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
    for (const auto& [key, stem] : m_steps.stems)
        if (auto named = parse_step_stem(stem)) numbers.push_back(named->number);
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

std::vector<const Step*> ContentStore::steps() {
    index_steps();
    std::vector<const Step*> out;
    for (const auto& [key, path] : m_steps.paths)
        if (const Step* s = load<Step>(m_steps, key, parse_step)) out.push_back(s);
    std::stable_sort(out.begin(), out.end(),
                     [](const Step* a, const Step* b) { return a->number < b->number; });
    return out;
}

} // namespace calmlegs
