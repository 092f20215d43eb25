// The crontab block: its line (quoting for /bin/sh, '%' for cron), its text, and the edits of
// a crontab that add, replace and remove it, over many crontabs.

#include "remind/cron_block.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace calmlegs;

namespace {

RemindJob job_every(int every, bool notify = false) {
    RemindJob job;
    job.options.every = every;
    job.options.notify = notify;
    job.exe = "/usr/bin/calmlegs";
    job.args = {"remind"};
    if (notify) job.args.push_back("--notify");
    job.env = {{"HOME", "/home/ann"}, {"TZ", "Europe/Berlin"}, {"PATH", k_job_path}};
    return job;
}

std::string block_every(int every) {
    std::string why;
    const RemindJob job = job_every(every);
    const std::string line = cron_line(job, why);
    REQUIRE(why.empty());
    return cron_block(job, line);
}

/// How many times `part` occurs in `text`.
std::size_t count(const std::string& text, std::string_view part) {
    std::size_t found = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++found;
    return found;
}

} // namespace

TEST_CASE("cron_word: quoted for /bin/sh, each % escaped for cron") {
    CHECK(cron_word("/usr/bin/calmlegs") == "/usr/bin/calmlegs");
    CHECK(cron_word("Europe/Berlin") == "Europe/Berlin");
    // '%' is no special character to the shell, but cron would end the command there.
    CHECK(cron_word("50%") == "50\\%");
    CHECK(cron_word("/home/ann/my files") == "'/home/ann/my files'");
    // Cron takes "\%" to '%' inside single quotes as well: it reads no shell quoting.
    CHECK(cron_word("it's 5% off") == "'it'\\''s 5\\% off'");
    CHECK(cron_word("") == "''");
    CHECK(cron_word("$HOME;rm") == "'$HOME;rm'");
    // A backslash just before '%' cannot reach the command: cron keeps "\\" and then ends the
    // command at the '%'. Control characters cannot be in a crontab line.
    CHECK(cron_word("a\\%b") == "");
    CHECK(cron_word("a\nb") == "");
    CHECK(cron_word("a\tb") == "");
    // A backslash elsewhere is quoted and passed on.
    CHECK(cron_word("a\\b") == "'a\\b'");
}

TEST_CASE("cron_line: the schedule, the environment in the command, the command") {
    std::string why;
    CHECK(cron_line(job_every(5), why) ==
          "*/5 * * * * HOME=/home/ann TZ=Europe/Berlin PATH=/usr/local/bin:/usr/bin:/bin "
          "/usr/bin/calmlegs remind");
    CHECK(cron_line(job_every(1), why).starts_with("* * * * * HOME="));
    CHECK(cron_line(job_every(15, true), why).starts_with("*/15 * * * * "));
    CHECK(cron_line(job_every(15, true), why).ends_with(" /usr/bin/calmlegs remind --notify"));
    CHECK(why.empty());

    RemindJob spaced = job_every(5);
    spaced.env[0].second = "/home/ann smith";
    spaced.args = {"remind", "--config", "/home/ann smith/100% calm.toml"};
    CHECK(cron_line(spaced, why) ==
          "*/5 * * * * HOME='/home/ann smith' TZ=Europe/Berlin "
          "PATH=/usr/local/bin:/usr/bin:/bin /usr/bin/calmlegs remind --config "
          "'/home/ann smith/100\\% calm.toml'");

    SUBCASE("a value cron cannot pass on: said, with what holds it") {
        RemindJob job = job_every(5);
        job.env[0].second = "/home/a\\%b";
        CHECK(cron_line(job, why).empty());
        CHECK(why == "HOME=/home/a\\%b has a backslash just before a '%', which cron cannot "
                     "pass on");
        job = job_every(5);
        job.args = {"remind", "--config", "/tmp/a\nb"};
        CHECK(cron_line(job, why).empty());
        CHECK(why.find("the value of --config holds a control character (byte 0x0a)") == 0);
    }
    SUBCASE("a command longer than cron reads whole") {
        RemindJob job = job_every(5);
        job.args = {"remind", "--config", "/" + std::string(k_cron_command_max, 'c')};
        CHECK(cron_line(job, why).empty());
        CHECK(why.find("bytes long, and cron reads only 999") != std::string::npos);
    }
}

TEST_CASE("cron_block: the markers, what the line does and how to remove it") {
    const RemindJob job = job_every(5);
    CHECK(cron_block(job, "LINE") ==
          "# BEGIN calmlegs reminders\n"
          "# Every 5 minutes, calmlegs remind prints the reminders that are due, each once; "
          "cron mails them.\n"
          "# calmlegs cron --install replaces this block; calmlegs cron --uninstall removes it.\n"
          "LINE\n"
          "# END calmlegs reminders\n");
    CHECK(cron_block(job_every(1, true), "LINE")
              .find("# Every minute, calmlegs remind --notify shows the reminders that are due, "
                    "each once, on the desktop.\n") != std::string::npos);
}

TEST_CASE("install_cron_block: added at the end, replaced in place, never twice") {
    const std::string block = block_every(5);
    SUBCASE("no crontab, or an empty one: the block alone") {
        const CrontabEdit edit = install_cron_block("", block);
        CHECK(edit.text == block);
        CHECK(edit.changed);
        CHECK(edit.blocks_found == 0);
    }
    SUBCASE("other lines: kept as they are, the block after them") {
        const std::string mine = "MAILTO=ann@example.org\n0 3 * * * backup --quiet\n";
        CHECK(install_cron_block(mine, block).text == mine + block);
    }
    SUBCASE("no newline at the end: one added before the block, and recorded in it") {
        const CrontabEdit edit = install_cron_block("0 3 * * * backup", block);
        const std::string begin = "# BEGIN calmlegs reminders\n";
        CHECK(edit.text == "0 3 * * * backup\n" + begin + std::string(k_cron_added_newline) + "\n" +
                               block.substr(begin.size()));
    }
    SUBCASE("twice: the second finds its block and changes nothing") {
        const std::string once = install_cron_block("0 3 * * * backup\n", block).text;
        const CrontabEdit twice = install_cron_block(once, block);
        CHECK(twice.text == once);
        CHECK_FALSE(twice.changed);
        CHECK(twice.blocks_found == 1);
    }
    SUBCASE("an old block from another --every, between the person's lines: replaced there") {
        const std::string old = "a\n" + block_every(10) + "b\n";
        const CrontabEdit edit = install_cron_block(old, block);
        CHECK(edit.text == "a\n" + block + "b\n");
        CHECK(edit.changed);
        CHECK(edit.blocks_found == 1);
    }
    SUBCASE("two blocks (pasted by hand as well): one left, where the first was") {
        const std::string two = "a\n" + block_every(10) + "b\n" + block_every(3) + "c\n";
        const CrontabEdit edit = install_cron_block(two, block);
        CHECK(edit.text == "a\n" + block + "b\nc\n");
        CHECK(edit.blocks_found == 2);
    }
    SUBCASE("marker-like lines the person typed are theirs") {
        // Not exactly the marker, or a begin without an end, or an end without a begin.
        for (const std::string mine :
             {"# BEGIN calmlegs reminders (mine)\n1 * * * * x\n# END calmlegs reminders!\n",
              "# BEGIN calmlegs reminders\n1 * * * * x\n", "# END calmlegs reminders\nx\n",
              " # BEGIN calmlegs reminders\n# END calmlegs reminders \n"}) {
            CAPTURE(mine);
            const CrontabEdit edit = install_cron_block(mine, block);
            CHECK(edit.text == mine + block);
            CHECK(edit.blocks_found == 0);
        }
    }
}

TEST_CASE("install then uninstall: the crontab as it was, byte for byte") {
    const std::vector<std::string> crontabs = {
        "",
        "\n",
        "\n\n",
        "# m h dom mon dow command\n",
        "MAILTO=\"\"\nPATH=/usr/bin:/bin\n*/10 * * * * backup\n",
        "0 3 * * * backup",           // no newline at the end
        "0 3 * * * backup\n# a note", // a comment without one
        "0 3 * * * echo 100\\% done\r\n",
        "# BEGIN calmlegs reminders\n0 1 * * * mine\n", // a begin the person typed
        "0 1 * * * mine\n# END calmlegs reminders\n",   // an end the person typed
        "# BEGIN calmlegs reminders\n",                 // a begin at the very end
        "# BEGIN calmlegs reminders",
        std::string(k_cron_added_newline) + "\n", // the note, outside any block
    };
    for (const std::string& original : crontabs) {
        CAPTURE(original);
        const std::string once = install_cron_block(original, block_every(5)).text;
        const std::string end = std::string(k_cron_end) + "\n";
        CHECK(count(once, end) == count(original, end) + 1);
        const std::string twice = install_cron_block(once, block_every(5)).text;
        CHECK(twice == once);
        // Another --every replaces the block; the record of an added line break stays.
        const std::string other = install_cron_block(twice, block_every(10)).text;
        CHECK(count(other, "*/10 * * * *") == count(original, "*/10 * * * *") + 1);
        CHECK(count(other, "*/5 * * * *") == 0);

        const CrontabEdit removed = uninstall_cron_block(other);
        CHECK(removed.text == original);
        CHECK(removed.blocks_found == 1);
        CHECK(removed.changed);
        // And again: nothing left to remove.
        const CrontabEdit again = uninstall_cron_block(removed.text);
        CHECK(again.text == original);
        CHECK(again.blocks_found == 0);
        CHECK_FALSE(again.changed);
    }
}

TEST_CASE("uninstall_cron_block: every block goes, and only the line break it recorded") {
    const std::string block = block_every(5);
    SUBCASE("two blocks between the person's lines") {
        const CrontabEdit edit =
            uninstall_cron_block("a\n" + block + "b\n" + block_every(7) + "c\n");
        CHECK(edit.text == "a\nb\nc\n");
        CHECK(edit.blocks_found == 2);
    }
    SUBCASE("an end marker without its newline, at the very end") {
        std::string text = "a\n" + block;
        text.pop_back();
        CHECK(uninstall_cron_block(text).text == "a\n");
    }
    SUBCASE("the person added lines after a block that recorded a line break: it stays") {
        const std::string installed = install_cron_block("a", block).text;
        CHECK(uninstall_cron_block(installed + "b\n").text == "a\nb\n");
    }
    SUBCASE("the recorded line break right after another block is that block's, not added") {
        const std::string installed = install_cron_block("a", block).text; // "a\n" + noted
        const std::string noted = installed.substr(2);
        CHECK(uninstall_cron_block("a\n" + block + noted).text == "a\n");
        CHECK(uninstall_cron_block(noted).text == "");
    }
}
