// The CSV export (RFC 4180, LF line ends): writing it, and reading it back.

#include "journal/exchange.h"
#include "journal/exchange_fields.h"
#include "journal/text_cursor.h"

#include "content/names.h"
#include "ui/text.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs {
namespace {

std::string number_cell(const std::optional<int>& number) {
    return number ? std::to_string(*number) : std::string();
}

std::string clock_cell(const std::optional<LocalTime>& time) {
    return time ? format_local_time(*time) : std::string();
}

/// `text` with each byte that is not UTF-8 made U+FFFD, as json_quote does: both exports
/// give the same text back.
std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t length =
            static_cast<unsigned char>(text[at]) < 0x80 ? 1 : decode_utf8(text, at).length;
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++at;
        } else {
            out.append(text.substr(at, length));
            at += length;
        }
    }
    return out;
}

/// One cell as RFC 4180 writes it: in double quotes (each doubled) when it holds a comma, a
/// quote or a line end, or starts or ends with a space (which spreadsheets may trim).
void append_cell(std::string& out, std::string_view raw) {
    const std::string text = valid_utf8(raw);
    const bool quoted = text.find_first_of(",\"\r\n") != std::string::npos ||
                        (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quoted) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t k = 0; k < cells.size(); ++k) {
        if (k > 0) out += ',';
        append_cell(out, cells[k]);
    }
    out += '\n';
}

std::vector<std::string> night_cells(const Night& night) {
    return {format_date(night.date),
            number_cell(night.severity),
            number_cell(night.sleep),
            clock_cell(night.diary.into_bed),
            number_cell(night.diary.minutes_to_sleep),
            number_cell(night.diary.wakings),
            number_cell(night.diary.minutes_awake),
            clock_cell(night.diary.final_wake),
            clock_cell(night.diary.out_of_bed),
            join(night.supplements, ";"),
            join(night.triggers, ";"),
            night.note,
            format_instant(night.logged),
            format_instant(night.updated)};
}

std::vector<std::string> run_cells(const RoutineRun& run) {
    return {run.uid,
            run.routine,
            format_instant_at(run.started, run.started_offset),
            format_instant_at(run.ended, run.ended_offset),
            format_date(run.night),
            std::to_string(run.steps_total),
            std::to_string(run.steps_done),
            std::to_string(run.steps_skipped),
            std::string(to_string(run.outcome)),
            run.signal == 0 ? std::string() : std::to_string(run.signal)};
}

struct CsvCell {
    std::string text;
    SourcePos pos;
    bool quoted = false;
};

struct CsvRow {
    SourcePos pos;
    std::vector<CsvCell> cells;
};

/// Splits CSV text into rows of cells, with the line and column (in characters) of each.
class CsvParser : private TextCursor {
public:
    CsvParser(std::string_view text, RecordReader& reader)
        : TextCursor(text)
        , m_reader(reader) {}

    /// The next row (blank lines are skipped); false at the end of the text or on a problem.
    bool next(CsvRow& row, bool& failed) {
        failed = false;
        while (!at_end() && (peek() == '\n' || (peek() == '\r' && next_is('\n')))) {
            if (peek() == '\r') advance();
            advance();
        }
        if (at_end()) return false;
        row.pos = m_pos;
        row.cells.clear();
        while (true) {
            CsvCell& cell = row.cells.emplace_back();
            if (!read_cell(cell)) {
                failed = true;
                return false;
            }
            if (at_end()) return true;
            if (peek() == ',') {
                advance();
                continue;
            }
            if (peek() == '\r') advance();
            advance(); // the '\n' read_cell stopped at
            return true;
        }
    }

private:
    bool fail(std::string_view expected, std::string_view found) {
        return m_reader.fail(m_pos, fmt::format("expected {}, found {}", expected, found));
    }

    /// Moves one character (all its bytes) into `out`; false when it is not UTF-8.
    bool take(std::string& out) {
        std::size_t length = 1;
        if (static_cast<unsigned char>(peek()) >= 0x80) {
            length = decode_utf8(m_text, m_at).length;
            if (length == 0) return fail("text in UTF-8", "bytes that are not UTF-8");
        }
        out.append(m_text.substr(m_at, length));
        for (std::size_t k = 0; k < length; ++k)
            advance();
        return true;
    }

    bool read_cell(CsvCell& cell) {
        cell.pos = m_pos;
        if (!at_end() && peek() == '"') return read_quoted(cell);
        while (!at_end() && peek() != ',' && peek() != '\n') {
            if (peek() == '\r') {
                if (next_is('\n')) return true;
                return fail("',' or the end of the line", "a carriage return alone");
            }
            if (peek() == '"')
                return fail("'\"' only around a whole cell (write a quote inside one as \"\")",
                            "'\"' within a cell");
            if (!take(cell.text)) return false;
        }
        return true;
    }

    bool read_quoted(CsvCell& cell) {
        cell.quoted = true;
        advance(); // the opening quote
        while (true) {
            if (at_end())
                return fail(fmt::format("'\"' to close the cell opened at {}:{}", cell.pos.line,
                                        cell.pos.column),
                            "the end of the file");
            if (peek() == '"') {
                advance();
                if (at_end() || peek() != '"') break;
                advance();
                cell.text += '"';
                continue;
            }
            if (!take(cell.text)) return false;
        }
        if (at_end() || peek() == ',' || peek() == '\n' || (peek() == '\r' && next_is('\n')))
            return true;
        const SourcePos pos = m_pos;
        std::string found;
        if (!take(found)) return false;
        return m_reader.fail(pos, fmt::format("expected ',' or the end of the line after the "
                                              "closing '\"', found '{}'",
                                              visible(found)));
    }

    RecordReader& m_reader;
};

FieldValue field_of(const CsvCell& cell) {
    if (cell.text.empty()) return FieldValue{FieldValue::Kind::empty_cell, cell.pos, {}, {}, {}};
    return FieldValue{FieldValue::Kind::cell, cell.pos, cell.text, {}, {}};
}

/// The cells of `row` under `keys` as fields; a cell of `other_keys` must be empty, since
/// those columns belong to the other kind of record.
template <std::size_t N, std::size_t M>
bool fields_of(RecordReader& reader, const CsvRow& row, const std::vector<std::size_t>& column,
               const std::array<std::string_view, N>& keys,
               const std::array<std::string_view, M>& other_keys, std::string_view what,
               std::vector<FieldValue>& fields) {
    const auto& columns = export_csv_columns();
    const auto cell_of = [&](std::string_view key) -> const CsvCell& {
        const auto at = std::find(columns.begin(), columns.end(), key) - columns.begin();
        return row.cells[column[static_cast<std::size_t>(at)]];
    };
    for (const std::string_view key : other_keys)
        if (const CsvCell& cell = cell_of(key); !cell.text.empty())
            return reader.fail_field(key, field_of(cell),
                                     fmt::format("an empty cell in the row of {}", what));
    fields.clear();
    for (const std::string_view key : keys)
        fields.push_back(field_of(cell_of(key)));
    return true;
}

/// Where each of export_csv_columns() is in the file's header (every one must be there, once).
bool read_header(RecordReader& reader, const CsvRow& header, std::vector<std::size_t>& column) {
    const auto& columns = export_csv_columns();
    const std::vector<std::string> names(columns.begin(), columns.end());
    constexpr auto none = static_cast<std::size_t>(-1);
    column.assign(columns.size(), none);
    for (std::size_t k = 0; k < header.cells.size(); ++k) {
        const CsvCell& cell = header.cells[k];
        const auto at = std::find(columns.begin(), columns.end(), cell.text);
        if (at == columns.end())
            return reader.fail(cell.pos, unknown_name_message("column", cell.text,
                                                              "a calmlegs journal export", names));
        std::size_t& slot = column[static_cast<std::size_t>(at - columns.begin())];
        if (slot != none)
            return reader.fail(cell.pos,
                               fmt::format("expected each column once, found '{}' again (first "
                                           "at {}:{})",
                                           cell.text, header.cells[slot].pos.line,
                                           header.cells[slot].pos.column));
        slot = k;
    }
    for (std::size_t k = 0; k < columns.size(); ++k)
        if (column[k] == none)
            return reader.fail(header.pos,
                               fmt::format("expected every column of a calmlegs journal export "
                                           "in the header, found no '{}'",
                                           columns[k]));
    return true;
}

} // namespace

const std::vector<std::string_view>& export_csv_columns() {
    static const std::vector<std::string_view> columns = [] {
        std::vector<std::string_view> all{"record"};
        all.insert(all.end(), k_night_keys.begin(), k_night_keys.end());
        all.insert(all.end(), k_run_keys.begin(), k_run_keys.end());
        return all;
    }();
    return columns;
}

std::string export_csv(const JournalData& data) {
    JournalData sorted = data;
    sort_for_export(sorted);
    std::string out;
    const auto& columns = export_csv_columns();
    append_row(out, std::vector<std::string>(columns.begin(), columns.end()));
    for (const Night& night : sorted.nights) {
        std::vector<std::string> cells{"night"};
        for (std::string& cell : night_cells(night))
            cells.push_back(std::move(cell));
        cells.resize(columns.size());
        append_row(out, cells);
    }
    for (const RoutineRun& run : sorted.runs) {
        std::vector<std::string> cells(1 + k_night_keys.size());
        cells[0] = "run";
        for (std::string& cell : run_cells(run))
            cells.push_back(std::move(cell));
        append_row(out, cells);
    }
    return out;
}

std::optional<JournalData> read_csv_export(std::string_view text, RecordReader& reader) {
    CsvParser parser(text, reader);
    CsvRow row;
    bool failed = false;
    std::vector<std::size_t> column;
    if (!parser.next(row, failed)) {
        if (!failed) reader.fail({1, 1}, "expected a header row of column names, found nothing");
        return std::nullopt;
    }
    if (!read_header(reader, row, column)) return std::nullopt;
    const std::size_t width = row.cells.size();
    const std::size_t record = column[0];
    std::vector<FieldValue> fields;
    while (parser.next(row, failed)) {
        if (row.cells.size() != width) {
            reader.fail(row.pos, fmt::format("expected {} cells (as many as the header has), "
                                             "found {}",
                                             width, row.cells.size()));
            return std::nullopt;
        }
        const CsvCell& kind = row.cells[record];
        bool added = false;
        if (kind.text == "night")
            added = fields_of(reader, row, column, k_night_keys, k_run_keys, "a night", fields) &&
                    reader.add_night(fields);
        else if (kind.text == "run")
            added = fields_of(reader, row, column, k_run_keys, k_night_keys, "a run", fields) &&
                    reader.add_run(fields);
        else
            reader.fail_field("record", field_of(kind), "night or run");
        if (!added) return std::nullopt;
    }
    if (failed) return std::nullopt;
    return reader.take();
}

} // namespace calmlegs
