#pragma once

#include "content/diagnostics.h"
#include "content/files.h"
#include "content/medicine_model.h"
#include "content/model.h"
#include "content/routine_model.h"
#include "content/schedule_model.h"
#include "content/trigger_model.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The names of the content files and directories, as documented in calmlegs-content(5).
namespace content_files {
// NOLINTBEGIN(readability-identifier-naming): read as content_files::guide, where the
// namespace says what a k_ would
inline constexpr const char* guide = "guide.toml";
inline constexpr const char* notes = "notes.toml";
inline constexpr const char* references = "references.toml";
inline constexpr const char* stack = "stack.toml";
inline constexpr const char* schedule = "schedule.toml";
inline constexpr const char* triggers = "triggers.toml";
inline constexpr const char* steps = "steps";
inline constexpr const char* supplements = "supplements";
inline constexpr const char* medicines = "medicines";
inline constexpr const char* breathing = "breathing";
inline constexpr const char* exercises = "exercises";
inline constexpr const char* routines = "routines";
// NOLINTEND(readability-identifier-naming)
} // namespace content_files

/// The content a command sees: the shipped content with a person's own directories layered on
/// top, merged by id. It reads lazily, so a look-up parses only the files it needs. A problem
/// that makes an answer wrong goes to diagnostics(); a broken file of an upper layer that the
/// layer below stands in for goes to warnings() instead (Keep::sound only).
class ContentStore {
public:
    /// Whether an entry with problems in its fields is kept: never for a look-up (nothing
    /// half-broken is shown), but for `check`, so that cross-file problems are found too.
    enum class Keep { sound, all };

    /// `layers` run from the lowest (the shipped content) to the highest (the person's own).
    ContentStore(const FileSystem& files, std::vector<std::string> layers, Keep keep = Keep::sound);

    const std::vector<std::string>& layers() const { return m_layers; }
    const FileSystem& files() const { return m_files; }

    /// The top-most guide.toml; nullptr when none can be read.
    const GuideDoc* guide();
    const std::vector<Note>& notes();
    const Note* note(std::string_view id);
    const std::vector<Reference>& references();
    const Reference* reference(std::string_view id);
    const std::vector<StackRow>& stack();
    /// The reminders of schedule.toml, merged by id across the layers.
    const std::vector<ScheduleItem>& schedule();
    /// The triggers of triggers.toml, merged by id across the layers.
    const std::vector<Trigger>& triggers();
    /// The trigger with this id; nullptr when there is none.
    const Trigger* trigger(std::string_view id);

    /// Ids of every supplement, from the directory listings alone (nothing is parsed).
    std::vector<std::string> supplement_ids();
    /// One supplement, parsed on first use; nullptr when missing or broken.
    const Supplement* supplement(std::string_view id);
    /// Every supplement that parses, in id order.
    std::vector<const Supplement*> supplements();

    /// Medicines and substances that can make RLS worse: ids from the listings, one entry
    /// parsed on first use (nullptr when missing or broken), and every entry that parses.
    std::vector<std::string> medicine_ids();
    const Medicine* medicine(std::string_view id);
    std::vector<const Medicine*> medicines();

    /// The step with this number; nullptr when there is none.
    const Step* step(int number);
    /// The step with this id; nullptr when there is none.
    const Step* step(std::string_view id);
    /// Every step that parses, by number.
    std::vector<const Step*> steps();
    /// The numbers of the steps, from the file names alone (nothing is parsed).
    std::vector<int> step_numbers();

    /// Breathing patterns, exercises and routines: ids from the listings, entries parsed on
    /// first use (nullptr when missing or broken), and every entry that parses.
    std::vector<std::string> pattern_ids();
    const BreathingPattern* pattern(std::string_view id);
    std::vector<const BreathingPattern*> patterns();
    std::vector<std::string> exercise_ids();
    const Exercise* exercise(std::string_view id);
    std::vector<std::string> routine_ids();
    const Routine* routine(std::string_view id);
    std::vector<const Routine*> routines();

    /// Errors: what was read is missing or wrong, so a command must not go on.
    Diagnostics& diagnostics() { return m_diags; }
    /// Files of a person's layer passed over, with problems, for the entry (or file) of the
    /// layer below: the command goes on, and tells the person once per file.
    const std::vector<OverrideWarning>& warnings() const { return m_warnings; }

private:
    /// One file of an entry (or guide.toml) in one layer.
    struct Source {
        std::string path;
        std::string stem;
        std::size_t layer = 0; ///< index into m_layers; 0 is the shipped content
    };
    template <typename T> struct EntryDir {
        explicit EntryDir(const char* directory)
            : subdir(directory) {}
        const char* subdir;
        bool indexed = false;
        /// key -> its files, lowest layer first (never empty)
        std::map<std::string, std::vector<Source>, std::less<>> sources;
        std::map<std::string, std::optional<T>, std::less<>> loaded;
    };
    template <typename T>
    using ParseEntry = std::optional<T> (*)(std::string_view, const std::string&, std::string_view,
                                            Diagnostics&);

    template <typename T>
    void index(EntryDir<T>& dir, const std::function<std::string(const std::string&)>& key_of);
    template <typename T>
    const T* load(EntryDir<T>& dir, std::string_view key, ParseEntry<T> parse);
    std::optional<std::string> read(const std::string& path, Diagnostics& diags);
    template <typename T, typename Parse>
    std::optional<T> first_sound(const std::vector<Source>& sources, std::string_view what,
                                 Parse&& parse);
    template <typename T>
    void load_list(std::optional<std::vector<T>>& list, const char* file_name,
                   std::vector<T> (*parse)(std::string_view, const std::string&, Diagnostics&));
    void index_steps();
    template <typename T> std::vector<std::string> ids_in(EntryDir<T>& dir);
    template <typename T>
    const T* entry_in(EntryDir<T>& dir, std::string_view id, ParseEntry<T> parse);
    template <typename T> std::vector<const T*> all_in(EntryDir<T>& dir, ParseEntry<T> parse);

    const FileSystem& m_files;
    std::vector<std::string> m_layers;
    Keep m_keep;
    Diagnostics m_diags;
    std::vector<OverrideWarning> m_warnings;
    bool m_guide_loaded = false;
    std::optional<GuideDoc> m_guide;
    std::optional<std::vector<Note>> m_notes;
    std::optional<std::vector<Reference>> m_references;
    std::optional<std::vector<StackRow>> m_stack;
    std::optional<std::vector<ScheduleItem>> m_schedule;
    std::optional<std::vector<Trigger>> m_triggers;
    EntryDir<Supplement> m_supplements{content_files::supplements};
    EntryDir<Medicine> m_medicines{content_files::medicines};
    EntryDir<Step> m_steps{content_files::steps};
    EntryDir<BreathingPattern> m_patterns{content_files::breathing};
    EntryDir<Exercise> m_exercises{content_files::exercises};
    EntryDir<Routine> m_routines{content_files::routines};
};

/// One line per file in store.warnings(), without a program name, in file order:
/// "FILE:LINE:COL: MESSAGE (+N more); using the shipped entry; run: calmlegs check".
std::vector<std::string> override_warnings(const ContentStore& store);

/// The file stem of `name` when it is a content file (`*.toml`, not hidden); nullopt otherwise.
std::optional<std::string> toml_stem(const std::string& name);

} // namespace calmlegs
