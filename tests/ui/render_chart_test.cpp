// The terminal chart drawn from hand-made progress: each case's rows worked out by hand from
// the layout (a 4-column margin "NN ┤", one column per night or per bin, row 0 at the bottom).

#include "ui/render_chart.h"

#include "support/check_lines.h"
#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <sstream>
#include <string>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::is_ascii;
using calmlegs::test::widest_line;

namespace {

Date march(unsigned day) {
    return Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{day}};
}

/// Progress of one night per severity from 2026-03-01 (nullopt: not logged), no means.
Progress progress_of(const std::vector<std::optional<int>>& severities) {
    Progress progress;
    progress.from = march(1);
    progress.to = add_days(progress.from, static_cast<int>(severities.size()) - 1);
    for (std::size_t i = 0; i < severities.size(); ++i) {
        ProgressNight night;
        night.date = add_days(progress.from, static_cast<int>(i));
        night.logged = severities[i].has_value();
        night.severity = severities[i];
        if (night.logged) ++progress.logged;
        progress.nights.push_back(night);
    }
    return progress;
}

RenderOptions options_of(int width, bool ascii = false, bool color = false) {
    RenderOptions options;
    options.width = width;
    options.ascii = ascii;
    options.style = Style(color);
    return options;
}

/// The lines of the chart.
std::vector<std::string> lines_of(const Progress& progress, const RenderOptions& options,
                                  const ChartNames& names = {}) {
    return split_lines(render_chart(progress, names, options));
}

/// The chart's lines joined by spaces, so that wrapped sentences can be searched whole.
std::string prose_of(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        std::string trimmed = line;
        trimmed.erase(0, trimmed.find_first_not_of(' '));
        text += trimmed + " ";
    }
    return text;
}

/// The index of the first line equal to `line`, or -1.
int index_of(const std::vector<std::string>& lines, const std::string& line) {
    const auto it = std::find(lines.begin(), lines.end(), line);
    return it == lines.end() ? -1 : static_cast<int>(it - lines.begin());
}

/// A 90-night period with a value most nights, means, two plan supplements and triggers.
Progress ninety_nights() {
    std::vector<std::optional<int>> severities;
    for (int i = 0; i < 90; ++i)
        severities.push_back(i % 9 == 4 ? std::nullopt : std::optional<int>((i * 7) % 11));
    Progress progress = progress_of(severities);
    for (std::size_t i = 6; i < progress.nights.size(); ++i)
        progress.nights[i].severity_mean = 3.0 + static_cast<double>(i % 5);
    for (std::size_t i = 0; i < progress.nights.size(); i += 4)
        progress.nights[i].triggers = {"caffeine"};
    progress.plan = {"magnesium", "valerian"};
    progress.changes = {{"magnesium", march(31), true},
                        {"valerian", add_days(march(1), 45), true},
                        {"magnesium", add_days(march(1), 70), false}};
    progress.triggers = {{"caffeine", 23}, {"\x1b[31mred", 4}};
    return progress;
}

} // namespace

TEST_CASE("render_chart: five nights drawn row by row, a gap apart from a 0") {
    // Severities 3, 0, not logged, 10, 5: column 1's 0 is one cell at row 0; column 2 is empty.
    const auto lines = lines_of(progress_of({3, 0, std::nullopt, 10, 5}), options_of(80));
    const std::vector<std::string> expected = {
        "Severity, night by night: 2026-03-01 to 2026-03-05 (5 nights)",
        "",
        "10 ┤   ░",
        "   │   ░",
        " 8 ┤   ░",
        "   │   ░",
        " 6 ┤   ░",
        "   │   ░░",
        " 4 ┤   ░░",
        "   │░  ░░",
        " 2 ┤░  ░░",
        "   │░  ░░",
        " 0 ┤░░ ░░",
        "   └┬────",
        "    03-01",
        "",
        " ░  severity, 0 (none) to 10 (worst)",
        "    no 7-night mean yet: it needs 4 of 7 nights with a severity",
        "    a blank column: no severity logged",
    };
    check_lines(lines, expected);
}

TEST_CASE("render_chart: the moving mean in the row nearest it, over or inside the bar") {
    // Night 0: severity 2, mean 4.5 (row 5, above the bar); night 1: severity 6, mean 4.4
    // (row 4, inside the bar); night 2: severity 1 and no mean.
    Progress progress = progress_of({2, 6, 1});
    progress.nights[0].severity_mean = 4.5;
    progress.nights[1].severity_mean = 4.4;
    const auto lines = lines_of(progress, options_of(40));
    const int top = index_of(lines, "10 ┤");
    REQUIRE(top >= 0);
    const std::vector<std::string> rows(lines.begin() + top, lines.begin() + top + 11);
    const std::vector<std::string> expected = {
        "10 ┤",   "   │",   " 8 ┤",   "   │",    " 6 ┤ ░",  "   │━░",
        " 4 ┤ ━", "   │ ░", " 2 ┤░░", "   │░░░", " 0 ┤░░░",
    };
    CHECK(rows == expected);
    CHECK(index_of(lines, " ━  the mean of the 7 nights up to each") >= 0);
    CHECK(index_of(lines, "    night, where 4 or more have a") >= 0);
    CHECK(index_of(lines, "    severity") >= 0);
}

TEST_CASE("render_chart: a supplement's start and stop, keyed under the axis") {
    Progress progress = progress_of({5, 5, 4, 4, 3});
    progress.plan = {"magnesium", "iron"};
    progress.changes = {{"magnesium", march(3), true}, {"magnesium", march(5), false}};
    ChartNames names;
    names.supplements["magnesium"] = "Magnesium";
    const auto lines = lines_of(progress, options_of(80), names);
    const int axis = index_of(lines, "   └┬────");
    REQUIRE(axis >= 0);
    CHECK(lines[static_cast<std::size_t>(axis + 1)] == "    03-01");
    // Magnesium, started on the third night and stopped on the fifth; iron has no row.
    CHECK(lines[static_cast<std::size_t>(axis + 2)] == " 1    ▲ ▼");
    CHECK(lines[static_cast<std::size_t>(axis + 3)] == "");
    CHECK(index_of(lines, " 1  Magnesium: ▲ started 2026-03-03, ▼ stopped 2026-03-05") >= 0);
    CHECK(index_of(lines, " 2  ") == -1);
    SUBCASE("one taken since before these nights without a change is said, unkeyed") {
        progress.taken_at_start = {"iron"};
        progress.start_night = add_days(march(1), -3);
        const auto with_iron = lines_of(progress, options_of(200), names);
        CHECK(index_of(with_iron, "    taken throughout these nights: iron") >= 0);
        CHECK(index_of(with_iron, " 2  ") == -1);
    }
    SUBCASE("the journal began inside these nights: taken from its first night, no start") {
        progress.taken_at_start = {"iron"};
        progress.start_night = march(2);
        const auto with_iron = lines_of(progress, options_of(200), names);
        CHECK(index_of(with_iron, "    taken from the journal's first night, 2026-03-02, with no "
                                  "stop since: iron") >= 0);
    }
    SUBCASE("taken at the start, then stopped: said before the stop") {
        progress.changes = {{"magnesium", march(4), false}};
        progress.taken_at_start = {"magnesium"};
        progress.start_night = add_days(march(1), -1);
        const auto taken = lines_of(progress, options_of(80), names);
        CHECK(index_of(taken, " 1     ▼") >= 0);
        CHECK(index_of(taken,
                       " 1  Magnesium: taken when these nights began, ▼ stopped 2026-03-04") >= 0);
    }
    SUBCASE("in ASCII: ^ and v") {
        const auto ascii = lines_of(progress, options_of(80, true), names);
        CHECK(index_of(ascii, " 1    ^ v") >= 0);
        CHECK(index_of(ascii, "   ++----") >= 0); // the corner and the tick
        CHECK(index_of(ascii, " 1  Magnesium: ^ started 2026-03-03, v stopped 2026-03-05") >= 0);
    }
}

TEST_CASE("render_chart: nights binned two or three to a column, and said") {
    SUBCASE("12 nights in 6 columns of 2 (10 wide)") {
        // Pairs: (1, 2) mean 1.5 -> 2; (3, gap) 3; (gap, gap) a gap; (0, 1) 0.5 -> 1;
        // (10, 10) 10; (4, 5) 4.5 -> 5.
        const auto lines = lines_of(
            progress_of({1, 2, 3, std::nullopt, std::nullopt, std::nullopt, 0, 1, 10, 10, 4, 5}),
            options_of(10));
        CHECK(index_of(lines, "10 ┤    ░") >= 0);
        CHECK(index_of(lines, "   │    ░░") >= 0); // row 5
        CHECK(index_of(lines, " 4 ┤    ░░") >= 0);
        CHECK(index_of(lines, "   │ ░  ░░") >= 0); // row 3
        CHECK(index_of(lines, " 2 ┤░░  ░░") >= 0);
        CHECK(index_of(lines, "   │░░ ░░░") >= 0); // row 1
        CHECK(index_of(lines, " 0 ┤░░ ░░░") >= 0);
        CHECK(index_of(lines, "   └┬─────") >= 0);
        CHECK(prose_of(lines).find("Each column is 2 nights: the bar is their mean severity.") !=
              std::string::npos);
        CHECK(prose_of(lines).find("The first column") == std::string::npos);
        for (const auto& line : lines)
            CHECK(display_width(line) <= 10);
    }
    SUBCASE("29 nights in 10 columns of 3 (14 wide): the first column has 2, the last ends the "
            "period") {
        std::vector<std::optional<int>> severities(29, 0);
        severities[0] = 4; // the first column: nights 0 and 1 (4, 6): 5
        severities[1] = 6;
        severities[26] = 7; // the last column: nights 26 to 28 (7, gap, gap): 7
        severities[27] = severities[28] = std::nullopt;
        Progress progress = progress_of(severities);
        // The last column's line: the mean of its nights' moving means, (7 + 9) / 2 = 8 (not
        // its last night's 9, nor 16 / 3 with night 26's missing mean as a 0).
        progress.nights[27].severity_mean = 7.0;
        progress.nights[28].severity_mean = 9.0;
        const auto lines = lines_of(progress, options_of(14));
        CHECK(index_of(lines, " 8 ┤         ━") >= 0);
        CHECK(index_of(lines, "   │         ░") >= 0); // row 7: the bar under the line
        CHECK(index_of(lines, " 6 ┤         ░") >= 0); // row 6: only the last column
        CHECK(index_of(lines, "   │░        ░") >= 0); // row 5: the first column too
        CHECK(index_of(lines, " 0 ┤░░░░░░░░░░") >= 0);
        CHECK(index_of(lines, "   └┬──────┬───") == -1); // 03-08 would not fit at column 7
        CHECK(index_of(lines, "   └┬─────────") >= 0);
        CHECK(index_of(lines, "    03-01") >= 0);
        const std::string prose = prose_of(lines);
        CHECK(prose.find("Each column is 3 nights: the bar is their mean severity. The first "
                         "column is 2 nights.") != std::string::npos);
        CHECK(prose.find("where 4 or more have a severity, averaged over the column's nights") !=
              std::string::npos);
    }
}

TEST_CASE("render_chart: one column a night while they fit, every line within the width") {
    const Progress progress = ninety_nights();
    ChartNames names;
    names.supplements = {{"magnesium", "Magnesium"}, {"valerian", "Valerian root"}};
    names.triggers = {{"caffeine", "Caffeine after noon"}};
    for (int width = 10; width <= 250; ++width) {
        CAPTURE(width);
        for (const bool ascii : {false, true}) {
            const std::string text = render_chart(progress, names, options_of(width, ascii));
            CHECK(widest_line(text) <= width);
            // 90 nights fit beside the margin from 94 columns.
            CHECK((prose_of(split_lines(text)).find("Each column is") == std::string::npos) ==
                  (width >= 94));
        }
    }
    // The columns drawn for 90 nights, by hand: the room beside the margin, the nights a
    // column that fit in it, and the columns those make.
    const std::vector<std::pair<int, int>> columns_at = {
        {10, 6},  // room 6: 15 nights a column, 6 columns
        {14, 10}, // room 10: 9 nights, 10 columns
        {40, 30}, // room 36: 3 nights (2 would be 45 columns), 30 columns
        {50, 45}, // room 46: 2 nights, 45 columns
        {93, 45}, // room 89: still 2 nights
        {94, 90}, // room 90: one column a night
        {250, 90},
    };
    for (const auto& [width, columns] : columns_at) {
        CAPTURE(width);
        const auto lines = lines_of(progress, options_of(width), names);
        const auto row0 = std::find_if(lines.begin(), lines.end(),
                                       [](const std::string& l) { return l.starts_with(" 0 "); });
        REQUIRE(row0 != lines.end());
        CHECK(display_width(*row0) == k_chart_margin + columns);
    }
}

TEST_CASE("render_chart: however wide the terminal, no wider than the nights and a label") {
    // 90 nights a column each, the widest date label 5 columns (MM-DD) and the prose at 100
    // columns: no line is wider than 4 + 90 + 5 (a label cannot start past the last column),
    // or than the prose.
    const Progress progress = ninety_nights();
    for (const int width : {1'000'000'000, std::numeric_limits<int>::max()}) {
        CAPTURE(width);
        const std::string text = render_chart(progress, {}, options_of(width));
        CHECK(widest_line(text) <= std::max(k_chart_margin + 90 + 5, k_chart_prose_width));
        CHECK(text.size() < 10'000); // the size of the chart, not of the width
        const auto lines = split_lines(text);
        CHECK(index_of(
                  lines, " 0 ┤" + [] {
                      std::string bars;
                      for (int i = 0; i < 90; ++i)
                          bars += i % 9 == 4 ? " " : "░";
                      return bars;
                  }()) >= 0);
    }
}

TEST_CASE("render_chart: the prose wraps at 100 columns while the plot takes the width") {
    // 200 nights at 300 columns: one column a night, 204 columns of plot; the legend's and the
    // title's lines stop at 100.
    Progress progress = progress_of(std::vector<std::optional<int>>(200, 5));
    progress.plan = {"magnesium"};
    progress.changes = {{"magnesium", add_days(march(1), 100), true}};
    ChartNames names;
    names.supplements = {{"magnesium", std::string(150, 'm')}}; // a long name must wrap
    const auto lines = lines_of(progress, options_of(300), names);
    const auto row0 = std::find_if(lines.begin(), lines.end(),
                                   [](const std::string& l) { return l.starts_with(" 0 "); });
    REQUIRE(row0 != lines.end());
    CHECK(display_width(*row0) == k_chart_margin + 200);
    const auto legend = std::find_if(lines.begin(), lines.end(),
                                     [](const std::string& l) { return l.starts_with(" 1  mmm"); });
    REQUIRE(legend != lines.end());
    for (auto it = legend; it != lines.end(); ++it)
        CHECK(display_width(*it) <= k_chart_prose_width);
}

TEST_CASE("render_chart: a marker in the column of its night when the first column is short") {
    // 29 nights at 14 columns: 10 columns of 3, the first with 2 (nights 0 and 1), so column k
    // holds nights 3k - 1 to 3k + 1. Night 8 (2026-03-09) is in column 3, night 20 (2026-03-21)
    // in column 7.
    Progress progress = progress_of(std::vector<std::optional<int>>(29, 2));
    progress.plan = {"magnesium"};
    progress.changes = {{"magnesium", march(9), true}, {"magnesium", march(21), false}};
    const auto lines = lines_of(progress, options_of(14));
    CHECK(index_of(lines, std::string(" 1  ") + "   ▲   ▼") >= 0);
}

TEST_CASE("render_chart: the date under a column is its first night's when the first is short") {
    // 39 nights at 24 columns: 20 columns of 2, the first with 1 (night 0). Column 7 begins on
    // night 13 (2026-03-14), column 14 on night 27 (2026-03-28); column 21 does not exist.
    const auto lines =
        lines_of(progress_of(std::vector<std::optional<int>>(39, 2)), options_of(24));
    CHECK(index_of(lines, "    03-01  03-14  03-28") >= 0);
    CHECK(index_of(lines, "   └┬──────┬──────┬─────") >= 0);
    CHECK(prose_of(lines).find("The first column is 1 night.") != std::string::npos);
}

TEST_CASE("render_chart: ASCII is every byte below 0x80, with names from anywhere") {
    Progress progress = ninety_nights();
    progress.triggers.push_back({"café", 2});
    ChartNames names;
    names.supplements = {{"magnesium", "Magnésium"}};
    for (const int width : {10, 40, 80, 120}) {
        const std::string text = render_chart(progress, names, options_of(width, true));
        CAPTURE(text);
        CHECK(is_ascii(text));
        if (width >= 40)
            CHECK(prose_of(split_lines(text)).find("Magnesium: ^ started 2026-03-31") !=
                  std::string::npos);
    }
}

TEST_CASE("render_chart: escape codes only with colour, and never from a name") {
    const Progress progress = ninety_nights();
    ChartNames names;
    names.triggers = {{"caffeine", "\x1b]0;title\x07"}};
    const std::string plain = render_chart(progress, names, options_of(120));
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(plain.find('\x07') == std::string::npos);
    // The person's own trigger named "\x1b[31mred" is shown, in caret notation.
    CHECK(plain.find("^[[31mred 4") != std::string::npos);
    CHECK(plain.find("^[]0;title^G 23") != std::string::npos);
    const std::string coloured = render_chart(progress, names, options_of(120, false, true));
    CHECK(coloured.find("\x1b[") != std::string::npos);
    CHECK(coloured.find("\x1b[31mred") == std::string::npos);
    CHECK(coloured.find("\x1b]0;") == std::string::npos);
    // Colour does not change what is drawn, nor the width it takes.
    const auto coloured_lines = split_lines(coloured);
    const auto plain_lines = split_lines(plain);
    REQUIRE(coloured_lines.size() == plain_lines.size());
    for (std::size_t i = 0; i < plain_lines.size(); ++i)
        CHECK(display_width(coloured_lines[i]) == display_width(plain_lines[i]));
}

TEST_CASE("render_chart: nothing logged is a sentence and how to start, not an empty chart") {
    const auto empty =
        lines_of(progress_of({std::nullopt, std::nullopt, std::nullopt}), options_of(80));
    const std::string prose = prose_of(empty);
    CHECK(prose.find("Nothing is logged for these nights") != std::string::npos);
    CHECK(prose.find("calmlegs log") != std::string::npos);
    CHECK(prose.find("└") == std::string::npos);
    CHECK(prose.find("┤") == std::string::npos);
    SUBCASE("nights logged without a severity: nothing to draw either") {
        Progress progress = progress_of({std::nullopt, std::nullopt});
        progress.nights[1].logged = true;
        progress.logged = 1;
        const std::string text = prose_of(lines_of(progress, options_of(80)));
        CHECK(text.find("No severity is logged for these nights") != std::string::npos);
        CHECK(text.find("└") == std::string::npos);
    }
}

TEST_CASE("render_chart: the trigger row and its counts") {
    Progress progress = progress_of({2, 3, 4});
    progress.nights[1].triggers = {"alcohol", "caffeine"};
    progress.triggers = {{"alcohol", 1}, {"caffeine", 1}};
    ChartNames names;
    names.triggers = {{"caffeine", "Caffeine"}};
    const auto lines = lines_of(progress, options_of(80), names);
    CHECK(index_of(lines, " T   •") >= 0);
    // A trigger with no name (one's own, since removed from the config) is shown by its id.
    CHECK(index_of(lines, " T  • nights with a trigger: alcohol 1, Caffeine 1") >= 0);
    CHECK(index_of(lines_of(progress, options_of(80, true), names), " T   *") >= 0);
}

TEST_CASE("render_chart: over more than 365 nights the axis says where each month begins") {
    // 400 nights from 2026-03-01 in 76 columns: 6 a column, 67 columns, the first with 4, so
    // night n is in column (n + 2) / 6. The months begin on nights 31 (April), 61, 92, 122, 153,
    // 184, 214, 245, 275, 306 (2027-01), 337, 365 and 396: in columns 5, 10, 15, 20, 25, 31,
    // 36, 41, 46, 51, 56, 61 and 66. Column 0 says March; a label of 7 columns then leaves 2
    // blank before the next, so the months in columns 5, 15, 25, 36, 46, 56 and 66 are left
    // out; no month is said twice.
    const Progress progress = progress_of(std::vector<std::optional<int>>(400, 3));
    const auto lines = lines_of(progress, options_of(80));
    std::string rule(67, '-');
    for (const int k : {0, 10, 20, 31, 41, 51, 61})
        rule[static_cast<std::size_t>(k)] = '+';
    const auto ascii = lines_of(progress, options_of(80, true));
    CHECK(index_of(ascii, "   +" + rule) >= 0);
    CHECK(index_of(lines,
                   "    2026-03   2026-05   2026-07    2026-09   2026-11   2027-01   2027-03") >=
          0);
    SUBCASE("ten years at 80 columns: 49 nights a column, each month said once at most") {
        const auto years =
            lines_of(progress_of(std::vector<std::optional<int>>(3650, 3)), options_of(80));
        const auto labels = std::find_if(years.begin(), years.end(), [](const std::string& l) {
            return l.starts_with("    2026-03");
        });
        REQUIRE(labels != years.end());
        std::vector<std::string> said;
        std::istringstream words(*labels);
        for (std::string word; words >> word;)
            said.push_back(word);
        // Column 0, then a label at most every 9 columns over 75 more.
        CHECK(said.size() >= 5);
        CHECK(std::adjacent_find(said.begin(), said.end(), [](const auto& a, const auto& b) {
                  return a >= b;
              }) == said.end()); // strictly later each time
        CHECK(display_width(*labels) <= 80);
    }
    SUBCASE("365 nights or fewer: months and days, every 7 columns") {
        const auto year =
            lines_of(progress_of(std::vector<std::optional<int>>(365, 3)), options_of(80));
        CHECK(std::any_of(year.begin(), year.end(),
                          [](const std::string& line) { return line.starts_with("    03-01  "); }));
    }
    SUBCASE("too narrow for a label: none, and no tick") {
        // 10 columns: 6 of plot, a month label needs 7.
        const auto narrow = lines_of(progress, options_of(10, true));
        const int axis = index_of(narrow, "   +------");
        REQUIRE(axis >= 0);
        CHECK(narrow[static_cast<std::size_t>(axis + 1)].empty());
    }
}
