#pragma once
// What the JSON and CSV exports share (exchange.h is the public face): the names of the fields,
// how each value is spelt, and the checks of a record once either format has found its fields.

#include "content/diagnostics.h"
#include "journal/store.h"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The fields of a night, in the order both formats write them.
inline constexpr std::array<std::string_view, 14> k_night_keys{
    "date",     "severity",      "sleep",      "into_bed",   "minutes_to_sleep",
    "wakings",  "minutes_awake", "final_wake", "out_of_bed", "supplements",
    "triggers", "note",          "logged",     "updated"};

/// The fields of a run, in the order both formats write them.
inline constexpr std::array<std::string_view, 10> k_run_keys{
    "uid",         "routine",    "started",       "ended",   "night",
    "steps_total", "steps_done", "steps_skipped", "outcome", "signal"};

/// The most steps a routine run may count: far above any routine, low enough for an int.
inline constexpr int k_max_steps = 100000;

/// An instant with the offset it was written with (format_instant_at writes it): what
/// parse_offset_time reads.
struct OffsetTime {
    Instant instant;
    std::chrono::seconds offset{0};
};

/// "YYYY-MM-DDTHH:MM:SS" followed by "Z" or an offset "+HH:MM" (or "+HH:MM:SS"); nullopt for
/// anything else, or a date or time that does not exist.
std::optional<OffsetTime> parse_offset_time(std::string_view text);

/// Sorts the journal as the exports write it: nights by date, runs by start then uid, each
/// night's supplements and triggers.
void sort_for_export(JournalData& data);

/// One field's value as a format found it, before it is checked. JSON values keep their type;
/// a CSV cell is text that may stand for any type.
struct FieldValue {
    enum class Kind { missing, null, empty_cell, text, number, cell, list, other };
    Kind kind = Kind::missing;
    SourcePos pos;                  ///< where the value starts (for a missing key: its object)
    std::string text;               ///< text, number as written, cell, or the description of other
    std::vector<std::string> items; ///< a JSON list's texts
    std::vector<SourcePos> item_pos;

    bool absent() const {
        return kind == Kind::missing || kind == Kind::null || kind == Kind::empty_cell;
    }
    /// What a message says was found there.
    std::string found() const;
};

/// Turns found fields into nights and runs, checking every value and, across the file, that
/// each night and each run uid comes once. Messages are "FILE:LINE:COL: "key": expected ...,
/// found ...".
class RecordReader {
public:
    RecordReader(std::string_view file_name, std::string& why)
        : m_file(file_name)
        , m_why(why) {}

    /// `fields` holds one value per k_night_keys entry.
    [[nodiscard]] bool add_night(const std::vector<FieldValue>& fields);
    /// `fields` holds one value per k_run_keys entry.
    [[nodiscard]] bool add_run(const std::vector<FieldValue>& fields);

    /// Records the first problem as "FILE:LINE:COL: message"; always false.
    bool fail(SourcePos pos, std::string_view message);
    /// fail() with "`key`: expected `expected`, found <what `value` holds>".
    bool fail_field(std::string_view key, const FieldValue& value, std::string_view expected);

    /// What was read, sorted as the exports write it.
    JournalData take();

private:
    bool whole(std::string_view key, const FieldValue& value, int min, int max,
               std::optional<int>& out);
    bool text(std::string_view key, const FieldValue& value, std::string_view expected,
              std::optional<std::string>& out);
    bool name(std::string_view key, const FieldValue& value, std::string& out);
    bool date(std::string_view key, const FieldValue& value, Date& out);
    bool clock(std::string_view key, const FieldValue& value, std::optional<LocalTime>& out);
    bool moment(std::string_view key, const FieldValue& value, OffsetTime& out);
    bool list(std::string_view key, const FieldValue& value, std::vector<std::string>& out);

    std::string_view m_file;
    std::string& m_why;
    JournalData m_data;
    std::map<Date, SourcePos> m_dates;
    std::map<std::string, SourcePos, std::less<>> m_uids;
};

/// "unknown `kind` 'name' in `where`; did you mean 'x'?" (or "; expected one of: ..."), as
/// content files say it.
std::string unknown_name_message(std::string_view kind, std::string_view name,
                                 std::string_view where, const std::vector<std::string>& known);

/// The two halves of read_export, after the byte-order mark: each hands what it finds to
/// `reader`, which holds the first problem.
std::optional<JournalData> read_json_export(std::string_view text, RecordReader& reader);
std::optional<JournalData> read_csv_export(std::string_view text, RecordReader& reader);

} // namespace calmlegs
