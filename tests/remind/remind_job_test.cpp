// The job a scheduler runs: `calmlegs remind` with the environment cron (or systemd) lacks.

#include "remind/remind_job.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

using Env = std::vector<std::pair<std::string, std::string>>;

/// A desktop session: HOME, every XDG directory, a zone from $TZ, a session bus and displays.
JobSurroundings desktop() {
    JobSurroundings session;
    session.exe = "/usr/bin/calmlegs";
    session.cwd = "/home/ann/notes";
    session.home = "/home/ann";
    session.xdg_config_home = "/home/ann/.cfg";
    session.xdg_state_home = "/home/ann/.state";
    session.xdg_data_home = "/home/ann/.data";
    session.tz = ":Europe/Berlin";
    session.zone_name = "Europe/Berlin";
    session.xdg_runtime_dir = "/run/user/1000";
    session.dbus_session_bus_address = "unix:path=/run/user/1000/bus";
    session.display = ":0";
    session.wayland_display = "wayland-0";
    return session;
}

JobOptions with(Scheduler scheduler, bool notify = false) {
    JobOptions options;
    options.scheduler = scheduler;
    options.notify = notify;
    return options;
}

} // namespace

TEST_CASE("remind job for cron: HOME, the XDG directories, TZ and a PATH") {
    const RemindJob job = plan_remind_job(desktop(), with(Scheduler::cron));
    CHECK(job.exe == "/usr/bin/calmlegs");
    CHECK(job.args == std::vector<std::string>{"remind"});
    CHECK(job.env == Env{{"HOME", "/home/ann"},
                         {"XDG_CONFIG_HOME", "/home/ann/.cfg"},
                         {"XDG_STATE_HOME", "/home/ann/.state"},
                         {"XDG_DATA_HOME", "/home/ann/.data"},
                         {"TZ", "Europe/Berlin"},
                         {"PATH", "/usr/local/bin:/usr/bin:/bin"}});
    CHECK(job.notes.empty());
}

TEST_CASE("remind job: what is not set is left out, and a relative XDG directory too") {
    JobSurroundings session;
    session.exe = "/opt/calmlegs/bin/calmlegs";
    session.xdg_config_home = "relative/config"; // calmlegs ignores it, as the XDG spec says
    const RemindJob job = plan_remind_job(session, with(Scheduler::cron));
    CHECK(job.env == Env{{"PATH", "/usr/local/bin:/usr/bin:/bin"}});
    CHECK(plan_remind_job(session, with(Scheduler::systemd)).env.empty());
}

TEST_CASE("remind job: TZ by its zone name, as $TZ has it, or UTC for an empty one") {
    JobSurroundings session;
    session.exe = "/usr/bin/calmlegs";
    auto tz_of = [&](std::optional<std::string> tz, std::string name) -> std::string {
        session.tz = std::move(tz);
        session.zone_name = std::move(name);
        for (const auto& [key, value] : plan_remind_job(session, with(Scheduler::cron)).env)
            if (key == "TZ") return value;
        return "(unset)";
    };
    // Unset: the system's zone, for calmlegs and for cron alike, even after it changes.
    CHECK(tz_of(std::nullopt, "Europe/Berlin") == "(unset)");
    CHECK(tz_of("Europe/Berlin", "Europe/Berlin") == "Europe/Berlin");
    CHECK(tz_of(":America/New_York", "America/New_York") == "America/New_York");
    CHECK(tz_of("CET-1CEST,M3.5.0,M10.5.0/3", "") == "CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(tz_of("/usr/share/zoneinfo/Australia/Sydney", "") ==
          "/usr/share/zoneinfo/Australia/Sydney");
    CHECK(tz_of("", "UTC") == "UTC");
    CHECK(tz_of("", "") == "UTC");
}

TEST_CASE("remind job: --config and --content passed on as absolute paths") {
    JobSurroundings session = desktop();
    session.config_file = "../calm.toml";
    session.content_dir = "/srv/calmlegs/content";
    CHECK(plan_remind_job(session, with(Scheduler::cron)).args ==
          std::vector<std::string>{"remind", "--config", "/home/ann/calm.toml", "--content",
                                   "/srv/calmlegs/content"});
    session.config_file = "/etc/calm.toml";
    session.content_dir.clear();
    CHECK(plan_remind_job(session, with(Scheduler::systemd, true)).args ==
          std::vector<std::string>{"remind", "--notify", "--config", "/etc/calm.toml"});
}

TEST_CASE("remind job with --notify: the session bus at $XDG_RUNTIME_DIR/bus and the displays") {
    SUBCASE("XDG_RUNTIME_DIR known: the bus there, stable from one login to the next") {
        JobSurroundings session = desktop();
        session.dbus_session_bus_address = "unix:abstract=/tmp/dbus-x,guid=1";
        const RemindJob job = plan_remind_job(session, with(Scheduler::cron, true));
        CHECK(job.env == Env{{"HOME", "/home/ann"},
                             {"XDG_CONFIG_HOME", "/home/ann/.cfg"},
                             {"XDG_STATE_HOME", "/home/ann/.state"},
                             {"XDG_DATA_HOME", "/home/ann/.data"},
                             {"TZ", "Europe/Berlin"},
                             {"PATH", "/usr/local/bin:/usr/bin:/bin"},
                             {"XDG_RUNTIME_DIR", "/run/user/1000"},
                             {"DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"},
                             {"DISPLAY", ":0"},
                             {"WAYLAND_DISPLAY", "wayland-0"}});
        CHECK(job.notes.empty());
    }
    SUBCASE("a runtime directory with a space: escaped in the bus address") {
        JobSurroundings session = desktop();
        session.xdg_runtime_dir = "/run/my user";
        const RemindJob job = plan_remind_job(session, with(Scheduler::cron, true));
        CHECK(job.env[7] == std::pair<std::string, std::string>{"DBUS_SESSION_BUS_ADDRESS",
                                                                "unix:path=/run/my%20user/bus"});
    }
    SUBCASE("only this session's bus address: used, with a note that it may change") {
        JobSurroundings session = desktop();
        session.xdg_runtime_dir.clear();
        const RemindJob job = plan_remind_job(session, with(Scheduler::cron, true));
        CHECK(job.env[6] == std::pair<std::string, std::string>{"DBUS_SESSION_BUS_ADDRESS",
                                                                "unix:path=/run/user/1000/bus"});
        REQUIRE(job.notes.size() == 1);
        CHECK(job.notes[0].find("may change at your next login") != std::string::npos);
    }
    SUBCASE("no bus at all: a note that the reminders are mailed instead") {
        JobSurroundings session = desktop();
        session.xdg_runtime_dir.clear();
        session.dbus_session_bus_address.clear();
        session.display.clear();
        session.wayland_display.clear();
        const RemindJob job = plan_remind_job(session, with(Scheduler::cron, true));
        CHECK(job.env.size() == 6);
        REQUIRE(job.notes.size() == 1);
        CHECK(job.notes[0].find("cron mails them") != std::string::npos);
    }
    SUBCASE("systemd: the user manager has the bus and the displays already") {
        const RemindJob job = plan_remind_job(desktop(), with(Scheduler::systemd, true));
        CHECK(job.env == Env{{"XDG_CONFIG_HOME", "/home/ann/.cfg"},
                             {"XDG_STATE_HOME", "/home/ann/.state"},
                             {"XDG_DATA_HOME", "/home/ann/.data"},
                             {"TZ", "Europe/Berlin"}});
        CHECK(job.notes.empty());
    }
}

TEST_CASE("dbus_escape and job_problem") {
    CHECK(dbus_escape("/run/user/1000/bus") == "/run/user/1000/bus");
    CHECK(dbus_escape("/tmp/a b,c=d%") == "/tmp/a%20b%2cc%3dd%25");
    RemindJob job = plan_remind_job(desktop(), with(Scheduler::cron));
    CHECK(job_problem(job).empty());
    job.env[1].second = "/home/ann/\x1b[31m";
    CHECK(job_problem(job) == "XDG_CONFIG_HOME holds a control character (byte 0x1b), which no "
                              "crontab line or unit can carry");
    job = plan_remind_job(desktop(), with(Scheduler::cron));
    job.exe = "/usr/bin/calm\tlegs";
    CHECK(job_problem(job).starts_with("the path of calmlegs holds a control character"));
}
