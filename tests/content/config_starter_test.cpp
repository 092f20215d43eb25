// The starter config of `calmlegs config --init`, read by the parser as written and with its
// settings switched on: it can never show a setting the parser would refuse.

#include "content/config.h"
#include "content/config_starter.h"

#include "support/check_lines.h"
#include "support/starter.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

using namespace calmlegs;
using calmlegs::test::check_lines;
using calmlegs::test::formatted;
using calmlegs::test::uncommented;

namespace {

Config parsed(const std::string& text) {
    Diagnostics diags;
    auto config = parse_config(text, "config.toml", diags);
    check_lines(formatted(diags), {});
    REQUIRE(config.has_value());
    return *config;
}

/// The keys a table takes, as the parser lists them after an unknown key in it.
std::vector<std::string> listed_keys(const std::string& message) {
    static const std::regex listed(R"(unknown key 'zz_probe'; expected one of: (.*))");
    std::smatch match;
    std::vector<std::string> keys;
    if (!std::regex_match(message, match, listed)) return keys;
    const std::string list = match[1].str();
    for (std::size_t start = 0; start <= list.size();) {
        const std::size_t comma = std::min(list.find(", ", start), list.size());
        keys.push_back(list.substr(start, comma - start));
        start = comma + 2;
    }
    return keys;
}

} // namespace

TEST_CASE("config starter: as written it sets nothing, so the defaults apply") {
    const Config config = parsed(std::string(config_starter()));
    const Config defaults;
    CHECK(config.bell == defaults.bell);
    CHECK(config.cue_command.empty());
    CHECK(config.keep_awake == defaults.keep_awake);
    CHECK_FALSE(config.plan_supplements.has_value());
    CHECK(config.conditions.empty());
    CHECK(config.schedule.nights == defaults.schedule.nights);
    CHECK_FALSE(config.schedule.bedtime_set);
    CHECK_FALSE(config.schedule.weekend.has_value());
    CHECK(config.schedule.weekend_days == defaults.schedule.weekend_days);
    CHECK(config.reminders.off.empty());
    CHECK(config.reminders.own.empty());
    CHECK(config.journal.record_runs == defaults.journal.record_runs);
    CHECK(config.journal.own_triggers.empty());
}

TEST_CASE("config starter: with its settings switched on, each parses to what it says") {
    const std::string text = uncommented(config_starter());
    CAPTURE(text);
    const Config config = parsed(text);
    // The defaults it shows are the parser's defaults.
    const Config defaults;
    CHECK(config.bell == defaults.bell);
    CHECK(config.keep_awake == defaults.keep_awake);
    CHECK(config.schedule.nights.bedtime == defaults.schedule.nights.bedtime);
    CHECK(config.schedule.weekend_days == defaults.schedule.weekend_days);
    CHECK(config.journal.record_runs == defaults.journal.record_runs);
    // The examples.
    CHECK(config.cue_command == std::vector<std::string>{"espeak-ng", "-s", "130"});
    REQUIRE(config.plan_supplements.has_value());
    CHECK(*config.plan_supplements ==
          std::vector<std::string>{"magnesium", "vitamin-d", "ashwagandha", "valerian"});
    CHECK(config.conditions == std::vector<Audience>{Audience::medicines});
    CHECK(config.schedule.bedtime_set);
    CHECK(config.schedule.nights.wake == LocalTime{6, 45});
    REQUIRE(config.schedule.weekend.has_value());
    CHECK(*config.schedule.weekend == NightTimes{LocalTime{23, 30}, LocalTime{8, 0}});
    REQUIRE(config.reminders.off.size() == 1);
    CHECK(config.reminders.off[0].id == "caffeine");
    // One own reminder for each way of giving its time.
    REQUIRE(config.reminders.own.size() == 3);
    const auto& own = config.reminders.own;
    CHECK(own[0].id == "walk");
    CHECK(own[0].title == "Daily walk");
    CHECK(own[0].time == ReminderTime{Anchor::clock, LocalTime{16, 0}, 0});
    REQUIRE(own[0].steps.size() == 1);
    CHECK(own[0].steps[0].number == 7);
    CHECK(own[1].id == "chamomile-tea");
    CHECK(own[1].command == "calmlegs supplement chamomile");
    CHECK(own[1].time == ReminderTime{Anchor::bedtime, LocalTime{}, 90});
    REQUIRE(own[1].supplements.size() == 1);
    CHECK(own[1].supplements[0].id == "chamomile");
    CHECK(own[2].id == "morning-stretch");
    CHECK(own[2].title == own[2].text); // no title: the text stands in
    CHECK(own[2].command == "calmlegs stretch");
    CHECK(own[2].time == ReminderTime{Anchor::wake, LocalTime{7, 15}, 15});
    // Two triggers of one's own, by their names' words.
    const auto& triggers = config.journal.own_triggers;
    REQUIRE(triggers.size() == 2);
    CHECK(triggers[0].id == "cold-feet");
    CHECK(triggers[1].id == "long-drive");
}

TEST_CASE("config starter: every key of every table the parser takes is in it") {
    // An unknown key at the top and under each table header makes the parser list the keys
    // that table takes; each must be written in the starter.
    const std::string text = uncommented(config_starter());
    std::string probed = "zz_probe = 0\n";
    std::vector<std::string> written; // "bell", "[schedule.weekend]"...
    for (const auto& line : split_lines(text)) {
        probed += line + "\n";
        if (line.starts_with("[")) {
            probed += "zz_probe = 0\n";
            written.push_back(line);
        } else if (const auto equals = line.find(" = ");
                   equals != std::string::npos && !line.starts_with("#")) {
            written.push_back(line.substr(0, equals));
        }
    }
    Diagnostics diags;
    REQUIRE(parse_config(probed, "config.toml", diags).has_value());
    std::size_t tables = 0;
    for (const auto& problem : diags.problems()) {
        const auto keys = listed_keys(problem.message);
        CAPTURE(problem.format());
        REQUIRE_FALSE(keys.empty()); // only the probes are wrong
        ++tables;
        for (const auto& key : keys) {
            CAPTURE(key);
            // A table is written as its header: "[schedule.weekend]", "[[reminders.own]]".
            const bool found = std::any_of(written.begin(), written.end(), [&](std::string w) {
                std::erase(w, '[');
                std::erase(w, ']');
                return w == key || w.ends_with("." + key);
            });
            CHECK(found);
        }
    }
    // The top; cues, plan, me, schedule, schedule.weekend, reminders; three own reminders;
    // journal.
    CHECK(tables == 11);
}

TEST_CASE("config starter: plain ASCII, in lines of at most 100 columns") {
    const std::string_view text = config_starter();
    CHECK(std::all_of(text.begin(), text.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    for (const auto& line : split_lines(text)) {
        CAPTURE(line);
        CHECK(line.size() <= 100);
    }
    CHECK(text.ends_with("\n"));
}
