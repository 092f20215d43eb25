#pragma once
// What the routine commands (tonight, run, stretch, breathe) share: their options, and running
// a session with the right display, keys, sounds and exit status.

#include "cli/context.h"
#include "plan/plan.h"
#include "plan/review.h"
#include "plan/session_builder.h"

#include <CLI/CLI.hpp>

namespace calmlegs::cli {

struct RunnerOptions {
    double speed = 1;
    bool dry_run = false;
    bool quiet = false;
    bool no_bell = false;
    bool no_journal = false;
};

/// Adds --speed, --dry-run, --quiet, --no-bell and --no-journal to a routine command.
void add_runner_options(CLI::App& app, RunnerOptions& options);

/// The settings a session is built with, from the person's config; nullopt after reporting
/// a problem (a broken config, or a plan naming a supplement that does not exist).
std::optional<SessionSettings> session_settings(Context& context, ContentStore& store);

/// Plans the session at `speed`, its words in ASCII when the terminal's locale is not UTF-8
/// (and the output is not JSON): the plan a run or a --dry-run shows.
Plan display_plan(Context& context, const Session& session, double speed);

/// Plans the session and prints the plan (--dry-run), or runs it: the terminal display on a
/// terminal, plain lines when piped, JSON events with --json; keys when stdin is a terminal.
ExitStatus run_session(Context& context, const Session& session, const RunnerOptions& options);

/// What to write in config.toml to have a [plan]: the hint after "there is no [plan]".
inline constexpr const char* k_plan_hint = "Add what you take to config.toml, e.g.:\n  [plan]\n"
                                           "  supplements = [\"magnesium\"]\n"
                                           "See: man calmlegs-config";

/// The review of the person's [plan] (`calmlegs plan check`); nullopt when they have none,
/// or after reporting a problem with it.
std::optional<PlanReview> review_person_plan(Context& context, ContentStore& store);

/// Resolves a routine by name and builds its session as the person's config shapes it (with
/// the not-advice line first, for tonight); nullopt, with `status` set, after reporting why
/// it cannot be.
std::optional<Session> routine_session(Context& context, const std::string& name,
                                       const RunnerOptions& options, ExitStatus& status);

/// Resolves a routine by name and runs it (tonight, stretch and run share this).
ExitStatus run_routine(Context& context, const std::string& name, const RunnerOptions& options);

} // namespace calmlegs::cli
