// A supplement's trial fields: trial_washout (2 when absent, 0 to 25) and trial_refusal. The
// shipped iron entry's refusal is checked through `trial start iron` (tests/cli/trial_test.cpp).

#include "content/parse.h"

#include "support/check_lines.h"

#include <doctest/doctest.h>

#include <string>

using namespace calmlegs;
using calmlegs::test::formatted;

namespace {

const char* const k_head = R"(id = "magnesium"
name = "Magnesium"
kind = "mineral"
benefit = "Calms."
dose = ["200–400 mg"]
)";

const char* const k_caution = R"(
[[caution]]
text = "Not with kidney disease."
who = ["kidney-disease"]
source = "guide"
)";

std::optional<Supplement> parsed(const std::string& fields, Diagnostics& diags) {
    return parse_supplement(std::string(k_head) + fields + k_caution, "magnesium.toml", "magnesium",
                            diags);
}

} // namespace

TEST_CASE("a supplement's trial fields: the stated default, a washout, a refusal") {
    Diagnostics diags;
    const auto plain = parsed("", diags);
    REQUIRE(plain);
    CHECK(plain->trial_washout == k_default_trial_washout);
    CHECK(plain->trial_washout == 2);
    CHECK(plain->trial_refusal.empty());
    const auto set = parsed("trial_washout = 5\ntrial_refusal = \"Needs tests.\"\n", diags);
    REQUIRE(set);
    CHECK(formatted(diags).empty());
    CHECK(set->trial_washout == 5);
    CHECK(set->trial_refusal == "Needs tests.");
}

TEST_CASE("a supplement's trial_washout out of range is an error at its key") {
    for (const char* value : {"-1", "26", "\"two\""}) {
        Diagnostics diags;
        (void)parsed(std::string("trial_washout = ") + value + "\n", diags);
        bool named = false;
        for (const std::string& line : formatted(diags))
            named = named || line.find("trial_washout") != std::string::npos;
        CHECK_MESSAGE(named, value);
    }
}
