// Whole command lines through the command-line library, with a fake System: which command
// ran, its exit status, and what was written where.

#include "content/temp_dir.h"
#include "support/fake_system.h"
#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using namespace calmlegs::test;

TEST_CASE("cli: a look-up runs its command and writes the page to stdout only") {
    const Ran ran = run_cli({"supplement", "iron"});
    CHECK(ran.status == 0);
    CHECK(ran.out.starts_with("Iron · mineral\n"));
    CHECK(ran.err.empty());
}

TEST_CASE("cli: global options work before and after the command") {
    for (const auto& words :
         std::vector<std::vector<std::string>>{{"--json", "supplement", "iron"},
                                               {"supplement", "--json", "iron"},
                                               {"supplement", "iron", "--json"}}) {
        CAPTURE(words.front());
        const Ran ran = run_cli(words);
        CHECK(ran.status == 0);
        CHECK(ran.out.starts_with("{\n"));
        CHECK(contains(ran.out, "\"id\": \"iron\""));
    }
}

TEST_CASE("cli: no command is the overview, and --version names the program") {
    const Ran overview = run_cli({});
    CHECK(overview.status == 0);
    CHECK(overview.out.starts_with("calmlegs "));
    CHECK(contains(overview.out, "calmlegs tonight"));
    // The ritual takes 14 min 36 s (its plan's total): started by 22:15, it is over by the
    // default bedtime, 22:30.
    CHECK(contains(overview.out, "Nightly wind-down, 14 min 36 s"));
    CHECK(contains(overview.out, "Bedtime 22:30: start by 22:15 to finish in time."));
    {
        // A weekend bedtime after midnight: on Saturday evening 2026-03-07 (the fake clock's
        // reminder day is noon Sunday's: Sunday 2026-03-08 is no weekend evening by default).
        TempDir home;
        FakeSystem late;
        late.now_ = std::chrono::sys_days{std::chrono::year{2026} / 3 / 7} + std::chrono::hours{20};
        late.vars["CALMLEGS_CONFIG"] =
            home.write("config.toml", "[schedule]\nbedtime = \"22:30\"\n"
                                      "[schedule.weekend]\nbedtime = \"00:10\"\n");
        const Ran weekend = run_cli({}, late);
        CHECK(weekend.status == 0);
        CHECK(contains(weekend.out, "Bedtime 00:10: start by 23:55 to finish in time."));
        CHECK(contains(run_cli({"--json"}, late).out, R"("bedtime": "00:10")"));
    }
    const Ran version = run_cli({"--version"});
    CHECK(version.status == 0);
    // "calmlegs" and a dotted version, on one line.
    REQUIRE(version.out.starts_with("calmlegs "));
    CHECK(version.out.back() == '\n');
    const std::string number = version.out.substr(9, version.out.size() - 10);
    CHECK(std::count(number.begin(), number.end(), '.') == 2);
    CHECK(number.find_first_not_of("0123456789.") == std::string::npos);
}

TEST_CASE("cli: help, for calmlegs and for each command") {
    const Ran all = run_cli({"help"});
    CHECK(all.status == 0);
    CHECK(contains(all.out, "Usage: calmlegs [OPTIONS] [SUBCOMMAND]"));
    const Ran one = run_cli({"help", "supplement"});
    CHECK(one.status == 0);
    CHECK(contains(one.out, "Usage: calmlegs supplement [OPTIONS] NAME..."));
    CHECK(run_cli({"supplement", "--help"}).out == one.out);
    CHECK(run_cli({"help", ""}).out == all.out);
    CHECK(run_cli({"help", "help"}).out == run_cli({"help", "--help"}).out);
    const Ran unknown = run_cli({"help", "supplemnt"});
    CHECK(unknown.status == 2);
    CHECK(unknown.out.empty());
    CHECK(contains(unknown.err, "unknown command 'supplemnt'"));
    CHECK(contains(unknown.err, "Did you mean: calmlegs help supplement\n"));
    // The same words mean a command as on the command line itself.
    CHECK(contains(run_cli({"help", "routine"}).err, "Did you mean: calmlegs help routines\n"));
    CHECK(contains(run_cli({"help", "xyzzy"}).err, "Commands: tonight, run,"));
    // Every command's help ends with the global options, read from the model.
    std::string flat = one.out;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    CHECK(contains(flat,
                   "--content DIR, --config FILE, --journal FILE, --json, --no-color, --no-pager"));
    // Options that exclude each other say so in their descriptions, not in CLI11's lists
    // after their names, which would push the descriptions out of their column.
    const Ran excluding = run_cli({"supplements", "--help"});
    CHECK(contains(excluding.out, "  -a,--all              List every nutrient"));
    CHECK_FALSE(contains(excluding.out, "Excludes:"));
}

TEST_CASE("cli: colour only on a terminal that can show it") {
    FakeSystem tty;
    tty.on_terminal();
    tty.vars["PAGER"] = "";
    CHECK(contains(run_cli({"supplement", "iron"}, tty).out, "\x1b["));
    FakeSystem no_color;
    no_color.on_terminal();
    no_color.vars["NO_COLOR"] = "1";
    no_color.vars["PAGER"] = "";
    CHECK_FALSE(contains(run_cli({"supplement", "iron"}, no_color).out, "\x1b"));
    FakeSystem flag;
    flag.on_terminal();
    flag.vars["PAGER"] = "";
    CHECK_FALSE(contains(run_cli({"--no-color", "supplement", "iron"}, flag).out, "\x1b"));
    CHECK_FALSE(contains(run_cli({"supplement", "iron"}).out, "\x1b")); // piped
}

TEST_CASE("cli: a long page goes through the pager on a terminal, never when piped") {
    FakeSystem tty;
    tty.on_terminal(80, 24);
    const Ran ran = run_cli({"supplement", "iron"}, tty);
    CHECK(ran.status == 0);
    REQUIRE(tty.paged.size() == 1);
    CHECK(tty.paged[0].pager == "less -FRX");
    CHECK(tty.paged[0].text.starts_with("\x1b[1mIron"));
    CHECK(ran.out.empty()); // the pager showed it

    SUBCASE("a pager that cannot run: printed directly") {
        FakeSystem broken;
        broken.on_terminal(80, 24);
        broken.pager_works = false;
        CHECK(contains(run_cli({"supplement", "iron"}, broken).out, "Iron"));
    }
    SUBCASE("--no-pager, PAGER=cat or a page that fits: printed directly") {
        FakeSystem no_pager;
        no_pager.on_terminal(80, 24);
        run_cli({"--no-pager", "supplement", "iron"}, no_pager);
        CHECK(no_pager.paged.empty());
        FakeSystem cat;
        cat.on_terminal(80, 24);
        cat.vars["PAGER"] = "cat";
        run_cli({"supplement", "iron"}, cat);
        CHECK(cat.paged.empty());
        FakeSystem tall;
        tall.on_terminal(80, 1000);
        run_cli({"supplement", "iron"}, tall);
        CHECK(tall.paged.empty());
    }
    FakeSystem piped;
    run_cli({"supplement", "iron"}, piped);
    CHECK(piped.paged.empty());
}

TEST_CASE("cli: ASCII everywhere when the locale is not UTF-8") {
    for (const char* lang : {"C", "POSIX", "en_US.ISO-8859-1"})
        for (const auto& words : std::vector<std::vector<std::string>>{{"guide", "8"},
                                                                       {"supplement", "iron"},
                                                                       {"tonight", "--dry-run"},
                                                                       {"routines"},
                                                                       {"supplement", "magnesum"},
                                                                       {"help"}}) {
            CAPTURE(lang);
            CAPTURE(words.front());
            FakeSystem system;
            system.vars["LANG"] = lang;
            const Ran ran = run_cli(words, system);
            CHECK(ran.status <= 1);
            CHECK(is_ascii(ran.out));
            CHECK(is_ascii(ran.err));
            CHECK(!(ran.out.empty() && ran.err.empty()));
        }
    // JSON stays UTF-8.
    FakeSystem system;
    system.vars["LANG"] = "C";
    CHECK(contains(run_cli({"--json", "supplement", "iron"}, system).out, "µg"));
}

TEST_CASE("cli: pages fit a narrow width, in UTF-8 and in ASCII") {
    for (const char* lang : {"C.UTF-8", "C"})
        for (const int columns : {12, 19, 20, 40})
            for (const auto& words :
                 std::vector<std::vector<std::string>>{{"guide", "8"},
                                                       {"supplement", "iron"},
                                                       {"tonight", "--dry-run"},
                                                       {"routines"},
                                                       {"supplements", "--all"},
                                                       {"guide", "--search", "tea"},
                                                       {}}) {
                CAPTURE(lang);
                CAPTURE(columns);
                CAPTURE(words.size());
                FakeSystem system;
                system.vars["COLUMNS"] = std::to_string(columns);
                system.vars["LANG"] = lang;
                const Ran ran = run_cli(words, system);
                CHECK(ran.status == 0);
                CHECK(widest_line(ran.out) <= columns);
                if (std::string_view(lang) == "C") CHECK(is_ascii(ran.out));
            }
}

TEST_CASE("cli: a routine's display is chosen from the terminal") {
    const std::vector<std::string> breathe = {"breathe", "5-5", "--cycles", "1"};
    SUBCASE("a smart terminal of 20 columns or more: the full screen, and keys") {
        FakeSystem system;
        system.on_terminal(80, 24);
        const Ran ran = run_cli(breathe, system);
        CHECK(ran.status == 0);
        CHECK(contains(ran.out, "\x1b[?1049h"));
        CHECK(contains(ran.out, "\x1b[?1049l"));
        CHECK(system.asked_for_keys);
    }
    SUBCASE("TERM=dumb or unset: plain lines, not one escape sequence") {
        for (const char* term : {"dumb", ""}) {
            FakeSystem system;
            system.on_terminal(80, 24, term);
            const Ran ran = run_cli(breathe, system);
            CHECK(ran.status == 0);
            CHECK_FALSE(contains(ran.out, "\x1b"));
            CHECK_FALSE(contains(ran.out, "\a")); // nor the bell
            CHECK(contains(ran.out, "Breathe in slowly"));
        }
    }
    SUBCASE("narrower than 20 columns: plain lines") {
        FakeSystem system;
        system.on_terminal(19, 24);
        const Ran ran = run_cli(breathe, system);
        CHECK(ran.status == 0);
        CHECK_FALSE(contains(ran.out, "\x1b[?1049h"));
    }
    SUBCASE("piped: plain lines, no keys read") {
        FakeSystem system;
        const Ran ran = run_cli(breathe, system);
        CHECK(ran.status == 0);
        CHECK_FALSE(contains(ran.out, "\x1b"));
        CHECK_FALSE(system.asked_for_keys);
    }
    SUBCASE("LANG=C: the full screen in ASCII") {
        FakeSystem system;
        system.on_terminal(80, 24);
        system.vars["LANG"] = "C";
        const Ran ran = run_cli(breathe, system);
        CHECK(ran.status == 0);
        CHECK(is_ascii(ran.out));
    }
    SUBCASE("q quits: status 130") {
        FakeSystem system;
        system.on_terminal(80, 24);
        system.keys = {{std::chrono::seconds(2), 'q'}};
        CHECK(run_cli(breathe, system).status == 130);
    }
}

TEST_CASE("cli: the event log and the cue command come from the System") {
    FakeSystem system;
    system.vars["CALMLEGS_EVENT_LOG"] = "/tmp/events.jsonl";
    const Ran ran = run_cli({"breathe", "5-5", "--cycles", "1"}, system);
    CHECK(ran.status == 0);
    SUBCASE("a log that cannot be opened is told before the routine starts") {
        FakeSystem bad;
        bad.vars["CALMLEGS_EVENT_LOG"] = "/nonexistent/events.jsonl";
        const Ran refused = run_cli({"breathe", "5-5", "--cycles", "1"}, bad);
        CHECK(refused.status == 2);
        CHECK(refused.out.empty());
        CHECK(contains(refused.err, "cannot open CALMLEGS_EVENT_LOG=/nonexistent/events.jsonl"));
    }
}

TEST_CASE("cli: output that cannot be written is said, and a success becomes 74") {
    FakeSystem system;
    system.out_.fail_with = ENOSPC;
    const Ran ran = run_cli({"supplement", "iron"}, system);
    CHECK(ran.status == 74);
    CHECK(contains(ran.err, "could not write the output: No space left on device"));
    FakeSystem pipe;
    pipe.out_.fail_with = EPIPE;
    const Ran closed = run_cli({"supplement", "iron"}, pipe);
    CHECK(closed.status == 141);
    CHECK(closed.err.empty());
    // A failure keeps its own status.
    FakeSystem missing;
    missing.out_.fail_with = ENOSPC;
    CHECK(run_cli({"--json", "supplement", "nosuchthing"}, missing).status == 1);
}

TEST_CASE("cli: typed words in messages are cut and made visible") {
    const Ran long_name = run_cli({"supplement", std::string(100'000, 'x')});
    CHECK(long_name.status == 1);
    CHECK(long_name.err.size() < 1000);
    CHECK(contains(long_name.err, "'" + std::string(80, 'x') + "…'"));
    const Ran bad_bytes = run_cli({"supplement", "ir\xff\xfeon"});
    CHECK(contains(bad_bytes.err, "'ir\\xFF\\xFEon'"));
    const Ran escape = run_cli({"nosuch\x1b[2Jcommand"});
    CHECK(escape.status == 2);
    CHECK_FALSE(contains(escape.err, "\x1b"));
}

TEST_CASE("cli: a missing content directory is one clear error") {
    FakeSystem system;
    system.vars["CALMLEGS_CONTENT"] = "/nonexistent/content";
    const Ran ran = run_cli({"supplement", "iron"}, system);
    CHECK(ran.status == 2);
    CHECK(ran.out.empty());
    CHECK(contains(ran.err, "/nonexistent/content"));
}
