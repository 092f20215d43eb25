// calmlegs log: records a night, from options or, on a terminal, by asking.

#include "cli/log.h"

#include "cli/commands.h"
#include "cli/journal_names.h"
#include "cli/journal_read.h"
#include "cli/runner.h"
#include "content/names.h"
#include "journal/exchange.h"
#include "ui/render_history.h"
#include "ui/trial_line.h"

#include <algorithm>
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

/// The ids as --took takes them: "magnesium,valerian", or "none".
std::string took_list(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids.empty() ? "none" : join(ids, ",");
}

/// Refuses a new night of a supplement trial logged without --took: adherence is never
/// assumed from the plan. The lines to type say both answers, the schedule's first.
void refuse_without_took(Context& context, Date night, const TrialTonight& trial,
                         const std::vector<std::string>& plan) {
    const std::string& id = trial.trial.design.subject;
    const std::string subject = name_mid_sentence(trial.name);
    std::vector<std::string> without = plan;
    std::erase(without, id);
    std::vector<std::string> with = without;
    with.push_back(id);
    const auto line = [&](const std::vector<std::string>& ids) {
        std::vector<std::string> words = context.typed;
        words.emplace_back("--took");
        words.push_back(took_list(ids));
        const std::string offered = context.offer ? context.offer(words) : std::string();
        return offered.empty() ? "add --took " + took_list(ids) : offered;
    };
    const std::string took = "If you took " + subject + ": " + line(with);
    const std::string not_took = "If you did not: " + line(without);
    context.error("the night of " + format_date(night) + " is " +
                      trial_night_words(trial.night, trial.nights) + " of your " + subject +
                      " trial, so whether you took " + subject +
                      " is asked, not assumed: give --took",
                  trial.night.on ? took + "\n" + not_took
                                 : "If you did not take " + subject + ": " + line(without) +
                                       "\nIf you did: " + line(with));
}

/// Whether the trial's supplement is in the night as saved (nullopt for a routine trial:
/// its runs say it).
std::optional<bool> took_in(const TrialTonight& trial, const Night& saved) {
    if (trial.trial.design.kind != TrialSubject::supplement) return std::nullopt;
    const auto& list = saved.supplements;
    return std::find(list.begin(), list.end(), trial.trial.design.subject) != list.end();
}

/// "ON night 9 of 42 of your magnesium trial: taken, as the schedule asks."
std::string trial_words(const TrialTonight& trial, const Night& saved) {
    std::string text = trial_night_words(trial.night, trial.nights) + " of your " +
                       name_mid_sentence(trial.name) + " trial";
    const auto took = took_in(trial, saved);
    if (!took) return text + ".";
    return text + (*took ? ": taken" : ": not taken") +
           (*took == trial.night.on ? ", as the schedule asks."
                                    : ", so this night does not keep to the schedule.");
}

void write_trial_json(JsonWriter& json, const std::optional<TrialTonight>& trial,
                      const Night& saved) {
    if (!trial) {
        json.null();
        return;
    }
    const auto took = took_in(*trial, saved);
    json.begin_object();
    json.key("id").value(trial->trial.id);
    json.key("subject").value(trial->trial.design.subject);
    json.key("kind").value(to_string(trial->trial.design.kind));
    json.key("night").value(trial->night.index + 1);
    json.key("nights").value(trial->nights);
    json.key("on").value(trial->night.on);
    json.key("took");
    if (took)
        json.value(*took);
    else
        json.null();
    json.key("kept");
    if (took)
        json.value(*took == trial->night.on);
    else
        json.null();
    json.end_object();
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
    const System& system = context.system();
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
    std::optional<TrialTonight> trial;
    if (!trial_tonight(context, night, trial)) return ExitStatus::usage;
    if (!context.content_ok()) return ExitStatus::usage;

    bool missing = false;
    JournalStore* journal = context.journal(OpenMode::create, missing);
    if (journal == nullptr) return ExitStatus::usage;
    const std::vector<std::string> plan =
        settings->plan_supplements.value_or(std::vector<std::string>{});
    // A supplement trial's night: whether it was taken is asked, never assumed from the plan.
    const TrialTonight* supplement_trial =
        trial && trial->trial.design.kind == TrialSubject::supplement ? &*trial : nullptr;

    std::string why;
    if (!ask && supplement_trial != nullptr && !answers.supplements) {
        std::optional<Night> stored;
        if (!journal->night(night, stored, why)) {
            report_read_error(context, why);
            return ExitStatus::usage;
        }
        // A night logged already keeps its list; a new one needs --took.
        if (!stored) {
            refuse_without_took(context, night, *supplement_trial, plan);
            return ExitStatus::usage;
        }
    }
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
        defaults.trial = supplement_trial;
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
            json.key("trial");
            write_trial_json(json, trial, saved);
            json.end_object();
        },
        [&](const RenderOptions& render) {
            std::string text = render_logged(saved, replaced, render);
            if (trial) {
                Page page(render);
                page.paragraph(trial_words(*trial, saved));
                text += page.str();
            }
            return text;
        });
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
