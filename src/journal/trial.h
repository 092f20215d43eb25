#pragma once
// A planned self-experiment (a multi-crossover n-of-1 trial) with one supplement or routine:
// its design, the schedule of ON and OFF nights the design and its seed give, and the honest
// analysis of the nights logged under it. Pure: no store, no clock, no terminal. The store
// (store.h) keeps trials; the command line (cli/trial.cpp) starts, shows and ends them.
//
// The design is StudyU's (Konigorski et al. 2022): N pairs of blocks of B nights; a fair coin
// from the seed decides, for each pair, whether its ON block comes first. The analysis is what
// that design licenses: per-pair differences ON - OFF (washout nights left out), their mean
// with a t-interval over pairs, and an exact randomisation test over all 2^N pair orders.

#include "journal/night.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// What a trial tests: a supplement taken or not, or a routine run or not.
enum class TrialSubject { supplement, routine };

/// "supplement", "routine" (as the store and --json write them).
std::string_view to_string(TrialSubject kind);
std::optional<TrialSubject> trial_subject_named(std::string_view word);

/// The bounds of a design: at least 2 pairs (the fewest a t-interval can use) and blocks of at
/// least 5 nights; at most 12 pairs and 28-night blocks (a year's trial at most; 2^12 orders).
inline constexpr int k_trial_min_pairs = 2;
inline constexpr int k_trial_max_pairs = 12;
inline constexpr int k_trial_min_block = 5;
inline constexpr int k_trial_max_block = 28;
inline constexpr int k_trial_default_pairs = 3;
inline constexpr int k_trial_default_block = 7;
/// Each block keeps at least this many nights after its washout for the analysis.
inline constexpr int k_trial_min_analysed = 3;
/// The largest seed taken: 2^53 - 1, so that --json's number is exact in any JSON reader.
inline constexpr std::uint64_t k_trial_max_seed = (std::uint64_t{1} << 53) - 1;

/// A trial as planned: everything its schedule follows from.
struct TrialDesign {
    TrialSubject kind = TrialSubject::supplement;
    std::string subject; ///< the supplement's or routine's id
    int pairs = k_trial_default_pairs;
    int block = k_trial_default_block; ///< nights in each block
    int washout = 0;                   ///< nights at the start of each block left out
    Date start;                        ///< the first night
    std::uint64_t seed = 0;

    friend bool operator==(const TrialDesign&, const TrialDesign&) = default;
};

/// "" when `design` is within the bounds above (and washout + k_trial_min_analysed <= block);
/// otherwise what is wrong, in words for an error message.
std::string design_problem(const TrialDesign& design);

/// A trial as the journal keeps it.
struct Trial {
    std::int64_t id = 0; ///< given by the store
    TrialDesign design;
    Instant created{};           ///< when it was started (UTC)
    std::optional<Date> stopped; ///< the night `trial stop` was given on, when it was

    friend bool operator==(const Trial&, const Trial&) = default;
};

/// The order of each pair, from the seed: true when its ON block comes first. A fair coin per
/// pair (one bit of SplitMix64 each), the same on every machine and compiler.
std::vector<bool> pair_orders(std::uint64_t seed, int pairs);

/// One night of a schedule.
struct TrialNight {
    Date date;
    int index = 0;          ///< 0-based night of the trial
    int pair = 0;           ///< 0-based
    int block = 0;          ///< 0-based block of the trial (2 * pair or 2 * pair + 1)
    int night_in_block = 0; ///< 0-based
    bool on = false;        ///< take it (run it) on this night
    bool washout = false;   ///< left out of the analysis

    friend bool operator==(const TrialNight&, const TrialNight&) = default;
};

/// Every night of the design, in order: 2 * pairs * block nights from its start.
std::vector<TrialNight> trial_schedule(const TrialDesign& design);
/// Total nights, and the last night.
int trial_length(const TrialDesign& design);
Date trial_end(const TrialDesign& design);
/// The schedule's night on `date`; nullopt outside the trial.
std::optional<TrialNight> trial_night(const TrialDesign& design, Date date);

/// Where a trial is on the night `tonight`.
enum class TrialState { planned, running, finished, stopped };
std::string_view to_string(TrialState state);
TrialState trial_state(const Trial& trial, Date tonight);
/// True when a trial is planned or running on `tonight`: it blocks another.
bool trial_pending(const Trial& trial, Date tonight);

/// Whether a night kept to the schedule: the supplement in the night's log (supplement), or
/// the routine done that night (routine). nullopt when it cannot be known: a supplement
/// trial's night with no log.
std::optional<bool> took_subject(const TrialDesign& design, const NightSummary& night);

/// Adherence: of the logged ON nights, those it was taken on; of the logged OFF nights, those
/// it was not taken on. Washout nights count: the schedule is the schedule.
struct TrialAdherence {
    int on_known = 0;
    int on_kept = 0;
    int off_known = 0;
    int off_kept = 0;
    /// kept / known, nullopt when none is known.
    std::optional<double> on_rate() const;
    std::optional<double> off_rate() const;
};

/// Below this rate, on either side, the result says the schedule was not kept.
inline constexpr double k_trial_adherence_floor = 0.8;

/// One block: its nights analysed (logged, not washout) and their means.
struct TrialBlock {
    int pair = 0;
    int block = 0;
    bool on = false;
    Date first;
    Date last;
    int nights = 0;     ///< nights of the block, washout included
    int analysable = 0; ///< nights that are not washout and have passed
    int severity_nights = 0;
    int sleep_nights = 0;
    std::optional<double> severity_mean;
    std::optional<double> sleep_mean;
};

/// One measure's result (severity, or sleep quality).
struct TrialEffect {
    int on_nights = 0; ///< analysed nights with a value, ON
    int off_nights = 0;
    std::optional<double> on_mean; ///< over those nights
    std::optional<double> off_mean;
    /// ON - OFF for each pair whose two blocks both have a value; nullopt for the others.
    std::vector<std::optional<double>> pair_differences;
    int pairs_used = 0;
    std::optional<double> effect; ///< the mean of the pair differences (ON - OFF)
    double sd = 0;                ///< of the pair differences (n - 1)
    /// The 95% t-interval over pairs (df = pairs_used - 1); nullopt below 2 pairs or when
    /// every pair gave the same difference.
    std::optional<double> low;
    std::optional<double> high;
    /// Two-sided exact randomisation p over the 2^pairs_used orders of the pairs used: the
    /// share of sign assignments whose |mean| is at least the observed one.
    std::optional<double> p_value;
    int orders = 0;              ///< 2^pairs_used; 0 when no pair is used
    std::optional<double> min_p; ///< the smallest p those pairs can give: 2 / orders
    /// When the interval contains 0: the pairs that might give an interval clear of 0 if the
    /// effect and spread stayed as observed (and a p that can reach 0.05); nullopt when
    /// there is no effect to find or it would take more than k_trial_max_pairs * 4.
    std::optional<int> pairs_needed;
};

/// The fewest pairs whose randomisation test can reach p < 0.05: 6 (2/64).
int pairs_for_significance();

/// Everything `trial result` (and `status --peek`) says.
struct TrialResult {
    Trial trial;
    TrialState state = TrialState::planned;
    int nights = 0;           ///< in the schedule
    int elapsed = 0;          ///< nights of it before tonight (or before it stopped)
    int logged = 0;           ///< of those, nights with a log
    int missing = 0;          ///< elapsed - logged
    int washout_left_out = 0; ///< elapsed washout nights
    TrialAdherence adherence;
    std::vector<TrialBlock> blocks; ///< 2 * pairs, in order
    TrialEffect severity;
    TrialEffect sleep;
    /// Pairs (0-based) that have an elapsed analysable night with no severity.
    std::vector<int> incomplete_pairs;
    /// The least-squares change of severity over the whole trial, in points from its first to
    /// its last analysed night; nullopt below 4 nights with a severity.
    std::optional<double> trend;
};

/// Analyses `trial` from the journal's nights (any nights; those outside it are ignored) on
/// the night `tonight`: nights before it (or before the night it stopped) count as passed, and
/// tonight's too once its severity is logged (rated the morning after, before noon ends the
/// night); a trial whose every night has passed so is `finished`.
/// A design with pairs or blocks out of bounds gives no blocks and nothing analysed.
TrialResult analyse_trial(const Trial& trial, const std::vector<NightSummary>& nights,
                          Date tonight);

/// A drift of severity across the trial at least this large (points) is named as a caveat.
inline constexpr double k_trial_trend_caveat = 1.0;

} // namespace calmlegs
