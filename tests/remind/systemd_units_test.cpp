// The systemd user service and timer that run calmlegs remind (checked by systemd-analyze
// verify in tests/e2e/cron.sh; here, their text and quoting).

#include "remind/systemd_units.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

RemindJob job_every(int every, bool notify) {
    RemindJob job;
    job.options.scheduler = Scheduler::systemd;
    job.options.every = every;
    job.options.notify = notify;
    job.exe = "/usr/bin/calmlegs";
    job.args = {"remind"};
    if (notify) job.args.push_back("--notify");
    return job;
}

} // namespace

TEST_CASE("unit_word: safe words as they are, others in double quotes, % and $ doubled") {
    CHECK(unit_word("/usr/bin/calmlegs", true) == "/usr/bin/calmlegs");
    CHECK(unit_word("TZ=Europe/Berlin", false) == "TZ=Europe/Berlin");
    CHECK(unit_word("/home/ann/my calm.toml", true) == "\"/home/ann/my calm.toml\"");
    CHECK(unit_word("a\"b\\c", true) == "\"a\\\"b\\\\c\"");
    CHECK(unit_word("it's", true) == "\"it's\"");
    // A specifier everywhere; a variable only in ExecStart=.
    CHECK(unit_word("/tmp/100%", true) == "/tmp/100%%");
    CHECK(unit_word("/tmp/$HOME", true) == "/tmp/$$HOME");
    CHECK(unit_word("X=/tmp/$HOME", false) == "X=/tmp/$HOME");
    CHECK(unit_word("X=/a b/%h", false) == "\"X=/a b/%%h\"");
    CHECK(unit_word("", true) == "\"\"");
}

TEST_CASE("systemd_units: a oneshot service and a persistent timer every N minutes") {
    std::string why;
    RemindJob job = job_every(5, false);
    job.env = {{"TZ", "Europe/Berlin"}, {"XDG_STATE_HOME", "/home/ann/my state"}};
    job.args.insert(job.args.end(), {"--config", "/home/ann/calm 100%.toml"});
    const std::vector<UnitFile> units = systemd_units(job, why);
    REQUIRE(units.size() == 2);
    CHECK(why.empty());
    CHECK(units[0].name == "calmlegs-remind.service");
    CHECK(units[0].text ==
          "# Written by calmlegs cron --systemd --install; calmlegs cron --systemd --uninstall "
          "removes it.\n"
          "[Unit]\n"
          "Description=calmlegs remind: each reminder once, when it is due (to the journal)\n"
          "# See: man calmlegs (COMMANDS, cron)\n"
          "\n"
          "[Service]\n"
          "Type=oneshot\n"
          "Environment=TZ=Europe/Berlin\n"
          "Environment=\"XDG_STATE_HOME=/home/ann/my state\"\n"
          "ExecStart=/usr/bin/calmlegs remind --config \"/home/ann/calm 100%%.toml\"\n");
    CHECK(units[1].name == "calmlegs-remind.timer");
    CHECK(units[1].text ==
          "# Written by calmlegs cron --systemd --install; calmlegs cron --systemd --uninstall "
          "removes it.\n"
          "[Unit]\n"
          "Description=Run calmlegs remind every 5 minutes\n"
          "# See: man calmlegs (COMMANDS, cron)\n"
          "\n"
          "[Timer]\n"
          "OnCalendar=*:0/5\n"
          "# A run missed while the computer slept or was off happens when it is back.\n"
          "Persistent=true\n"
          "AccuracySec=1s\n"
          "\n"
          "[Install]\n"
          "WantedBy=timers.target\n");

    const std::vector<UnitFile> minutely = systemd_units(job_every(1, true), why);
    REQUIRE(minutely.size() == 2);
    CHECK(minutely[0].text.find("ExecStart=/usr/bin/calmlegs remind --notify\n") !=
          std::string::npos);
    CHECK(minutely[0].text.find("Description=calmlegs remind --notify: shows each reminder") !=
          std::string::npos);
    CHECK(minutely[1].text.find("OnCalendar=*:0/1\n") != std::string::npos);
    CHECK(minutely[1].text.find("every minute\n") != std::string::npos);

    job.args.back() = "/home/ann/calm\n.toml";
    CHECK(systemd_units(job, why).empty());
    CHECK(why.starts_with("the value of --config holds a control character"));
}

TEST_CASE("written_by_calmlegs: only a file with calmlegs' marker line") {
    std::string why;
    for (const auto& unit : systemd_units(job_every(5, false), why))
        CHECK(written_by_calmlegs(unit.text));
    CHECK(written_by_calmlegs("[Unit]\n# Written by calmlegs cron --systemd --install\n"));
    CHECK_FALSE(written_by_calmlegs("[Service]\nExecStart=/usr/bin/calmlegs remind\n"));
    CHECK_FALSE(written_by_calmlegs("Description=# Written by calmlegs cron --systemd --install"));
    CHECK_FALSE(written_by_calmlegs(""));
}

TEST_CASE("systemd_user_dir: $XDG_CONFIG_HOME/systemd/user, else ~/.config/systemd/user") {
    CHECK(systemd_user_dir("/home/ann/.cfg", "/home/ann") == "/home/ann/.cfg/systemd/user");
    CHECK(systemd_user_dir("/home/ann/.cfg/", "/home/ann") == "/home/ann/.cfg/systemd/user");
    CHECK(systemd_user_dir("", "/home/ann") == "/home/ann/.config/systemd/user");
    CHECK(systemd_user_dir("relative", "/home/ann") == "/home/ann/.config/systemd/user");
    CHECK(systemd_user_dir("", "") == "");
    CHECK(systemd_user_dir("/", "") == "/systemd/user");
}
