// The guide sections' doctor_questions key: read as the other section keys are, with its
// problems at file:line:col, and set on the two sections of the shipped step 10 that the
// report lists for a doctor.

#include "content/parse.h"
#include "content/store.h"

#include "support/check_lines.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {

std::string step_with(const std::string& section) {
    return "number = 10\nid = \"help\"\ntitle = \"Help\"\nsummary = \"See a doctor.\"\n\n"
           "[[section]]\n" +
           section;
}

} // namespace

TEST_CASE("parse_step: doctor_questions is a boolean, false unless set") {
    Diagnostics diags;
    auto step = parse_step(step_with("title = \"Ask\"\nitems = [\"a\"]\ndoctor_questions = true\n\n"
                                     "[[section]]\ntitle = \"Other\"\ntext = \"b\"\n"),
                           "steps/10-help.toml", "10-help", diags);
    REQUIRE(step);
    CHECK(diags.size() == 0);
    REQUIRE(step->sections.size() == 2);
    CHECK(step->sections[0].doctor_questions);
    CHECK_FALSE(step->sections[1].doctor_questions);
}

TEST_CASE("parse_step: a doctor_questions of the wrong type, or with nothing to list") {
    Diagnostics wrong;
    parse_step(step_with("title = \"Ask\"\nitems = [\"a\"]\ndoctor_questions = \"yes\"\n"),
               "steps/10-help.toml", "10-help", wrong);
    calmlegs::test::check_lines(formatted(wrong),
                                {"steps/10-help.toml:9:20: 'doctor_questions': expected true or "
                                 "false, found a string"});
    Diagnostics empty;
    parse_step(step_with("title = \"Stack\"\nshow = \"stack\"\ndoctor_questions = true\n"),
               "steps/10-help.toml", "10-help", empty);
    calmlegs::test::check_lines(formatted(empty),
                                {"steps/10-help.toml:9:20: section 'Stack': doctor_questions "
                                 "needs text or items, which the report lists"});
}

TEST_CASE("shipped step 10: the red flags are marked for the doctor") {
    RealFileSystem files;
    ContentStore store(files, {CALMLEGS_TEST_SHIPPED_CONTENT});
    std::vector<std::string> marked;
    for (const Step* step : store.steps())
        for (const Section& section : step->sections)
            if (section.doctor_questions) marked.push_back(section.title);
    CHECK(marked == std::vector<std::string>{"See a doctor first, or soon, when",
                                             "Urgent: one swollen, painful leg"});
    CHECK(store.diagnostics().size() == 0);
}
