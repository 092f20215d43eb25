// calmlegs report driven as whole command lines on an in-memory journal (FakeSystem): the page
// written privately, the data as JSON, what it needs to be told, an empty journal, the period
// and the plan's doses and comparisons in the terminal's words.

#include "content/names.h"
#include "content/temp_dir.h"
#include "journal/json_value.h"
#include "support/fake_system.h"
#include "ui/html.h"
#include "ui/text.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

Date date(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

/// Tonight is the night of 8 March 2026 (FakeSystem's clock: noon UTC).
const Date k_tonight = date(2026, 3, 8);

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Stores a night as it is.
void put_night(FakeSystem& system, Night night) {
    bool replaced = false;
    std::string why;
    const Date on = night.date;
    REQUIRE_MESSAGE(system.journal->change_night(
                        on, [&](const std::optional<Night>&) { return night; }, replaced, why),
                    why);
    system.journal_exists = true;
}

/// 59 nights logged, 8 January to 7 March 2026 (tonight is not logged yet): severity 6 and 7
/// by turns for the first 30, then 3 and 4 with magnesium and valerian, both started on 7
/// February; caffeine on every fifth night; the last night with a note.
void fill_journal(FakeSystem& system, const std::string& own_trigger = {}) {
    const Date first = date(2026, 1, 8);
    for (int i = 0; i < 59; ++i) {
        Night night;
        night.date = add_days(first, i);
        const bool taking = i >= 30;
        night.severity = (taking ? 3 : 6) + i % 2;
        night.sleep = taking ? 4 : 2;
        if (taking) night.supplements = {"magnesium", "valerian"};
        if (i % 5 == 0) night.triggers.push_back("caffeine");
        if (!own_trigger.empty() && i % 10 == 0)
            night.triggers.push_back(id_from_name(own_trigger));
        std::sort(night.triggers.begin(), night.triggers.end());
        if (i == 58) night.note = "<script>alert(1)</script>";
        put_night(system, night);
    }
}

/// Runs a command line on `system` with its streams emptied first.
Ran run_fresh(const std::vector<std::string>& words, FakeSystem& system) {
    system.out_.text_.clear();
    system.err_.text_.clear();
    return run_cli(words, system);
}

std::optional<JsonValue> json_of(const std::string& text) {
    JsonError error;
    auto value = parse_json(text, error);
    if (!value) MESSAGE(error.message);
    return value;
}

} // namespace

TEST_CASE("cli report: writes the page privately and says where") {
    FakeSystem system;
    fill_journal(system);
    TempDir dir;
    const std::string file = dir.path() + "/r.html";
    const Ran ran = run_fresh({"report", "--html", file}, system);
    CHECK(ran.status == 0);
    CHECK(ran.err == "");
    CHECK(ran.out == "Wrote the report of 59 logged nights (2026-01-08 to 2026-03-08) to " + file +
                         ": open it in a browser to read or print.\n");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    const std::string page = read_text(file);
    CHECK(page.starts_with("<!DOCTYPE html>"));
    CHECK(contains(page, "<title>calmlegs: RLS nights, 8 January to 8 March 2026</title>"));
    CHECK(contains(page, "The 60 nights from 8 January to 8 March 2026: 59 logged."));
    CHECK(contains(page, "<svg "));
    CHECK(contains(page, "<table class=\"weeks\">"));
    // The note is text, and the page has no script element.
    CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_FALSE(contains(page, "<script"));
    // The questions come from the guide's step 10.
    CHECK(contains(page, "See a doctor first, or soon, when"));
    CHECK(contains(page, "Urgent: one swollen, painful leg"));
    CHECK(contains(page, "You are pregnant."));
    CHECK(contains(page, "not medical advice"));

    SUBCASE("a path that needs quoting is quoted in the line") {
        const std::string spaced = dir.path() + "/my report.html";
        const Ran again = run_fresh({"report", "--html", spaced}, system);
        CHECK(again.status == 0);
        CHECK(contains(again.out, "to '" + spaced + "': open it"));
        CHECK(std::filesystem::exists(spaced));
    }
    SUBCASE("- writes the page to standard output, and nothing else") {
        const Ran out = run_fresh({"report", "--html", "-"}, system);
        CHECK(out.status == 0);
        CHECK(out.out.starts_with("<!DOCTYPE html>"));
        CHECK(out.out.ends_with("</html>\n"));
    }
    SUBCASE("an older report is written over; any other file is left as it is") {
        const Ran again = run_fresh({"report", "--html", file}, system);
        CHECK(again.status == 0);
        const std::string other = dir.path() + "/notes.html";
        for (const std::string& text :
             {std::string("<!DOCTYPE html>\n<html><head><title>mine</title></head></html>\n"),
              std::string("SQLite format 3"), std::string("[plan]\n")}) {
            { std::ofstream(other, std::ios::binary) << text; }
            const Ran refused = run_fresh({"report", "--html", other}, system);
            CHECK(refused.status == 2);
            CHECK(contains(refused.err, "already exists and is not a calmlegs report"));
            CHECK(contains(refused.err, "calmlegs report --html report.html"));
            CHECK(refused.out == "");
            CHECK(read_text(other) == text);
        }
        // A pipe (or a device) is no older report either.
        const std::string pipe = dir.path() + "/pipe";
        REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
        const Ran fifo = run_fresh({"report", "--html", pipe}, system);
        CHECK(fifo.status == 2);
        CHECK(contains(fifo.err, "already exists and is not a calmlegs report"));
        struct stat still {};
        REQUIRE(::lstat(pipe.c_str(), &still) == 0);
        CHECK(S_ISFIFO(still.st_mode));
        const Ran directory = run_fresh({"report", "--html", dir.path()}, system);
        CHECK(directory.status == 2);
        CHECK(contains(directory.err, "is a directory"));
    }
    SUBCASE("a file that cannot be written is status 74") {
        const Ran failed =
            run_fresh({"report", "--html", dir.path() + "/no/such/dir/r.html"}, system);
        CHECK(failed.status == 74);
        CHECK(contains(failed.err, "calmlegs: cannot write"));
        CHECK(failed.out == "");
    }
}

TEST_CASE("cli report: --json writes the same report's data") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] =
        dir.write("config.toml", "[plan]\nsupplements = [\"magnesium\"]\n");
    fill_journal(system);
    const Ran ran = run_fresh({"report", "--json"}, system);
    REQUIRE(ran.status == 0);
    const auto root = json_of(ran.out);
    REQUIRE(root);
    CHECK(root->find("period")->find("from")->text == "2026-01-08");
    CHECK(root->find("period")->find("to")->text == "2026-03-08");
    CHECK(root->find("period")->find("nights")->text == "60");
    CHECK(root->find("nights_logged")->text == "59");
    CHECK(root->find("progress")->find("nights")->items.size() == 60);
    CHECK(root->find("stats")->find("first_night")->text == "2026-01-08");
    const auto& plan = root->find("plan")->items;
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].find("name")->text == "Magnesium");
    CHECK(plan[0].find("dose")->items.at(0).text == "200–400 mg");
    CHECK(plan[0].find("timing")->text == "Before bed");
    const auto& comparisons = root->find("comparisons")->items;
    REQUIRE(comparisons.size() == 1);
    CHECK(comparisons[0].find("comparison")->find("subject")->find("id")->text == "magnesium");
    CHECK(comparisons[0].find("comparison")->find("started")->text == "2026-02-07");
    const auto& triggers = root->find("triggers")->items;
    REQUIRE(triggers.size() == 1);
    CHECK(triggers[0].find("name")->text == "Caffeine after noon");
    CHECK(triggers[0].find("nights")->text == "12"); // nights 0, 5, ..., 55
    const auto& questions = root->find("doctor_questions")->items;
    REQUIRE(questions.size() == 2);
    CHECK(questions[0].find("title")->text == "See a doctor first, or soon, when");
    CHECK(questions[1].find("title")->text == "Urgent: one swollen, painful leg");

    SUBCASE("with --html FILE too: the data on standard output, the page in the file") {
        const std::string file = dir.path() + "/r.html";
        const Ran both = run_fresh({"report", "--json", "--html", file}, system);
        CHECK(both.status == 0);
        CHECK(json_of(both.out));
        CHECK(contains(both.err, "Wrote the report of 59 logged nights"));
        CHECK(std::filesystem::exists(file));
    }
    SUBCASE("but not both on standard output") {
        const Ran both = run_fresh({"report", "--json", "--html", "-"}, system);
        CHECK(both.status == 2);
        CHECK(both.out == "");
    }
}

TEST_CASE("cli report: without --html or --json it says what to type") {
    FakeSystem system;
    const Ran ran = run_fresh({"report"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "calmlegs: report needs to know where to write the page"));
    CHECK(contains(ran.err, "calmlegs report --html report.html"));
    CHECK(ran.out == "");
}

TEST_CASE("cli report: an empty journal, or none, is a page that says how to start") {
    FakeSystem system;
    TempDir dir;
    const std::string file = dir.path() + "/r.html";
    SUBCASE("no journal yet") {}
    SUBCASE("a journal with nothing logged") {
        system.journal_exists = true;
    }
    const Ran ran = run_fresh({"report", "--html", file}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "Wrote the report of 0 logged nights (2026-03-08 to 2026-03-08)"));
    const std::string page = read_text(file);
    CHECK(contains(page, "Nothing to report yet"));
    CHECK(contains(page, "calmlegs log"));
    CHECK(contains(page, "calmlegs tonight"));
    CHECK_FALSE(contains(page, "<svg"));
    const Ran json = run_fresh({"report", "--json"}, system);
    CHECK(json.status == 0);
    const auto root = json_of(json.out);
    REQUIRE(root);
    CHECK(root->find("nights_logged")->text == "0");
    CHECK(root->find("plan")->kind == JsonValue::Kind::null);
}

TEST_CASE("cli report: --days chooses the period, never before the first night") {
    FakeSystem system;
    fill_journal(system);
    auto period =
        [&](const std::vector<std::string>& words) -> std::pair<std::string, std::string> {
        const Ran ran = run_fresh(words, system);
        REQUIRE(ran.status == 0);
        const auto root = json_of(ran.out);
        REQUIRE(root);
        return {root->find("period")->find("from")->text, root->find("period")->find("to")->text};
    };
    CHECK(period({"report", "--json", "--days", "7"}) ==
          std::pair<std::string, std::string>{"2026-03-02", "2026-03-08"});
    // "010" is ten nights, not eight (octal).
    CHECK(period({"report", "--json", "--days", "010"}).first == "2026-02-27");
    CHECK(period({"report", "--json", "--days", "1"}).first == "2026-03-08");
    // The journal begins on 8 January: 90 and 36500 nights both start there.
    CHECK(period({"report", "--json"}).first == "2026-01-08");
    CHECK(period({"report", "--json", "--days", "36500"}).first == "2026-01-08");
    for (const char* wrong : {"0", "36501", "-3", "2.5", "ten"}) {
        CAPTURE(wrong);
        const Ran ran = run_fresh({"report", "--json", "--days", wrong}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "from 1 to 36500"));
    }
}

TEST_CASE("cli report: the plan's doses and its comparisons with their warnings") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] = dir.write(
        "config.toml", "[plan]\nsupplements = [\"magnesium\", \"valerian\"]\n\n[journal]\n"
                       "triggers = [\"<b>Late wine</b> & cheese\"]\n");
    fill_journal(system, "<b>Late wine</b> & cheese");
    const Ran ran = run_fresh({"report", "--html", "-"}, system);
    REQUIRE(ran.status == 0);
    const std::string& page = ran.out;
    CHECK(contains(page, "<td>Magnesium</td><td>200–400 mg</td><td>Before bed</td>"));
    CHECK(contains(page, "<td>Valerian</td>"));
    // The warnings, as calmlegs compare words them.
    CHECK(contains(page, "Magnesium and Valerian started together on 7 February 2026: their "
                         "effects cannot be told apart."));
    CHECK(contains(page, "The first 7 nights after starting on 7 February 2026 are left out"));
    // The same sentence on the terminal, its lines joined.
    const Ran compare = run_fresh({"compare", "magnesium"}, system);
    REQUIRE(compare.status == 0);
    std::string joined;
    for (const std::string& line : split_lines(compare.out)) {
        const auto text = line.find_first_not_of(" !");
        if (text != std::string::npos) joined += (joined.empty() ? "" : " ") + line.substr(text);
    }
    CHECK(contains(joined, "Magnesium and Valerian started together on 7 February 2026: their "
                           "effects cannot be told apart."));
    // The start markers of the chart name both.
    CHECK(contains(page, "\u25B2 Magnesium</text>"));
    CHECK(contains(page, "\u25B2 Valerian</text>"));
    // The person's own trigger is named as they wrote it, and shown as text.
    CHECK(contains(page, "&lt;b&gt;Late wine&lt;/b&gt; &amp; cheese: 6 nights"));
    CHECK_FALSE(contains(page, "<b>Late wine"));
    // What `plan check` says of the plan is on the page too, every finding and note: here the
    // guide's magnesium dose that goes above the upper limit.
    const Ran check = run_fresh({"plan", "check", "--json"}, system);
    const auto review = json_of(check.out);
    REQUIRE(review);
    int said = 0;
    for (const char* kind : {"findings", "notes"})
        for (const JsonValue& item : review->find(kind)->items) {
            CHECK(contains(page, html_escape(item.find("text")->text)));
            ++said;
        }
    CHECK(said >= 1);
    CHECK(contains(page, "above the upper limit of 350 mg a day"));
    const Ran data = run_fresh({"report", "--json"}, system);
    const auto json = json_of(data.out);
    REQUIRE(json);
    CHECK(json->find("plan_review")->items.size() == static_cast<std::size_t>(said));
}

TEST_CASE("cli report: a period with nothing logged in a journal with nights says how to reach "
          "them") {
    FakeSystem system;
    TempDir dir;
    system.vars["CALMLEGS_CONFIG"] =
        dir.write("config.toml", "[plan]\nsupplements = [\"magnesium\"]\n");
    fill_journal(system); // 8 January to 7 March; tonight (8 March) is not logged
    const Ran ran = run_fresh({"report", "--html", "-", "--days", "1"}, system);
    REQUIRE(ran.status == 0);
    CHECK(contains(ran.out, "No night is logged from"));
    CHECK(contains(ran.out, "The journal begins on 8 January 2026"));
    // 8 January to 8 March 2026: 24 + 28 + 8 nights.
    CHECK(contains(ran.out, "calmlegs report --html report.html --days 60"));
    CHECK_FALSE(contains(ran.out, "To start"));
    CHECK_FALSE(contains(ran.out, "<svg"));
    // The comparisons are the whole journal's, and still there.
    CHECK(contains(ran.out, "With and without each supplement of the plan"));
}

TEST_CASE("cli report: tonight counts in a week's wind-down only once it is done") {
    FakeSystem system;
    fill_journal(system); // no wind-down runs: every week is 0 of its nights
    // Tonight, Sunday 8 March 2026, ends the week of 2 to 8 March: 6 nights until it is done.
    const Ran ran = run_fresh({"report", "--html", "-", "--days", "7"}, system);
    REQUIRE(ran.status == 0);
    CHECK(contains(ran.out, "<td class=\"num\">0 of 6</td></tr>"));
    CHECK_FALSE(contains(ran.out, "<td class=\"num\">0 of 7</td></tr>"));
}

TEST_CASE("cli report: no [plan] says how to add one") {
    FakeSystem system;
    fill_journal(system);
    const Ran ran = run_fresh({"report", "--html", "-"}, system);
    REQUIRE(ran.status == 0);
    CHECK(contains(ran.out, "There is no [plan] in your config"));
    CHECK(contains(ran.out, "supplements = [&quot;magnesium&quot;]"));
    CHECK_FALSE(contains(ran.out, "id=\"comparisons\""));
}

TEST_CASE("cli report: the questions are the content's, a person's own step 10 included") {
    FakeSystem system;
    TempDir home;
    system.vars["XDG_CONFIG_HOME"] = home.path();
    home.write("calmlegs/content/steps/10-help.toml", R"(number = 10
id = "help"
title = "When to seek professional help"
summary = "See your doctor."

[[section]]
title = "My own questions"
items = ["Is my ferritin low?"]
doctor_questions = true

[[section]]
title = "Not for the doctor"
text = "Something else."
)");
    fill_journal(system);
    const Ran ran = run_fresh({"report", "--json"}, system);
    REQUIRE(ran.status == 0);
    const auto root = json_of(ran.out);
    REQUIRE(root);
    const auto& questions = root->find("doctor_questions")->items;
    REQUIRE(questions.size() == 1);
    CHECK(questions[0].find("title")->text == "My own questions");
    CHECK(questions[0].find("items")->items.at(0).text == "Is my ferritin low?");
}
