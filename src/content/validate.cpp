#include "content/validate.h"

#include "content/names.h"
#include "content/parse.h"
#include "content/store.h"

#include <algorithm>
#include <map>
#include <set>

namespace calmlegs {
namespace {

const std::vector<std::string>& root_files() {
    static const std::vector<std::string> names = {
        content_files::guide, content_files::notes,    content_files::references,
        content_files::stack, content_files::schedule, content_files::triggers};
    return names;
}

const std::vector<std::string>& root_dirs() {
    static const std::vector<std::string> names = {
        content_files::breathing, content_files::exercises, content_files::medicines,
        content_files::routines,  content_files::steps,     content_files::supplements};
    return names;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known) {
    if (auto near = nearest_name(word, known, typo_allowance(normalize_name(word))))
        return "; did you mean " + quote(*near) + "?";
    return {};
}

/// Reports files and directories in a layer's root that have no meaning as content.
void check_layer_root(const FileSystem& files, const std::string& layer, Diagnostics& diags) {
    for (const auto& entry : files.list(layer)) {
        const std::string path = join_path(layer, entry.name);
        if (entry.name.front() == '.') continue;
        if (entry.is_directory) {
            if (std::find(root_dirs().begin(), root_dirs().end(), entry.name) == root_dirs().end())
                diags.error(path, {},
                            "unknown content directory; expected breathing/, "
                            "exercises/, medicines/, routines/, steps/ or supplements/" +
                                did_you_mean(entry.name, root_dirs()));
        } else if (toml_stem(entry.name) && std::find(root_files().begin(), root_files().end(),
                                                      entry.name) == root_files().end()) {
            diags.error(path, {},
                        "unknown content file; expected guide.toml, notes.toml, "
                        "references.toml, stack.toml, schedule.toml or triggers.toml, or a file "
                        "in one of the directories" +
                            did_you_mean(entry.name, root_files()));
        }
        // Anything else (a README, an editor's backup) is not content and is left alone.
    }
}

/// Reports a second file of one layer that declares an id already declared by another.
class LayerIds {
public:
    void add(const std::string& id, const std::string& path, SourcePos pos, Diagnostics& diags) {
        if (id.empty()) return;
        auto [at, fresh] = m_files.emplace(id, path);
        if (!fresh)
            diags.error(path, pos, "duplicate id " + quote(id) + " (also " + at->second + ")");
    }

private:
    std::map<std::string, std::string> m_files;
};

/// Parses every file of every layer on its own, so that the files a higher layer shadows are
/// checked too.
void check_files(const FileSystem& files, const std::vector<std::string>& layers,
                 Diagnostics& diags) {
    for (const auto& layer : layers) {
        if (!files.is_directory(layer)) {
            diags.error(layer, {},
                        "not a content directory (it does not exist or is not a "
                        "directory)");
            continue;
        }
        check_layer_root(files, layer, diags);
        auto read = [&](const std::string& path) -> std::optional<std::string> {
            if (!files.is_file(path)) return std::nullopt;
            std::string error;
            auto text = files.read(path, error);
            if (!text) diags.error(path, {}, "cannot read this file: " + error);
            return text;
        };
        // A name a directory lists is content to the look-ups, which would fail on a link to
        // nothing (or wait on a pipe): say so instead of skipping it, without opening it.
        auto read_listed = [&](const std::string& path) -> std::optional<std::string> {
            if (files.is_file(path)) return read(path);
            diags.error(path, {},
                        "cannot read this file: it is neither a regular file nor a link to one");
            return std::nullopt;
        };
        const std::string guide = join_path(layer, content_files::guide);
        if (auto text = read(guide)) parse_guide(*text, guide, diags);
        const std::string notes = join_path(layer, content_files::notes);
        if (auto text = read(notes)) parse_notes(*text, notes, diags);
        const std::string references = join_path(layer, content_files::references);
        if (auto text = read(references)) parse_references(*text, references, diags);
        const std::string stack = join_path(layer, content_files::stack);
        if (auto text = read(stack)) parse_stack(*text, stack, diags);
        const std::string schedule = join_path(layer, content_files::schedule);
        if (auto text = read(schedule)) parse_schedule(*text, schedule, diags);
        const std::string triggers = join_path(layer, content_files::triggers);
        if (auto text = read(triggers)) parse_triggers(*text, triggers, diags);

        // One entry per file: parse each, and find two files of the layer with one id.
        auto each_entry = [&](const char* subdir, auto parse) {
            LayerIds ids;
            const std::string dir = join_path(layer, subdir);
            for (const auto& entry : files.list(dir)) {
                const std::string path = join_path(dir, entry.name);
                const auto stem = toml_stem(entry.name);
                if (entry.is_directory || !stem) continue;
                if (auto text = read_listed(path))
                    if (auto parsed = parse(*text, path, *stem, diags))
                        ids.add(parsed->id, path, parsed->where.id, diags);
            }
        };
        each_entry(content_files::supplements, parse_supplement);
        each_entry(content_files::medicines, parse_medicine);
        each_entry(content_files::breathing, parse_pattern);
        each_entry(content_files::exercises, parse_exercise);
        each_entry(content_files::routines, parse_routine);

        LayerIds step_ids;
        std::map<int, std::string> step_numbers;
        const std::string steps = join_path(layer, content_files::steps);
        for (const auto& entry : files.list(steps)) {
            const std::string path = join_path(steps, entry.name);
            const auto stem = toml_stem(entry.name);
            if (entry.is_directory || !stem) continue;
            auto text = read_listed(path);
            if (!text) continue;
            auto step = parse_step(*text, path, *stem, diags);
            if (!step) continue;
            step_ids.add(step->id, path, step->id_pos, diags);
            if (step->number == 0) continue;
            if (auto [at, fresh] = step_numbers.emplace(step->number, path); !fresh)
                diags.error(path, step->number_pos,
                            "duplicate step number " + std::to_string(step->number) + " (also " +
                                at->second + ")");
        }
    }
}

/// Cross-file checks over the merged view.
class CrossCheck {
public:
    CrossCheck(ContentStore& store, Diagnostics& diags)
        : m_store(store)
        , m_diags(diags)
        , m_supplement_ids(store.supplement_ids())
        , m_pattern_ids(store.pattern_ids())
        , m_exercise_ids(store.exercise_ids())
        , m_routine_ids(store.routine_ids()) {
        for (const auto& reference : store.references())
            m_reference_ids.push_back(reference.id);
        for (const Step* step : store.steps())
            m_step_numbers.insert(step->number);
    }

    void run() {
        check_notes();
        check_steps_unique();
        if (const GuideDoc* guide = m_store.guide())
            for (const auto& cause : guide->intro.causes)
                references(guide->file, "references", cause.references);
        for (const Step* step : m_store.steps()) {
            references(step->file, "references", step->references);
            for (const auto& section : step->sections) {
                supplements(step->file, "supplements", section.supplements);
                references(step->file, "references", section.references);
            }
        }
        for (const auto& row : m_store.stack())
            supplements(row.file, "supplements", row.supplements);
        for (const auto& reminder : m_store.schedule()) {
            supplements(reminder.file, "supplements", reminder.supplements);
            step_refs(reminder.file, reminder.steps);
        }
        std::vector<const Trigger*> triggers;
        for (const auto& trigger : m_store.triggers()) {
            step_refs(trigger.file, trigger.steps);
            triggers.push_back(&trigger);
        }
        for (const Supplement* s : m_store.supplements()) {
            pairings(*s, "pairs_with", s->pairs_with);
            pairings(*s, "avoid_with", s->avoid_with);
            references(s->file, "references", s->references);
            for (const auto& caution : s->cautions)
                source(s->file, "source", caution.source);
            if (!s->evidence.empty()) source(s->file, "evidence_source", s->evidence_source);
            if (s->upper_limit) source(s->file, "source", s->upper_limit->source);
            for (const auto& rule : s->keep_apart)
                source(s->file, "source", rule.source);
            step_refs(s->file, s->steps);
        }
        for (const Medicine* medicine : m_store.medicines())
            check_medicine(*medicine);
        for (const Routine* routine : m_store.routines())
            check_routine(*routine);
        // A name typed after `calmlegs supplement` may lead to a supplement or a medicine.
        check_names(named(m_store.supplements(), named(m_store.medicines())));
        check_names(named(m_store.patterns()));
        check_names(named(m_store.routines()));
        check_names(named(triggers));
    }

private:
    /// A medicine's source is the guide or a reference, and the steps it names exist.
    void check_medicine(const Medicine& medicine) {
        if (medicine.source != k_source_guide &&
            std::find(m_reference_ids.begin(), m_reference_ids.end(), medicine.source) ==
                m_reference_ids.end())
            m_diags.error(medicine.file, medicine.source_pos,
                          "'source' refers to reference " + quote(medicine.source) +
                              ", which does not exist; expected \"guide\" or a reference id" +
                              did_you_mean(medicine.source, m_reference_ids));
        for (const auto& step : medicine.steps)
            if (!m_step_numbers.contains(step.number))
                m_diags.error(medicine.file, step.pos,
                              "'steps' refers to step " + std::to_string(step.number) +
                                  ", which does not exist");
    }

    /// A routine's steps refer to entries that exist, and it never includes itself.
    void check_routine(const Routine& routine) {
        for (const auto& step : routine.steps) {
            for (const Ref& note : step.notes)
                if (m_store.note(note.id) == nullptr)
                    m_diags.error(routine.file, note.pos,
                                  "'notes' refers to note " + quote(note.id) +
                                      ", which does not exist in notes.toml");
            switch (step.kind) {
            case StepKind::prompt:
                break;
            case StepKind::exercise:
                exists(routine.file, step, "exercise", m_exercise_ids);
                break;
            case StepKind::breathing:
                exists(routine.file, step, "breathing", m_pattern_ids);
                break;
            case StepKind::supplement:
                exists(routine.file, step, "supplement", m_supplement_ids);
                break;
            case StepKind::routine:
                exists(routine.file, step, "routine", m_routine_ids);
                break;
            }
        }
        std::vector<std::string> path = {routine.id};
        if (includes_itself(routine, path)) {
            m_diags.error(routine.file, routine.where.id,
                          "routine " + quote(routine.id) + " includes itself (" +
                              join(path, " → ") + ")");
        }
    }

    void exists(const std::string& file, const RoutineStep& step, std::string_view kind,
                const std::vector<std::string>& ids) {
        if (!std::binary_search(ids.begin(), ids.end(), step.ref))
            missing(file, step.ref_pos, kind, kind == "breathing" ? "pattern" : kind, step.ref,
                    ids);
    }

    /// Depth-first through included routines; `path` ends with the repeat when there is one.
    bool includes_itself(const Routine& routine, std::vector<std::string>& path) {
        for (const auto& step : routine.steps) {
            if (step.kind != StepKind::routine) continue;
            const bool repeat = std::find(path.begin(), path.end(), step.ref) != path.end();
            path.push_back(step.ref);
            if (repeat) return true;
            if (const Routine* inner = m_store.routine(step.ref))
                if (includes_itself(*inner, path)) return true;
            path.pop_back();
        }
        return false;
    }

    void missing(const std::string& file, SourcePos pos, std::string_view field,
                 std::string_view kind, std::string_view id,
                 const std::vector<std::string>& known) {
        m_diags.error(file, pos,
                      "'" + std::string(field) + "' refers to " + std::string(kind) + " " +
                          quote(id) + ", which does not exist" + did_you_mean(id, known));
    }

    void supplements(const std::string& file, std::string_view field,
                     const std::vector<Ref>& refs) {
        for (const auto& ref : refs)
            if (!std::binary_search(m_supplement_ids.begin(), m_supplement_ids.end(), ref.id))
                missing(file, ref.pos, field, "supplement", ref.id, m_supplement_ids);
    }

    void step_refs(const std::string& file, const std::vector<StepRef>& steps) {
        for (const auto& step : steps)
            if (!m_step_numbers.contains(step.number))
                m_diags.error(file, step.pos,
                              "'steps' refers to step " + std::to_string(step.number) +
                                  ", which does not exist");
    }

    void references(const std::string& file, std::string_view field, const std::vector<Ref>& refs) {
        for (const auto& ref : refs)
            if (std::find(m_reference_ids.begin(), m_reference_ids.end(), ref.id) ==
                m_reference_ids.end())
                missing(file, ref.pos, field, "reference", ref.id, m_reference_ids);
    }

    /// A `source` is the guide itself or a reference that exists.
    void source(const std::string& file, std::string_view field, const SourceRef& ref) {
        if (ref.id.empty() || ref.id == k_source_guide) return;
        references(file, field, {ref});
    }

    void pairings(const Supplement& s, std::string_view field, const std::vector<Pairing>& items) {
        for (const auto& item : items) {
            if (item.id.empty()) continue;
            if (item.id == s.id)
                m_diags.error(s.file, item.pos,
                              "'" + std::string(field) + "' names the entry itself");
            else if (!std::binary_search(m_supplement_ids.begin(), m_supplement_ids.end(), item.id))
                missing(s.file, item.pos, field, "supplement", item.id, m_supplement_ids);
        }
    }

    void check_notes() {
        std::vector<std::string_view> required = {k_note_safety, k_note_not_advice,
                                                  k_note_breath_hold};
        // Every medicine page ends with it.
        if (!m_store.medicine_ids().empty()) required.push_back(k_note_ask_prescriber);
        for (std::string_view id : required)
            if (m_store.note(id) == nullptr)
                m_diags.error(join_path(m_store.layers().back(), content_files::notes), {},
                              "missing the note " + quote(id) +
                                  " that the program shows; add [[note]] id = \"" +
                                  std::string(id) + "\" with its text");
    }

    /// Two layers can each be consistent and still clash, e.g. a person's 05-sleep.toml
    /// (overriding the shipped 04-sleep.toml) against the shipped 05-diet.toml. The clash is
    /// reported in the higher layer's file, the one the person wrote; a clash within one layer
    /// is check_files' "duplicate step number".
    void check_steps_unique() {
        std::vector<const Step*> steps = m_store.steps();
        std::stable_sort(steps.begin(), steps.end(), [&](const Step* a, const Step* b) {
            return layer_of(a->file) < layer_of(b->file);
        });
        std::map<int, const Step*> seen;
        for (const Step* step : steps) {
            auto [at, fresh] = seen.emplace(step->number, step);
            if (!fresh && layer_of(at->second->file) != layer_of(step->file))
                m_diags.error(step->file, step->number_pos,
                              "step number " + std::to_string(step->number) + " is also used by " +
                                  at->second->file);
        }
    }

    /// The index of the layer a file belongs to (the longest layer path it starts with).
    std::size_t layer_of(const std::string& file) const {
        std::size_t best = 0, best_length = 0;
        for (std::size_t i = 0; i < m_store.layers().size(); ++i) {
            const std::string& layer = m_store.layers()[i];
            if (file.rfind(layer + "/", 0) == 0 && layer.size() >= best_length) {
                best = i;
                best_length = layer.size();
            }
        }
        return best;
    }

    /// What check_names reads of an entry of any kind.
    struct Named {
        const std::string* id;
        const std::string* name;
        const std::vector<std::string>* aliases;
        const NamePositions* where;
        SourcePos pos;
        const std::string* file;
    };
    template <typename Entry>
    static std::vector<Named> named(const std::vector<const Entry*>& entries,
                                    std::vector<Named> more = {}) {
        std::vector<Named> out;
        for (const Entry* e : entries)
            out.push_back({&e->id, &e->name, &e->aliases, &e->where, e->pos, &e->file});
        out.insert(out.end(), more.begin(), more.end());
        return out;
    }

    /// Every name a person can type must lead to one entry only. Ids are claimed
    /// first, then names and aliases layer by layer, so a clash is reported where it was made:
    /// at the name that takes another entry's id, or in the person's file, not the shipped one.
    void check_names(std::vector<Named> all) {
        std::stable_sort(all.begin(), all.end(), [&](const Named& a, const Named& b) {
            return layer_of(*a.file) < layer_of(*b.file);
        });
        std::map<std::string, const Named*> owners;
        for (const Named& entry : all)
            owners.emplace(normalize_name(*entry.id), &entry);
        for (const Named& entry : all) {
            std::vector<std::pair<std::string, SourcePos>> names = {
                {*entry.name, entry.where->name}};
            for (std::size_t i = 0; i < entry.aliases->size(); ++i)
                names.emplace_back((*entry.aliases)[i], i < entry.where->aliases.size()
                                                            ? entry.where->aliases[i]
                                                            : entry.pos);
            std::set<std::string> own = {normalize_name(*entry.id)};
            for (const auto& [name, pos] : names) {
                const std::string key = normalize_name(name);
                if (key.empty() || !own.insert(key).second) continue;
                auto [at, fresh] = owners.emplace(key, &entry);
                if (!fresh)
                    m_diags.error(*entry.file, pos,
                                  "duplicate name " + quote(name) + ": " + *at->second->file +
                                      " already uses it, so a look-up would be ambiguous");
            }
        }
    }

    ContentStore& m_store;
    Diagnostics& m_diags;
    std::vector<std::string> m_supplement_ids;
    std::vector<std::string> m_pattern_ids;
    std::vector<std::string> m_exercise_ids;
    std::vector<std::string> m_routine_ids;
    std::vector<std::string> m_reference_ids;
    std::set<int> m_step_numbers;
};

} // namespace

Diagnostics validate_content(const FileSystem& files, const std::vector<std::string>& layers) {
    Diagnostics diags;
    check_files(files, layers, diags);
    // Every file has been parsed above; the merged view below only adds the cross-file
    // problems, so its own per-file reports would be repeats and are dropped.
    ContentStore store(files, layers, ContentStore::Keep::all);
    CrossCheck(store, diags).run();
    if (std::none_of(layers.begin(), layers.end(), [&](const std::string& layer) {
            return files.is_file(join_path(layer, content_files::guide));
        }))
        diags.error(join_path(layers.empty() ? "." : layers.front(), content_files::guide), {},
                    "missing guide.toml: no content layer has one");
    diags.sort();
    return diags;
}

} // namespace calmlegs
