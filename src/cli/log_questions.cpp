// calmlegs log on a terminal: one question at a time, with the last night's answers as the
// defaults.

#include "cli/journal_names.h"
#include "cli/log.h"

#include "content/names.h"
#include "ui/text.h"
#include "ui/trial_line.h"

#include <fmt/format.h>

#include <algorithm>

namespace calmlegs::cli {
namespace {

class Questions {
public:
    explicit Questions(Context& context)
        : m_context(context) {}

    bool interrupted = false;

    /// Asks until the answer is good: `parse` returns an error message, or "" when it took
    /// the answer. Enter takes `default_text` (nothing when it is ""). False when stopped.
    bool ask(const std::string& question, const std::string& default_text,
             const std::function<std::string(const std::string&)>& parse) {
        const std::string prompt =
            question + (default_text.empty() ? "" : " [" + default_text + "]") + ": ";
        while (true) {
            const auto line = m_context.system().read_line(prompt, interrupted);
            if (!line) return false;
            std::string answer = trim(*line);
            if (answer.empty()) answer = default_text;
            if (answer.empty()) return true;
            const std::string problem = parse(answer);
            if (problem.empty()) return true;
            m_context.note("  " + problem);
        }
    }

private:
    static std::string trim(const std::string& text) {
        const auto begin = text.find_first_not_of(" \t\r");
        if (begin == std::string::npos) return {};
        return text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1);
    }
    Context& m_context;
};

/// A whole number from `low` to `high`; "" when taken, else what is wrong.
std::string whole_number(const std::string& text, int low, int high, std::optional<int>& into) {
    int value = 0;
    bool digits = !text.empty() && text.size() <= 5;
    for (char c : text) {
        if (c < '0' || c > '9')
            digits = false;
        else
            value = value * 10 + (c - '0');
    }
    if (!digits || value < low || value > high)
        return fmt::format("Type a whole number from {} to {}.", low, high);
    into = value;
    return {};
}

std::string clock_time(const std::string& text, std::optional<LocalTime>& into) {
    std::string why;
    const auto time = parse_local_time(text, why);
    if (!time) return "Type a time as HH:MM (24-hour clock): " + why;
    into = *time;
    return {};
}

std::string number_text(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string();
}

std::string time_text(const std::optional<LocalTime>& value) {
    return value ? format_local_time(*value) : std::string();
}

std::string list_text(const std::vector<std::string>& ids) {
    return ids.empty() ? "none" : join(ids, ",");
}

} // namespace

std::optional<NightAnswers> ask_night(Context& context, Date night,
                                      const QuestionDefaults& defaults,
                                      const ListResolver& supplements, const ListResolver& triggers,
                                      bool& interrupted) {
    Questions questions(context);
    NightAnswers answers;
    const Night* stored = defaults.stored;
    // The night itself when it is logged again, else the night before it.
    const Night* from = stored != nullptr ? stored : defaults.previous;
    const int width = context.render_options().width;
    auto say = [&](const std::string& text) {
        context.print(join(wrap(text, width), "\n") + "\n");
    };
    say(stored != nullptr ? "The night of " + weekday_name(night) + " " + format_date(night) +
                                " is logged already: Enter keeps each answer, Ctrl-C saves "
                                "nothing."
                          : "The night of " + weekday_name(night) + " " + format_date(night) +
                                ". Enter keeps the answer in brackets; Ctrl-C saves nothing.");
    auto stop = [&] {
        interrupted = questions.interrupted;
        return std::nullopt;
    };

    if (!questions.ask(
            "RLS severity, 0 (none) to 10 (worst)",
            number_text(from ? from->severity : std::nullopt), [&](const std::string& text) {
                return whole_number(text, k_severity_min, k_severity_max, answers.severity);
            }))
        return stop();
    if (!questions.ask("Sleep quality, 1 (very poor) to 5 (very good)",
                       number_text(from ? from->sleep : std::nullopt),
                       [&](const std::string& text) {
                           return whole_number(text, k_sleep_min, k_sleep_max, answers.sleep);
                       }))
        return stop();
    std::vector<std::string> took_before = from ? from->supplements : defaults.plan;
    std::optional<bool> took_it;
    if (const TrialTonight* trial = defaults.trial) {
        // Adherence is asked, never assumed: no default for a night not logged yet.
        const std::string& id = trial->trial.design.subject;
        const std::string subject = name_mid_sentence(trial->name);
        const auto listed = [&](const std::vector<std::string>& ids) {
            return std::find(ids.begin(), ids.end(), id) != ids.end();
        };
        const std::string question =
            "Night " + std::to_string(trial->night.index + 1) + " of your " + subject +
            " trial was " + (trial->night.on ? "an ON" : "an OFF") + " night. Did you take " +
            subject + "? y or n";
        while (!took_it) {
            if (!questions.ask(question, stored ? (listed(stored->supplements) ? "y" : "n") : "",
                               [&](const std::string& text) -> std::string {
                                   const std::string word = to_lower_ascii(text);
                                   if (word != "y" && word != "n" && word != "yes" && word != "no")
                                       return "Type y or n.";
                                   took_it = word[0] == 'y';
                                   return {};
                               }))
                return stop();
            if (!took_it) context.note("  Type y or n: the trial counts on knowing.");
        }
        std::erase(took_before, id);
        if (*took_it) took_before.push_back(id);
        std::sort(took_before.begin(), took_before.end());
    }
    if (!questions.ask("Supplements taken (names with commas, or none)", list_text(took_before),
                       [&](const std::string& text) -> std::string {
                           answers.supplements = supplements(split_list({text}));
                           return answers.supplements ? "" : "Try again.";
                       }))
        return stop();
    if (took_it && answers.supplements) {
        // The answer to the trial's own question stands over the list.
        auto& list = *answers.supplements;
        const std::string& id = defaults.trial->trial.design.subject;
        const bool listed = std::find(list.begin(), list.end(), id) != list.end();
        if (listed != *took_it) {
            std::erase(list, id);
            if (*took_it) list.push_back(id);
            context.note("  " + id + (*took_it ? " added to the list, as you took it."
                                                     : " left out of the list, as you did not "
                                                       "take it."));
        }
    }
    say("Triggers: " + join(defaults.trigger_ids, ", ") + ".");
    if (!questions.ask("Triggers of the night (names with commas, or none)",
                       list_text(stored ? stored->triggers : std::vector<std::string>{}),
                       [&](const std::string& text) -> std::string {
                           answers.triggers = triggers(split_list({text}));
                           return answers.triggers ? "" : "Try again.";
                       }))
        return stop();

    const SleepDiary* diary = from ? &from->diary : nullptr;
    bool with_diary = false;
    // "n" leaves the diary as it is: a night logged again keeps the times it has.
    const bool stored_diary = stored != nullptr && !stored->diary.empty();
    if (!questions.ask(stored_diary ? "Change the sleep diary times? y or n"
                                    : "Sleep diary times? y or n",
                       diary && !diary->empty() && stored == nullptr ? "y" : "n",
                       [&](const std::string& text) -> std::string {
                           const std::string word = to_lower_ascii(text);
                           if (word != "y" && word != "n" && word != "yes" && word != "no")
                               return "Type y or n.";
                           with_diary = word[0] == 'y';
                           return {};
                       }))
        return stop();
    if (with_diary) {
        SleepDiary& into = answers.diary;
        const SleepDiary none;
        const SleepDiary& was = diary ? *diary : none;
        const bool ok =
            questions.ask("  Into bed at (HH:MM)", time_text(was.into_bed),
                          [&](const std::string& t) { return clock_time(t, into.into_bed); }) &&
            questions.ask("  Minutes to fall asleep", number_text(was.minutes_to_sleep),
                          [&](const std::string& t) {
                              return whole_number(t, 0, 1440, into.minutes_to_sleep);
                          }) &&
            questions.ask(
                "  Times you woke in the night", number_text(was.wakings),
                [&](const std::string& t) { return whole_number(t, 0, 100, into.wakings); }) &&
            questions.ask("  Minutes awake in those wakings", number_text(was.minutes_awake),
                          [&](const std::string& t) {
                              return whole_number(t, 0, 1440, into.minutes_awake);
                          }) &&
            questions.ask("  Final wake at (HH:MM)", time_text(was.final_wake),
                          [&](const std::string& t) { return clock_time(t, into.final_wake); }) &&
            questions.ask("  Out of bed at (HH:MM)", time_text(was.out_of_bed),
                          [&](const std::string& t) { return clock_time(t, into.out_of_bed); });
        if (!ok) return stop();
        if (const std::string problem = diary_problem(into); !problem.empty()) {
            // Said, and the diary left out: the rest of the answers still count.
            context.note("  " + problem + "; the diary times are left out.");
            into = SleepDiary{};
        }
    }
    // The note as stored is shown, never obeyed; Enter keeps it as it is.
    const std::string stored_note = stored ? stored->note : std::string();
    std::string note = stored_note;
    if (!questions.ask(stored_note.empty() ? "Note (Enter for none)" : "Note", visible(stored_note),
                       [&](const std::string& text) {
                           note = text == visible(stored_note) ? stored_note : text;
                           return std::string();
                       }))
        return stop();
    answers.note = note;
    return answers;
}

} // namespace calmlegs::cli
