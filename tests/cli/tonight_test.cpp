// calmlegs tonight --finish-by: when to start, and a shortened ritual when time is short, on
// a fake clock in chosen zones. The whole ritual (no plan) is 876 s, 14 min 36 s; the
// shortest is 477 s, 7 min 57 s (tests/plan/shorten_test.cpp).

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;
using namespace std::chrono;

namespace {

Instant utc(year_month_day day, int hour, int minute, int second = 0) {
    return sys_days{day} + hours{hour} + minutes{minute} + seconds{second};
}

/// A piped run (one paragraph a line) at `now`, in `tz`, with `config` as config.toml.
Ran tonight_at(Instant now, std::vector<std::string> words, const std::string& tz = "UTC",
               const std::string& config = "") {
    TempDir dir;
    words.insert(words.begin(), {"--config", dir.write("config.toml", config), "tonight"});
    FakeSystem system;
    system.vars["COLUMNS"] = "1000";
    system.vars["TZ"] = tz;
    system.now_ = now;
    return run_cli(words, system);
}

/// `text` with each run of white space as one space: its sentences whole, wherever the page
/// (at most 100 columns wide) wrapped them.
std::string flat(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space || (!out.empty() && out.back() != ' ')) out += space ? ' ' : c;
    }
    return out;
}

/// How many times `part` is in `text`.
std::size_t count_in(const std::string& text, std::string_view part) {
    std::size_t count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

const auto k_day = 2026y / 3 / 10; // a Tuesday

} // namespace

TEST_CASE("tonight --finish-by: when to start, and the whole ritual when there is time") {
    const Ran ran = tonight_at(utc(k_day, 20, 0), {"--finish-by", "22:30", "--dry-run"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    // 22:30 less 14 min 36 s is 22:15:24: start by 22:15.
    CHECK(ran.out.starts_with("The ritual takes 14 min 36 s: start by 22:15 to finish by "
                              "22:30.\n\nNightly wind-down · 14 min 36 s · 10 steps\n"));
    CHECK_FALSE(contains(ran.out, "shortened"));

    const Ran json = tonight_at(utc(k_day, 20, 0), {"--finish-by", "22:30", "--dry-run", "--json"});
    CHECK(json.status == 0);
    CHECK(contains(json.out, R"("now": "20:00",)"));
    CHECK(contains(json.out, R"("finish_by": "22:30",)"));
    CHECK(contains(json.out, R"("bedtime": false,)"));
    CHECK(contains(json.out, R"("seconds_left": 9000,)"));
    CHECK(contains(json.out, R"("start_by": "22:15",)"));
    CHECK(contains(json.out, R"("fit": "full",)"));
    CHECK(contains(json.out, R"("shortened": null)"));
    CHECK(count_in(json.out, R"("routine": "tonight")") == 1);
}

TEST_CASE("tonight --finish-by: after midnight is the next day") {
    // At 23:50, 00:30 is 40 minutes away: the whole ritual fits, started by 00:15.
    const Ran ran = tonight_at(utc(k_day, 23, 50), {"--finish-by", "00:30", "--dry-run", "--json"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, R"("seconds_left": 2400,)"));
    CHECK(contains(ran.out, R"("start_by": "00:15",)"));
    CHECK(contains(ran.out, R"("fit": "full",)"));
}

TEST_CASE("tonight --finish-by: exactly enough time, and one second short") {
    // 22:15:24 leaves 876 s: the whole ritual.
    const Ran exact = tonight_at(utc(k_day, 22, 15, 24), {"--finish-by", "22:30", "--dry-run"});
    CHECK(exact.status == 0);
    CHECK(exact.out.starts_with("The ritual takes 14 min 36 s: start by 22:15"));
    CHECK_FALSE(contains(exact.out, "shortened"));
    // 22:15:25 leaves 875 s: a ritual of 875 s, shown after the whole one.
    const Ran shorter = tonight_at(utc(k_day, 22, 15, 25), {"--finish-by", "22:30", "--dry-run"});
    CHECK(shorter.status == 0);
    CHECK(contains(flat(shorter.out), " It is 22:15, 14 min 35 s before 22:30: a shortened ritual "
                                      "of 14 min 35 s fits, every step in order, the timed ones "
                                      "shorter. "));
    CHECK(contains(flat(shorter.out),
                   "A run with --finish-by does the shortened ritual (the second "
                   "plan below); calmlegs tonight does the whole one."));
    const auto whole = shorter.out.find("\nNightly wind-down · 14 min 36 s · 10 steps\n");
    const auto shortened =
        shorter.out.find("\nNightly wind-down (shortened) · 14 min 35 s · 10 steps\n");
    CHECK(whole != std::string::npos);
    CHECK(shortened != std::string::npos);
    CHECK(whole < shortened);

    const Ran json =
        tonight_at(utc(k_day, 22, 15, 25), {"--finish-by", "22:30", "--dry-run", "--json"});
    CHECK(contains(json.out, R"("fit": "shortened",)"));
    CHECK(contains(json.out, R"("total": 876,)"));
    CHECK(contains(json.out, R"x("title": "Nightly wind-down (shortened)",)x"));
    CHECK(contains(json.out, R"("total": 875,)"));
}

TEST_CASE("tonight --finish-by: too little time even for the shortest ritual") {
    // 22:25 leaves 300 s; the shortest takes 477 s, so it ends at 22:32:57.
    const Ran ran = tonight_at(utc(k_day, 22, 25), {"--finish-by", "22:30", "--dry-run"});
    CHECK(ran.status == 0);
    CHECK(contains(flat(ran.out), "It is 22:25, 5 min before 22:30: even the shortest ritual "
                                  "takes 7 min 57 s, so it ends at 22:32. "));
    CHECK(contains(ran.out, "A run with --finish-by does the shortest ritual"));
    CHECK(contains(ran.out, "\nNightly wind-down (shortest) · 7 min 57 s · 10 steps\n"));
    // One breath, kept whole.
    CHECK(contains(ran.out, "1 cycle: in 4 s · hold 7 s · out 8 s"));
    const Ran json =
        tonight_at(utc(k_day, 22, 25), {"--finish-by", "22:30", "--dry-run", "--json"});
    CHECK(contains(json.out, R"("fit": "shortest",)"));
    CHECK(contains(json.out, R"("total": 477,)"));
}

TEST_CASE("tonight --finish-by: past the time, the whole ritual, said plainly") {
    const Ran ran = tonight_at(utc(k_day, 22, 40), {"--finish-by", "22:30", "--dry-run"});
    CHECK(ran.status == 0);
    CHECK(flat(ran.out).starts_with("It is 22:40, past 22:30: this is the whole ritual (14 min "
                                    "36 s). Nightly wind-down · 14 min 36 s"));
    CHECK_FALSE(contains(ran.out, "shortened"));
    const Ran json =
        tonight_at(utc(k_day, 22, 40), {"--finish-by", "22:30", "--dry-run", "--json"});
    CHECK(contains(json.out, R"("fit": "past",)"));
    CHECK(contains(json.out, R"("shortened": null)"));
}

TEST_CASE("tonight --finish-by alone: the bedtime of the config, tonight's") {
    SUBCASE("no config: 22:30") {
        const Ran ran = tonight_at(utc(k_day, 21, 0), {"--finish-by", "--dry-run"});
        CHECK(ran.status == 0);
        CHECK(ran.out.starts_with("The ritual takes 14 min 36 s: start by 22:15 to finish by "
                                  "your bedtime (22:30).\n"));
        const Ran past = tonight_at(utc(k_day, 22, 40), {"--finish-by", "--dry-run"});
        CHECK(
            flat(past.out).starts_with("It is 22:40, past your bedtime (22:30): this is the whole "
                                       "ritual (14 min 36 s)."));
        // In the morning, last night's bedtime is long gone (over 6 hours): tonight's is
        // meant, 13 h 30 min away. At 04:30, 6 hours after it, last night's has just passed.
        const Ran morning = tonight_at(utc(k_day, 9, 0), {"--finish-by", "--dry-run"});
        CHECK(flat(morning.out).starts_with("It is 09:00, and your bedtime (22:30) is more than "
                                            "12 hours away"));
        const Ran small_hours = tonight_at(utc(k_day, 4, 30), {"--finish-by", "--dry-run"});
        CHECK(small_hours.out.starts_with("It is 04:30, past your bedtime (22:30)"));
        // A time given: 21:00 at 08:00 is tonight's; 22:30 at 23:00 has just passed.
        const Ran early = tonight_at(utc(k_day, 8, 0), {"--finish-by", "21:00", "--dry-run"});
        CHECK(flat(early.out).starts_with("It is 08:00, and 21:00 is more than 12 hours away"));
        const Ran late = tonight_at(utc(k_day, 23, 0), {"--finish-by", "22:30", "--dry-run"});
        CHECK(late.out.starts_with("It is 23:00, past 22:30"));
        // The value may come after the option as "--finish-by=".
        const Ran equals = tonight_at(utc(k_day, 21, 0), {"--finish-by=21:45", "--dry-run"});
        CHECK(equals.out.starts_with("The ritual takes 14 min 36 s: start by 21:30 to finish "
                                     "by 21:45."));
    }
    SUBCASE("a bedtime after midnight belongs to the evening before") {
        const std::string config = "[schedule]\nbedtime = \"00:30\"\n";
        const Ran ran =
            tonight_at(utc(k_day, 23, 50), {"--finish-by", "--dry-run", "--json"}, "UTC", config);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, R"("finish_by": "00:30",)"));
        CHECK(contains(ran.out, R"("bedtime": true,)"));
        CHECK(contains(ran.out, R"("seconds_left": 2400,)"));
        // At noon it is 12 h 30 min away: more than an evening's wait.
        const Ran noon = tonight_at(utc(k_day, 12, 0), {"--finish-by", "--dry-run"}, "UTC", config);
        CHECK(flat(noon.out).starts_with(
            "It is 12:00, and your bedtime (00:30) is more than 12 hours "
            "away: this is the whole ritual (14 min 36 s)."));
    }
    SUBCASE("the weekend's bedtime on a weekend evening") {
        const std::string config =
            "[schedule]\nbedtime = \"22:30\"\n\n[schedule.weekend]\nbedtime = \"23:30\"\n";
        // 2026-03-13 is a Friday.
        const Ran ran =
            tonight_at(utc(2026y / 3 / 13, 23, 0), {"--finish-by", "--dry-run"}, "UTC", config);
        CHECK(ran.out.starts_with("The ritual takes 14 min 36 s: start by 23:15 to finish by "
                                  "your bedtime (23:30).\n"));
    }
}

TEST_CASE("tonight --finish-by: TZ is the clock it counts in, across a DST night") {
    SUBCASE("Europe/Berlin: 13:00 CET is 12:00 UTC") {
        const Ran ran = tonight_at(
            utc(k_day, 12, 0), {"--finish-by", "13:10", "--dry-run", "--json"}, "Europe/Berlin");
        CHECK(contains(ran.out, R"("now": "13:00",)"));
        CHECK(contains(ran.out, R"("seconds_left": 600,)"));
        CHECK(contains(ran.out, R"("fit": "shortened",)"));
    }
    SUBCASE("New York, 2026-03-08: the hour from 02:00 is skipped") {
        // 01:50 EST is 06:50 UTC; 03:10 EDT is 07:10 UTC, 20 minutes away: the whole ritual
        // fits, started by 07:10 less 14 min 36 s = 06:55:24 UTC, 01:55 EST (not 02:55).
        const Instant now = utc(2026y / 3 / 8, 6, 50);
        const Ran ran =
            tonight_at(now, {"--finish-by", "03:10", "--dry-run", "--json"}, "America/New_York");
        CHECK(contains(ran.out, R"("now": "01:50",)"));
        CHECK(contains(ran.out, R"("seconds_left": 1200,)"));
        CHECK(contains(ran.out, R"("start_by": "01:55",)"));
        CHECK(contains(ran.out, R"("fit": "full",)"));
        // 02:30 does not exist that night: the first minute after the gap, 03:00 EDT, 10 min.
        const Ran skipped =
            tonight_at(now, {"--finish-by", "02:30", "--dry-run", "--json"}, "America/New_York");
        CHECK(contains(skipped.out, R"("finish_by": "03:00",)"));
        CHECK(contains(skipped.out, R"("seconds_left": 600,)"));
        CHECK(contains(skipped.out, R"("fit": "shortened",)"));
    }
    SUBCASE("New York, 2026-11-01: the hour from 01:00 comes twice") {
        // 01:40 EST (06:40 UTC), in the second pass: 01:50 EST is 10 minutes away.
        const Ran ran =
            tonight_at(utc(2026y / 11 / 1, 6, 40), {"--finish-by", "01:50", "--dry-run", "--json"},
                       "America/New_York");
        CHECK(contains(ran.out, R"("now": "01:40",)"));
        CHECK(contains(ran.out, R"("seconds_left": 600,)"));
    }
}

TEST_CASE("tonight --finish-by runs the shortened ritual, and says so on stderr") {
    // On the fake clock the run takes no real time; stdout has the plain lines of the run.
    const Ran ran = tonight_at(utc(k_day, 22, 20), {"--finish-by", "22:30"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.err, "The ritual takes 14 min 36 s: start by 22:15 to finish by 22:30.\n"
                            "It is 22:20, 10 min before 22:30: a shortened ritual of 9 min "
                            "59 s fits, every step in order, the timed ones shorter.\n"));
    CHECK(contains(ran.err, "Running the shortened ritual; calmlegs tonight runs the whole one."));
    CHECK(contains(ran.out, "Nightly wind-down (shortened)"));
    CHECK(contains(ran.out, "Warmth in your legs"));
    // With time to spare: the line, then the whole ritual.
    const Ran whole = tonight_at(utc(k_day, 20, 0), {"--finish-by", "22:30", "--json"});
    CHECK(whole.status == 0);
    CHECK(whole.err == "The ritual takes 14 min 36 s: start by 22:15 to finish by 22:30.\n");
    CHECK(whole.out.starts_with("{")); // JSON events only
    CHECK_FALSE(contains(whole.out, "shortened"));
    // Without --finish-by: no line, the whole ritual.
    const Ran plain = tonight_at(utc(k_day, 22, 20), {"--dry-run"});
    CHECK(plain.out.starts_with("Nightly wind-down · 14 min 36 s"));
}

TEST_CASE("tonight --finish-by counts the time at --speed") {
    // At --speed 2 the whole ritual takes 7 min 18 s: it fits into 10 minutes.
    const Ran ran =
        tonight_at(utc(k_day, 22, 20), {"--finish-by", "22:30", "--speed", "2", "--dry-run"});
    CHECK(ran.out.starts_with("The ritual takes 7 min 18 s: start by 22:22 to finish by 22:30."));
    CHECK_FALSE(contains(ran.out, "shortened"));
}

TEST_CASE("tonight --finish-by: a time that is not HH:MM is a usage error") {
    for (const char* wrong : {"25:00", "7", "22:60", "10pm", "Bedtime"}) {
        CAPTURE(wrong);
        const Ran ran = tonight_at(utc(k_day, 20, 0), {"--finish-by", wrong});
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs: --finish-by: expects HH:MM or bedtime: \""));
        CHECK(ran.out.empty());
    }
    // "bedtime" is the bedtime, as no value is (and, for CLI11, an empty one).
    const Ran bedtime = tonight_at(utc(k_day, 21, 0), {"--finish-by", "bedtime", "--dry-run"});
    CHECK(bedtime.status == 0);
    CHECK(contains(bedtime.out, "finish by your bedtime (22:30)."));
}
