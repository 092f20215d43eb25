#include "content/model.h"

#include "content/parse.h"
#include "support/check_lines.h"

#include <doctest/doctest.h>

using namespace calmlegs;

TEST_CASE("parse_time_of_day: the three times, in any case, and nothing else") {
    CHECK(parse_time_of_day("morning") == TimeOfDay::morning);
    CHECK(parse_time_of_day("evening") == TimeOfDay::evening);
    CHECK(parse_time_of_day("bedtime") == TimeOfDay::bedtime);
    // As a person types them: --when Bedtime, --when MORNING.
    CHECK(parse_time_of_day("Bedtime") == TimeOfDay::bedtime);
    CHECK(parse_time_of_day("MORNING") == TimeOfDay::morning);
    CHECK(parse_time_of_day("eVeNiNg") == TimeOfDay::evening);
    for (const char* other : {"", "noon", "bed time", " bedtime", "bedtime ", "bedtim", "night"}) {
        CAPTURE(other);
        CHECK_FALSE(parse_time_of_day(other).has_value());
    }
    // Each parses back from its own spelling, which is lower-case.
    for (const auto& name : time_of_day_names())
        CHECK(to_string(*parse_time_of_day(name)) == name);
}

TEST_CASE("content keeps its exact spelling of times: when = [\"Bedtime\"] is an error") {
    Diagnostics diags;
    const auto s = parse_supplement("id = \"zinc\"\nname = \"Zinc\"\nkind = \"mineral\"\n"
                                    "benefit = \"b\"\ndose = [\"d\"]\ncaution = [{ text = \"c\", "
                                    "who = [\"everyone\"], source = \"guide\" }]\n"
                                    "when = [\"Bedtime\"]\n",
                                    "zinc.toml", "zinc", diags);
    REQUIRE(s.has_value());
    CHECK(s->when.empty());
    test::check_lines(test::formatted(diags),
                      {"zinc.toml:7:9: 'when': expected each of morning, evening, bedtime, found "
                       "\"Bedtime\"; did you mean \"bedtime\"?"});
}
