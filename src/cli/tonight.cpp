// calmlegs tonight: the nightly wind-down ritual of guide step 9. With --finish-by, it first
// says when to start to finish by a time (bedtime by default), and runs a shortened ritual
// when less time is left than the whole one needs.

#include "cli/commands.h"
#include "cli/runner.h"
#include "cli/trial_tonight.h"

#include "plan/shorten.h"
#include "remind/next_time.h"
#include "remind/reminder_day.h"
#include "ui/clock_text.h"
#include "ui/plain_text.h"
#include "ui/render_plan.h"

#include <memory>

namespace calmlegs::cli {
namespace {

using std::chrono::seconds;

/// More time left than this is no evening's ritual: the finish time has passed (its next
/// coming is tomorrow) or is not tonight.
constexpr seconds k_longest_wait = std::chrono::hours{12};

struct TonightOptions {
    RunnerOptions runner;
    std::string finish_by; ///< "22:30", or k_bedtime
    CLI::Option* finish_option = nullptr;
};

/// --finish-by with no value, or this word: the bedtime of the config.
constexpr const char* k_bedtime = "bedtime";

/// How long ago a finish time counts as just passed ("it is 23:00, past 22:30") rather than
/// as the next one, more than 12 hours away (at 08:00, 21:00 is tonight's).
constexpr std::chrono::hours k_just_passed{6};

/// When the ritual must end, and how long there is until then.
struct Deadline {
    Instant now;
    Instant finish;
    bool bedtime = false; ///< the config's bedtime, not a time given with --finish-by
    seconds left{0};
    /// Past the finish time, or more than k_longest_wait to go: the whole ritual, as always.
    bool out_of_reach() const { return left <= seconds{0} || left > k_longest_wait; }
};

/// The finish time: `asked` the next time it comes, or tonight's bedtime (that of the
/// reminder day, so 00:30 at 23:50 is 40 minutes away and 22:30 at 23:00 has passed).
Deadline deadline(const TimeZone& zone, const Config& config, Instant now,
                  const std::string& asked) {
    Deadline out;
    out.now = now;
    std::string why;
    const auto time = asked == k_bedtime ? std::nullopt : parse_local_time(asked, why);
    if (time) {
        out.finish = next_clock_time(zone, now, *time).instant;
    } else {
        Date day = reminder_day(zone, now);
        out.finish = at_clock_time(zone, day, config.schedule.night_of(day).bedtime).instant;
        // In the morning, last night's bedtime is long gone: tonight's is meant.
        if (now - out.finish > k_just_passed) {
            day = add_days(day, 1);
            out.finish = at_clock_time(zone, day, config.schedule.night_of(day).bedtime).instant;
        }
        out.bedtime = true;
    }
    out.left = out.finish - now;
    return out;
}

/// "22:15": the clock reading at `instant`.
std::string clock_at(const TimeZone& zone, Instant instant) {
    return format_local_time(clock_reading(to_local(zone, instant)));
}

/// What a --finish-by run or --dry-run tells, before the plan: the latest start of the whole
/// ritual, and what fits instead when that start has passed.
struct Answer {
    Deadline when;
    Shortened fit;
    Plan full;
    std::optional<Plan> shortened; ///< when the whole ritual does not fit
    std::string now_text, finish_text, start_text;
    std::vector<std::string> lines;
};

Answer answer(Context& context, const TimeZone& zone, Session session, const Deadline& when,
              const RunnerOptions& options) {
    Answer out;
    out.when = when;
    out.full = display_plan(context, session, options.speed);
    const auto full = out.full.total;
    out.now_text = clock_at(zone, when.now);
    out.finish_text = clock_at(zone, when.finish);
    const std::string finish_words =
        when.bedtime ? "your bedtime (" + out.finish_text + ")" : out.finish_text;
    // The latest start, to the whole second before it, and shown to the minute before it.
    out.start_text = clock_at(zone, when.finish - std::chrono::ceil<seconds>(full));
    if (when.out_of_reach()) {
        out.fit = {Fit::full, session, session_seconds(session)};
        // Passed when it came at most k_just_passed ago (its next coming is then almost a
        // day away); otherwise it is still ahead, more than 12 hours away.
        const bool past = when.left <= seconds{0} ||
                          (!when.bedtime && std::chrono::hours{24} - when.left <= k_just_passed);
        out.lines.push_back("It is " + out.now_text + ", " +
                            (past ? "past " + finish_words
                                  : "and " + finish_words + " is more than 12 hours away") +
                            ": this is the whole ritual (" + length_words(full) + ").");
        return out;
    }
    out.lines.push_back("The ritual takes " + length_words(full) + ": start by " + out.start_text +
                        " to finish by " + finish_words + ".");
    // The time left as the plan counts it: nominal seconds at --speed.
    out.fit = shorten_to_fit(session, static_cast<double>(when.left.count()) * options.speed);
    if (out.fit.fit == Fit::full) return out;
    out.shortened = display_plan(context, out.fit.session, options.speed);
    const auto length = out.shortened->total;
    const std::string left =
        "It is " + out.now_text + ", " + length_words(when.left) + " before " + finish_words + ": ";
    if (out.fit.fit == Fit::shortened)
        out.lines.push_back(left + "a shortened ritual of " + length_words(length) +
                            " fits, every step in order, the timed ones shorter.");
    else
        out.lines.push_back(left + "even the shortest ritual takes " + length_words(length) +
                            ", so it ends at " +
                            clock_at(zone, when.now + std::chrono::ceil<seconds>(length)) + ".");
    return out;
}

/// "shortened" or "shortest": the ritual that runs in place of the whole one.
std::string instead(const Answer& answer) {
    return answer.fit.fit == Fit::shortened ? "shortened" : "shortest";
}

std::string_view fit_name(const Answer& answer) {
    if (answer.when.out_of_reach()) return "past";
    switch (answer.fit.fit) {
    case Fit::full:
        return "full";
    case Fit::shortened:
        return "shortened";
    case Fit::too_long:
        break;
    }
    return "shortest";
}

ExitStatus show_both(Context& context, const Answer& answer) {
    const bool shorter = answer.shortened.has_value();
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("now").value(answer.now_text);
            json.key("finish_by").value(answer.finish_text);
            json.key("bedtime").value(answer.when.bedtime);
            json.key("seconds_left").value(static_cast<std::int64_t>(answer.when.left.count()));
            json.key("start_by").value(answer.start_text);
            json.key("fit").value(fit_name(answer));
            json.key("full");
            write_plan_json(json, answer.full);
            json.key("shortened");
            if (shorter)
                write_plan_json(json, *answer.shortened);
            else
                json.null();
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            for (const auto& line : answer.lines)
                page.paragraph(line);
            if (shorter)
                page.paragraph("A run with --finish-by does the " + instead(answer) +
                               " ritual (the second plan below); calmlegs tonight does the "
                               "whole one.");
            std::string text = page.str() + "\n" + render_plan(answer.full, render);
            if (shorter) text += "\n" + render_plan(*answer.shortened, render);
            return text;
        });
}

/// On an OFF night of a trial of the ritual itself, a run (not --dry-run) says so and runs
/// nothing, with exit status 0 (the night goes as the trial asks); `calmlegs run tonight`
/// runs it anyway. nullopt when the ritual is to run; false from the look-up after reporting.
std::optional<ExitStatus> off_night(Context& context, const RunnerOptions& options) {
    if (options.dry_run || options.no_journal) return std::nullopt;
    std::optional<TrialTonight> trial;
    if (!trial_of_tonight(context, trial)) return ExitStatus::usage;
    if (!trial || trial->trial.design.kind != TrialSubject::routine ||
        trial->trial.design.subject != "tonight" || trial->night.on)
        return std::nullopt;
    if (!context.content_ok()) return ExitStatus::usage;
    const std::string line = trial->line();
    return context.show(
        [&](JsonWriter& json) {
            json.begin_object();
            json.key("ran").value(false);
            json.key("trial").begin_object();
            json.key("line").value(line);
            json.key("on").value(false);
            json.key("night").value(trial->night.index + 1);
            json.key("nights").value(trial->nights);
            json.key("subject").value(trial->trial.design.subject);
            json.end_object();
            json.end_object();
        },
        [&](const RenderOptions& render) {
            Page page(render);
            page.paragraph(line + ". Your trial leaves the ritual out tonight, so it does not "
                                  "run.");
            page.paragraph("To run it anyway (the night then does not keep to the schedule): "
                           "calmlegs run tonight");
            return page.str();
        });
}

ExitStatus run_tonight(Context& context, const TonightOptions& options) {
    if (const auto refused = off_night(context, options.runner)) return *refused;
    if (options.finish_option->count() == 0) return run_routine(context, "tonight", options.runner);
    ExitStatus status = ExitStatus::success;
    auto session = routine_session(context, "tonight", options.runner, status);
    if (!session) return status;
    const LocalZone* zone = context.zone();
    const Config* config = context.config();
    if (zone == nullptr || config == nullptr) return ExitStatus::usage;
    const Deadline when = deadline(*zone->zone, *config, context.system().now(), options.finish_by);
    const Answer told = answer(context, *zone->zone, *session, when, options.runner);
    if (options.runner.dry_run) return show_both(context, told);
    for (const auto& line : told.lines)
        context.note(line);
    if (told.shortened)
        context.note("Running the " + instead(told) +
                     " ritual; calmlegs tonight runs the whole one.");
    return run_session(context, told.fit.session, options.runner);
}

} // namespace

Command setup_tonight(CLI::App& parent, Context& context) {
    auto options = std::make_shared<TonightOptions>();
    CLI::App* app = parent.add_subcommand("tonight", "Run the nightly wind-down (guide step 9)");
    add_runner_options(*app, options->runner);
    options->finish_option =
        app->add_option("--finish-by", options->finish_by,
                        "Say when to start to finish by HH:MM (default: your bedtime), and "
                        "shorten the ritual when time is short")
            ->expected(0, 1)
            ->default_str(k_bedtime) // what CLI11 hands on when no value follows
            ->type_name("[HH:MM]")
            ->check(a_clock_time(k_bedtime));
    return {app, "calmlegs tonight",
            [&context, options] { return run_tonight(context, *options); }};
}

} // namespace calmlegs::cli
