// The trial's pages: the calendar follows the schedule, the result's words are fixed and
// humble (never "works"), every caveat is said, and status shows no effect unless peeking.

#include "ui/render_trial.h"

#include "content/names.h"
#include "remind/civil.h"
#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

using namespace calmlegs;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

RenderOptions wide(int width = 400) {
    RenderOptions options;
    options.width = width;
    return options;
}

bool has(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

int count(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

TrialDesign magnesium_design() {
    TrialDesign d;
    d.subject = "magnesium";
    d.pairs = 3;
    d.block = 7;
    d.washout = 2;
    d.start = date(2026, 1, 5); // a Monday
    d.seed = 42;
    return d;
}

/// A finished trial whose severity is 1.8 lower on ON nights, interval -3.2 to -0.4.
TrialResult finished_result() {
    TrialResult r;
    r.trial.id = 1;
    r.trial.design = magnesium_design();
    r.state = TrialState::finished;
    r.nights = r.elapsed = r.logged = 42;
    r.adherence = {21, 21, 21, 21};
    r.severity.effect = -1.8;
    r.severity.low = -3.2;
    r.severity.high = -0.4;
    r.severity.pairs_used = 3;
    r.severity.pair_differences = {-1.5, -2.0, -1.9};
    r.severity.p_value = 0.25;
    r.severity.min_p = 0.25;
    r.severity.orders = 8;
    r.severity.on_mean = 3.0;
    r.severity.off_mean = 4.8;
    r.severity.on_nights = r.severity.off_nights = 15;
    return r;
}

std::vector<std::string> keys(const TrialWords& words) {
    std::vector<std::string> out;
    for (const TrialCaveat& caveat : words.caveats)
        out.push_back(caveat.key);
    return out;
}

bool has_key(const TrialWords& words, std::string_view key) {
    const auto all = keys(words);
    return std::find(all.begin(), all.end(), key) != all.end();
}

} // namespace

TEST_CASE("trial calendar: weeks Monday to Sunday, ON and OFF as the schedule says") {
    const TrialDesign d = magnesium_design();
    const std::string text = render_trial_calendar(d, "Magnesium", std::nullopt, wide(80));
    const auto lines = split_lines(text);
    // A header, six weeks (the start is a Monday), a blank line, "Blocks" and six blocks.
    REQUIRE(lines.size() >= 15);
    CHECK(has(lines[0], "Mon"));
    CHECK(has(lines[0], "Sun"));
    const auto orders = pair_orders(d.seed, d.pairs);
    for (int week = 0; week < 6; ++week) {
        const std::string& row = lines[static_cast<std::size_t>(1 + week)];
        CHECK(row.starts_with(format_date(add_days(d.start, 7 * week))));
        // Each week is one block: ON in the first block of its pair when the coin said so.
        const bool on = (week % 2 == 0) == orders[static_cast<std::size_t>(week / 2)];
        CHECK(count(row, on ? " ON" : "OFF") == 7);
        CHECK(count(row, "*") == 2); // the washout: the first 2 nights of the block
    }
    CHECK(count(text, " ON") == 21 + 3); // 21 nights and 3 ON blocks in the list
    for (const std::string& line : lines)
        CHECK(display_width(line) <= 80);
}

TEST_CASE(
    "trial calendar: a start mid-week leaves the days before it empty, and tonight is marked") {
    TrialDesign d = magnesium_design();
    d.start = date(2026, 1, 7); // a Wednesday
    d.block = 5;
    const std::string text = render_trial_calendar(d, "Magnesium", date(2026, 1, 9), wide(80));
    const auto lines = split_lines(text);
    CHECK(lines[1].starts_with("2026-01-05"));
    CHECK(has(lines[1], "> 9"));                        // Friday 9 January, tonight
    CHECK(has(text, "\n> 1 2026-01-07 to 2026-01-11")); // the block of tonight
    SUBCASE("a narrow page gets the blocks only") {
        const std::string narrow = render_trial_calendar(d, "Magnesium", std::nullopt, wide(40));
        CHECK_FALSE(has(narrow, "Mon"));
        CHECK(count(narrow, " to ") == 6);
        for (const std::string& line : split_lines(narrow))
            CHECK(display_width(line) <= 40);
    }
}

TEST_CASE("trial plan: the design, the seed and what a trial cannot show") {
    const std::string page = render_trial_plan(magnesium_design(), "Magnesium", wide());
    CHECK(has(page, "42 nights"));
    CHECK(has(page, "Seed 42"));
    CHECK(has(page, "expectation"));
    CHECK(has(page, "carries over"));
    CHECK(has(page, "whole schedule"));
    CHECK(trial_limits().size() == 3);
}

TEST_CASE("trial words: the headline is the fixed sentence, with the smallest p said") {
    const TrialWords words = trial_words(finished_result(), "magnesium");
    CHECK(words.headline ==
          "In your trial, severity was 1.8 points lower on magnesium nights (95% interval 0.4 to "
          "3.2; two-sided randomisation p = 0.25, the smallest 3 pairs can give).");
    CHECK(words.could_not_tell.empty());
    CHECK(words.sleep.empty()); // no pair had sleep quality
    CHECK(words.method == "Method: ON minus OFF per pair, washout nights left out; 95% "
                          "t-interval over 3 pairs (df 2); exact randomisation test over all "
                          "2^3 = 8 orders.");
    CHECK(keys(words) == std::vector<std::string>{"few_pairs", "expectation"});
    // The name as shown ("Magnesium") is in lower case mid-sentence, as in the headline.
    const TrialWords shown = trial_words(finished_result(), "Magnesium");
    CHECK(has(shown.caveats.back().text, "Nothing here shows that magnesium causes"));
    CHECK(has(shown.headline, "lower on magnesium nights"));
}

TEST_CASE("trial words: an interval across 0 says the trial could not tell, and pairs needed") {
    TrialResult r = finished_result();
    r.severity.effect = -0.6;
    r.severity.low = -2.1;
    r.severity.high = 0.9;
    r.severity.p_value = 0.5;
    r.severity.pairs_needed = 14;
    const TrialWords words = trial_words(r, "magnesium");
    CHECK(has(words.headline, "0.6 points lower"));
    CHECK(has(words.headline, "95% interval -2.1 to +0.9, ON minus OFF"));
    CHECK(has(words.headline, "p = 0.5; the smallest 3 pairs can give is 0.25"));
    CHECK(words.could_not_tell == "The trial could not tell: its interval includes 0, no "
                                  "difference at all. About 14 pairs might tell, if the "
                                  "difference stayed as it was.");
}

TEST_CASE("trial words: without an interval the trial could not tell, and says why") {
    TrialResult r = finished_result();
    r.severity.low.reset();
    r.severity.high.reset();
    SUBCASE("one pair") {
        r.severity.pairs_used = 1;
        r.severity.pair_differences = {-1.8, std::nullopt, std::nullopt};
        r.severity.p_value = r.severity.min_p = 1.0;
        r.severity.orders = 2;
        const TrialWords words = trial_words(r, "magnesium");
        CHECK(has(words.headline, "no interval from one pair"));
        CHECK(words.could_not_tell == "The trial could not tell: one pair gives no interval.");
    }
    SUBCASE("every pair the same difference") {
        r.severity.pair_differences = {-1.8, -1.8, -1.8};
        const TrialWords words = trial_words(r, "magnesium");
        CHECK(has(words.headline, "no interval: every pair gave the same difference"));
        CHECK_FALSE(has(words.could_not_tell, "the interval includes"));
        CHECK(has(words.could_not_tell, "no interval to judge it by"));
    }
}

TEST_CASE("trial words: the method names no interval or orders that do not exist") {
    TrialResult r = finished_result();
    r.severity = TrialEffect{}; // nothing logged yet: no pair, no orders
    r.severity.pair_differences = {std::nullopt, std::nullopt, std::nullopt};
    const std::string none = trial_words(r, "magnesium").method;
    CHECK_FALSE(has(none, "0 pairs"));
    CHECK_FALSE(has(none, "= 0 orders"));
    CHECK(has(none, "once pairs have both blocks logged"));
    r.severity.pairs_used = 1;
    r.severity.orders = 2;
    const std::string one = trial_words(r, "magnesium").method;
    CHECK_FALSE(has(one, "df 0"));
    CHECK(has(one, "no t-interval from one pair"));
    CHECK(has(one, "2^1 = 2 orders"));
}

TEST_CASE("trial words: every caveat, and never 'works'") {
    TrialResult r = finished_result();
    r.state = TrialState::stopped;
    r.elapsed = 20;
    r.incomplete_pairs = {0, 2};
    r.adherence = {10, 7, 10, 10}; // 70% on ON nights
    r.trend = -1.4;
    r.trial.design.washout = 0;
    const TrialWords words = trial_words(r, "magnesium");
    CHECK(keys(words) == std::vector<std::string>{"interim", "missing_nights", "adherence", "trend",
                                                  "few_pairs", "no_washout", "expectation"});
    for (const TrialCaveat& caveat : words.caveats)
        CHECK_FALSE(has(to_lower_ascii(caveat.text), "works"));
    // Stopped: over, not "not over"; its numbers partial.
    CHECK(words.caveats[0].text == "The trial was stopped early, after 20 of its 42 nights. "
                                   "These numbers are partial; it takes the whole schedule to "
                                   "answer.");
    CHECK(has(words.caveats[1].text, "Pairs 1 and 3 have"));
    CHECK(has(words.caveats[2].text, "7 of 10 kept"));
    CHECK(has(words.caveats[3].text, "-1.4 points"));
    // A drift is no proof that anything changed: the caveat says it may have.
    CHECK(has(words.caveats[3].text, "something else may have changed"));
    SUBCASE("a trend below the threshold and adherence at 80% are no caveat") {
        r.trend = 0.9;
        r.adherence = {10, 8, 10, 8};
        CHECK_FALSE(has_key(trial_words(r, "magnesium"), "trend"));
        CHECK_FALSE(has_key(trial_words(r, "magnesium"), "adherence"));
    }
    SUBCASE("six pairs can reach 0.05: no few_pairs caveat") {
        r.severity.pairs_used = 6;
        CHECK_FALSE(has_key(trial_words(r, "magnesium"), "few_pairs"));
    }
}

TEST_CASE("trial status: no effect before the end unless peeking, then with the warning") {
    TrialResult r = finished_result();
    const Date tonight = date(2026, 1, 14); // night 10: pair 2, block 2, its night 3
    r.state = TrialState::running;
    r.elapsed = 9;
    r.logged = 8;
    r.missing = 1;
    const std::string quiet = render_trial_status(r, "Magnesium", tonight, false, wide());
    CHECK(has(quiet, "night 10 of 42 (pair 1 of 3, block 2 of 6, its night 3 of 7)"));
    CHECK(has(quiet, "8 of the 9 nights passed; 1 missing"));
    CHECK(has(quiet, "33 nights, until 15 February 2026"));
    CHECK_FALSE(has(quiet, "lower"));
    CHECK_FALSE(has(quiet, "interval"));
    CHECK(has(quiet, "calmlegs trial status --peek"));
    const std::string peek = render_trial_status(r, "Magnesium", tonight, true, wide());
    CHECK(has(peek, "Peeking invites stopping early on noise"));
    CHECK(has(peek, "1.8 points lower"));

    JsonWriter json;
    write_trial_status_json(json, r, "Magnesium", tonight, false);
    CHECK_FALSE(has(json.str(), "\"effect\""));
    CHECK(has(json.str(), "\"peek\": false"));
    JsonWriter peeked;
    write_trial_status_json(peeked, r, "Magnesium", tonight, true);
    CHECK(has(peeked.str(), "\"effect\": -1.8"));
}

TEST_CASE("trial result json: the design with its seed, the schedule, both measures, caveats") {
    JsonWriter json;
    write_trial_result_json(json, finished_result(), "Magnesium");
    const std::string text = json.str();
    for (const char* key :
         {"\"seed\": 42", "\"schedule\"", "\"blocks\"", "\"pair_differences\"", "\"low\": -3.2",
          "\"high\": -0.4", "\"p\": 0.25", "\"min_p\": 0.25", "\"orders\": 8",
          "\"key\": \"few_pairs\"", "\"headline\"", "\"method\"", "\"adherence\""})
        CHECK_MESSAGE(has(text, key), key);
    CHECK(count(text, "\"night_in_block\"") == 42);
}

TEST_CASE("trial list: each trial with its dates, design and state") {
    Trial a;
    a.id = 1;
    a.design = magnesium_design();
    Trial b = a;
    b.id = 2;
    b.design.start = date(2026, 3, 2);
    b.stopped = date(2026, 3, 5);
    const auto name_of = [](const Trial&) { return std::string("Magnesium"); };
    const std::string page = render_trial_list({a, b}, name_of, date(2026, 3, 8), wide(100));
    CHECK(has(page, "2026-01-05 to 2026-02-15"));
    CHECK(has(page, "finished"));
    CHECK(has(page, "stopped 2026-03-05"));
    // A random seed has up to 16 digits: the list leaves it to status and --json, and a stopped
    // trial's row fits 80 columns.
    b.design.seed = k_trial_max_seed;
    const std::string narrow = render_trial_list({a, b}, name_of, date(2026, 3, 8), wide(80));
    CHECK(test::widest_line(narrow) <= 80);
    CHECK_FALSE(has(narrow, std::to_string(k_trial_max_seed)));
    CHECK(count(narrow, "\n") == 3); // the heading and one line a trial
    JsonWriter json;
    write_trial_list_json(json, {a, b}, name_of, date(2026, 3, 8));
    CHECK(count(json.str(), "\"state\"") == 2);
}

TEST_CASE("trial words: a trial started after its first night says its order came after them") {
    TrialResult r = finished_result();
    // Started on its start night (any time that day): planned, nothing to say.
    r.trial.created = std::chrono::sys_days{date(2026, 1, 5)} + std::chrono::hours{23};
    CHECK(keys(trial_words(r, "Magnesium")) ==
          std::vector<std::string>{"few_pairs", "expectation"});
    // Started on 8 January: nights 5, 6 and 7 January had begun.
    r.trial.created = std::chrono::sys_days{date(2026, 1, 8)} + std::chrono::hours{9};
    TrialWords words = trial_words(r, "Magnesium");
    CHECK(keys(words) == std::vector<std::string>{"few_pairs", "started_late", "expectation"});
    CHECK(words.caveats[1].text ==
          "The trial was started on 8 January 2026, after 3 of its nights had begun: their order "
          "was drawn after them, not before, so they prove less than planned nights.");
    // Started after the whole schedule: all 42 of them.
    r.trial.created = std::chrono::sys_days{date(2026, 12, 2)};
    words = trial_words(r, "Magnesium");
    CHECK(words.caveats[1].text.find("after 42 of its nights had begun") != std::string::npos);
}
