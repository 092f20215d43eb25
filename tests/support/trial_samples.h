#pragma once
// What the tests of the evening's commands during a trial share: the acceptance's trial, put in
// a FakeSystem's journal directly, its nights, and output made easy to search.

#include "journal/trial.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

#include <string>

namespace calmlegs::test {

/// The acceptance's design: 3 pairs of 7-night blocks from 2026-01-05 (a Monday), 2 washout
/// nights a block, seed 42; magnesium unless told otherwise.
inline TrialDesign sample_trial(TrialSubject kind = TrialSubject::supplement,
                                const std::string& subject = "magnesium",
                                Date start = Date{std::chrono::year{2026}, std::chrono::January,
                                                  std::chrono::day{5}}) {
    TrialDesign design;
    design.kind = kind;
    design.subject = subject;
    design.pairs = 3;
    design.block = 7;
    design.washout = 2;
    design.start = start;
    design.seed = 42;
    return design;
}

/// Puts `design` in the journal as a trial started the night before it begins.
inline Trial add_trial(FakeSystem& system, const TrialDesign& design) {
    system.journal_exists = true;
    Trial trial;
    trial.design = design;
    std::string why;
    REQUIRE_MESSAGE(system.journal->add_trial(trial, add_days(design.start, -1), why), why);
    return trial;
}

/// The first night of the schedule that is ON (or OFF), searching from night `from` (0-based).
inline TrialNight first_night(const TrialDesign& design, bool on, int from = 0) {
    for (const auto& night : trial_schedule(design))
        if (night.index >= from && night.on == on) return night;
    FAIL("no such night");
    return {};
}

/// "night 9 of 42": how the line numbers `night` of a 42-night trial.
inline std::string numbered(const TrialNight& night) {
    return "night " + std::to_string(night.index + 1) + " of 42";
}

/// JSON as printed (one value a line, indented) on one line: "\"on\": false,\"night\": 3".
inline std::string joined(const std::string& json) {
    std::string out;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] != '\n') {
            out += json[i];
            continue;
        }
        while (i + 1 < json.size() && json[i + 1] == ' ')
            ++i;
    }
    return out;
}

/// `text` with each run of spaces and newlines as one space.
inline std::string flat(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n';
        if (!space || (!out.empty() && out.back() != ' ')) out += space ? ' ' : c;
    }
    return out;
}

} // namespace calmlegs::test
