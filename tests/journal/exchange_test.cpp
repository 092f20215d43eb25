#include "journal/exchange.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace calmlegs;
using namespace std::chrono_literals;

namespace {

using std::chrono::year;

Date day(int y, unsigned m, unsigned d) {
    return Date{year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// y-m-d at h:mm:ss UTC.
Instant utc(int y, unsigned m, unsigned d, int h, int min, int s = 0) {
    return Instant{std::chrono::sys_days{day(y, m, d)} + std::chrono::hours{h} +
                   std::chrono::minutes{min} + std::chrono::seconds{s}};
}

Night bare_night(Date date) {
    Night night;
    night.date = date;
    night.logged = utc(2026, 3, 9, 6, 0);
    night.updated = utc(2026, 3, 9, 6, 0);
    return night;
}

RoutineRun bare_run(std::string uid, Instant started, std::chrono::seconds offset) {
    RoutineRun run;
    run.uid = std::move(uid);
    run.routine = "tonight";
    run.started = started;
    run.started_offset = offset;
    run.ended = started + 20min;
    run.ended_offset = offset;
    run.night = day(2026, 3, 8);
    run.steps_total = 5;
    run.steps_done = 5;
    return run;
}

/// Every field set, every optional missing, odd notes and odd offsets; in export order.
JournalData rich_data() {
    JournalData data;
    Night full = bare_night(day(2026, 3, 8));
    full.severity = 6;
    full.sleep = 3;
    full.diary = {LocalTime{22, 30}, 20, 2, 15, LocalTime{6, 30}, LocalTime{7, 0}};
    full.supplements = {"magnesium", "valerian"};
    full.triggers = {"caffeine", "cold-feet", "stress"};
    full.note = "Legs \"jumpy\", then calm;\nslept at last\tok — über, 😀\r\n\\end";
    full.updated = utc(2026, 3, 9, 7, 15, 30);
    Night edges = bare_night(day(2026, 3, 10));
    edges.severity = 0;
    edges.sleep = 5;
    edges.diary.minutes_to_sleep = 0;
    edges.diary.wakings = 100;
    edges.diary.minutes_awake = 1440;
    edges.diary.final_wake = LocalTime{0, 0};
    edges.note = " spaces around ";
    Night odd_note = bare_night(day(2026, 3, 11));
    odd_note.severity = 10;
    odd_note.sleep = 1;
    odd_note.note = "\"";
    data.nights = {bare_night(day(2026, 3, 7)), full, edges, odd_note};

    RoutineRun finished = bare_run("a1", utc(2026, 3, 8, 20, 45), 1h);
    RoutineRun kathmandu = bare_run("k2", utc(2026, 3, 8, 21, 0), 5h + 45min);
    kathmandu.routine = "breathe-4-7-8";
    kathmandu.ended_offset = 5h + 45min;
    kathmandu.steps_total = 8;
    kathmandu.steps_done = 3;
    kathmandu.steps_skipped = 1;
    kathmandu.outcome = RunOutcome::interrupted;
    kathmandu.signal = 15;
    RoutineRun newfoundland = bare_run("n3", utc(2026, 3, 8, 22, 0), -(3h + 30min));
    newfoundland.outcome = RunOutcome::quit;
    newfoundland.steps_done = 0;
    newfoundland.steps_skipped = 5;
    // An offset under an hour west of UTC, and one with seconds (Dublin Mean Time, -0:25:21);
    // the run crossed a change of offset, so it ended with another.
    RoutineRun dublin = bare_run("d4", utc(2026, 3, 8, 22, 0), -(25min + 21s));
    dublin.ended_offset = -30min;
    RoutineRun interrupted = bare_run("z5", utc(2026, 3, 9, 1, 0), 0s);
    interrupted.steps_total = 0;
    interrupted.steps_done = 0;
    interrupted.outcome = RunOutcome::interrupted;
    data.runs = {finished, kathmandu, dublin, newfoundland, interrupted};
    return data;
}

JournalData read_ok(std::string_view text, std::string_view name = "journal.json") {
    std::string why;
    const auto data = read_export(text, name, why);
    INFO(why);
    REQUIRE(data);
    CHECK(why.empty());
    return *data;
}

std::string why_of(std::string_view text, std::string_view name = "x.json") {
    std::string why;
    CHECK_FALSE(read_export(text, name, why));
    return why;
}

/// `text` with its first `from` replaced by `to` (which must be there).
std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

void check_same(const JournalData& a, const JournalData& b) {
    REQUIRE(a.nights.size() == b.nights.size());
    for (std::size_t k = 0; k < a.nights.size(); ++k) {
        INFO("night ", format_date(a.nights[k].date));
        CHECK(a.nights[k] == b.nights[k]);
    }
    REQUIRE(a.runs.size() == b.runs.size());
    for (std::size_t k = 0; k < a.runs.size(); ++k) {
        INFO("run ", a.runs[k].uid);
        CHECK(a.runs[k] == b.runs[k]);
    }
}

/// One night and one run, in the very text export_json writes for them. Line numbers and
/// columns in the error tests below are counted in it.
const std::string k_small_json = R"({
  "format": "calmlegs-journal",
  "version": 1,
  "nights": [
    {
      "date": "2026-03-08",
      "severity": 6,
      "sleep": 3,
      "into_bed": "22:30",
      "minutes_to_sleep": 20,
      "wakings": 2,
      "minutes_awake": 15,
      "final_wake": "06:30",
      "out_of_bed": "07:00",
      "supplements": [
        "magnesium"
      ],
      "triggers": [],
      "note": "calm",
      "logged": "2026-03-09T06:00:00Z",
      "updated": "2026-03-09T06:00:00Z"
    }
  ],
  "runs": [
    {
      "uid": "r1",
      "routine": "tonight",
      "started": "2026-03-08T21:45:00+01:00",
      "ended": "2026-03-08T22:05:00+01:00",
      "night": "2026-03-08",
      "steps_total": 5,
      "steps_done": 4,
      "steps_skipped": 1,
      "outcome": "finished",
      "signal": null
    }
  ]
}
)";

/// The same data as k_small_json.
JournalData small_data() {
    JournalData data;
    Night night = bare_night(day(2026, 3, 8));
    night.severity = 6;
    night.sleep = 3;
    night.diary = {LocalTime{22, 30}, 20, 2, 15, LocalTime{6, 30}, LocalTime{7, 0}};
    night.supplements = {"magnesium"};
    night.note = "calm";
    RoutineRun run = bare_run("r1", utc(2026, 3, 8, 20, 45), 1h);
    run.steps_done = 4;
    run.steps_skipped = 1;
    data.nights = {night};
    data.runs = {run};
    return data;
}

const std::string k_small_header =
    "record,date,severity,sleep,into_bed,minutes_to_sleep,wakings,minutes_awake,final_wake,"
    "out_of_bed,supplements,triggers,note,logged,updated,uid,routine,started,ended,night,"
    "steps_total,steps_done,steps_skipped,outcome,signal\n";

/// k_small_json as CSV: the night's run columns and the run's night columns empty.
const std::string k_small_csv =
    k_small_header +
    "night,2026-03-08,6,3,22:30,20,2,15,06:30,07:00,magnesium,,calm,2026-03-09T06:00:00Z,"
    "2026-03-09T06:00:00Z,,,,,,,,,,\n"
    "run,,,,,,,,,,,,,,,r1,tonight,2026-03-08T21:45:00+01:00,2026-03-08T22:05:00+01:00,"
    "2026-03-08,5,4,1,finished,\n";

} // namespace

TEST_CASE("export_json writes one night and one run as documented") {
    CHECK(export_json(small_data()) == k_small_json);
    check_same(read_ok(k_small_json), small_data());
}

TEST_CASE("export_json of an empty journal") {
    CHECK(export_json({}) == "{\n  \"format\": \"calmlegs-journal\",\n  \"version\": 1,\n"
                             "  \"nights\": [],\n  \"runs\": []\n}\n");
    const JournalData empty = read_ok(export_json({}));
    CHECK(empty.nights.empty());
    CHECK(empty.runs.empty());
}

TEST_CASE("a night with nothing but its date writes null for every answer") {
    JsonWriter json(JsonWriter::Layout::compact);
    write_night_json(json, bare_night(day(2026, 3, 7)));
    CHECK(json.str() ==
          R"({"date":"2026-03-07","severity":null,"sleep":null,"into_bed":null,)"
          R"("minutes_to_sleep":null,"wakings":null,"minutes_awake":null,"final_wake":null,)"
          R"("out_of_bed":null,"supplements":[],"triggers":[],"note":null,)"
          R"("logged":"2026-03-09T06:00:00Z","updated":"2026-03-09T06:00:00Z"})");
}

TEST_CASE("a run keeps its instants and its offsets, west and east, whole and not") {
    const JournalData data = rich_data();
    JsonWriter json(JsonWriter::Layout::compact);
    json.begin_array();
    for (const RoutineRun& run : data.runs)
        write_run_json(json, run);
    json.end_array();
    const std::string& text = json.str();
    // 21:00Z at +05:45 is 02:45 the next day; 22:00Z at -03:30 is 18:30; at -00:25:21 it is
    // 21:34:39, and it ended 20 minutes later at -00:30, 21:50:00 local.
    CHECK(
        text.find(R"("started":"2026-03-09T02:45:00+05:45","ended":"2026-03-09T03:05:00+05:45")") !=
        std::string::npos);
    CHECK(text.find(R"("started":"2026-03-08T18:30:00-03:30")") != std::string::npos);
    CHECK(text.find(
              R"("started":"2026-03-08T21:34:39-00:25:21","ended":"2026-03-08T21:50:00-00:30")") !=
          std::string::npos);
    CHECK(text.find(R"("started":"2026-03-09T01:00:00+00:00")") != std::string::npos);
    CHECK(text.find(R"("outcome":"interrupted","signal":15})") != std::string::npos);
    CHECK(text.find(R"("outcome":"quit","signal":null})") != std::string::npos);
}

TEST_CASE("export then read gives the same data back, in JSON and in CSV") {
    const JournalData data = rich_data();
    SUBCASE("JSON") {
        check_same(read_ok(export_json(data)), data);
    }
    SUBCASE("CSV") {
        check_same(read_ok(export_csv(data), "journal.csv"), data);
    }
    SUBCASE("a second export is the same bytes") {
        CHECK(export_json(read_ok(export_json(data))) == export_json(data));
        CHECK(export_csv(read_ok(export_csv(data))) == export_csv(data));
        CHECK(export_json(read_ok(export_csv(data))) == export_json(data));
    }
}

TEST_CASE("exports are sorted however the data comes") {
    JournalData data = rich_data();
    std::reverse(data.nights.begin(), data.nights.end());
    std::reverse(data.runs.begin(), data.runs.end());
    std::reverse(data.nights[2].triggers.begin(), data.nights[2].triggers.end());
    CHECK(export_json(data) == export_json(rich_data()));
    CHECK(export_csv(data) == export_csv(rich_data()));
    check_same(read_ok(export_json(data)), rich_data());
    // Runs that started in the same second go by uid.
    JournalData same_start;
    same_start.runs = {bare_run("b", utc(2026, 3, 8, 20, 0), 0s),
                       bare_run("a", utc(2026, 3, 8, 20, 0), 0s),
                       bare_run("c", utc(2026, 3, 8, 19, 0), 0s)};
    const JournalData back = read_ok(export_json(same_start));
    REQUIRE(back.runs.size() == 3);
    CHECK(back.runs[0].uid == "c");
    CHECK(back.runs[1].uid == "a");
    CHECK(back.runs[2].uid == "b");
}

TEST_CASE("export_csv writes RFC 4180 with LF line ends") {
    CHECK(export_csv(small_data()) == k_small_csv);
    check_same(read_ok(k_small_csv, "x.csv"), small_data());
    CHECK(export_csv({}) == k_small_header);
    CHECK(export_csv_columns().size() == 25);
    // A note with a comma, quotes, a line end, or spaces at its ends is quoted, quotes doubled.
    JournalData data = small_data();
    data.runs.clear();
    data.nights[0].note = "calm, then \"jumpy\"\nlater";
    CHECK(export_csv(data).find(",\"calm, then \"\"jumpy\"\"\nlater\",") != std::string::npos);
    data.nights[0].note = " x";
    CHECK(export_csv(data).find(",\" x\",") != std::string::npos);
    data.nights[0].note = "a;b\tc";
    CHECK(export_csv(data).find(",a;b\tc,") != std::string::npos);
}

TEST_CASE("both exports write text that is not UTF-8 as U+FFFD, and read it back so") {
    JournalData data = small_data();
    data.nights[0].note = "caf\xE9";
    JournalData fixed = small_data();
    fixed.nights[0].note = "caf\xEF\xBF\xBD";
    check_same(read_ok(export_json(data)), fixed);
    check_same(read_ok(export_csv(data)), fixed);
}

TEST_CASE("read_export accepts a byte-order mark, CRLF lines, blank lines and any column order") {
    const std::string bom = "\xEF\xBB\xBF";
    check_same(read_ok(bom + k_small_json), small_data());
    check_same(read_ok(bom + k_small_csv), small_data());
    // The positions of errors do not count the mark.
    CHECK(why_of(bom + replaced(k_small_json, "\"severity\": 6", "\"severity\": 11")) ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found 11");

    std::string crlf;
    for (const char c : export_csv(rich_data())) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    JournalData expected = rich_data();
    // A line end within a quoted note is the note's own: it comes back as the file has it.
    expected.nights[1].note = "Legs \"jumpy\", then calm;\r\nslept at last\tok — über, 😀\r\r\n"
                              "\\end";
    check_same(read_ok(crlf), expected);
    check_same(read_ok("\n\n" + replaced(k_small_csv, "\nrun,", "\n\r\n\nrun,") + "\n\n"),
               small_data());

    // The columns in reverse order (no cell of this file holds a comma).
    std::string reversed;
    std::size_t start = 0;
    while (start < k_small_csv.size()) {
        const std::size_t end = k_small_csv.find('\n', start);
        std::vector<std::string> cells;
        const std::string line = k_small_csv.substr(start, end - start);
        for (std::size_t from = 0;;) {
            const std::size_t comma = line.find(',', from);
            cells.push_back(line.substr(from, comma - from));
            if (comma == std::string::npos) break;
            from = comma + 1;
        }
        std::reverse(cells.begin(), cells.end());
        for (std::size_t k = 0; k < cells.size(); ++k)
            reversed += (k > 0 ? "," : "") + cells[k];
        reversed += '\n';
        start = end + 1;
    }
    check_same(read_ok(reversed), small_data());
}

TEST_CASE("JSON leaves optional keys out as null, and takes Z or an offset for any time") {
    const std::string text = R"({"format": "calmlegs-journal", "version": 1, "nights": [
      {"date": "2026-03-08", "logged": "2026-03-09T07:00:00+01:00",
       "updated": "2026-03-09T06:00:00Z"}],
    "runs": [{"uid": "r1", "routine": "tonight", "started": "2026-03-08T20:45:00Z",
      "ended": "2026-03-08T22:05:00+01:00", "night": "2026-03-08", "steps_total": 5,
      "steps_done": 4, "steps_skipped": 1, "outcome": "finished"}]})";
    JournalData expected = small_data();
    expected.nights[0] = bare_night(day(2026, 3, 8));
    expected.runs[0].started_offset = 0s;
    check_same(read_ok(text), expected);
    // A note of "" is no note.
    check_same(read_ok(replaced(k_small_json, R"("calm")", R"("")")), [] {
        JournalData data = small_data();
        data.nights[0].note.clear();
        return data;
    }());
}

TEST_CASE("read_export checks every value of a night, at its line and column") {
    const auto why = [](std::string_view from, std::string_view to) {
        return why_of(replaced(k_small_json, from, to));
    };
    CHECK(why("\"severity\": 6", "\"severity\": 11") ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found 11");
    CHECK(why("\"severity\": 6", "\"severity\": -1") ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found -1");
    CHECK(why("\"severity\": 6", "\"severity\": 6.5") ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found 6.5");
    CHECK(why("\"severity\": 6", "\"severity\": \"6\"") ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found \"6\"");
    CHECK(why("\"severity\": 6", "\"severity\": true") ==
          "x.json:7:19: \"severity\": expected a whole number from 0 to 10, found true");
    CHECK(why("\"sleep\": 3", "\"sleep\": 0") ==
          "x.json:8:16: \"sleep\": expected a whole number from 1 to 5, found 0");
    CHECK(why("\"sleep\": 3", "\"sleep\": 6") ==
          "x.json:8:16: \"sleep\": expected a whole number from 1 to 5, found 6");
    CHECK(why("\"2026-03-08\"", "\"2026-02-30\"") ==
          "x.json:6:15: \"date\": expected a date as YYYY-MM-DD (a day of the calendar), found "
          "\"2026-02-30\"");
    CHECK(why("\"2026-03-08\"", "\"8 March\"") ==
          "x.json:6:15: \"date\": expected a date as YYYY-MM-DD (a day of the calendar), found "
          "\"8 March\"");
    CHECK(why("\"date\": \"2026-03-08\"", "\"date\": null") ==
          "x.json:6:15: \"date\": expected a date as YYYY-MM-DD, found null");
    CHECK(why("\"22:30\"", "\"7:30\"") ==
          "x.json:9:19: \"into_bed\": expected a clock time as HH:MM, found \"7:30\"");
    CHECK(why("\"22:30\"", "\"24:00\"") ==
          "x.json:9:19: \"into_bed\": expected a clock time as HH:MM, found \"24:00\"");
    CHECK(why("\"minutes_to_sleep\": 20", "\"minutes_to_sleep\": 1441") ==
          "x.json:10:27: \"minutes_to_sleep\": expected a whole number from 0 to 1440, found "
          "1441");
    CHECK(why("\"wakings\": 2", "\"wakings\": 101") ==
          "x.json:11:18: \"wakings\": expected a whole number from 0 to 100, found 101");
    CHECK(why("\"minutes_awake\": 15", "\"minutes_awake\": 1e2") ==
          "x.json:12:24: \"minutes_awake\": expected a whole number from 0 to 1440, found 1e2");
    CHECK(why("\"07:00\"", "\"07:60\"") ==
          "x.json:14:21: \"out_of_bed\": expected a clock time as HH:MM, found \"07:60\"");
    CHECK(why("\"note\": \"calm\"", "\"note\": 5") ==
          "x.json:19:15: \"note\": expected a text, found 5");
    CHECK(why("\"logged\": \"2026-03-09T06:00:00Z\"", "\"logged\": \"2026-03-09 06:00\"") ==
          "x.json:20:17: \"logged\": expected a time as YYYY-MM-DDTHH:MM:SS followed by Z or a "
          "UTC offset such as +01:00, found \"2026-03-09 06:00\"");
    CHECK(why("\"updated\": \"2026-03-09T06:00:00Z\"", "\"updated\": \"2026-03-09T06:00:60Z\"")
              .starts_with("x.json:21:18: \"updated\": expected a time as"));
}

TEST_CASE("read_export checks the supplement and trigger lists item by item") {
    const auto why = [](std::string_view from, std::string_view to) {
        return why_of(replaced(k_small_json, from, to));
    };
    const std::string expected_id =
        "expected an id without ';', control characters or spaces around it, found ";
    CHECK(why("\"magnesium\"", "\"mag;nesium\"") ==
          "x.json:16:9: \"supplements\": " + expected_id + "\"mag;nesium\"");
    CHECK(why("\"magnesium\"", "\"\"") == "x.json:16:9: \"supplements\": " + expected_id + "\"\"");
    CHECK(why("\"magnesium\"", "\" magnesium\"") ==
          "x.json:16:9: \"supplements\": " + expected_id + "\" magnesium\"");
    CHECK(why("\"magnesium\"", "5") ==
          "x.json:16:9: \"supplements\": expected a list of ids, found 5");
    CHECK(why("\"magnesium\"", "\"magnesium\", \"magnesium\"") ==
          "x.json:16:22: \"supplements\": expected each id once, found \"magnesium\"");
    CHECK(why("\"triggers\": []", "\"triggers\": \"stress\"") ==
          "x.json:18:19: \"triggers\": expected a list of ids, found \"stress\"");
    // A list of texts, in any order, comes back sorted.
    const JournalData data =
        read_ok(replaced(k_small_json, "\"triggers\": []", R"("triggers": ["sugar", "alcohol"])"));
    CHECK(data.nights[0].triggers == std::vector<std::string>{"alcohol", "sugar"});
}

TEST_CASE("read_export checks every value of a run, at its line and column") {
    const auto why = [](std::string_view from, std::string_view to) {
        return why_of(replaced(k_small_json, from, to));
    };
    CHECK(why("\"uid\": \"r1\"", "\"uid\": \"\"") ==
          "x.json:26:14: \"uid\": expected a non-empty text without control characters, found "
          "\"\"");
    CHECK(why("\"uid\": \"r1\"", "\"uid\": \"r\\n1\"") ==
          "x.json:26:14: \"uid\": expected a non-empty text without control characters, found "
          "\"r^J1\"");
    CHECK(why("\"uid\": \"r1\",\n", "") ==
          "x.json:25:5: \"uid\": expected a non-empty text without control characters, found "
          "nothing");
    CHECK(why("\"routine\": \"tonight\"", "\"routine\": null") ==
          "x.json:27:18: \"routine\": expected a non-empty text without control characters, "
          "found null");
    CHECK(why("\"2026-03-08T21:45:00+01:00\"", "\"2026-03-08T21:45:00\"") ==
          "x.json:28:18: \"started\": expected a time as YYYY-MM-DDTHH:MM:SS followed by Z or a "
          "UTC offset such as +01:00, found \"2026-03-08T21:45:00\"");
    CHECK(why("\"2026-03-08T21:45:00+01:00\"", "\"2026-03-08T21:45:00+24:00\"")
              .starts_with("x.json:28:18: \"started\": expected a time as"));
    CHECK(why("\"2026-03-08T21:45:00+01:00\"", "\"2026-03-08T21:45:00+0100\"")
              .starts_with("x.json:28:18: \"started\": expected a time as"));
    CHECK(why("\"night\": \"2026-03-08\"", "\"night\": \"2026-13-01\"") ==
          "x.json:30:16: \"night\": expected a date as YYYY-MM-DD (a day of the calendar), "
          "found \"2026-13-01\"");
    CHECK(why("\"steps_total\": 5", "\"steps_total\": null") ==
          "x.json:31:22: \"steps_total\": expected a whole number from 0 to 100000, found null");
    CHECK(why("\"steps_skipped\": 1", "\"steps_skipped\": -1") ==
          "x.json:33:24: \"steps_skipped\": expected a whole number from 0 to 100000, found -1");
    CHECK(why("\"steps_done\": 4", "\"steps_done\": 5") ==
          "x.json:32:21: \"steps_done\": expected steps done and skipped to add up to at most "
          "steps_total (5), found 5 and 1");
    CHECK(why("\"finished\"", "\"done\"") ==
          "x.json:34:18: \"outcome\": expected finished, quit or interrupted, found \"done\"");
    CHECK(why("\"finished\"", "\"Finished\"") ==
          "x.json:34:18: \"outcome\": expected finished, quit or interrupted, found \"Finished\"");
    CHECK(why("\"signal\": null", "\"signal\": 0") ==
          "x.json:35:17: \"signal\": expected a whole number from 1 to 127, found 0");
}

TEST_CASE("read_export refuses an unknown key, so that a typo is never dropped") {
    CHECK(why_of(replaced(k_small_json, "\"sleep\": 3", "\"slep\": 3")) ==
          "x.json:8:7: unknown key 'slep' in a night; did you mean 'sleep'?");
    CHECK(why_of(replaced(k_small_json, "\"sleep\": 3", "\"mood\": 3")) ==
          "x.json:8:7: unknown key 'mood' in a night; expected one of: date, severity, sleep, "
          "into_bed, minutes_to_sleep, wakings, minutes_awake, final_wake, out_of_bed, "
          "supplements, triggers, note, logged, updated");
    CHECK(why_of(replaced(k_small_json, "\"outcome\"", "\"outcom\"")) ==
          "x.json:34:7: unknown key 'outcom' in a run; did you mean 'outcome'?");
    CHECK(why_of(replaced(k_small_json, "\"runs\"", "\"run\"")) ==
          "x.json:24:3: unknown key 'run' in the export; expected one of: format, version, "
          "nights, runs");
    CHECK(why_of(replaced(k_small_json, "\"sleep\": 3", "\"sleep\": 3, \"sleep\": 4")) ==
          "x.json:8:19: expected each key once in an object (\"sleep\" is at 8:7), found it "
          "again");
}

TEST_CASE("read_export checks the format and version, and refuses a newer one as such") {
    CHECK(why_of(replaced(k_small_json, "\"version\": 1", "\"version\": 2")) ==
          "x.json:3:14: \"version\": expected version 1 or lower, found 2: the file was written "
          "by a newer calmlegs; update calmlegs to import it");
    // A newer version may have keys this one does not know: the version is what is reported.
    CHECK(why_of(replaced(replaced(k_small_json, "\"version\": 1", "\"version\": 12"), "\"sleep\"",
                          "\"mood\""))
              .starts_with("x.json:3:14: \"version\": expected version 1 or lower, found 12: "));
    CHECK(why_of(replaced(k_small_json, "\"version\": 1", "\"version\": 0")) ==
          "x.json:3:14: \"version\": expected version 1 or lower, found 0");
    CHECK(why_of(replaced(k_small_json, "\"version\": 1", "\"version\": \"1\"")) ==
          "x.json:3:14: \"version\": expected version 1 or lower, found \"1\"");
    CHECK(why_of(replaced(k_small_json, "\"version\": 1,\n", "")) ==
          "x.json:1:1: \"version\": expected version 1 or lower, found nothing");
    CHECK(why_of(replaced(k_small_json, "\"calmlegs-journal\"", "\"other-app\"")) ==
          "x.json:2:13: \"format\": expected \"calmlegs-journal\" (an export of calmlegs' "
          "journal), found \"other-app\"");
    CHECK(why_of(replaced(k_small_json, "\"format\": \"calmlegs-journal\",\n", "")) ==
          "x.json:1:1: \"format\": expected \"calmlegs-journal\" (an export of calmlegs' "
          "journal), found nothing");
    CHECK(why_of(R"({"format": "calmlegs-journal", "version": 1, "nights": []})") ==
          "x.json:1:1: \"runs\": expected a list, found nothing");
    CHECK(why_of(R"({"format": "calmlegs-journal", "version": 1, "nights": {}, "runs": []})") ==
          "x.json:1:56: \"nights\": expected a list, found an object");
    CHECK(why_of(R"({"format": "calmlegs-journal", "version": 1, "nights": [5], "runs": []})") ==
          "x.json:1:57: expected a night as an object, found 5");
    // '[' starts JSON too: no CSV header starts with it.
    CHECK(why_of("[1, 2]") == "x.json:1:1: expected an object with \"format\": "
                              "\"calmlegs-journal\", found an array");
}

TEST_CASE("read_export refuses a night or a run given twice") {
    JournalData two = small_data();
    two.nights.push_back(bare_night(day(2026, 3, 9)));
    two.runs.push_back(bare_run("r2", utc(2026, 3, 9, 20, 0), 1h));
    const std::string text = export_json(two);
    // The second night's object starts on line 23 (k_small_json's night takes lines 5 to 22),
    // its date on line 24.
    CHECK(why_of(replaced(text, "\"date\": \"2026-03-09\"", "\"date\": \"2026-03-08\"")) ==
          "x.json:24:15: \"date\": expected each night once, found 2026-03-08 again (first at "
          "6:15)");
    // The second night takes lines 23 to 38 (its braces and 14 keys), so the runs' list opens
    // on line 40 and the first run on line 41, its uid on line 42; the second run's uid is 12
    // lines further (10 keys and two braces).
    CHECK(why_of(replaced(text, "\"uid\": \"r2\"", "\"uid\": \"r1\"")) ==
          "x.json:54:14: \"uid\": expected each run once, found \"r1\" again (first at 42:14)");
}

TEST_CASE("read_export reports a truncated or empty file") {
    // Cut after the note's line: the object is left open.
    const std::string cut = k_small_json.substr(0, k_small_json.find("      \"logged\""));
    CHECK(why_of(cut) == "x.json:20:1: expected a key in double quotes, found the end of the file");
    CHECK(why_of(k_small_json.substr(0, k_small_json.size() - 3)) ==
          "x.json:37:4: expected ',' or '}' after a member of the object, found the end of the "
          "file");
    CHECK(why_of("") ==
          "x.json:1:1: expected a calmlegs journal export (JSON or CSV), found an empty file");
    CHECK(why_of(" \n\t\r\n") ==
          "x.json:1:1: expected a calmlegs journal export (JSON or CSV), found an empty file");
    CHECK(why_of("\xEF\xBB\xBF") ==
          "x.json:1:1: expected a calmlegs journal export (JSON or CSV), found an empty file");
}

TEST_CASE("read_export checks a CSV's header and rows, at their line and column") {
    const auto why = [](const std::string& text) { return why_of(text, "x.csv"); };
    // The night's row: "night," is 6 characters and the date 11 with its comma, so severity
    // starts at column 18.
    CHECK(why(replaced(k_small_csv, "night,2026-03-08,6,", "night,2026-03-08,11,")) ==
          "x.csv:2:18: \"severity\": expected a whole number from 0 to 10, found \"11\"");
    CHECK(why(replaced(k_small_csv, ",magnesium,", ",magnesium;;valerian,")) ==
          "x.csv:2:48: \"supplements\": expected an id without ';', control characters or "
          "spaces around it, found \"\"");
    CHECK(why(replaced(k_small_csv, "\nnight,", "\nnite,")) ==
          "x.csv:2:1: \"record\": expected night or run, found \"nite\"");
    // A cell of a run's column in a night's row: the date ends at column 16, 11 empty cells
    // follow (columns 18 to 28), the two times take 21 columns each with their commas, so the
    // uid starts at column 71.
    const std::string night_row = "night,2026-03-08,,,,,,,,,,,,2026-03-09T06:00:00Z,"
                                  "2026-03-09T06:00:00Z,x,,,,,,,,,\n";
    CHECK(why(k_small_header + night_row) ==
          "x.csv:2:71: \"uid\": expected an empty cell in the row of a night, found \"x\"");
    CHECK(why(replaced(k_small_csv, "run,,", "run,2026-03-08,")) ==
          "x.csv:3:5: \"date\": expected an empty cell in the row of a run, found \"2026-03-08\"");
    CHECK(why(replaced(k_small_csv, ",finished,\n", ",finished\n")) ==
          "x.csv:3:1: expected 25 cells (as many as the header has), found 24");
    CHECK(why(replaced(k_small_csv, ",finished,\n", ",finished,,\n")) ==
          "x.csv:3:1: expected 25 cells (as many as the header has), found 26");
    // "run" and 15 commas: the uid starts at column 19.
    CHECK(why(replaced(k_small_csv, ",r1,", ",,")) ==
          "x.csv:3:19: \"uid\": expected a non-empty text without control characters, found an "
          "empty cell");
}

TEST_CASE("read_export checks a CSV's header against the columns of an export") {
    const auto why = [](const std::string& text) { return why_of(text, "x.csv"); };
    CHECK(why(replaced(k_small_csv, ",sleep,", ",slep,")) ==
          "x.csv:1:22: unknown column 'slep' in a calmlegs journal export; did you mean 'sleep'?");
    CHECK(why(replaced(k_small_csv, ",sleep,", ",severity,")) ==
          "x.csv:1:22: expected each column once, found 'severity' again (first at 1:13)");
    CHECK(why(replaced(replaced(replaced(k_small_csv, ",signal\n", "\n"), ",,\n", ",\n"),
                       "finished,\n", "finished\n")) ==
          "x.csv:1:1: expected every column of a calmlegs journal export in the header, found "
          "no 'signal'");
    CHECK(why("name,dose\nmagnesium,300\n")
              .starts_with("x.csv:1:1: unknown column 'name' in a calmlegs journal export; "
                           "expected one of: record, date, severity,"));
}

TEST_CASE("read_export refuses broken CSV quoting and text that is not UTF-8") {
    const auto why = [](const std::string& text) { return why_of(text, "x.csv"); };
    // The note's cell starts at column 59 of the night's row (supplements at 48, triggers at
    // 58): `"calm` never closes.
    const std::string open_quote = replaced(k_small_csv, ",calm,", ",\"calm,");
    const std::string opened = "2:59";
    const auto last_line = std::count(open_quote.begin(), open_quote.end(), '\n') + 1;
    CHECK(why(open_quote) == "x.csv:" + std::to_string(last_line) +
                                 ":1: expected '\"' to close the cell opened at " + opened +
                                 ", found the end of the file");
    CHECK(why(replaced(k_small_csv, ",calm,", ",ca\"lm,")) ==
          "x.csv:2:61: expected '\"' only around a whole cell (write a quote inside one as \"\"), "
          "found '\"' within a cell");
    CHECK(why(replaced(k_small_csv, ",calm,", ",\"calm\"x,")) ==
          "x.csv:2:65: expected ',' or the end of the line after the closing '\"', found 'x'");
    CHECK(why(replaced(k_small_csv, ",calm,", ",ca\rlm,")) ==
          "x.csv:2:61: expected ',' or the end of the line, found a carriage return alone");
    CHECK(why(replaced(k_small_csv, ",calm,", ",caf\xE9,")) ==
          "x.csv:2:62: expected text in UTF-8, found bytes that are not UTF-8");
    // A quoted cell may hold anything, quotes doubled; a quoted empty cell is empty.
    const JournalData data = read_ok(
        replaced(replaced(k_small_csv, ",calm,", ",\"a,\"\"b\"\"\nc\","), ",06:30,", ",\"\","),
        "x.csv");
    CHECK(data.nights[0].note == "a,\"b\"\nc");
    CHECK_FALSE(data.nights[0].diary.final_wake);
}
