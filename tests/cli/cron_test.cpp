// calmlegs cron through the command line: the block it prints, --install and --uninstall with
// a fake crontab program, and --systemd with units written to a temporary directory.

#include "content/temp_dir.h"
#include "support/fake_system.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <sys/stat.h>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

/// A crontab program over a text held in memory (nullopt: the person has no crontab), as
/// Vixie cron's behaves: -l, - (stdin) and -r.
struct FakeCrontab {
    std::optional<std::string> text;
    int writes = 0;
    cli::ProgramResult refuse_writes{0, "", ""}; ///< status 0: writes succeed

    void attach(FakeSystem& system) {
        system.runnable.insert("crontab");
        system.runnable.insert("/usr/sbin/sendmail"); // cron can mail what a job prints
        system.programs["crontab"] = [this](const std::vector<std::string>& argv,
                                            std::string_view input) -> cli::ProgramResult {
            REQUIRE(argv.size() == 2);
            if (argv[1] == "-l") {
                if (text) return {0, *text, ""};
                return {1, "", "no crontab for ann\n"};
            }
            if (refuse_writes.status != 0) return refuse_writes;
            ++writes;
            if (argv[1] == "-")
                text = std::string(input);
            else if (argv[1] == "-r")
                text.reset();
            else
                FAIL("unexpected crontab ", argv[1]);
            return {0, "", ""};
        };
    }
};

/// The block `calmlegs cron` prints for the FakeSystem's session with these words.
std::string printed_block(const std::vector<std::string>& words = {"cron"}) {
    FakeSystem system;
    const Ran ran = run_cli(words, system);
    REQUIRE(ran.status == 0);
    return ran.out;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

unsigned mode_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

} // namespace

TEST_CASE("cron: the block, with the binary's path and the environment cron lacks") {
    FakeSystem system;
    system.runnable.insert("/usr/sbin/sendmail"); // a mail program for cron: no note about it
    const Ran ran = run_cli({"cron"}, system);
    CHECK(ran.status == 0);
    // FakeSystem: /usr/bin/calmlegs, HOME set, TZ=UTC, the shipped content through
    // $CALMLEGS_CONTENT (which cron would not have either).
    CHECK(ran.out ==
          "# BEGIN calmlegs reminders\n"
          "# Every 5 minutes, calmlegs remind prints the reminders that are due, each once; "
          "cron mails them.\n"
          "# calmlegs cron --install replaces this block; calmlegs cron --uninstall removes it.\n"
          "*/5 * * * * HOME=/nonexistent/calmlegs-test-home TZ=UTC "
          "PATH=/usr/local/bin:/usr/bin:/bin /usr/bin/calmlegs remind --content " +
              std::string(k_shipped_content) +
              "\n"
              "# END calmlegs reminders\n");
    CHECK(ran.err == "To install: calmlegs cron --install (or add these lines with: crontab -e)\n");
    CHECK(system.ran_programs.empty());
}

TEST_CASE("cron: with no mail program, cron would drop the reminders: --notify is suggested") {
    FakeSystem system;
    const Ran ran = run_cli({"cron"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.err, "Note: cron mails what remind prints through /usr/sbin/sendmail, "
                            "which is not installed here"));
    CHECK(contains(ran.err, "add --notify to see them on the desktop (calmlegs cron --install "
                            "--notify)"));
    // With --notify the reminders go to the desktop, not to mail: no note.
    CHECK_FALSE(contains(run_cli({"cron", "--notify"}).err, "sendmail"));
}

TEST_CASE("cron --every --notify, a config given: all in the line") {
    TempDir dir;
    const std::string config = dir.write("my calm.toml", "[schedule]\nbedtime = \"23:00\"\n");
    FakeSystem system;
    system.vars["TZ"] = "Europe/Berlin";
    system.vars["XDG_STATE_HOME"] = "/home/ann/.state";
    system.vars["XDG_RUNTIME_DIR"] = "/run/user/1000";
    system.vars["DISPLAY"] = ":0";
    const Ran ran = run_cli({"cron", "--every", "10", "--notify", "--config", config}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "\n*/10 * * * * HOME=/nonexistent/calmlegs-test-home "
                            "XDG_STATE_HOME=/home/ann/.state TZ=Europe/Berlin "
                            "PATH=/usr/local/bin:/usr/bin:/bin XDG_RUNTIME_DIR=/run/user/1000 "
                            "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus DISPLAY=:0 "
                            "/usr/bin/calmlegs remind --notify --config '" +
                                config + "' --content "));
    CHECK(contains(ran.out, "# Every 10 minutes, calmlegs remind --notify shows"));
    CHECK(ran.err == "To install: calmlegs cron --install (or add these lines with: crontab -e)\n");

    SUBCASE("no session bus: said") {
        system.vars.erase("XDG_RUNTIME_DIR");
        system.out_.text_.clear();
        system.err_.text_.clear();
        const Ran alone = run_cli({"cron", "--notify"}, system);
        CHECK(alone.status == 0);
        CHECK_FALSE(contains(alone.out, "DBUS_SESSION_BUS_ADDRESS"));
        CHECK(contains(alone.err, "Note: No session bus is known"));
    }
}

TEST_CASE("cron: a relative config, from CALMLEGS_CONFIG, is passed on as an absolute path") {
    TempDir dir;
    const std::string config = dir.write("calm.toml", "");
    const std::filesystem::path relative =
        std::filesystem::relative(config, std::filesystem::current_path());
    REQUIRE(relative.is_relative());
    FakeSystem system;
    system.vars["CALMLEGS_CONFIG"] = relative.string();
    const Ran ran = run_cli({"cron"}, system);
    CHECK(ran.status == 0);
    CHECK(contains(ran.out,
                   " remind --config " + std::filesystem::weakly_canonical(config).string() + " "));
}

TEST_CASE("cron: what would make the job fail every few minutes is an error now") {
    SUBCASE("a config with a problem") {
        TempDir dir;
        const std::string config = dir.write("config.toml", "[schedule]\nbedtime = \"25:00\"\n");
        const Ran ran = run_cli({"--config", config, "cron"});
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        CHECK(contains(ran.err, "config.toml:2:"));
    }
    SUBCASE("a TZ that names no zone") {
        FakeSystem system;
        system.vars["TZ"] = "Nowhere/Atlantis";
        const Ran ran = run_cli({"cron"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs: cannot tell the local time: TZ=Nowhere/Atlantis"));
    }
    SUBCASE("a path cron cannot carry") {
        FakeSystem system;
        system.vars["HOME"] = "/home/100\\%";
        const Ran ran = run_cli({"cron"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs: cannot write a crontab line: HOME=/home/100\\% has a "
                                "backslash just before a '%'"));
        CHECK(contains(ran.err, "calmlegs cron --systemd"));
    }
}

TEST_CASE("cron: --every takes 1 to 15, and --uninstall takes neither --every nor --notify") {
    for (const char* every : {"0", "16", "2.5", "five", "-1"}) {
        CAPTURE(every);
        const Ran ran = run_cli({"cron", "--every", every});
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "expects a whole number from 1 to 15"));
    }
    CHECK(contains(printed_block({"cron", "--every", "1"}), "\n* * * * * HOME="));
    CHECK(contains(printed_block({"cron", "--every", "015"}), "\n*/15 * * * * HOME="));
    CHECK(run_cli({"cron", "--uninstall", "--every", "5"}).status == 2);
    CHECK(run_cli({"cron", "--uninstall", "--notify"}).status == 2);
    CHECK(run_cli({"cron", "--uninstall", "--install"}).status == 2);
}

TEST_CASE("cron --install twice leaves one block, and --uninstall restores the crontab exactly") {
    const std::string original = "MAILTO=ann@example.org\n0 3 * * * backup --quiet\n";
    FakeCrontab crontab;
    crontab.text = original;
    FakeSystem system;
    crontab.attach(system);
    const std::string block = printed_block();

    Ran ran = run_cli({"cron", "--install"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "installed: calmlegs remind runs every 5 minutes from your crontab; remove "
                     "it with: calmlegs cron --uninstall\n");
    CHECK(ran.err.empty());
    CHECK(crontab.text == original + block);
    CHECK(crontab.writes == 1);

    system.out_.text_.clear();
    ran = run_cli({"cron", "--install"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "already installed: calmlegs remind runs every 5 minutes from your crontab "
                     "(your crontab is unchanged).\n");
    CHECK(crontab.text == original + block);
    CHECK(crontab.writes == 1); // nothing written

    system.out_.text_.clear();
    ran = run_cli({"cron", "--install", "--every", "10"}, system);
    CHECK(ran.out == "updated: calmlegs remind runs every 10 minutes from your crontab; remove "
                     "it with: calmlegs cron --uninstall\n");
    CHECK(crontab.text == original + printed_block({"cron", "--every", "10"}));

    system.out_.text_.clear();
    ran = run_cli({"cron", "--uninstall"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "uninstalled: the calmlegs block is out of your crontab.\n");
    CHECK(crontab.text == original);

    system.out_.text_.clear();
    ran = run_cli({"cron", "--uninstall"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "nothing to remove: your crontab has no calmlegs block.\n");
    CHECK(crontab.writes == 3);

    // Every run read the crontab with crontab -l first, and wrote it with crontab -.
    std::vector<std::string> calls;
    for (const auto& program : system.ran_programs)
        calls.push_back(program.argv[0] + " " + program.argv[1]);
    CHECK(calls == std::vector<std::string>{"crontab -l", "crontab -", "crontab -l", "crontab -l",
                                            "crontab -", "crontab -l", "crontab -", "crontab -l"});
}

TEST_CASE("cron --install with no crontab at all, and --uninstall leaves none again") {
    FakeCrontab crontab;
    FakeSystem system;
    crontab.attach(system);
    CHECK(run_cli({"cron", "--install", "--notify"}, system).status == 0);
    CHECK(crontab.text == printed_block({"cron", "--notify"}));
    CHECK(run_cli({"cron", "--uninstall"}, system).status == 0);
    CHECK_FALSE(crontab.text.has_value()); // removed with crontab -r, not left empty
    CHECK(system.ran_programs.back().argv == std::vector<std::string>{"crontab", "-r"});
}

TEST_CASE("cron --install and --uninstall: a crontab without a final newline, restored") {
    FakeCrontab crontab;
    crontab.text = "0 3 * * * backup";
    FakeSystem system;
    crontab.attach(system);
    CHECK(run_cli({"cron", "--install"}, system).status == 0);
    CHECK(crontab.text->starts_with("0 3 * * * backup\n# BEGIN calmlegs reminders\n"));
    CHECK(run_cli({"cron", "--install"}, system).status == 0);
    CHECK(run_cli({"cron", "--uninstall"}, system).status == 0);
    CHECK(crontab.text == "0 3 * * * backup");
}

TEST_CASE("cron --install: no crontab program, or one that fails, is said") {
    SUBCASE("not installed: which package has it, and what to do instead") {
        FakeSystem system;
        const Ran ran = run_cli({"cron", "--install"}, system);
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        CHECK(contains(ran.err, "calmlegs: cannot change your crontab: the crontab program is "
                                "not installed\n"));
        CHECK(contains(ran.err, "(Debian and Ubuntu: sudo apt install cron)"));
        CHECK(contains(ran.err, "add the lines of 'calmlegs cron' to your scheduler yourself"));
        CHECK(system.ran_programs.empty());
        CHECK(run_cli({"cron", "--uninstall"}).status == 2);
    }
    SUBCASE("crontab -l fails for another reason: nothing is written") {
        FakeCrontab crontab;
        FakeSystem system;
        crontab.attach(system);
        system.programs["crontab"] = [](const std::vector<std::string>&, std::string_view) {
            return cli::ProgramResult{1, "",
                                      "You (ann) are not allowed to use this program (crontab)\n"};
        };
        const Ran ran = run_cli({"cron", "--install"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs: cannot read your crontab: crontab -l exited with "
                                "status 1: You (ann) are not allowed to use this program "
                                "(crontab)\n"));
        CHECK(system.ran_programs.size() == 1);
    }
    SUBCASE("crontab - refuses the new text") {
        FakeCrontab crontab;
        crontab.text = "x\n";
        crontab.refuse_writes = {1, "", "crontab: errors in crontab file, can't install.\n"};
        FakeSystem system;
        crontab.attach(system);
        const Ran ran = run_cli({"cron", "--install"}, system);
        CHECK(ran.status == 2);
        CHECK(contains(ran.err, "calmlegs: cannot change your crontab: crontab - exited with "
                                "status 1: crontab: errors in crontab file, can't install.\n"
                                "Your crontab is as it was"));
        CHECK(ran.out.empty());
        CHECK(crontab.text == "x\n");
    }
}

TEST_CASE("cron --uninstall works whatever the config and zone") {
    FakeCrontab crontab;
    crontab.text = "a\n" + printed_block();
    FakeSystem system;
    crontab.attach(system);
    system.vars["TZ"] = "Nowhere/Atlantis";
    system.vars["CALMLEGS_CONFIG"] = "/nonexistent/config.toml";
    CHECK(run_cli({"cron", "--uninstall"}, system).status == 0);
    CHECK(crontab.text == "a\n");
}

TEST_CASE("cron --json: the line and the block, and what --install and --uninstall did") {
    FakeCrontab crontab;
    FakeSystem system;
    crontab.attach(system);
    Ran ran = run_cli({"--json", "cron"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(ran.out.starts_with("{\n  \"scheduler\": \"cron\",\n  \"action\": \"printed\",\n  "
                              "\"every\": 5,\n  \"notify\": false,\n  \"line\": \"*/5 * * * * "
                              "HOME="));
    CHECK(contains(ran.out, "\"block\": \"# BEGIN calmlegs reminders\\n"));
    CHECK(contains(ran.out, "\"notes\": []"));
    system.out_.text_.clear();
    ran = run_cli({"cron", "--install", "--json"}, system);
    CHECK(contains(ran.out, "\"action\": \"installed\""));
    CHECK(contains(ran.out, "\"blocks_found\": 0"));
    system.out_.text_.clear();
    ran = run_cli({"cron", "--install", "--json"}, system);
    CHECK(contains(ran.out, "\"action\": \"unchanged\""));
    system.out_.text_.clear();
    ran = run_cli({"cron", "--uninstall", "--json"}, system);
    CHECK(ran.out == "{\n  \"scheduler\": \"cron\",\n  \"action\": \"uninstalled\",\n  "
                     "\"blocks_removed\": 1\n}\n");
}

TEST_CASE("cron --systemd: the service and the timer, printed") {
    TempDir dir;
    FakeSystem system;
    system.vars["XDG_CONFIG_HOME"] = dir.path();
    const Ran ran = run_cli({"cron", "--systemd"}, system);
    CHECK(ran.status == 0);
    const std::string units = dir.path() + "/systemd/user/";
    CHECK(ran.out.starts_with("==> " + units +
                              "calmlegs-remind.service <==\n# Written by "
                              "calmlegs cron --systemd --install;"));
    CHECK(contains(ran.out, "\nType=oneshot\nEnvironment=XDG_CONFIG_HOME=" + dir.path() +
                                "\nEnvironment=TZ=UTC\nExecStart=/usr/bin/calmlegs remind "
                                "--content "));
    CHECK(contains(ran.out, "\n\n==> " + units + "calmlegs-remind.timer <==\n"));
    CHECK(contains(ran.out, "\nOnCalendar=*:0/5\n"));
    CHECK(contains(ran.err, "Note: Under systemd, what calmlegs remind prints goes to the "
                            "journal"));
    CHECK(contains(ran.err, "To install: calmlegs cron --systemd --install\n"));
    CHECK_FALSE(std::filesystem::exists(units)); // printing writes nothing

    system.out_.text_.clear();
    system.err_.text_.clear();
    const Ran json = run_cli({"cron", "--systemd", "--notify", "--json", "--every", "3"}, system);
    CHECK(json.err.empty());
    CHECK(contains(json.out, "\"scheduler\": \"systemd\""));
    CHECK(contains(json.out, "\"directory\": \"" + units.substr(0, units.size() - 1) + "\""));
    CHECK(contains(json.out, "\"name\": \"calmlegs-remind.timer\""));
    CHECK(contains(json.out, "OnCalendar=*:0/3\\n"));
    CHECK(contains(json.out, "\"next\": null"));
    CHECK(contains(json.out, "\"notes\": []"));
}

TEST_CASE("cron --systemd --install and --uninstall: exactly the two files, and only calmlegs'") {
    TempDir dir;
    const std::string home = dir.path() + "/home";
    FakeSystem system;
    system.vars["HOME"] = home; // no XDG_CONFIG_HOME: ~/.config/systemd/user
    const std::string units = home + "/.config/systemd/user";
    const std::string service = units + "/calmlegs-remind.service";
    const std::string timer = units + "/calmlegs-remind.timer";

    Ran ran = run_cli({"cron", "--systemd", "--install", "--notify"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "installed: calmlegs-remind.service and calmlegs-remind.timer in " + units +
                         " (calmlegs remind --notify every 5 minutes).\nNow run: systemctl "
                         "--user daemon-reload && systemctl --user enable --now "
                         "calmlegs-remind.timer\n");
    CHECK(ran.err.empty());
    CHECK(contains(read_file(service), "\nExecStart=/usr/bin/calmlegs remind --notify --content"));
    CHECK(contains(read_file(timer), "\nPersistent=true\n"));
    CHECK(mode_of(service) == 0644);
    CHECK(mode_of(timer) == 0644);
    CHECK(mode_of(units) == 0700);
    CHECK(mode_of(home + "/.config") == 0700);

    system.out_.text_.clear();
    ran = run_cli({"cron", "--systemd", "--install", "--notify"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out.starts_with("already installed: "));

    // Enabled: the link systemctl enable made is there; the files stay until it is disabled.
    std::filesystem::create_directories(units + "/timers.target.wants");
    std::filesystem::create_symlink(timer, units + "/timers.target.wants/calmlegs-remind.timer");
    system.out_.text_.clear();
    system.err_.text_.clear();
    ran = run_cli({"cron", "--systemd", "--uninstall"}, system);
    CHECK(ran.status == 2);
    CHECK(ran.err == "calmlegs: calmlegs-remind.timer is still enabled\nDisable it first, then "
                     "uninstall:\nsystemctl --user disable --now calmlegs-remind.timer && "
                     "calmlegs cron --systemd --uninstall\n");
    CHECK(std::filesystem::exists(timer));
    std::filesystem::remove(units + "/timers.target.wants/calmlegs-remind.timer");

    system.err_.text_.clear();
    ran = run_cli({"cron", "--systemd", "--uninstall"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "uninstalled: removed " + service + " and " + timer +
                         ".\nNow run: systemctl --user daemon-reload\n");
    CHECK_FALSE(std::filesystem::exists(service));
    CHECK_FALSE(std::filesystem::exists(timer));
    CHECK(std::filesystem::exists(units)); // the directories may hold the person's own units

    system.out_.text_.clear();
    ran = run_cli({"cron", "--systemd", "--uninstall"}, system);
    CHECK(ran.status == 0);
    CHECK(ran.out == "nothing to remove: there are no calmlegs units in " + units + ".\n");
}

TEST_CASE("cron --systemd: a unit of the person's own is never overwritten nor removed") {
    TempDir dir;
    FakeSystem system;
    system.vars["XDG_CONFIG_HOME"] = dir.path();
    const std::string mine = "[Timer]\nOnCalendar=daily\n";
    const std::string timer = dir.write("systemd/user/calmlegs-remind.timer", mine);
    const std::string service = dir.path() + "/systemd/user/calmlegs-remind.service";

    Ran ran = run_cli({"cron", "--systemd", "--install"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "calmlegs: " + timer + " is not one calmlegs wrote"));
    CHECK(read_file(timer) == mine);
    CHECK_FALSE(std::filesystem::exists(service)); // nothing written, not even the service

    system.err_.text_.clear();
    dir.write("systemd/user/calmlegs-remind.service", "# Written by calmlegs cron --systemd "
                                                      "--install; ...\n[Service]\n");
    ran = run_cli({"cron", "--systemd", "--uninstall"}, system);
    CHECK(ran.status == 2);
    CHECK(ran.out ==
          "uninstalled: removed " + service + ".\nNow run: systemctl --user daemon-reload\n");
    CHECK(ran.err == "calmlegs: " + timer + " is not one calmlegs wrote: left as it is\n");
    CHECK(read_file(timer) == mine);
}

TEST_CASE("cron --systemd --install: no HOME and no XDG_CONFIG_HOME") {
    FakeSystem system;
    system.vars.erase("HOME");
    const Ran ran = run_cli({"cron", "--systemd", "--install"}, system);
    CHECK(ran.status == 2);
    CHECK(contains(ran.err, "calmlegs: cannot tell where your systemd user units go: neither "
                            "XDG_CONFIG_HOME nor HOME is set\n"));
}
