// The statistics and comparison pages: each figure with its number of nights, plain words
// where the nights cannot answer, and never a claim that something works.

#include "ui/render_journal.h"

#include "content/names.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <regex>

using namespace calmlegs;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

RenderOptions wide() {
    RenderOptions options;
    options.width = 400; // one line per paragraph, so phrases can be searched whole
    return options;
}

std::string name_of(std::string_view id) {
    if (id == "valerian") return "Valerian";
    if (id == "magnesium") return "Magnesium glycinate";
    return std::string(id);
}

/// A journal of 64 nights, 21 of the last 30 with the wind-down done.
JournalStats busy_stats() {
    JournalStats s;
    s.today = date(2026, 3, 8);
    s.first_night = date(2026, 1, 4);
    s.current_streak = 5;
    s.longest_streak = 12;
    s.longest_from = date(2026, 1, 3);
    s.longest_to = date(2026, 1, 14);
    s.nights_tracked = 64;
    s.nights_done = 40;
    s.last30_tracked = 30;
    s.last30_done = 21;
    s.severity_7 = {6, 4.25};
    s.severity_30 = {21, 4.0};
    s.severity_prev_30 = {25, 5.1};
    s.efficiency_30 = {12, 0.87};
    s.efficiency_all = {40, 0.854};
    s.total_sleep_30 = {12, 425.4};
    return s;
}

/// Magnesium: 21 nights with it at 3.1, 30 without at 4.6, its interval below 0.
Comparison lower_with() {
    Comparison c;
    c.subject = {SubjectKind::supplement, "magnesium", "Magnesium glycinate"};
    c.with = {21, 3.1, 1.2};
    c.without = {30, 4.6, 1.4};
    c.difference = -1.5;
    c.low = -2.24;
    c.high = -0.76;
    c.df = 46.3;
    c.method = "Welch t-interval, 95%";
    c.started = date(2026, 3, 3);
    c.settling_left_out = 6;
    return c;
}

std::string stats_json(const JournalStats& s) {
    JsonWriter json(JsonWriter::Layout::compact);
    write_stats_json(json, s);
    return json.str();
}

std::string comparison_json(const Comparison& c) {
    JsonWriter json(JsonWriter::Layout::compact);
    write_comparison_json(json, c);
    return json.str();
}

bool has(const std::string& text, std::string_view piece) {
    return text.find(piece) != std::string::npos;
}

/// Every page of a set of cases, stats and comparisons alike.
std::vector<std::string> every_page() {
    std::vector<JournalStats> stats{JournalStats{}, busy_stats()};
    stats[0].today = date(2026, 3, 8);
    auto sparse = busy_stats();
    sparse.severity_prev_30 = {};
    sparse.efficiency_30 = {};
    sparse.total_sleep_30 = {};
    sparse.current_streak = 0;
    stats.push_back(sparse);
    auto rising = busy_stats();
    rising.severity_30 = {3, 6};
    rising.today_done = true;
    stats.push_back(rising);

    std::vector<Comparison> comparisons{lower_with()};
    auto higher = lower_with();
    higher.subject = {SubjectKind::trigger, "caffeine", "Caffeine after noon"};
    higher.difference = 1.5;
    higher.low = 0.7;
    higher.high = 2.3;
    higher.started.reset();
    comparisons.push_back(higher);
    auto unclear = lower_with();
    unclear.subject = {SubjectKind::routine, "tonight", "Tonight"};
    unclear.low = -3;
    unclear.high = 0.2;
    comparisons.push_back(unclear);
    auto few = lower_with();
    few.with.nights = 5;
    few.too_few = true;
    few.confounders = {{"valerian", date(2026, 3, 3), date(2026, 3, 3)},
                       {"iron", date(2026, 3, 3), date(2026, 3, 15)}};
    comparisons.push_back(few);
    auto flat = lower_with();
    flat.low.reset();
    flat.high.reset();
    flat.with.sd = flat.without.sd = 0;
    comparisons.push_back(flat);
    auto from_start = lower_with();
    from_start.started.reset();
    from_start.taken_from_start = true;
    from_start.without = {};
    from_start.difference.reset();
    from_start.too_few = true;
    comparisons.push_back(from_start);

    std::vector<std::string> pages;
    for (const auto& s : stats) {
        pages.push_back(render_stats(s, wide()));
        pages.push_back(render_stats(s, RenderOptions{}));
        pages.push_back(stats_json(s));
    }
    for (const auto& c : comparisons) {
        pages.push_back(render_comparison(c, name_of, wide()));
        pages.push_back(render_comparison(c, name_of, RenderOptions{}));
        pages.push_back(comparison_json(c));
    }
    return pages;
}

} // namespace

TEST_CASE("journal_words: dates in words, figures to one decimal, percentages") {
    CHECK(date_words(date(2026, 3, 3)) == "3 March 2026");
    CHECK(date_words(date(2025, 12, 31)) == "31 December 2025");
    CHECK(date_words(date(2024, 1, 1)) == "1 January 2024");
    CHECK(one_decimal(4.25) == "4.3");
    CHECK(one_decimal(4.24) == "4.2");
    CHECK(one_decimal(-1.25) == "-1.3");
    CHECK(one_decimal(-0.04) == "0.0");
    CHECK(one_decimal(7) == "7.0");
    CHECK(signed_decimal(0.3) == "+0.3");
    CHECK(signed_decimal(-0.3) == "-0.3");
    CHECK(signed_decimal(0.01) == "0.0");
    CHECK(nights_words(1) == "1 night");
    CHECK(nights_words(0) == "0 nights");
    CHECK(nights_words(21) == "21 nights");
    CHECK(percent_words(0.625) == "63%");
    CHECK(percent_words(0.7) == "70%");
    CHECK(percent_words(1) == "100%");
}

TEST_CASE("render_stats gives every figure with its nights") {
    const std::string page = render_stats(busy_stats(), wide());
    CHECK(has(page, "Journal statistics · night of 8 March 2026"));
    CHECK(has(page, "5 nights in a row, up to last night; tonight's is not finished yet"));
    CHECK(has(page, "12 nights, 3 January 2026 to 14 January 2026"));
    CHECK(has(page, "21 of 30 nights (70%)"));
    CHECK(has(page, "40 of 64 nights (63%) since 4 January 2026"));
    CHECK(has(page, "0 (none) to 10 (worst): lower is less severe"));
    CHECK(has(page, "mean 4.3 over 6 nights")); // 4.25 to one decimal, halves up
    CHECK(has(page, "mean 4.0 over 21 nights"));
    CHECK(has(page, "mean 5.1 over 25 nights"));
    CHECK(has(page, "The last 30 nights averaged 1.1 lower than the 30 before (21 and 25 "
                    "logged): less severe."));
    CHECK(has(page, "it does not say what caused it"));
    CHECK(has(page, "mean 87% over 12 of the last 30 nights; 85% over 40 nights in all"));
    CHECK(has(page, "mean 7 h 5 min over 12 of the last 30 nights"));
}

TEST_CASE("render_stats says 'not enough nights yet' where there are none") {
    auto s = busy_stats();
    s.severity_7 = {};
    s.severity_prev_30 = {};
    s.efficiency_30 = {};
    s.total_sleep_30 = {};
    s.current_streak = 0;
    const std::string page = render_stats(s, wide());
    CHECK(has(page, "Last 7      not enough nights yet"));
    CHECK(has(page, "30 before   not enough nights yet"));
    CHECK_FALSE(has(page, "averaged")); // no comparison with nothing
    CHECK(has(page, "last 30 nights: not enough nights yet; 85% over 40 nights in all"));
    CHECK(has(page, "none yet: finish the wind-down tonight to start one (calmlegs tonight)"));

    s.efficiency_all = {};
    CHECK(has(render_stats(s, wide()), "Sleep efficiency: not enough nights yet."));
}

TEST_CASE("render_stats of an empty journal and of a night already done") {
    JournalStats empty;
    empty.today = date(2026, 3, 8);
    const std::string page = render_stats(empty, wide());
    CHECK(has(page, "Nothing is in the journal yet: not enough nights for any figure."));
    CHECK_FALSE(has(page, "Longest"));

    auto done = busy_stats();
    done.today_done = true;
    done.severity_30 = {21, 5.08};
    const std::string today = render_stats(done, wide());
    CHECK(has(today, "5 nights in a row, tonight included"));
    CHECK(has(today, "about the same severity as the 30 before (21 and 25 logged)"));
}

TEST_CASE("render_stats keeps within the width") {
    for (int width : {30, 60, 80}) {
        RenderOptions options;
        options.width = width;
        for (const auto& line : split_lines(render_stats(busy_stats(), options))) {
            CAPTURE(line);
            CHECK(display_width(line) <= width);
        }
    }
}

TEST_CASE("write_stats_json: figures with their nights, null where there are none") {
    auto s = busy_stats();
    s.severity_prev_30 = {};
    const std::string json = stats_json(s);
    CHECK(has(json, R"("today":"2026-03-08","first_night":"2026-01-04")"));
    CHECK(has(json, R"("wind_down_routine":"tonight","today_done":false,"current_streak":5)"));
    CHECK(has(json, R"("longest_streak":{"nights":12,"from":"2026-01-03","to":"2026-01-14"})"));
    CHECK(has(json, R"("completion":{"nights_tracked":64,"nights_done":40,"last30_tracked":30,)"
                    R"("last30_done":21})"));
    CHECK(has(json, R"("last_7":{"nights":6,"mean":4.25})"));
    CHECK(has(json, R"("previous_30":{"nights":0,"mean":null})"));
    CHECK(has(json, R"("sleep_efficiency":{"last_30":{"nights":12,"mean":0.87},)"
                    R"("all":{"nights":40,"mean":0.854}})"));
    CHECK(has(json, R"("total_sleep_minutes":{"last_30":{"nights":12,"mean":425.4}})"));
    JournalStats empty;
    CHECK(has(stats_json(empty), R"("first_night":null)"));
    CHECK(has(stats_json(empty), R"("longest_streak":{"nights":0,"from":null,"to":null})"));
}

TEST_CASE("render_comparison: lower severity with it, as an observation, not a cause") {
    const std::string page = render_comparison(lower_with(), name_of, wide());
    CHECK(has(page, "Magnesium glycinate · supplement, by RLS severity"));
    CHECK(has(page, "lower is less severe"));
    CHECK(has(page, "With        mean 3.1 over 21 nights (sd 1.2)"));
    CHECK(has(page, "Without     mean 4.6 over 30 nights (sd 1.4)"));
    CHECK(has(page, "Difference  -1.5 (with minus without); 95% interval -2.2 to -0.8"));
    CHECK(has(page, "Nights with it had lower severity, by 1.5 on average (95% interval 0.8 "
                    "to 2.2), over 21 nights with and 30 without. This is an observation of "
                    "one person's nights, not proof of cause: other things change too."));
    CHECK(has(page, "Method: Welch t-interval, 95% (46.3 degrees of freedom)"));
    CHECK(has(page, "The first 7 nights after starting on 3 March 2026 are left out: they are "
                    "not a fair test (6 logged nights left out)."));
    CHECK(has(page, "the guide gives none"));
    CHECK_FALSE(has(page, "Too few"));
}

TEST_CASE("render_comparison: higher severity, and an interval that includes 0") {
    auto higher = lower_with();
    higher.subject = {SubjectKind::trigger, "caffeine", "Caffeine after noon"};
    higher.difference = 1.5;
    higher.low = 0.7;
    higher.high = 2.3;
    higher.started.reset();
    const std::string up = render_comparison(higher, name_of, wide());
    CHECK(has(up, "Nights with it had higher severity, by 1.5 on average (95% interval 0.7 to "
                  "2.3), over 21 nights with and 30 without. This is an observation"));
    CHECK(has(up, "With: logged nights with this trigger."));
    CHECK_FALSE(has(up, "left out"));

    auto unclear = lower_with();
    unclear.difference = -0.4;
    unclear.low = -1.1;
    unclear.high = 0.3;
    const std::string flat = render_comparison(unclear, name_of, wide());
    CHECK(has(flat, "The difference is -0.4 (95% interval -1.1 to +0.3), over 21 nights with "
                    "and 30 without. The interval includes 0: these numbers are consistent with "
                    "no difference in severity between nights with and without it."));
    CHECK_FALSE(has(flat, "had lower severity"));
    CHECK_FALSE(has(flat, "proof"));
}

TEST_CASE("render_comparison: too few nights, and supplements started together") {
    auto few = lower_with();
    few.with.nights = 5;
    few.without.nights = 12;
    few.too_few = true;
    few.confounders = {{"valerian", date(2026, 3, 3), date(2026, 3, 3)},
                       {"iron", date(2026, 3, 3), date(2026, 3, 16)}};
    const std::string page = render_comparison(few, name_of, wide());
    CHECK(has(page, "Too few nights to tell: 5 with, 12 without; at least 7 on each side are "
                    "needed."));
    CHECK(has(page, "Magnesium glycinate and Valerian started together on 3 March 2026: their "
                    "effects cannot be told apart."));
    CHECK(has(page, "Magnesium glycinate started on 3 March 2026 and iron on 16 March 2026, 13 "
                    "days apart: their effects cannot be told apart (the guide asks for one new "
                    "supplement at a time)."));
    // With too few nights, no difference is put forward.
    CHECK_FALSE(has(page, "Difference"));
    CHECK_FALSE(has(page, "had lower severity"));
    CHECK_FALSE(has(page, "consistent with"));
}

TEST_CASE("render_comparison: no variance, and taken since the journal began") {
    auto flat = lower_with();
    flat.low.reset();
    flat.high.reset();
    const std::string page = render_comparison(flat, name_of, wide());
    CHECK(has(page, "The difference is -1.5, over 21 nights with and 30 without. No interval "
                    "can be given: every night on each side has the same severity."));
    CHECK_FALSE(has(page, "degrees of freedom"));

    auto from_start = lower_with();
    from_start.started.reset();
    from_start.settling_left_out = 0;
    from_start.taken_from_start = true;
    from_start.without = {};
    from_start.difference.reset();
    from_start.too_few = true;
    const std::string start = render_comparison(from_start, name_of, wide());
    CHECK(has(start, "Taken since the journal began: there are no nights before it to compare "
                     "with."));
    CHECK(has(start, "Without     no nights"));
    from_start.without = {9, 5, 1};
    CHECK(has(render_comparison(from_start, name_of, wide()),
              "Taken since the journal began, so when it was started is not known"));
}

TEST_CASE("write_comparison_json: every figure, null where it cannot be computed") {
    const std::string json = comparison_json(lower_with());
    CHECK(has(json, R"({"subject":{"kind":"supplement","id":"magnesium",)"
                    R"("name":"Magnesium glycinate"},)"));
    CHECK(has(json, R"("with":{"nights":21,"mean":3.1,"sd":1.2},)"
                    R"("without":{"nights":30,"mean":4.6,"sd":1.4},)"));
    CHECK(has(json, R"("difference":-1.5,"low":-2.24,"high":-0.76,"level":0.95,"df":46.3,)"
                    R"("method":"Welch t-interval, 95%","too_few":false,"min_nights":7,)"
                    R"("started":"2026-03-03","taken_from_start":false,"settling_nights":7,)"
                    R"("settling_left_out":6,"confounders":[]})"));
    auto few = lower_with();
    few.with = {1, 3, 0};
    few.difference.reset();
    few.low.reset();
    few.high.reset();
    few.too_few = true;
    few.confounders = {{"valerian", date(2026, 3, 3), date(2026, 3, 10)}};
    const std::string less = comparison_json(few);
    CHECK(has(less, R"("with":{"nights":1,"mean":3,"sd":null})"));
    CHECK(has(less, R"("difference":null,"low":null,"high":null,"level":0.95,"df":null)"));
    CHECK(has(less, R"("confounders":[{"id":"valerian","started":"2026-03-03",)"
                    R"("other_started":"2026-03-10"}])"));
}

TEST_CASE("no page says that something works, helps, is effective or proves anything") {
    const std::regex forbidden(
        R"(\b(works?|working|helps?|helped|effective|effectiveness|proves?|proven|cures?)\b)",
        std::regex::icase);
    for (const auto& page : every_page()) {
        CAPTURE(page);
        CHECK_FALSE(std::regex_search(page, forbidden));
        CHECK_FALSE(has(to_lower_ascii(page), "doesn't"));
    }
}

TEST_CASE("render_stats compares the last 30 nights with the 30 before only over 7 a side") {
    JournalStats s;
    s.today = date(2026, 3, 8);
    s.first_night = date(2026, 1, 4);
    s.severity_30 = Mean{6, 3.0};
    s.severity_prev_30 = Mean{20, 6.0};
    const std::string few = render_stats(s, wide());
    CHECK(has(few, "Too few nights to compare the last 30 with the 30 before (6 and 20 logged"));
    CHECK_FALSE(has(few, "lower than the 30 before"));
    s.severity_30 = Mean{7, 3.0};
    CHECK(has(render_stats(s, wide()), "The last 30 nights averaged 3.0 lower than the 30 before"));
}
