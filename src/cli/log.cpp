// calmlegs log: records a night, from options or, on a terminal, by asking.

#include "cli/log.h"

#include "cli/commands.h"
#include "cli/journal_names.h"
#include "cli/journal_read.h"
#include "cli/runner.h"
#include "content/names.h"
#include "journal/exchange.h"
#include "ui/render_history.h"

#include <memory>

namespace calmlegs::cli {
namespace {

struct LogOptions {
    // Numbers as typed (checked by number_between): CLI11 would read "010" as octal.
    std::string severity, sleep, to_sleep, wakings, awake;
    std::string in_bed, final_wake, out_of_bed;
    std::vector<std::string> took, triggers;
    std::string note;
    std::string date;
    CLI::Option* note_option = nullptr; ///< --note "" is an answer: no note
};

std::optional<int> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return std::stoi(text, nullptr, 10);
}

std::optional<LocalTime> time_of(const std::string& text) {
    if (text.empty()) return std::nullopt;
    std::string why;
    return parse_local_time(text, why); // checked by a_clock_time
}

} // namespace

std::string diary_problem(const SleepDiary& diary) {
    if (!diary.into_bed || !diary.final_wake || !diary.out_of_bed || sleep_figures(diary))
        return {};
    return "the sleep diary times do not add up: the final wake (" +
           format_local_time(*diary.final_wake) + ") must come before out of bed (" +
           format_local_time(*diary.out_of_bed) +
           "), and the minutes to fall asleep and awake must fit between into bed (" +
           format_local_time(*diary.into_bed) + ") and the final wake";
}

namespace {

ExitStatus run_log(Context& context, const LogOptions& options) {
    ContentStore* store = context.content();
    if (store == nullptr) return ExitStatus::usage;
    const Config* config = context.config();
    if (config == nullptr) return ExitStatus::usage;
    const auto settings = session_settings(context, *store);
    if (!settings) return ExitStatus::usage;
    System& system = context.system();
    const Instant now = system.now();
    const auto tonight = context.night_of(now);
    if (!tonight) return ExitStatus::usage;

    Date night = *tonight;
    if (!options.date.empty()) {
        std::string why;
        night = *parse_date(options.date, why); // checked by a_date
        if (night > *tonight) {
            context.error("the night of " + options.date +
                              " is still to come (tonight is the night of " +
                              format_date(*tonight) + ")",
                          "Log it once it has passed, or give the date of a night gone by.");
            return ExitStatus::usage;
        }
    }

    const std::vector<Trigger>* known_triggers = context.triggers();
    if (known_triggers == nullptr) return ExitStatus::usage;
    const std::vector<Trigger>& known = *known_triggers;
    std::vector<std::string> trigger_ids;
    for (const Trigger& trigger : known)
        trigger_ids.push_back(trigger.id);
    const std::string trigger_listing =
        "Triggers: " + join(trigger_ids, ", ") +
        ".\nYour own go in config.toml, e.g. [journal] triggers = [\"cold feet\"] "
        "(see calmlegs-config(5)).";
    ListResolver supplements = [&](const std::vector<std::string>& names) {
        return resolve_list(
            context, names, "--took", "supplement", "See them all: calmlegs supplements --all",
            [&](std::string_view name) { return name_match(find_supplement(*store, name)); });
    };
    ListResolver triggers = [&](const std::vector<std::string>& names) {
        return resolve_list(
            context, names, "--trigger", "trigger", trigger_listing,
            [&](std::string_view name) { return name_match(find_trigger(known, name)); });
    };

    NightAnswers answers;
    answers.severity = number(options.severity);
    answers.sleep = number(options.sleep);
    answers.diary.into_bed = time_of(options.in_bed);
    answers.diary.minutes_to_sleep = number(options.to_sleep);
    answers.diary.wakings = number(options.wakings);
    answers.diary.minutes_awake = number(options.awake);
    answers.diary.final_wake = time_of(options.final_wake);
    answers.diary.out_of_bed = time_of(options.out_of_bed);
    if (!options.took.empty()) {
        answers.supplements = supplements(split_list(options.took));
        if (!answers.supplements) return ExitStatus::usage;
    }
    if (!options.triggers.empty()) {
        answers.triggers = triggers(split_list(options.triggers));
        if (!answers.triggers) return ExitStatus::usage;
    }
    if (options.note_option->count() > 0) answers.note = options.note;

    if (const std::string problem = diary_problem(answers.diary); !problem.empty()) {
        context.error(problem, "Give the times as the clock read them (24-hour HH:MM).");
        return ExitStatus::usage;
    }
    const bool ask = answers.empty();
    const TerminalInfo& terminal = context.terminal();
    if (ask && !(terminal.keys && terminal.tty)) {
        context.error("nothing to log: no answers were given, and there is no terminal to ask on",
                      "Give the answers, e.g.: calmlegs log --severity 6 --sleep 3\n"
                      "Help: calmlegs log --help");
        return ExitStatus::usage;
    }
    if (!context.content_ok()) return ExitStatus::usage;

    bool missing = false;
    JournalStore* journal = context.journal(OpenMode::create, missing);
    if (journal == nullptr) return ExitStatus::usage;
    const std::vector<std::string> plan =
        settings->plan_supplements.value_or(std::vector<std::string>{});

    std::string why;
    if (ask) {
        std::optional<Night> stored, previous;
        if (!journal->night(night, stored, why) || !journal->night_before(night, previous, why)) {
            report_read_error(context, why);
            return ExitStatus::usage;
        }
        QuestionDefaults defaults;
        defaults.stored = stored ? &*stored : nullptr;
        defaults.previous = previous ? &*previous : nullptr;
        defaults.plan = plan;
        defaults.trigger_ids = trigger_ids;
        bool interrupted = false;
        auto asked = ask_night(context, night, defaults, supplements, triggers, interrupted);
        if (!asked) {
            context.print("\n");
            context.note("Nothing saved.");
            return interrupted ? ExitStatus::interrupted : ExitStatus::usage;
        }
        answers = std::move(*asked);
    }

    // The diary as it will be stored (this night's times merged with those given) must add
    // up, or the night would drop out of the sleep figures without a word.
    {
        std::optional<Night> stored;
        if (!journal->night(night, stored, why)) {
            report_read_error(context, why);
            return ExitStatus::usage;
        }
        const Night merged = apply_answers(stored, night, answers, plan, now);
        if (const std::string problem = diary_problem(merged.diary); !problem.empty()) {
            context.error(problem + " (with the times already logged for this night)",
                          "Give the times that are wrong again: --in-bed, --final-wake, "
                          "--out-of-bed.");
            return ExitStatus::usage;
        }
    }
    bool replaced = false;
    Night saved;
    if (!journal->change_night(
            night,
            [&](const std::optional<Night>& stored) {
                saved = apply_answers(stored, night, answers, plan, now);
                return saved;
            },
            replaced, why)) {
        context.error("the night could not be saved: " + why,
                      "Nothing was changed. The journal: " + context.journal_path());
        return ExitStatus::usage;
    }
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("updated").value(replaced);
            json.key("journal").value(context.journal_path());
            json.key("night");
            write_night_json(json, saved);
            json.end_object();
        },
        [&](const RenderOptions& render) { return render_logged(saved, replaced, render); });
}

} // namespace

Command setup_log(CLI::App& parent, Context& context) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* app = parent.add_subcommand(
        "log", "Record a night: RLS severity, sleep, what you took, triggers, a note");
    app->footer("A night runs from noon to noon: a log at 07:00 is about the night before. "
                "Logging a night again changes only what you give. With no answers, on a "
                "terminal, it asks one question at a time.");
    auto& o = *options;
    app->add_option("--severity", o.severity, "RLS severity, 0 (none) to 10 (worst)")
        ->type_name("N")
        ->check(number_between(k_severity_min, k_severity_max, true));
    app->add_option("--sleep", o.sleep, "Sleep quality, 1 (very poor) to 5 (very good)")
        ->type_name("N")
        ->check(number_between(k_sleep_min, k_sleep_max, true));
    app->add_option("--took", o.took,
                    "Supplements taken, by any name, with commas (default: "
                    "your [plan]; none for none)")
        ->type_name("LIST")
        ->check(not_empty("names"));
    app->add_option("--trigger", o.triggers,
                    "Triggers of the night, with commas: caffeine, alcohol, "
                    "sugar, late-exercise, sitting, stress, screens...")
        ->type_name("LIST")
        ->check(not_empty("names"));
    o.note_option = app->add_option("--note", o.note, "A note on the night")->type_name("TEXT");
    app->add_option("--in-bed", o.in_bed, "Sleep diary: into bed at HH:MM")
        ->type_name("HH:MM")
        ->check(a_clock_time());
    app->add_option("--to-sleep", o.to_sleep, "Sleep diary: minutes to fall asleep")
        ->type_name("MIN")
        ->check(number_between(0, 1440, true));
    app->add_option("--wakings", o.wakings, "Sleep diary: times you woke")
        ->type_name("N")
        ->check(number_between(0, 100, true));
    app->add_option("--awake", o.awake, "Sleep diary: minutes awake after falling asleep")
        ->type_name("MIN")
        ->check(number_between(0, 1440, true));
    app->add_option("--final-wake", o.final_wake, "Sleep diary: last woke at HH:MM")
        ->type_name("HH:MM")
        ->check(a_clock_time());
    app->add_option("--out-of-bed", o.out_of_bed, "Sleep diary: out of bed at HH:MM")
        ->type_name("HH:MM")
        ->check(a_clock_time());
    app->add_option("--date", o.date,
                    "The night of this date (default: tonight; before noon, last night)")
        ->type_name("YYYY-MM-DD")
        ->check(a_date());
    return {app, "calmlegs log --severity 6 --sleep 3",
            [&context, options] { return run_log(context, *options); }};
}

} // namespace calmlegs::cli
