#pragma once
// Internal to the loader: the only header that includes toml++. Reads typed fields out of a
// toml::table and reports every problem (missing, wrong type, empty, unknown key) with its
// file:line:col, so that one pass over a file finds all of them.

#include "content/diagnostics.h"
#include "content/model.h"
#include "remind/civil.h"

#include "content/toml.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// Whether a key must be present.
enum class Presence { required, optional };

/// Parses a TOML document, reporting a syntax error at its position; nullopt on error.
std::optional<toml::table> parse_toml(std::string_view text, const std::string& file,
                                      Diagnostics& diags);

/// The 1-based position of a node (1:1 when toml++ has none, e.g. for a document root).
SourcePos position_of(const toml::node& node);

/// Reads the fields of one table. Every accessor records its key as known; finish() then
/// reports any other key as unknown, with the nearest known key as a suggestion.
class FieldReader {
public:
    FieldReader(const toml::table& table, const std::string& file, Diagnostics& diags);

    /// A non-empty string when required; "" when optional and absent.
    std::string string(std::string_view key, Presence presence);
    /// A list of non-empty strings; an error when it holds fewer than `at_least`.
    std::vector<std::string> strings(std::string_view key, Presence presence,
                                     std::size_t at_least = 0);
    /// An integer within [min, max] (an error outside it).
    std::optional<int> integer(std::string_view key, Presence presence, int min, int max);
    /// An integer or floating-point number within [min, max] (an error outside it).
    std::optional<double> number(std::string_view key, Presence presence, double min, double max);
    bool boolean(std::string_view key, bool fallback);
    /// A wall-clock time written "HH:MM" ("22:30"); nullopt when absent or wrong, the
    /// error saying what is wrong with it.
    std::optional<LocalTime> local_time(std::string_view key, Presence presence);
    /// A list of guide step numbers, each kept with its position.
    std::vector<StepRef> step_numbers(std::string_view key, Presence presence);
    /// A list of times of day ("morning", "bedtime", ...).
    std::vector<TimeOfDay> times_of_day(std::string_view key, Presence presence,
                                        std::size_t at_least = 0);
    /// A list of audiences (`who`): each must be in the vocabulary, else an error at the
    /// element itself, with a suggestion when one is close.
    std::vector<Audience> audiences(std::string_view key, Presence presence,
                                    std::size_t at_least = 0);
    /// A `source`: "guide" or a reference id (whether that reference exists is `check`'s
    /// business), kept with its position; an empty id when absent.
    SourceRef source(std::string_view key, Presence presence);
    /// A list of ids of other entries, each kept with its position.
    std::vector<Ref> ids(std::string_view key, Presence presence, std::size_t at_least = 0);
    /// An array of tables (`[[key]]` or `key = [{...}]`); each element is handed to `read`.
    template <typename Read>
    void tables(std::string_view key, Presence presence, Read&& read, std::size_t at_least = 0) {
        const toml::array* array = typed_array(key, presence, toml::node_type::table, "tables");
        if (array == nullptr) return;
        check_count(key, *array, at_least);
        for (const toml::node& element : *array)
            read(*element.as_table());
    }
    /// A sub-table (`[key]`); nullptr when absent or of the wrong type.
    const toml::table* table(std::string_view key, Presence presence);
    /// A string that must be one of `allowed`.
    std::string choice(std::string_view key, Presence presence,
                       const std::vector<std::string>& allowed);
    /// A list of strings each of which must be one of `allowed`.
    std::vector<std::string> choices(std::string_view key, Presence presence,
                                     const std::vector<std::string>& allowed,
                                     std::size_t at_least = 0);

    /// A setting that is on, off, or on for some kinds only: `true`, `false`, or a list of
    /// strings each of which must be one of `allowed`.
    struct FlagOrChoices {
        bool on = false;                              ///< true, or a list was written
        std::optional<std::vector<std::string>> only; ///< the list, when one was written
    };
    /// Reads a FlagOrChoices; nullopt when absent, and after an error (a wrong type, or a
    /// string not allowed, with a suggestion when one is close).
    std::optional<FlagOrChoices> flag_or_choices(std::string_view key,
                                                 const std::vector<std::string>& allowed);

    /// Reports an error at the value of `key` (or at the table when the key is absent).
    void error_at(std::string_view key, std::string message);
    /// Reports an error at the table itself.
    void error(std::string message);

    SourcePos position() const { return position_of(m_table); }
    /// The position of each element of the array at `key` (empty when absent).
    std::vector<SourcePos> element_positions(std::string_view key) const;
    SourcePos position_of_key(std::string_view key) const;
    /// Whether the table has `key` at all (whatever its value).
    bool has(std::string_view key) const;
    const std::string& file() const { return m_file; }
    Diagnostics& diagnostics() { return m_diags; }

    /// Reports unknown keys. Call once every field has been read.
    void finish();

private:
    const toml::node* find(std::string_view key, Presence presence, std::string_view expected);
    const toml::array* typed_array(std::string_view key, Presence presence, toml::node_type element,
                                   std::string_view element_name);
    void check_count(std::string_view key, const toml::array& array, std::size_t at_least);

    const toml::table& m_table;
    const std::string& m_file;
    Diagnostics& m_diags;
    std::vector<std::string> m_known;
};

/// Reads the `id` of an entry that lives in a file of its own: it must be a valid id and equal
/// the file's stem, so that a look-up can open `<kind>/<id>.toml` directly.
std::string read_entry_id(FieldReader& reader, std::string_view stem);

/// Where the id, name and aliases of the table are written.
NamePositions name_positions(const FieldReader& reader);

/// Reads what every entry in a file of its own starts with: its file and position, id (which
/// must match the file's stem), display name, aliases (for entries that have them) and where
/// those are written.
template <typename Entry>
void read_entry_head(FieldReader& fields, Entry& entry, std::string_view stem) {
    entry.file = fields.file();
    entry.pos = fields.position();
    entry.id = read_entry_id(fields, stem);
    entry.name = fields.string("name", Presence::required);
    if constexpr (requires { entry.aliases; })
        entry.aliases = fields.strings("aliases", Presence::optional);
    entry.where = name_positions(fields);
}

/// Tracks ids seen within one file and reports a repeat at its position.
class DuplicateIds {
public:
    explicit DuplicateIds(const std::string& file)
        : m_file(file) {}
    /// True the first time `id` is seen; otherwise reports the duplicate and returns false.
    bool first(const std::string& id, SourcePos pos, Diagnostics& diags);

private:
    const std::string& m_file;
    std::vector<std::pair<std::string, SourcePos>> m_seen;
};

} // namespace calmlegs
