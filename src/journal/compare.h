#pragma once
// `calmlegs compare NAME`: the RLS severity of the nights with a supplement, a trigger or a
// routine against the nights without it, with a 95% interval for the difference, and what
// keeps the nights from answering the question (too few of them, another supplement started
// at the same time, the first nights after starting).

#include "journal/night.h"

#include <optional>
#include <string>
#include <vector>

namespace calmlegs {

/// What can be compared: something taken, something that happened, or a routine finished.
enum class SubjectKind { supplement, trigger, routine };

/// "supplement", "trigger", "routine".
std::string_view to_string(SubjectKind kind);

/// What is compared: its kind, its id as the journal stores it, and its name as shown
/// ("Magnesium glycinate").
struct Subject {
    SubjectKind kind = SubjectKind::supplement;
    std::string id;
    std::string name;
};

/// The RLS severity of one side's logged nights: how many, their mean and standard deviation
/// (n - 1; 0 for fewer than 2 nights).
struct Side {
    int nights = 0;
    double mean = 0;
    double sd = 0;
};

/// Another supplement started close to the compared one: `started` is the compared one's
/// start, `other_started` the other's.
struct Confounder {
    std::string id;
    Date started;
    Date other_started;
};

/// The comparison, with everything the page needs to say how far it can be trusted.
struct Comparison {
    Subject subject;
    Side with, without;
    std::optional<double> difference; ///< with.mean - without.mean, when both sides have >= 2
    std::optional<double> low, high;  ///< 95% Welch t-interval of the difference, if computable
    double df = 0;                    ///< Welch-Satterthwaite degrees of freedom
    std::string method;               ///< "Welch t-interval, 95%"
    /// Supplements: the first night taken after at least one logged night without it.
    std::optional<Date> started;
    /// The supplement was taken on the journal's very first logged night: its start is not
    /// known.
    bool taken_from_start = false;
    /// Supplements: logged nights in the first k_settling_nights from `started` on, left out
    /// of "with".
    int settling_left_out = 0;
    /// Other supplements started within k_confound_days of `started`, by their start.
    std::vector<Confounder> confounders;
    bool too_few = false; ///< either side has fewer than k_min_nights nights
};

/// Fewer nights than k_min_nights on either side are too few to tell; supplements started
/// within k_confound_days of each other cannot be told apart (the guide's one-at-a-time rule);
/// the first k_settling_nights after a start are not a fair test (calmlegs' choice: the guide
/// gives no figure).
inline constexpr int k_min_nights = 7, k_confound_days = 14, k_settling_nights = 7;

/// The confidence level of the interval, and how the page names the method.
inline constexpr double k_interval_level = 0.95;
inline constexpr std::string_view k_interval_method = "Welch t-interval, 95%";

/// Compares the nights with a logged severity (`nights` sorted by date) with and without
/// `subject`: in the log's supplements or triggers, or the routine finished (NightSummary::did).
Comparison compare_nights(const std::vector<NightSummary>& nights, const Subject& subject);

} // namespace calmlegs
