// calmlegs config and config --init, and CALMLEGS_CONFIG, through whole command lines with a
// fake System whose HOME is a fresh temporary directory.

#include "content/config_starter.h"
#include "content/temp_dir.h"
#include "support/fake_system.h"
#include "support/starter.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace calmlegs;
using namespace calmlegs::test;

namespace {

/// A person's home in a temporary directory, and command lines run against it.
struct Home {
    TempDir dir;
    FakeSystem system;
    std::string home = dir.path();

    Home() {
        system.vars["HOME"] = home;
        system.vars["COLUMNS"] = "1000"; // one line per field, so that phrases are whole
    }
    Ran run(const std::vector<std::string>& words) {
        system.out_.text_.clear();
        system.err_.text_.clear();
        return run_cli(words, system);
    }
    std::string default_config() const { return home + "/.config/calmlegs/config.toml"; }
};

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The permission bits of a file or directory, as chmod writes them (0700).
unsigned mode_of(const std::string& path) {
    return static_cast<unsigned>(std::filesystem::status(path).permissions()) & 0777U;
}

} // namespace

TEST_CASE("config: with no config file, every path in use and every default") {
    Home home;
    const Ran ran = home.run({"config"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    const std::string& h = home.home;
    CHECK(ran.out.starts_with("Settings · the defaults\n"));
    const std::vector<std::string> lines = {
        "Config      " + h +
            "/.config/calmlegs/config.toml\n            (the default place; "
            "not created yet: the defaults apply)\n",
        // The tests' content comes from CALMLEGS_CONTENT (see FakeSystem).
        "Content     • " + std::string(k_shipped_content) + " (from CALMLEGS_CONTENT)\n" +
            "            • " + h + "/.config/calmlegs/content (your own; none yet)\n",
        "State       " + h + "/.local/state/calmlegs (not created yet)\n",
        "Reminders   " + h + "/.local/state/calmlegs/remind-state.toml (not created yet)\n",
        "Journal     " + h + "/.local/state/calmlegs/journal.db (not created yet)\n",
        "Time zone   UTC (TZ=UTC)\n",
        "[cues]\nbell        step, side, breath (the default)\ncommand     none (the default)\n"
        "keep_awake  yes (the default): the screen is kept on where the desktop allows\n",
        "[plan]\nsupplements not set (the default): routines ask \"if it is part of your "
        "plan\"\n",
        "[me]\nconditions  none (the default)\n",
        "[schedule]\nbedtime     22:30 (the default)\nwake        not set (the default)\n"
        "weekend     not set (the default)\n",
        "[reminders]\noff         none (the default)\nown         none (the default)\n",
        "[journal]\nrecord_runs yes (the default): every routine run is recorded\n"
        "triggers    none (the default)\n",
        // What to do next.
        "Write a commented starter config: calmlegs config --init\n"
        "Each setting is explained in: man calmlegs-config\n"
        "The reminders they give: calmlegs schedule\n",
    };
    for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(contains(ran.out, line));
    }
}

TEST_CASE("config: XDG directories, files that exist, your own content layer, a POSIX TZ") {
    Home home;
    const std::string config_home = home.home + "/xdg-config";
    const std::string state_home = home.home + "/xdg-state";
    home.system.vars["XDG_CONFIG_HOME"] = config_home;
    home.system.vars["XDG_STATE_HOME"] = state_home;
    home.system.vars["TZ"] = "CET-1CEST,M3.5.0,M10.5.0/3";
    home.dir.write("xdg-config/calmlegs/config.toml", "[schedule]\nbedtime = \"23:00\"\n");
    home.dir.write("xdg-config/calmlegs/content/.keep", ""); // your own layer, empty
    home.dir.write("xdg-state/calmlegs/remind-state.toml", "");
    home.dir.write("xdg-state/calmlegs/journal.db", "");
    const Ran ran = home.run({"config"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    const std::string config = config_home + "/calmlegs/config.toml";
    CHECK(ran.out.starts_with("Settings · from " + config + "\n"));
    for (const auto& line : std::vector<std::string>{
             "Config      " + config + "\n            (the default place)\n",
             "            • " + config_home + "/calmlegs/content (your own)\n",
             "State       " + state_home + "/calmlegs\n",
             "Reminders   " + state_home + "/calmlegs/remind-state.toml\n",
             "Journal     " + state_home + "/calmlegs/journal.db\n",
             // A rule has no name: what set it is shown.
             "Time zone   TZ=CET-1CEST,M3.5.0,M10.5.0/3\n",
             "bedtime     23:00\n",
         }) {
        CAPTURE(line);
        CHECK(contains(ran.out, line));
    }
    CHECK_FALSE(contains(ran.out, "not created yet"));
    CHECK_FALSE(contains(ran.out, "none yet"));
}

TEST_CASE("config --json: the paths and the defaults as one object") {
    Home home;
    const Ran ran = home.run({"config", "--json"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    const std::string& h = home.home;
    const std::string expected = R"({
  "config": {
    "path": ")" + h + R"(/.config/calmlegs/config.toml",
    "source": "default",
    "exists": false
  },
  "content": {
    "layers": [
      {
        "path": ")" + std::string(k_shipped_content) +
                                 R"(",
        "from": "CALMLEGS_CONTENT"
      }
    ],
    "own": {
      "path": ")" + h + R"(/.config/calmlegs/content",
      "exists": false
    }
  },
  "state": {
    "path": ")" + h + R"(/.local/state/calmlegs",
    "exists": false
  },
  "reminder_state": {
    "path": ")" + h + R"(/.local/state/calmlegs/remind-state.toml",
    "exists": false
  },
  "journal": {
    "path": ")" + h + R"(/.local/state/calmlegs/journal.db",
    "exists": false
  },
  "time_zone": {
    "name": "UTC",
    "source": "TZ=UTC"
  },
  "cues": {
    "bell": [
      "step",
      "side",
      "breath"
    ],
    "bell_default": true,
    "command": [],
    "keep_awake": true,
    "keep_awake_default": true
  },
  "plan": {
    "supplements": null,
    "ids": null
  },
  "me": {
    "conditions": []
  },
  "schedule": {
    "bedtime": "22:30",
    "bedtime_default": true,
    "wake": null,
    "weekend": null
  },
  "reminders": {
    "off": [],
    "own": []
  },
  "journal": {
    "record_runs": true,
    "record_runs_default": true,
    "triggers": []
  }
}
)";
    CHECK(ran.out == expected);
}

TEST_CASE("config: the starter with its settings on is a valid config for the shipped content") {
    Home home;
    const std::string path = home.dir.write("all.toml", uncommented(config_starter()));
    const Ran ran = home.run({"--config", path, "config"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    for (const auto& line : std::vector<std::string>{
             "Config      " + path + "\n            (given with --config)\n",
             "command     espeak-ng -s 130\n",
             "supplements magnesium, vitamin-d, ashwagandha, valerian\n",
             "as ids      magnesium, vitamin-d, ashwagandha, valerian\n",
             "conditions  medicines\n",
             "bedtime     22:30\n",
             "wake        06:45\n",
             "weekend     bedtime 23:30, wake 08:00, on the nights that start on friday and "
             "saturday evenings\n",
             "off         caffeine\n",
             "own         • walk, at 16:00: Daily walk\n",
             // Pages stop at 100 columns: a long item wraps under itself.
             "            • chamomile-tea, 90 minutes before bedtime: Chamomile tea (calmlegs "
             "supplement\n              chamomile)\n",
             "            • morning-stretch, 15 minutes after waking (07:15 without a wake "
             "time): Stretch your\n              calves before the day starts. (calmlegs "
             "stretch)\n",
             "record_runs yes (the default): every routine run is recorded\n",
             "triggers    cold feet (cold-feet), long drive (long-drive)\n",
         }) {
        CAPTURE(line);
        CHECK(contains(ran.out, line));
    }
    // The JSON says the same, the names of the plan as written and as ids.
    const Ran json = home.run({"--config", path, "--json", "config"});
    CHECK(json.status == 0);
    for (const auto& part : std::vector<std::string>{
             "\"source\": \"--config\",\n    \"exists\": true",
             "\"bell_default\": true,\n    \"command\": [\n      \"espeak-ng\",\n      \"-s\",\n"
             "      \"130\"\n    ]",
             "\"weekend\": {\n      \"bedtime\": \"23:30\",\n      \"wake\": \"08:00\",\n"
             "      \"days\": [\n        \"friday\",\n        \"saturday\"\n      ]\n    }",
             "\"bedtime_default\": false,\n    \"wake\": \"06:45\"",
             "\"id\": \"walk\",\n        \"title\": \"Daily walk\"",
             "\"command\": null,\n        \"at\": \"16:00\",\n        \"before_bedtime\": null,\n"
             "        \"after_wake\": null,\n        \"supplements\": [],\n        \"steps\": [\n"
             "          7\n        ]",
             "\"at\": null,\n        \"before_bedtime\": 90,\n        \"after_wake\": null,\n"
             "        \"supplements\": [\n          \"chamomile\"\n        ]",
             "\"at\": \"07:15\",\n        \"before_bedtime\": null,\n        \"after_wake\": 15",
             "\"journal\": {\n    \"record_runs\": true,\n    \"record_runs_default\": true,\n"
             "    \"triggers\": [\n      {\n        \"id\": \"cold-feet\",\n"
             "        \"name\": \"cold feet\"\n      },\n      {\n"
             "        \"id\": \"long-drive\",\n        \"name\": \"long drive\"\n"
             "      }\n    ]\n  }",
         }) {
        CAPTURE(part);
        CHECK(contains(json.out, part));
    }
}

TEST_CASE("config: a plan as written and as ids, an empty plan, a bell for some cues") {
    Home home;
    const std::string path = home.dir.write(
        "c.toml", "[plan]\nsupplements = [\"mag\", \"Vitamin D\"]\n[cues]\nbell = [\"rep\"]\n"
                  "command = [\"sh\", \"-c\", \"say \\\"$0\\\"\"]\n");
    const Ran ran = home.run({"--config", path, "config"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "supplements mag, Vitamin D\nas ids      magnesium, vitamin-d\n"));
    CHECK(contains(ran.out, "bell        rep\n"));
    // Shown as it would be typed to a shell.
    CHECK(contains(ran.out, "command     sh -c 'say \"$0\"'\n"));
    const Ran json = home.run({"--config", path, "--json", "config"});
    CHECK(contains(json.out, "\"plan\": {\n    \"supplements\": [\n      \"mag\",\n      \"Vitamin "
                             "D\"\n    ],\n    \"ids\": [\n      \"magnesium\",\n      "
                             "\"vitamin-d\"\n    ]\n  }"));
    CHECK(contains(json.out, "\"bell\": [\n      \"rep\"\n    ],\n    \"bell_default\": false"));

    const std::string empty = home.dir.write("e.toml", "[plan]\nsupplements = []\n[cues]\n"
                                                       "bell = false\n");
    const Ran none = home.run({"--config", empty, "config"});
    CHECK(none.status == 0);
    CHECK(contains(none.out, "supplements none: every supplement step is left out\n"));
    CHECK(contains(none.out, "bell        off\n"));
    CHECK_FALSE(contains(none.out, "as ids"));
}

TEST_CASE("config: [cues] keep_awake = false is shown as not the default") {
    Home home;
    const std::string path = home.dir.write("c.toml", "[cues]\nkeep_awake = false\n");
    const Ran ran = home.run({"--config", path, "config"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "keep_awake  no: the screen may blank during a routine\n"));
    const Ran json = home.run({"--config", path, "--json", "config"});
    CHECK(contains(json.out, "\"keep_awake\": false,\n    \"keep_awake_default\": false\n"));
}

TEST_CASE("config: [journal] with runs not recorded, and triggers of one's own") {
    Home home;
    const std::string path = home.dir.write(
        "c.toml", "[journal]\nrecord_runs = false\ntriggers = [\"Cold feet\", \"a long drive\"]\n");
    const Ran ran = home.run({"--config", path, "config"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(contains(ran.out, "[journal]\nrecord_runs no: routine runs are not recorded\n"
                            "triggers    Cold feet (cold-feet), a long drive (a-long-drive)\n"));
    const Ran json = home.run({"--config", path, "--json", "config"});
    CHECK(json.status == 0);
    CHECK(contains(json.out, "\"record_runs\": false,\n    \"record_runs_default\": false,\n"
                             "    \"triggers\": [\n      {\n        \"id\": \"cold-feet\",\n"
                             "        \"name\": \"Cold feet\"\n      },"));
}

TEST_CASE("config: a problem in the config is reported as by every command, status 2") {
    struct Case {
        const char* text;
        std::string problem;
    };
    const std::vector<Case> cases = {
        {"[schedule]\nbedtime = \"25:00\"\n",
         ":2:11: 'bedtime': \"25:00\": the hour must be 0 to 23"},
        {"[reminders]\noff = [\"cafeine\"]\n",
         ":2:8: 'off': no reminder has the id \"cafeine\"; did you mean \"caffeine\"?"},
        {"[plan]\nsupplements = [\"magnesum\"]\n",
         ":2:16: 'supplements' refers to supplement \"magnesum\", which does not exist; did you "
         "mean \"magnesium\"?"},
        {"[[reminders.own]]\nid = \"wind-down\"\ntext = \"Mine.\"\nat = \"21:00\"\n",
         ":1:1: [[reminders.own]] \"wind-down\" has the id of a shipped reminder; choose another "
         "id, or turn the shipped one off with [reminders] off"},
        {"[journal]\ntriggers = [\"cold feet\", \"Coffee\"]\n",
         ":2:26: 'triggers': \"Coffee\" is already a name of the trigger \"caffeine\" (Caffeine "
         "after noon); log that one as caffeine, and take \"Coffee\" out of [journal] triggers, "
         "or name yours otherwise"},
        {"[journal]\nrecord_runs = 0\n",
         ":2:15: 'record_runs': expected true or false, found an integer"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        Home home;
        const std::string path = home.dir.write("config.toml", c.text);
        const Ran ran = home.run({"--config", path, "config"});
        CHECK(ran.status == 2);
        CHECK(ran.out.empty());
        CHECK(contains(ran.err, path + c.problem + "\n"));
    }
}

TEST_CASE("config: a TZ that names no zone is an error, not a silent UTC") {
    Home home;
    home.system.vars["TZ"] = "Mars/Olympus";
    const Ran ran = home.run({"config"});
    CHECK(ran.status == 2);
    CHECK(ran.out.empty());
    CHECK(contains(ran.err, "calmlegs: cannot tell the local time: TZ=Mars/Olympus: "
                            "/usr/share/zoneinfo/Mars/Olympus: No such file or directory: no "
                            "zone of that name"));
    CHECK(contains(ran.err, "Set TZ to a zone such as Europe/Berlin, or unset it.\n"));
}

TEST_CASE("config: without HOME or any XDG variable (cron's bare environment)") {
    Home home;
    home.system.vars.erase("HOME");
    const Ran ran = home.run({"config"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    CHECK(contains(ran.out, "Config      none: neither HOME nor XDG_CONFIG_HOME is set (the "
                            "defaults apply)\n"));
    CHECK(contains(ran.out, "Name a config file with --config FILE or CALMLEGS_CONFIG=FILE.\n"));
    CHECK_FALSE(contains(ran.out, "config --init"));
    CHECK(contains(ran.out, "State       none: neither HOME nor XDG_STATE_HOME is set\n"));
    CHECK(contains(ran.out, "Journal     none: neither HOME nor XDG_STATE_HOME is set\n"));
    // Only the shipped layer: there is no directory of your own to name.
    CHECK(contains(ran.out,
                   "Content     " + std::string(k_shipped_content) + " (from CALMLEGS_CONTENT)\n"));
    const Ran json = home.run({"--json", "config"});
    CHECK(contains(json.out, "\"config\": {\n    \"path\": null,\n    \"source\": \"default\",\n"
                             "    \"exists\": false\n  }"));
    CHECK(contains(json.out, "\"journal\": {\n    \"path\": null,\n    \"exists\": false\n  }"));
}

TEST_CASE("CALMLEGS_CONFIG: names the config as --config does, and --config wins") {
    Home home;
    const std::string iron = home.dir.write("iron.toml", "[plan]\nsupplements = [\"iron\"]\n");
    const std::string mag = home.dir.write("mag.toml", "[plan]\nsupplements = [\"magnesium\"]\n");
    home.system.vars["CALMLEGS_CONFIG"] = iron;
    const Ran by_env = home.run({"supplements", "--mine"});
    CHECK(by_env.status == 0);
    CHECK(contains(by_env.out, "Iron"));
    CHECK_FALSE(contains(by_env.out, "Magnesium"));
    const Ran shown = home.run({"config"});
    CHECK(
        contains(shown.out, "Config      " + iron + "\n            (named by CALMLEGS_CONFIG)\n"));
    CHECK(contains(home.run({"--json", "config"}).out, "\"source\": \"CALMLEGS_CONFIG\""));

    const Ran by_flag = home.run({"--config", mag, "supplements", "--mine"});
    CHECK(by_flag.status == 0);
    CHECK(contains(by_flag.out, "Magnesium"));
    CHECK_FALSE(contains(by_flag.out, "Iron"));
    CHECK(contains(home.run({"--config", mag, "config"}).out, "(given with --config)"));

    // A file it names that is not there is an error, as with --config.
    home.system.vars["CALMLEGS_CONFIG"] = home.home + "/none.toml";
    const Ran missing = home.run({"config"});
    CHECK(missing.status == 2);
    CHECK(contains(missing.err, "calmlegs: cannot read the config " + home.home +
                                    "/none.toml: No such file or directory\n"
                                    "Check the path given to CALMLEGS_CONFIG, or write a "
                                    "starter file there with: calmlegs config --init\n"));
    // With --config, the starter goes where --config says: the line to type says so.
    home.system.vars.erase("CALMLEGS_CONFIG");
    const Ran flag = home.run({"--config", home.home + "/my calm.toml", "config"});
    CHECK(flag.status == 2);
    CHECK(contains(flag.err, "write a starter file there with: calmlegs --config '" + home.home +
                                 "/my calm.toml' config --init\n"));
    // Empty is unset: the default place.
    home.system.vars["CALMLEGS_CONFIG"] = "";
    CHECK(contains(home.run({"config"}).out, "(the default place; not created yet"));
}

TEST_CASE("config --init: a commented starter, 0600, in new directories of mode 0700") {
    Home home;
    const Ran ran = home.run({"config", "--init"});
    CHECK(ran.status == 0);
    CHECK(ran.err.empty());
    const std::string path = home.default_config();
    CHECK(ran.out == "Wrote a starter config: " + path +
                         "\nEvery setting in it is commented out: remove the \"# \" before one to "
                         "use it.\nSee what is in effect: calmlegs config\n");
    CHECK(read_file(path) == config_starter());
    CHECK(mode_of(path) == 0600);
    CHECK(mode_of(home.home + "/.config") == 0700);
    CHECK(mode_of(home.home + "/.config/calmlegs") == 0700);
    // It is the config now, and it sets nothing.
    const Ran shown = home.run({"config"});
    CHECK(shown.status == 0);
    CHECK(shown.out.starts_with("Settings · from " + path + "\n"));
    CHECK(contains(shown.out, "bedtime     22:30 (the default)\n"));
    CHECK_FALSE(contains(shown.out, "config --init"));

    // Never over one that exists: the person's edits stay.
    std::ofstream(path) << "[schedule]\nbedtime = \"23:00\"\n";
    const Ran again = home.run({"config", "--init"});
    CHECK(again.status == 1);
    CHECK(again.out.empty());
    CHECK(again.err == "calmlegs: there is a config at " + path +
                           " already; --init never writes over one\nEdit it (man "
                           "calmlegs-config explains each setting), or move it away first to "
                           "start afresh: mv " +
                           path + " " + path + ".old\n");
    CHECK(read_file(path) == "[schedule]\nbedtime = \"23:00\"\n");
}

TEST_CASE(
    "config --init: --config FILE and CALMLEGS_CONFIG say where, and a directory keeps its mode") {
    Home home;
    const std::string nested = home.home + "/a/b/my.toml";
    const Ran flag = home.run({"--config", nested, "config", "--init"});
    CHECK(flag.status == 0);
    CHECK(read_file(nested) == config_starter());
    CHECK(mode_of(home.home + "/a") == 0700);
    CHECK(mode_of(home.home + "/a/b") == 0700);

    std::filesystem::create_directory(home.home + "/shared");
    std::filesystem::permissions(home.home + "/shared", std::filesystem::perms(0755));
    home.system.vars["CALMLEGS_CONFIG"] = home.home + "/shared/env.toml";
    const Ran env = home.run({"--json", "config", "--init"});
    CHECK(env.status == 0);
    CHECK(env.out == "{\n  \"written\": \"" + home.home + "/shared/env.toml\"\n}\n");
    CHECK(mode_of(home.home + "/shared/env.toml") == 0600);
    CHECK(mode_of(home.home + "/shared") == 0755); // not created, so not changed
    CHECK_FALSE(std::filesystem::exists(home.default_config()));
}

TEST_CASE("config --init: no place to write, or one that cannot be written") {
    Home home;
    home.system.vars.erase("HOME");
    const Ran nowhere = home.run({"config", "--init"});
    CHECK(nowhere.status == 2);
    CHECK(nowhere.out.empty());
    CHECK(nowhere.err == "calmlegs: cannot tell where your config goes: neither HOME nor "
                         "XDG_CONFIG_HOME is set\nName the file: calmlegs --config FILE config "
                         "--init (or set CALMLEGS_CONFIG=FILE)\n");
    // XDG_CONFIG_HOME alone is enough.
    home.system.vars["XDG_CONFIG_HOME"] = home.home + "/xdg";
    CHECK(home.run({"config", "--init"}).status == 0);
    CHECK(read_file(home.home + "/xdg/calmlegs/config.toml") == config_starter());

    // A file where a directory must go.
    const std::string file = home.dir.write("file.txt", "x");
    const Ran blocked = home.run({"--config", file + "/config.toml", "config", "--init"});
    CHECK(blocked.status == 74);
    CHECK(blocked.err == "calmlegs: cannot create the directory " + file +
                             ": exists and is not a directory\nCheck the path, or name another "
                             "file with --config FILE.\n");
}

TEST_CASE("config --help names --init") {
    const Ran ran = run_cli({"config", "--help"});
    CHECK(ran.status == 0);
    CHECK(contains(ran.out, "calmlegs config"));
    CHECK(contains(ran.out, "--init"));
}
