#include "content/config.h"

#include "content/files.h"

#include "content/temp_dir.h"
#include "support/check_lines.h"

#include <doctest/doctest.h>

#include <filesystem>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;

namespace {

/// What parse_config made of a text, and its problems as sorted file:line:col lines.
struct Parsed {
    std::optional<Config> config;
    std::vector<std::string> problems;
};

Parsed parse(std::string_view text) {
    Diagnostics diags;
    auto config = parse_config(text, "config.toml", diags);
    diags.sort();
    return {std::move(config), formatted(diags)};
}

} // namespace

TEST_CASE("config: an empty file gives the defaults") {
    const Parsed parsed = parse("");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    CHECK(parsed.config->bell == BellCues{});
    CHECK(parsed.config->cue_command.empty());
    CHECK(parsed.config->keep_awake);
    CHECK_FALSE(parsed.config->plan_supplements.has_value());
    CHECK(parsed.config->plan_refs.empty());
    CHECK(parsed.config->file == "config.toml");
}

TEST_CASE("config: [cues] bell and command") {
    SUBCASE("bell = false turns the bell off") {
        const Parsed parsed = parse("[cues]\nbell = false\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues::none());
    }
    SUBCASE("bell = true keeps it on") {
        const Parsed parsed = parse("[cues]\nbell = true\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues{});
    }
    SUBCASE("a [cues] without bell keeps it on") {
        const Parsed parsed = parse("[cues]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->bell == BellCues{});
        CHECK(parsed.config->cue_command.empty());
    }
    SUBCASE("command is the program and its arguments, as written") {
        const Parsed parsed =
            parse("[cues]\ncommand = [\"espeak-ng\", \"-s\", \"130\", \"a b\"]\nbell = false\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->cue_command ==
              std::vector<std::string>{"espeak-ng", "-s", "130", "a b"});
        CHECK(parsed.config->bell == BellCues::none());
    }
    SUBCASE("an empty command is no command") {
        const Parsed parsed = parse("[cues]\ncommand = []\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(parsed.config->cue_command.empty());
    }
}

TEST_CASE("config: [cues] keep_awake is on unless it is false") {
    CHECK(parse("[cues]\n").config->keep_awake);
    CHECK(parse("[cues]\nkeep_awake = true\n").config->keep_awake);
    const Parsed off = parse("[cues]\nkeep_awake = false\nbell = false\n");
    REQUIRE(off.config);
    CHECK(off.problems.empty());
    CHECK_FALSE(off.config->keep_awake);
    CHECK(off.config->bell == BellCues::none()); // the other keys are read as before
}

TEST_CASE("config: [cues] bell takes the kinds of cue to ring at") {
    const auto bell_of = [](const char* text) {
        const Parsed parsed = parse(text);
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        return parsed.config->bell;
    };
    // The default, and true: steps, sides and breaths, not each repetition of an exercise.
    const BellCues defaults = bell_of("");
    CHECK(defaults.step);
    CHECK(defaults.side);
    CHECK(defaults.breath);
    CHECK_FALSE(defaults.rep);
    CHECK(defaults.any());
    CHECK(bell_of("[cues]\nbell = true\n") == defaults);
    CHECK_FALSE(bell_of("[cues]\nbell = false\n").any());
    // A list rings at the kinds it names and no others, in any order, repeats allowed.
    BellCues steps_and_reps = BellCues::none();
    steps_and_reps.step = steps_and_reps.rep = true;
    CHECK(bell_of("[cues]\nbell = [\"rep\", \"step\", \"rep\"]\n") == steps_and_reps);
    BellCues all = steps_and_reps;
    all.side = all.breath = true;
    CHECK(bell_of("[cues]\nbell = [\"step\", \"side\", \"breath\", \"rep\"]\n") == all);
    BellCues breaths = BellCues::none();
    breaths.breath = true;
    CHECK(bell_of("[cues]\nbell = [\"breath\"]\n") == breaths);
    // An empty list is never, as false is.
    CHECK(bell_of("[cues]\nbell = []\n") == BellCues::none());
    CHECK(bell_cue_names() == std::vector<std::string>{"step", "side", "breath", "rep"});
}

TEST_CASE("config: a [cues] bell list names only kinds of cue, each at its file:line:col") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        // "[cues]\nbell = [" is 8 columns on line 2: the first element is at column 9.
        {"[cues]\nbell = [\"reps\"]\n", "config.toml:2:9: 'bell': expected each of step, "
                                        "side, breath, rep, found \"reps\"; did you mean "
                                        "\"rep\"?"},
        {"[cues]\nbell = [\"step\", \"phase\"]\n",
         "config.toml:2:17: 'bell': expected each of step, side, breath, rep, found \"phase\""},
        {"[cues]\nbell = [\"Step\"]\n", "config.toml:2:9: 'bell': expected each of step, "
                                        "side, breath, rep, found \"Step\"; did you mean "
                                        "\"step\"?"},
        {"[cues]\nbell = [\"step\", true]\n",
         "config.toml:2:17: 'bell[1]': expected a string, found a boolean"},
        {"[cues]\nbell = {step = true}\n", "config.toml:2:8: 'bell': expected true, false or an "
                                           "array of step, side, breath, rep, found a table"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, {c.problem});
        // A wrong list falls back to the default, as a wrong type does.
        CHECK(parsed.config->bell == BellCues{});
    }
}

TEST_CASE("config: an empty plan leaves out every supplement, no plan says nothing") {
    SUBCASE("supplements = [] is a plan with nothing in it") {
        const Parsed parsed = parse("[plan]\nsupplements = []\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        REQUIRE(parsed.config->plan_supplements.has_value());
        CHECK(parsed.config->plan_supplements->empty());
        CHECK(parsed.config->plan_refs.empty());
    }
    SUBCASE("no [plan] at all is no plan") {
        const Parsed parsed = parse("[cues]\nbell = true\n");
        REQUIRE(parsed.config);
        CHECK_FALSE(parsed.config->plan_supplements.has_value());
    }
    SUBCASE("a [plan] without supplements is no plan either") {
        const Parsed parsed = parse("[plan]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK_FALSE(parsed.config->plan_supplements.has_value());
    }
    SUBCASE("a plan's names are kept as written, for resolve_plan to read") {
        const Parsed parsed = parse("[plan]\nsupplements = [\"Vitamin D\", \"mag\"]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        CHECK(*parsed.config->plan_supplements == std::vector<std::string>{"Vitamin D", "mag"});
    }
    SUBCASE("the ids of a plan keep their order and where they are written") {
        const Parsed parsed = parse("[plan]\nsupplements = [\"magnesium\", \"iron\"]\n");
        REQUIRE(parsed.config);
        CHECK(parsed.problems.empty());
        REQUIRE(parsed.config->plan_supplements.has_value());
        CHECK(*parsed.config->plan_supplements == std::vector<std::string>{"magnesium", "iron"});
        REQUIRE(parsed.config->plan_refs.size() == 2);
        // "supplements = [" is 15 characters, "\"magnesium\", " 13 more.
        CHECK(parsed.config->plan_refs[0].pos.line == 2);
        CHECK(parsed.config->plan_refs[0].pos.column == 16);
        CHECK(parsed.config->plan_refs[1].pos.column == 29);
    }
}

TEST_CASE("config: a value of the wrong type names file:line:col and what was expected") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"[cues]\nbell = \"yes\"\n",
         "config.toml:2:8: 'bell': expected true, false or an array of step, side, breath, rep, "
         "found a string"},
        {"[cues]\nbell = 1\n", "config.toml:2:8: 'bell': expected true, false or an array of "
                               "step, side, breath, rep, found an integer"},
        {"[cues]\ncommand = \"espeak\"\n",
         "config.toml:2:11: 'command': expected an array of strings, found a string"},
        {"[cues]\ncommand = [\"espeak\", 3]\n",
         "config.toml:2:22: 'command[1]': expected a string, found an integer"},
        {"[cues]\ncommand = [\"espeak\", \" \"]\n",
         "config.toml:2:22: 'command': expected non-empty strings"},
        {"[cues]\nkeep_awake = \"no\"\n",
         "config.toml:2:14: 'keep_awake': expected true or false, found a string"},
        {"[cues]\nkeep_awake = 0\n",
         "config.toml:2:14: 'keep_awake': expected true or false, found an integer"},
        {"[plan]\nsupplements = \"magnesium\"\n",
         "config.toml:2:15: 'supplements': expected an array of strings, found a string"},
        {"[plan]\nsupplements = [\"magnesium\", true]\n",
         "config.toml:2:29: 'supplements[1]': expected a string, found a boolean"},
        {"[plan]\nsupplements = [\"magnesium\", \" \"]\n",
         "config.toml:2:29: 'supplements': expected non-empty strings"},
        {"cues = true\n", "config.toml:1:8: 'cues': expected a table, found a boolean"},
        {"plan = [\"iron\"]\n", "config.toml:1:8: 'plan': expected a table, found an array"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config); // the TOML itself is sound
        check_lines(parsed.problems, {c.problem});
    }
    // A wrong bell falls back to the default rather than to whatever the value looked like.
    CHECK(parse("[cues]\nbell = \"no\"\n").config->bell == BellCues{});
}

TEST_CASE("config: every problem of a file is reported in one pass, in order") {
    const Parsed parsed = parse("[plan]\nsupplements = \"iron\"\n\n[cues]\nbell = \"off\"\n"
                                "command = [1]\n");
    check_lines(parsed.problems,
                {"config.toml:2:15: 'supplements': expected an array of strings, found a string",
                 "config.toml:5:8: 'bell': expected true, false or an array of step, side, "
                 "breath, rep, found a string",
                 "config.toml:6:12: 'command[0]': expected a string, found an integer"});
}

TEST_CASE("config: unknown keys and tables, with a suggestion only when one is close") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        {"[cues]\nbel = true\n", "config.toml:2:1: unknown key 'bel'; did you mean 'bell'?"},
        {"[cues]\nvolume = 3\n",
         "config.toml:2:1: unknown key 'volume'; expected one of: bell, command, keep_awake"},
        // A bell list is read as a list too: it is still one known key.
        {"[cues]\nbell = [\"step\"]\nvolume = 3\n",
         "config.toml:3:1: unknown key 'volume'; expected one of: bell, command, keep_awake"},
        {"[plan]\nsuplements = [\"iron\"]\n",
         "config.toml:2:1: unknown key 'suplements'; did you mean 'supplements'?"},
        {"[plan]\nvitamins = [\"iron\"]\n",
         "config.toml:2:1: unknown key 'vitamins'; expected one of: supplements"},
        {"[cue]\nbell = false\n", "config.toml:1:2: unknown key 'cue'; did you mean 'cues'?"},
        {"[plans]\n", "config.toml:1:2: unknown key 'plans'; did you mean 'plan'?"},
        {"[colours]\nbell = false\n",
         "config.toml:1:2: unknown key 'colours'; expected one of: cues, plan, me, schedule, reminders, journal"},
        // The bell belongs in [cues]: at the top it is an unknown key, not a setting.
        {"bell = false\n", "config.toml:1:1: unknown key 'bell'; expected one of: cues, plan, me, schedule, reminders, journal"},
        // Keys are suggested up to two edits away: "be" is two from "bell", "b" three.
        {"[cues]\nbe = true\n", "config.toml:2:1: unknown key 'be'; did you mean 'bell'?"},
        {"[cues]\nb = true\n",
         "config.toml:2:1: unknown key 'b'; expected one of: bell, command, keep_awake"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, {c.problem});
    }
    // A misspelt key sets nothing: the plan stays unset rather than empty.
    CHECK_FALSE(parse("[plan]\nsuplements = [\"iron\"]\n").config->plan_supplements.has_value());
    // An unknown table is not read: its bell does not turn the bell off.
    CHECK(parse("[cue]\nbell = false\n").config->bell == BellCues{});
}

TEST_CASE("config: a TOML syntax error gives its position and no config") {
    Diagnostics diags;
    // 'yes' is neither a string nor a boolean; toml++ stops at the value's first character.
    const auto config = parse_config("[cues]\nbell = yes\n", "config.toml", diags);
    CHECK_FALSE(config.has_value());
    check_lines(formatted(diags), {"config.toml:2:8: TOML syntax error: Error while parsing "
                                   "value: could not determine value type"});
}

TEST_CASE("config: reading the file, a missing file and one that cannot be read say why") {
    // Context::config reports "cannot read the config FILE: <why>" with these reasons.
    const test::TempDir dir;
    RealFileSystem files;
    std::string why;

    const std::string written = dir.write("config.toml", "[cues]\nbell = false\n");
    const auto text = files.read(written, why);
    REQUIRE(text);
    CHECK(*text == "[cues]\nbell = false\n");

    why.clear();
    CHECK_FALSE(files.read(dir.path() + "/none.toml", why).has_value());
    CHECK(why == "No such file or directory");
    CHECK_FALSE(files.is_file(dir.path() + "/none.toml"));

    // Permissions do not stop root, so the unreadable file here is one no one can read: a
    // directory in its place.
    why.clear();
    std::filesystem::create_directory(dir.path() + "/dir.toml");
    CHECK_FALSE(files.read(dir.path() + "/dir.toml", why).has_value());
    CHECK(why == "is a directory");
}

TEST_CASE("config: [me] conditions in the cautions' vocabulary, each once") {
    const Parsed ok =
        parse("[me]\nconditions = [\"pregnancy\", \"kidney-disease\", \"pregnancy\"]\n");
    REQUIRE(ok.config);
    CHECK(ok.problems.empty());
    CHECK(ok.config->conditions ==
          std::vector<Audience>{Audience::pregnancy, Audience::kidney_disease});
    CHECK(parse("").config->conditions.empty());
    // A word outside the vocabulary, and "everyone", are errors where they are written.
    const Parsed bad = parse("[me]\nconditions = [\"pregnancy\", \"pregnacy\", \"everyone\"]\n");
    REQUIRE(bad.problems.size() == 2);
    CHECK(bad.problems[0].starts_with("config.toml:2:28: 'conditions': expected each of "));
    CHECK(bad.problems[0].ends_with("found \"pregnacy\"; did you mean \"pregnancy\"?"));
    CHECK(bad.problems[1] ==
          "config.toml:2:40: 'conditions': \"everyone\" is no condition; list only what applies "
          "to you, such as \"pregnancy\" or \"kidney-disease\"");
    const Parsed unknown = parse("[me]\ncondition = [\"pregnancy\"]\n");
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].starts_with("config.toml:2:1: unknown key 'condition'"));
}

// [schedule] and [reminders] (issue 11). Days of March 2026: the 6th is a Friday, the 7th a
// Saturday, the 8th a Sunday (the 1st is a Sunday: 59 days after Thursday, 1 January).

namespace {

Date march(unsigned day) {
    return Date{std::chrono::year{2026}, std::chrono::March, std::chrono::day{day}};
}

} // namespace

TEST_CASE("config: [schedule] defaults: bedtime 22:30, no wake time, no weekend") {
    const Parsed parsed = parse("");
    REQUIRE(parsed.config);
    const ScheduleConfig& schedule = parsed.config->schedule;
    CHECK(schedule.nights.bedtime == LocalTime{22, 30});
    CHECK_FALSE(schedule.nights.wake.has_value());
    CHECK_FALSE(schedule.bedtime_set);
    CHECK_FALSE(schedule.weekend.has_value());
    CHECK(schedule.weekend_days ==
          std::vector<std::chrono::weekday>{std::chrono::Friday, std::chrono::Saturday});
    // Without [schedule.weekend], every night has the same times.
    for (unsigned day = 1; day <= 14; ++day)
        CHECK(&schedule.night_of(march(day)) == &schedule.nights);
    CHECK(parsed.config->reminders.off.empty());
    CHECK(parsed.config->reminders.own.empty());
    // An empty [schedule] is the same.
    const Parsed empty = parse("[schedule]\n[reminders]\n");
    REQUIRE(empty.config);
    CHECK(empty.problems.empty());
    CHECK(empty.config->schedule.nights == NightTimes{});
    CHECK_FALSE(empty.config->schedule.bedtime_set);
}

TEST_CASE("config: [schedule] bedtime and wake, a bedtime after midnight too") {
    const Parsed parsed = parse("[schedule]\nbedtime = \"23:15\"\nwake = \"7:05\"\n");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    CHECK(parsed.config->schedule.nights.bedtime == LocalTime{23, 15});
    CHECK(parsed.config->schedule.nights.wake == LocalTime{7, 5});
    CHECK(parsed.config->schedule.bedtime_set);
    CHECK_FALSE(parsed.config->schedule.weekend.has_value());

    const Parsed late = parse("[schedule]\nbedtime = \"00:30\"\n");
    REQUIRE(late.config);
    CHECK(late.problems.empty());
    CHECK(late.config->schedule.nights.bedtime == LocalTime{0, 30});
    CHECK(late.config->schedule.bedtime_set);
    // Writing the default is setting it.
    CHECK(parse("[schedule]\nbedtime = \"22:30\"\n").config->schedule.bedtime_set);
}

TEST_CASE("config: [schedule.weekend] overrides the nights of Friday and Saturday") {
    const Parsed parsed = parse("[schedule]\nbedtime = \"22:30\"\nwake = \"06:45\"\n\n"
                                "[schedule.weekend]\nbedtime = \"23:30\"\n");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    const ScheduleConfig& schedule = parsed.config->schedule;
    REQUIRE(schedule.weekend.has_value());
    // A time the weekend does not set is the week's.
    CHECK(*schedule.weekend == NightTimes{LocalTime{23, 30}, LocalTime{6, 45}});
    CHECK(schedule.weekend_days ==
          std::vector<std::chrono::weekday>{std::chrono::Friday, std::chrono::Saturday});
    // A night belongs to the evening it starts on: Friday's and Saturday's are the weekend's.
    CHECK(schedule.night_of(march(5)).bedtime == LocalTime{22, 30});  // Thursday
    CHECK(schedule.night_of(march(6)).bedtime == LocalTime{23, 30});  // Friday
    CHECK(schedule.night_of(march(7)).bedtime == LocalTime{23, 30});  // Saturday
    CHECK(schedule.night_of(march(8)).bedtime == LocalTime{22, 30});  // Sunday
    CHECK(schedule.night_of(march(9)).bedtime == LocalTime{22, 30});  // Monday
    CHECK(schedule.night_of(march(13)).bedtime == LocalTime{23, 30}); // the next Friday
}

TEST_CASE("config: [schedule.weekend] days, and a weekend that sets the wake time only") {
    const Parsed parsed =
        parse("[schedule]\nbedtime = \"22:00\"\n\n[schedule.weekend]\nwake = \"08:00\"\n"
              "days = [\"saturday\", \"sunday\"]\n");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    const ScheduleConfig& schedule = parsed.config->schedule;
    CHECK(schedule.weekend_days ==
          std::vector<std::chrono::weekday>{std::chrono::Saturday, std::chrono::Sunday});
    REQUIRE(schedule.weekend.has_value());
    CHECK(*schedule.weekend == NightTimes{LocalTime{22, 0}, LocalTime{8, 0}});
    CHECK_FALSE(schedule.night_of(march(6)).wake.has_value());  // Friday: the week's
    CHECK(schedule.night_of(march(7)).wake == LocalTime{8, 0}); // Saturday
    CHECK(schedule.night_of(march(8)).wake == LocalTime{8, 0}); // Sunday (7 in chrono, and 0)
    CHECK_FALSE(schedule.night_of(march(9)).wake.has_value());  // Monday

    // Every day by name, Monday first.
    const Parsed all = parse("[schedule.weekend]\nbedtime = \"23:00\"\ndays = [\"monday\", "
                             "\"tuesday\", \"wednesday\", \"thursday\", \"friday\", "
                             "\"saturday\", \"sunday\"]\n");
    REQUIRE(all.config);
    CHECK(all.problems.empty());
    for (unsigned day = 1; day <= 7; ++day)
        CHECK(all.config->schedule.night_of(march(day)).bedtime == LocalTime{23, 0});
    CHECK(weekday_names().front() == "monday");
}

TEST_CASE("config: a wrong time or day in [schedule] says where and what to write") {
    struct Case {
        const char* text;
        const char* problem;
    };
    const std::vector<Case> cases = {
        // "bedtime = " is 10 columns: the value starts at 11.
        {"[schedule]\nbedtime = \"25:00\"\n",
         "config.toml:2:11: 'bedtime': \"25:00\": the hour must be 0 to 23"},
        {"[schedule]\nbedtime = \"9pm\"\n",
         "config.toml:2:11: 'bedtime': \"9pm\" is not a time of day as HH:MM (24-hour clock, "
         "e.g. 22:30)"},
        {"[schedule]\nwake = \"6.45\"\n",
         "config.toml:2:8: 'wake': \"6.45\" is not a time of day as HH:MM (24-hour clock, e.g. "
         "22:30)"},
        {"[schedule.weekend]\nbedtime = \"23:60\"\n",
         "config.toml:2:11: 'bedtime': \"23:60\": the minutes must be 00 to 59"},
        {"[schedule]\nbedtime = 2230\n",
         "config.toml:2:11: 'bedtime': expected a string, found an integer"},
        // A TOML time is no string: said in words a person can act on.
        {"[schedule]\nbedtime = 22:30:00\n",
         "config.toml:2:11: 'bedtime': expected a string such as \"22:30\", found a time; write "
         "it in quotes"},
        // "days = [" is 8 columns; "\"friday\", " 10 more.
        {"[schedule.weekend]\ndays = [\"friday\", \"satruday\"]\n",
         "config.toml:2:19: 'days': expected each of monday, tuesday, wednesday, thursday, "
         "friday, saturday, sunday, found \"satruday\"; did you mean \"saturday\"?"},
        {"[schedule.weekend]\ndays = [\"Sunday\"]\n",
         "config.toml:2:9: 'days': expected each of monday, tuesday, wednesday, thursday, "
         "friday, saturday, sunday, found \"Sunday\"; did you mean \"sunday\"?"},
        {"[schedule.weekend]\ndays = [\"weekend\"]\n",
         "config.toml:2:9: 'days': expected each of monday, tuesday, wednesday, thursday, "
         "friday, saturday, sunday, found \"weekend\""},
        {"[schedule.weekend]\ndays = \"friday\"\n",
         "config.toml:2:8: 'days': expected an array of strings, found a string"},
        {"[schedule]\nweekend = true\n",
         "config.toml:2:11: 'weekend': expected a table, found a boolean"},
        {"[schedule]\nbedtme = \"23:00\"\n",
         "config.toml:2:1: unknown key 'bedtme'; did you mean 'bedtime'?"},
        {"[schedule.weekend]\nday = [\"friday\"]\n",
         "config.toml:2:1: unknown key 'day'; did you mean 'days'?"},
        {"schedule = \"22:30\"\n",
         "config.toml:1:12: 'schedule': expected a table, found a string"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, {c.problem});
    }
    // A wrong bedtime sets nothing.
    const Parsed wrong = parse("[schedule]\nbedtime = \"25:00\"\n");
    CHECK_FALSE(wrong.config->schedule.bedtime_set);
    CHECK(wrong.config->schedule.nights.bedtime == LocalTime{22, 30});
}

TEST_CASE("config: [reminders] off and [[reminders.own]] at a time, before bedtime, after waking") {
    const Parsed parsed = parse(R"([reminders]
off = ["caffeine", "screens"]

[[reminders.own]]
id = "stretch-break"
title = "Stretch break"
text = "Stand up and do ten calf raises."
command = "calmlegs stretch"
before_bedtime = 120

[[reminders.own]]
id = "walk"
text = "A short walk in daylight."
after_wake = 30
at = "07:30"

[[reminders.own]]
id = "tea"
text = "Chamomile tea, not coffee."
at = "16:00"
supplements = ["chamomile"]
steps = [2, 4]

[[reminders.own]]
id = "after-bed"
text = "Still awake? Try the breathing."
command = "calmlegs"
before_bedtime = -30
)");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    const ReminderSettings& reminders = parsed.config->reminders;
    REQUIRE(reminders.off.size() == 2);
    CHECK(reminders.off[0].id == "caffeine");
    CHECK(reminders.off[1].id == "screens");
    // "off = [" is 7 columns, "\"caffeine\", " 12 more.
    CHECK(reminders.off[1].pos.line == 2);
    CHECK(reminders.off[1].pos.column == 20);

    REQUIRE(reminders.own.size() == 4);
    const ScheduleItem& stretch = reminders.own[0];
    CHECK(stretch.id == "stretch-break");
    CHECK(stretch.title == "Stretch break");
    CHECK(stretch.text == "Stand up and do ten calf raises.");
    CHECK(stretch.command == "calmlegs stretch");
    CHECK(stretch.time == ReminderTime{Anchor::bedtime, LocalTime{}, 120});
    CHECK(stretch.own);
    CHECK(stretch.file == "config.toml");
    CHECK(stretch.pos.line == 4);

    // No title: the text stands in.
    const ScheduleItem& walk = reminders.own[1];
    CHECK(walk.title == "A short walk in daylight.");
    CHECK(walk.command.empty());
    CHECK(walk.time == ReminderTime{Anchor::wake, LocalTime{7, 30}, 30});

    const ScheduleItem& tea = reminders.own[2];
    CHECK(tea.time == ReminderTime{Anchor::clock, LocalTime{16, 0}, 0});
    REQUIRE(tea.supplements.size() == 1);
    CHECK(tea.supplements[0].id == "chamomile");
    REQUIRE(tea.steps.size() == 2);
    CHECK(tea.steps[0].number == 2);
    CHECK(tea.steps[1].number == 4);

    // A negative offset is after bedtime; "calmlegs" alone is a command line too.
    CHECK(reminders.own[3].time == ReminderTime{Anchor::bedtime, LocalTime{}, -30});
    CHECK(reminders.own[3].command == "calmlegs");
}

TEST_CASE("config: a wrong [[reminders.own]] is reported where it is written") {
    struct Case {
        const char* text;
        std::vector<std::string> problems;
    };
    const char* const head = "[[reminders.own]]\nid = \"walk\"\ntext = \"A walk.\"\n";
    const std::vector<Case> cases = {
        // No time at all: said at the table.
        {"",
         {"config.toml:1:1: expected 'at = \"HH:MM\"' or 'before_bedtime = MINUTES': when "
          "the reminder fires"}},
        // "before_bedtime = " is 17 columns.
        {"at = \"19:00\"\nbefore_bedtime = 60\n",
         {"config.toml:5:18: 'before_bedtime': give either it or 'at' and 'after_wake', not "
          "both"}},
        {"after_wake = 15\nbefore_bedtime = 60\n",
         {"config.toml:5:18: 'before_bedtime': give either it or 'at' and 'after_wake', not "
          "both"}},
        // "after_wake = " is 13 columns.
        {"after_wake = 15\n",
         {"config.toml:4:14: 'after_wake': also give 'at', the time used on days without a "
          "wake time in the config"}},
        {"at = \"25:00\"\n", {"config.toml:4:6: 'at': \"25:00\": the hour must be 0 to 23"}},
        {"before_bedtime = 800\n",
         {"config.toml:4:18: 'before_bedtime': expected an integer from -720 to 720, found 800"}},
        {"after_wake = -5\nat = \"07:00\"\n",
         {"config.toml:4:14: 'after_wake': expected an integer from 0 to 720, found -5"}},
        // "command = " is 10 columns.
        {"at = \"19:00\"\ncommand = \"espeak hello\"\n",
         {"config.toml:5:11: 'command': expected a calmlegs command line such as \"calmlegs "
          "tonight\", found \"espeak hello\""}},
        {"at = \"19:00\"\ncommand = \"calmlegsd tonight\"\n",
         {"config.toml:5:11: 'command': expected a calmlegs command line such as \"calmlegs "
          "tonight\", found \"calmlegsd tonight\""}},
        {"at = \"19:00\"\nbefor_bedtime = 60\n",
         {"config.toml:5:1: unknown key 'befor_bedtime'; did you mean 'before_bedtime'?"}},
    };
    for (const auto& c : cases) {
        const std::string text = head + std::string(c.text);
        CAPTURE(text);
        const Parsed parsed = parse(text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, c.problems);
    }
}

TEST_CASE("config: [[reminders.own]] ids: required, well formed, each once") {
    struct Case {
        const char* text;
        std::vector<std::string> problems;
    };
    const std::vector<Case> cases = {
        {"[[reminders.own]]\ntext = \"A walk.\"\nat = \"19:00\"\n",
         {"config.toml:1:1: missing required key 'id' (expected a string)"}},
        {"[[reminders.own]]\nid = \"Evening Walk\"\ntext = \"A walk.\"\nat = \"19:00\"\n",
         {"config.toml:2:6: 'id': expected lowercase letters, digits and '-', found \"Evening "
          "Walk\""}},
        {"[[reminders.own]]\nid = \"walk\"\nat = \"19:00\"\n",
         {"config.toml:1:1: missing required key 'text' (expected a string)"}},
        {"[[reminders.own]]\nid = \"walk\"\ntext = \"A walk.\"\nat = \"19:00\"\n\n"
         "[[reminders.own]]\nid = \"walk\"\ntext = \"Another walk.\"\nat = \"20:00\"\n",
         {"config.toml:7:6: duplicate id \"walk\" (first defined at line 2)"}},
        {"[reminders]\noff = [\"Caffeine\"]\n",
         {"config.toml:2:8: 'off': expected ids of lowercase letters, digits and '-', found "
          "\"Caffeine\""}},
        {"[reminders]\nown = {id = \"walk\"}\n",
         {"config.toml:2:7: 'own': expected an array of tables, found a table"}},
        {"[reminders]\nof = [\"caffeine\"]\n",
         {"config.toml:2:1: unknown key 'of'; did you mean 'off'?"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, c.problems);
    }
    // The duplicate is left out; the first stays.
    const Parsed twice = parse(cases[3].text);
    REQUIRE(twice.config->reminders.own.size() == 1);
    CHECK(twice.config->reminders.own[0].text == "A walk.");
}

TEST_CASE("config: [journal] defaults: runs recorded, no triggers of one's own") {
    const Parsed empty = parse("");
    REQUIRE(empty.config);
    CHECK(empty.config->journal.record_runs);
    CHECK(empty.config->journal.own_triggers.empty());
    const Parsed table = parse("[journal]\n");
    REQUIRE(table.config);
    CHECK(table.problems.empty());
    CHECK(table.config->journal.record_runs);
}

TEST_CASE("config: [journal] record_runs = false, and the person's own triggers") {
    const Parsed parsed =
        parse("[journal]\nrecord_runs = false\ntriggers = [\"cold feet\", \"Long drive\"]\n");
    REQUIRE(parsed.config);
    CHECK(parsed.problems.empty());
    const JournalConfig& journal = parsed.config->journal;
    CHECK_FALSE(journal.record_runs);
    REQUIRE(journal.own_triggers.size() == 2);
    CHECK(journal.own_triggers[0].id == "cold-feet");
    CHECK(journal.own_triggers[1].id == "long-drive");
    CHECK(journal.own_triggers[1].name == "Long drive");
    CHECK(journal.own_triggers[1].pos.line == 3);
    CHECK(journal.own_triggers[1].pos.column == 26);
    // An empty list is no trigger.
    CHECK(parse("[journal]\ntriggers = []\n").config->journal.own_triggers.empty());
}

TEST_CASE("config: a wrong [journal] is reported where it is written") {
    struct Case {
        const char* text;
        std::vector<std::string> problems;
    };
    const std::vector<Case> cases = {
        {"[journal]\nrecord_runs = \"no\"\n",
         {"config.toml:2:15: 'record_runs': expected true or false, found a string"}},
        {"[journal]\nrecord_run = false\n",
         {"config.toml:2:1: unknown key 'record_run'; did you mean 'record_runs'?"}},
        {"[journal]\nsupplements = []\n",
         {"config.toml:2:1: unknown key 'supplements'; expected one of: record_runs, "
          "triggers"}},
        {"[journal]\ntriggers = \"cold feet\"\n",
         {"config.toml:2:12: 'triggers': expected an array of strings, found a string"}},
        {"[journal]\ntriggers = [\"cold feet\", 3]\n",
         {"config.toml:2:26: 'triggers[1]': expected a string, found an integer"}},
        {"[journal]\ntriggers = [\"\", \"!?\"]\n",
         {"config.toml:2:13: 'triggers': expected non-empty strings",
          "config.toml:2:17: 'triggers': \"!?\" has no letter or digit to name it by; write a few "
          "words, such as \"cold feet\""}},
        // Two names that a look-up cannot tell apart are one trigger.
        {"[journal]\ntriggers = [\"cold feet\",\n  \"Cold-Feet\", \"coldfeet\"]\n",
         {"config.toml:3:3: 'triggers': \"Cold-Feet\" repeats \"cold feet\" (line 2): names are "
          "compared ignoring case, spaces and punctuation; write it once",
          "config.toml:3:16: 'triggers': \"coldfeet\" repeats \"cold feet\" (line 2): names are "
          "compared ignoring case, spaces and punctuation; write it once"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const Parsed parsed = parse(c.text);
        REQUIRE(parsed.config);
        check_lines(parsed.problems, c.problems);
    }
    // The repeats are left out; the first stays.
    const Parsed twice = parse(cases[6].text);
    REQUIRE(twice.config->journal.own_triggers.size() == 1);
    CHECK(twice.config->journal.own_triggers[0].name == "cold feet");
}
