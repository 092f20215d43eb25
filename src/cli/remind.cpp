// calmlegs remind: the cron entry point. Prints each reminder whose time has come and that was
// not yet delivered, once (the state in $XDG_STATE_HOME/calmlegs, under a lock), and nothing
// otherwise; with --at, what fires in one minute, without reading or writing any state.

#include "cli/commands.h"
#include "cli/remind_next.h"
#include "cli/remind_output.h"
#include "cli/trial_tonight.h"

#include "remind/trial_evening.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>

namespace calmlegs::cli {
namespace {

struct RemindOptions {
    std::string grace = std::to_string(k_default_grace.count()); ///< as typed (number_between)
    std::string at;
    std::string date;
    bool notify = false;
};

/// The longest grace: the state looks back one day.
constexpr int k_max_grace_minutes = 24 * 60;

/// Prints `reminders` (text), or hands them to notify-send first with --notify; the JSON, when
/// asked for, is printed by the caller.
Notified deliver(Context& context, const std::vector<DayReminder>& reminders, Instant now,
                 bool notify_them) {
    Notified notified;
    notified.not_shown = reminders;
    if (notify_them) notified = notify(context.system(), reminders, now);
    if (!notified.why.empty())
        context.note("calmlegs: --notify: " + notified.why + "; printing instead");
    if (!context.options.json && !notified.not_shown.empty())
        context.print(reminders_text(notified.not_shown, now, context.render_options()));
    return notified;
}

/// Puts the ON/OFF line of a trial night on the reminders of that night (remind/trial_evening.h).
/// A journal that cannot be read is said on stderr, and the reminders still come, without the
/// line: a journal problem never stops the other reminders (the exit status stays 0). False
/// when it was said.
bool follow_trials(Context& context, std::vector<DayReminder>& reminders) {
    std::vector<Date> nights;
    for (const auto& reminder : reminders)
        if (std::find(nights.begin(), nights.end(), reminder.day) == nights.end())
            nights.push_back(reminder.day);
    for (Date night : nights) {
        std::optional<TrialTonight> tonight;
        if (!trial_tonight(context, night, tonight,
                           "These reminders come without your trial's ON/OFF line; see "
                           "calmlegs trial status.")) {
            return false;
        }
        if (!tonight) continue;
        TrialEvening evening;
        evening.night = night;
        evening.kind = tonight->trial.design.kind;
        evening.command = tonight->command;
        evening.trial.line = tonight->line();
        evening.trial.on = tonight->night.on;
        evening.trial.night = tonight->night.index + 1;
        evening.trial.nights = tonight->nights;
        evening.trial.subject = tonight->trial.design.subject;
        follow_trial(reminders, evening);
    }
    return true;
}

/// The reminders' times without their doses, when they can be had without opening any
/// supplement's entry (see plan_times): enough to tell that nothing is due, which is what
/// nearly every run of a crontab line finds. nullopt when the whole schedule is needed to
/// say what is wrong or what to deliver.
std::optional<PersonSchedule> quick_times(Context& context) {
    // Each problem is reported once, by Context::schedule(): nothing is loaded here that
    // would report it first.
    const Config* settings = context.config();
    if (settings == nullptr || !context.layers().error.empty()) return std::nullopt;
    ContentStore* store = context.content();
    Diagnostics diags;
    auto times = plan_times(*store, *settings, diags);
    if (!diags.empty() || !store->diagnostics().empty()) return std::nullopt;
    return times;
}

/// `remind --at HH:MM [--date YYYY-MM-DD]`: stateless.
ExitStatus run_at(Context& context, const RemindOptions& options) {
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return ExitStatus::usage;
    std::string why;
    const LocalTime time = *parse_local_time(options.at, why); // checked by a_clock_time
    const Date date = options.date.empty() ? Date{std::chrono::floor<std::chrono::days>(
                                                 to_local(*zone->zone, context.system().now()))}
                                           : *parse_date(options.date, why);
    const auto quick = quick_times(context);
    const PersonSchedule* schedule = nullptr;
    if (!quick || !due_in_minute(*quick, *zone->zone, local_at(date, time)).empty()) {
        schedule = context.schedule();
        if (schedule == nullptr) return ExitStatus::usage;
    } else if (!context.content_ok()) {
        return ExitStatus::usage;
    }
    auto due = schedule != nullptr ? due_in_minute(*schedule, *zone->zone, local_at(date, time))
                                   : std::vector<DayReminder>{};
    (void)follow_trials(context, due);
    const Instant when = resolve_local(*zone->zone, local_at(date, time)).instant;
    (void)deliver(context, due, when, options.notify);
    if (context.options.json) {
        JsonWriter json;
        write_at_json(json, date, time, due, *zone);
        context.print_json(json);
    }
    return ExitStatus::success;
}

/// Sets a corrupt state aside and records what is due up to now as handled, unshown: starting
/// afresh would deliver again what the lost state had delivered.
ExitStatus set_aside(Context& context, const StateFiles& files, const LoadedState& loaded,
                     const PersonSchedule& schedule, const TimeZone& zone, Instant now) {
    const std::string aside = set_aside_path(context.system().files(), files.state, now);
    const std::string problem = "the reminder state " + files.state +
                                " is damaged or not calmlegs' own (" + loaded.why + ")";
    std::string why;
    if (!context.system().writer().rename(files.state, aside, why)) {
        context.error(problem + ", and it cannot be set aside: " + why,
                      "Move it away or delete it, then run calmlegs remind again.");
        return ExitStatus::usage;
    }
    DueNow all = due_now(schedule, zone, now, std::chrono::hours{24}, {});
    DueNow handled;
    handled.dropped = std::move(all.deliver);
    handled.dropped.insert(handled.dropped.end(), all.dropped.begin(), all.dropped.end());
    DeliveryState fresh;
    record(fresh, handled, reminder_day(zone, now));
    if (!write_state(context.system().writer(), files, fresh, why)) {
        context.error(problem + "; it was set aside as " + aside + ", but " + why);
        return ExitStatus::output;
    }
    const std::size_t count = handled.dropped.size();
    context.error(problem + "; it was set aside as " + aside + ".",
                  count == 0 ? std::string("No reminder was due yet; they come as usual.")
                             : (count == 1 ? std::string("The one reminder due up to now was")
                                           : "The " + std::to_string(count) +
                                                 " reminders due up to now were") +
                                   " recorded as handled without being shown, so that none "
                                   "comes twice; the next ones come as usual.");
    return ExitStatus::usage;
}

void print_due_json(Context& context, const DueNow& due, const Notified& notified, Instant now,
                    const LocalZone& zone) {
    if (!context.options.json) return;
    JsonWriter json;
    write_due_json(json, due, notified, now, zone);
    context.print_json(json);
}

/// `remind`: what is due now and not yet handled, delivered once.
ExitStatus run_due(Context& context, const RemindOptions& options) {
    // Checked first, so that cron's bare environment gets one line.
    const std::string dir = context.state_dir();
    if (dir.empty()) {
        context.error("neither XDG_STATE_HOME (an absolute path) nor HOME is set, so remind "
                      "cannot record what it delivered; set one in the crontab line (calmlegs "
                      "cron prints lines that do), or ask statelessly with --at HH:MM");
        return ExitStatus::usage;
    }
    const LocalZone* zone = context.zone();
    if (zone == nullptr) return ExitStatus::usage;
    System& system = context.system();
    const StateFiles files = state_files(dir);

    // Nearly every run of a crontab line: nothing is due before the time the last run worked
    // out, and nothing it was worked out from has changed. No lock is needed to see that. A
    // time more than a day (and a clock change) ahead, never worked out so, means the clock was
    // set back.
    const std::vector<std::string> inputs = input_pieces(context, *zone, files);
    if (const auto cached = read_next(system.files(), files)) {
        const Instant now = system.now();
        if (cached->from <= now && now < cached->next &&
            cached->next - now <= std::chrono::hours{26} &&
            cached->inputs == inputs_hash(inputs, *zone, cached->next)) {
            print_due_json(context, {}, {}, now, *zone);
            return ExitStatus::success;
        }
    }

    if (context.config() == nullptr || context.content() == nullptr) return ExitStatus::usage;
    int grace_minutes = 0;
    std::from_chars(options.grace.data(), options.grace.data() + options.grace.size(),
                    grace_minutes);
    const std::chrono::minutes grace{grace_minutes};
    std::string why;
    const auto lock = lock_state(system.writer(), files, why);
    if (lock == nullptr) {
        context.error(why, "Set XDG_STATE_HOME to a directory you can write to.");
        return ExitStatus::output;
    }
    const LoadedState loaded = read_state(system.files(), files.state);
    // Read under the lock: another remind that started first has finished with the state.
    const Instant now = system.now();
    if (loaded.status == LoadedState::Status::unreadable) {
        context.error("cannot read the reminder state " + files.state + ": " + loaded.why,
                      "Make it readable, or move it away to start afresh.");
        return ExitStatus::usage;
    }
    const Date today = reminder_day(*zone->zone, now);
    if (loaded.status == LoadedState::Status::ok) {
        // Nothing due and nothing to forget: no supplement entry needs reading.
        if (const auto quick = quick_times(context)) {
            DeliveryState state = loaded.state;
            forget_after(state, *quick, *zone->zone, now);
            const DueNow due = due_now(*quick, *zone->zone, now, grace, state);
            record(state, due, today);
            if (state == loaded.state) {
                if (!context.content_ok()) return ExitStatus::usage;
                remember_next(context, files, inputs, *quick, *zone, now, state);
                print_due_json(context, due, {}, now, *zone);
                return ExitStatus::success;
            }
        }
    }
    const PersonSchedule* schedule = context.schedule();
    if (schedule == nullptr) return ExitStatus::usage;
    if (loaded.status == LoadedState::Status::corrupt)
        return set_aside(context, files, loaded, *schedule, *zone->zone, now);

    DeliveryState state = loaded.state;
    forget_after(state, *schedule, *zone->zone, now);
    DueNow due = due_now(*schedule, *zone->zone, now, grace, state);
    if (follow_trials(context, due.deliver)) (void)follow_trials(context, due.dropped);
    record(state, due, today);
    // Recorded before it is shown: a state that cannot be written would otherwise have every
    // later run deliver the same reminders again.
    if (state != loaded.state && !write_state(system.writer(), files, state, why)) {
        context.error(why, "Nothing was delivered, so that nothing comes twice; free some space "
                           "or fix the permissions, and it comes on the next run.");
        return ExitStatus::output;
    }
    remember_next(context, files, inputs, *schedule, *zone, now, state);
    const Notified notified = deliver(context, due.deliver, now, options.notify);
    print_due_json(context, due, notified, now, *zone);
    if (system.out().error() != 0 && !notified.not_shown.empty()) {
        // Not printed after all (a full disk, a closed descriptor): given back to the next
        // run, which delivers them within the grace; only what the desktop showed stays
        // delivered. The shortcut goes, as it counts them handled.
        for (const auto& reminder : notified.not_shown)
            state.days[format_date(reminder.day)].erase(reminder.reminder->id);
        (void)write_state(system.writer(), files, state, why);
        (void)system.writer().remove(files.next, why);
    }
    return ExitStatus::success; // made 74 by checked_output, which says why
}

ExitStatus run_remind(Context& context, const RemindOptions& options) {
    if (!options.date.empty() && options.at.empty()) {
        context.error("--date needs --at: remind without --at is about now.",
                      "Add the time: calmlegs remind --at 21:45 --date " + options.date);
        return ExitStatus::usage;
    }
    return options.at.empty() ? run_due(context, options) : run_at(context, options);
}

} // namespace

Command setup_remind(CLI::App& parent, Context& context) {
    auto options = std::make_shared<RemindOptions>();
    CLI::App* app = parent.add_subcommand(
        "remind", "Print each reminder once, when it is due (cron runs this); else nothing");
    auto* at = app->add_option("--at", options->at,
                               "What fires in this minute, without reading or writing the state")
                   ->type_name("HH:MM")
                   ->check(a_clock_time());
    app->add_option("--date", options->date, "The date of --at (default: today)")
        ->type_name("YYYY-MM-DD")
        ->check(a_date());
    app->add_option("--grace", options->grace,
                    "Still deliver a reminder missed by up to this many minutes (default 30)")
        ->type_name("MINUTES")
        ->check(number_between(0, k_max_grace_minutes, true))
        ->excludes(at);
    app->add_flag("--notify", options->notify,
                  "Show them as desktop notifications (notify-send), else print them");
    return {app, "calmlegs remind --at 21:45",
            [&context, options] { return run_remind(context, *options); }};
}

} // namespace calmlegs::cli
