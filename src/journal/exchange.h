#pragma once
// The journal as a file: what `calmlegs export` writes (JSON or CSV) and `calmlegs import`
// reads back. Both formats hold everything and use the same names (a JSON key is a CSV
// column), so that export then import loses nothing and gives the same export again.

#include "journal/store.h"
#include "ui/json.h"

#include <optional>
#include <string>
#include <string_view>

namespace calmlegs {

/// What the JSON export's "format" says, and the newest "version" this build reads and writes.
inline constexpr std::string_view k_export_format = "calmlegs-journal";
inline constexpr int k_export_version = 1;

/// One night as a JSON object: date, severity, sleep, the diary's times (flat), supplements,
/// triggers, note, logged, updated; an absent answer is null. Also `calmlegs history --json`.
void write_night_json(JsonWriter& json, const Night& night);

/// One run as a JSON object: uid, routine, started and ended as local time with their UTC
/// offset ("2026-03-08T21:45:00+01:00"), night, steps_total, steps_done, steps_skipped,
/// outcome, signal (null when none).
void write_run_json(JsonWriter& json, const RoutineRun& run);

/// The whole journal: {"format":"calmlegs-journal","version":1,"nights":[...],"runs":[...]},
/// pretty, ending in "\n". Deterministic: the same data gives the same bytes (nights by date,
/// runs by start then uid, supplements and triggers sorted).
std::string export_json(const JournalData& data);

/// The same as CSV (RFC 4180 with LF line ends): a header row, then one row per night and
/// per run in the order of export_json; the first column `record` says night or run, the
/// others are the union of the JSON keys, empty where a column does not apply or the answer
/// is absent; supplements and triggers are joined with ';'.
std::string export_csv(const JournalData& data);

/// The CSV columns in the order export_csv writes them, `record` first.
const std::vector<std::string_view>& export_csv_columns();

/// Reads an export of either format (JSON when its first character other than whitespace is
/// '{' or '['; a UTF-8 byte-order mark is skipped; CSV may end its lines in CRLF). Checks
/// everything and gives the data sorted as export_json writes it; nullopt with `why` =
/// "FILE:LINE:COL: ... expected ..., found ..." at the first problem. An export written by a
/// newer calmlegs (a higher version) is refused as such.
std::optional<JournalData> read_export(std::string_view text, std::string_view file_name,
                                       std::string& why);

} // namespace calmlegs
