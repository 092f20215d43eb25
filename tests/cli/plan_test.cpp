// calmlegs plan check and supplements --mine, through the command line with a fake System and
// a config of the person's own.

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

/// Runs calmlegs with `config` as its config.toml.
Ran with_config(const std::string& config, std::vector<std::string> words) {
    TempDir dir;
    const std::string path = dir.write("config.toml", config);
    words.insert(words.begin(), {"--config", path});
    FakeSystem system;
    system.vars["COLUMNS"] = "1000"; // one line per paragraph, so that phrases are whole
    return run_cli(words, system);
}

} // namespace

TEST_CASE("plan check: sedatives together, iron beside calcium, and every pregnancy caution") {
    const std::string config = "[plan]\nsupplements = [\"valerian\", \"passionflower\", \"iron\", "
                               "\"calcium\"]\n\n[me]\nconditions = [\"pregnancy\"]\n";
    const Ran ran = with_config(config, {"plan", "check"});
    CHECK(ran.status == 1);
    CHECK(ran.err.empty());
    CHECK(contains(ran.out, "Checked: Valerian, Passionflower, Iron, Calcium. Your conditions: "
                            "pregnancy."));
    CHECK(contains(ran.out, "! Valerian and Passionflower are both sedating"));
    CHECK(contains(ran.out, "! Iron is to be taken at least 2 hours apart from Calcium"));
    CHECK(contains(ran.out, "! Pregnancy, Valerian: "));
    CHECK(contains(ran.out, "! Pregnancy, Iron: "));
    CHECK_FALSE(contains(ran.out, "None of the cautions"));
    // --json: every finding with its kind and its source.
    const Ran json = with_config(config, {"--json", "plan", "check"});
    CHECK(json.status == 1);
    CHECK(contains(json.out, "\"clean\": false"));
    CHECK(contains(json.out, "\"kind\": \"sedatives\""));
    CHECK(contains(json.out, "\"kind\": \"spacing\""));
    CHECK(contains(json.out, "\"kind\": \"condition\""));
    CHECK_FALSE(contains(json.out, "\"source\": null"));
}

TEST_CASE("plan check: magnesium alone, no conditions: clean, with what that covers") {
    const Ran ran = with_config("[plan]\nsupplements = [\"mag\"]\n", {"plan", "check"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "None of the cautions in calmlegs' content applies to this plan."));
    CHECK(contains(ran.out, "That covers only what"));
    CHECK_FALSE(contains(ran.out, "safe"));
    // The top of the guide's range is above the upper limit: said, as a note.
    CHECK(contains(ran.out, "Note: The guide's dose of Magnesium goes up to 400 mg, above the "
                            "upper limit of 350 mg a day"));
}

TEST_CASE("plan check: no plan, a plan that names nothing, a wrong action") {
    const Ran none = with_config("", {"plan", "check"});
    CHECK(none.status == 2);
    CHECK(contains(none.err, "there is no [plan] in your config to check."));
    const Ran wrong = with_config("[plan]\nsupplements = [\"magnesum\"]\n", {"plan", "check"});
    CHECK(wrong.status == 2);
    CHECK(contains(wrong.err, "did you mean \"magnesium\"?"));
    const Ran action = run_cli({"plan", "review"});
    CHECK(action.status == 2);
    CHECK(contains(action.err, "ACTION: expects check, not 'review'"));
}

TEST_CASE("supplements --mine: the plan with dose and time of day") {
    const Ran ran =
        with_config("[plan]\nsupplements = [\"iron\", \"Vitamin D\"]\n", {"supplements", "--mine"});
    CHECK(ran.status == 0);
    CHECK(ran.out.starts_with("Your plan · 2 entries\n"));
    CHECK(contains(ran.out, "25–65 mg"));
    CHECK(contains(ran.out, "Vitamin D"));
    CHECK_FALSE(contains(ran.out, "Magnesium"));
    CHECK(with_config("", {"supplements", "--mine"}).status == 2);
    CHECK(run_cli({"supplements", "--mine", "--all"}).status == 2);
}

TEST_CASE("tonight: one line on what calmlegs is, and a pointer when the plan has findings") {
    const Ran plain = with_config("", {"tonight", "--dry-run"});
    CHECK(plain.status == 0);
    CHECK(contains(plain.out, "not medical advice"));
    const Ran flagged = with_config("[plan]\nsupplements = [\"valerian\", \"passionflower\"]\n",
                                    {"tonight", "--speed", "1000"});
    CHECK(flagged.status == 0);
    CHECK(contains(flagged.err, "your plan has 1 finding to talk through with your doctor; see: "
                                "calmlegs plan check"));
}

TEST_CASE("the acceptance look-ups name the cautions a person needs") {
    struct Case {
        std::string name;
        std::vector<std::string> words;
    };
    const std::vector<Case> cases = {
        {"magnesium", {"kidney disease", "350 mg"}},
        {"iron",
         {"75 ng/mL", "transferrin saturation is below 20%", "elemental iron", "children",
          "haemochromatosis"}},
        {"vitamin d", {"warfarin", "50 ng/mL"}},
        {"ashwagandha", {"pregnant", "liver", "thyroid"}},
        {"valerian", {"alcohol", "driv"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        FakeSystem system;
        system.vars["COLUMNS"] = "1000"; // one line per paragraph, so phrases are whole
        const Ran ran = run_cli({"supplement", c.name}, system);
        CHECK(ran.status == 0);
        for (const auto& word : c.words) {
            CAPTURE(word);
            CHECK(contains(ran.out, word));
        }
    }
    FakeSystem system;
    system.vars["COLUMNS"] = "1000";
    const Ran medicine = run_cli({"supplement", "diphenhydramine"}, system);
    CHECK(medicine.status == 0);
    CHECK(contains(medicine.out, "worse"));
    CHECK(contains(medicine.out, "ask the prescriber"));
    const Ran help = run_cli({"guide", "10"}, system);
    CHECK(contains(help.out, "augmentation"));
}

TEST_CASE("plan check: an empty plan has nothing to review") {
    const Ran ran = with_config("[plan]\nsupplements = []\n", {"plan", "check"});
    CHECK(ran.status == 0);
    CHECK(ran.out == "Your [plan] lists no supplements, so there is nothing to review.\n");
}
