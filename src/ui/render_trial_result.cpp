// A trial's result in words, as a page and as JSON.

#include "remind/time_zone.h"
#include "ui/journal_words.h"
#include "ui/render_trial.h"
#include "ui/render_trial_parts.h"
#include "ui/trial_line.h"

#include <cmath>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// A p-value to three significant figures: 0.25, 0.5, 0.125, 0.000488.
std::string p_words(double p) {
    return fmt::format("{:.3g}", p);
}

/// "on magnesium nights", "on nights you ran the nightly wind-down".
std::string on_nights(const TrialDesign& design, std::string_view name) {
    const std::string subject = name_mid_sentence(name);
    if (design.kind == TrialSubject::routine)
        return fmt::format("on nights you ran the {}", subject);
    return fmt::format("on {} nights", subject);
}

/// The fixed sentence of one measure: "In your trial, severity was 1.8 points lower on
/// Magnesium nights (95% interval 0.4 to 3.2; two-sided randomisation p = 0.25, the smallest
/// 3 pairs can give)."; "" when no pair has the measure in both blocks.
std::string effect_sentence(const TrialEffect& e, std::string_view measure, std::string_view on,
                            std::string_view opening) {
    if (!e.effect) return {};
    const double effect = *e.effect;
    const double size = std::abs(effect);
    std::string what;
    if (one_decimal(size) == "0.0")
        what = fmt::format("{} {} was the same, to a tenth of a point, {}", opening, measure, on);
    else
        what =
            fmt::format("{} {} was {} point{} {} {}", opening, measure, one_decimal(size),
                        one_decimal(size) == "1.0" ? "" : "s", effect < 0 ? "lower" : "higher", on);
    std::vector<std::string> parts;
    if (e.low && e.high) {
        const bool clear = *e.low > 0 || *e.high < 0;
        if (clear && effect != 0) {
            const double a = std::min(std::abs(*e.low), std::abs(*e.high));
            const double b = std::max(std::abs(*e.low), std::abs(*e.high));
            parts.push_back(fmt::format("95% interval {} to {}", one_decimal(a), one_decimal(b)));
        } else {
            parts.push_back(fmt::format("95% interval {} to {}, ON minus OFF",
                                        signed_decimal(*e.low), signed_decimal(*e.high)));
        }
    } else {
        parts.emplace_back(e.pairs_used < 2 ? "no interval from one pair"
                                            : "no interval: every pair gave the same difference");
    }
    if (e.p_value && e.min_p) {
        const int pairs = e.pairs_used;
        if (std::abs(*e.p_value - *e.min_p) < 1e-12)
            parts.push_back(fmt::format("two-sided randomisation p = {}, the smallest {} pair{} "
                                        "can give",
                                        p_words(*e.p_value), pairs, pairs == 1 ? "" : "s"));
        else
            parts.push_back(fmt::format("two-sided randomisation p = {}; the smallest {} pair{} "
                                        "can give is {}",
                                        p_words(*e.p_value), pairs, pairs == 1 ? "" : "s",
                                        p_words(*e.min_p)));
    }
    std::string joined;
    for (const std::string& part : parts)
        joined += (joined.empty() ? "" : "; ") + part;
    return fmt::format("{} ({}).", what, joined);
}

std::vector<TrialCaveat> caveats_of(const TrialResult& r, std::string_view shown) {
    const std::string name = name_mid_sentence(shown); // each use is mid-sentence
    std::vector<TrialCaveat> out;
    if (r.state == TrialState::stopped)
        out.push_back(
            {"interim", fmt::format("The trial was stopped early, after {} of its {}. These "
                                    "numbers are partial; it takes the whole schedule to answer.",
                                    r.elapsed, nights_words(r.nights))});
    else if (r.state != TrialState::finished)
        out.push_back(
            {"interim", fmt::format("The trial is not over: {} of its {} have passed. These "
                                    "numbers are interim; it takes the whole schedule to answer.",
                                    r.elapsed, nights_words(r.nights))});
    if (!r.incomplete_pairs.empty()) {
        std::string pairs;
        for (std::size_t i = 0; i < r.incomplete_pairs.size(); ++i)
            pairs += (i == 0                               ? ""
                      : i + 1 == r.incomplete_pairs.size() ? " and "
                                                           : ", ") +
                     std::to_string(r.incomplete_pairs[i] + 1);
        out.push_back({"missing_nights",
                       fmt::format("Pair{} {} {} nights with no severity logged: {} means rest "
                                   "on fewer nights.",
                                   r.incomplete_pairs.size() == 1 ? "" : "s", pairs,
                                   r.incomplete_pairs.size() == 1 ? "has" : "have",
                                   r.incomplete_pairs.size() == 1 ? "its" : "their")});
    }
    const auto on_rate = r.adherence.on_rate();
    const auto off_rate = r.adherence.off_rate();
    if ((on_rate && *on_rate < k_trial_adherence_floor) ||
        (off_rate && *off_rate < k_trial_adherence_floor))
        out.push_back({"adherence",
                       fmt::format("The schedule was not kept on every night ({}), below {}: the "
                                   "difference is between the schedule's nights, not between "
                                   "taking {} and not.",
                                   adherence_words(r.adherence),
                                   percent_words(k_trial_adherence_floor), name)});
    if (r.trend && std::abs(*r.trend) >= k_trial_trend_caveat)
        out.push_back(
            {"trend",
             fmt::format("Severity drifted by {} points from the first analysed night "
                         "to the last: something else may have changed during the trial, and "
                         "the blocks' difference may carry some of it.",
                         signed_decimal(*r.trend))});
    const int pairs = r.severity.pairs_used > 0 ? r.severity.pairs_used : r.trial.design.pairs;
    if (pairs < pairs_for_significance()) {
        const double min_p = 2.0 / std::pow(2.0, pairs);
        out.push_back(
            {"few_pairs",
             fmt::format("{} pair{} can only detect a large effect: the smallest p they "
                         "can give is {}. It takes {} pairs for p to go below 0.05.",
                         pairs, pairs == 1 ? "" : "s", p_words(min_p), pairs_for_significance())});
    }
    // A trial started after its first night: its order was drawn after nights that may have
    // been lived, or logged, already; a planned trial draws it first.
    const Date created{std::chrono::floor<std::chrono::days>(r.trial.created)};
    if (const int late = days_between(r.trial.design.start, created); late >= 1)
        out.push_back(
            {"started_late",
             fmt::format("The trial was started on {}, after {} of its nights had begun: their "
                         "order was drawn after them, not before, so they prove less than "
                         "planned nights.",
                         date_words(created), std::min(late, r.nights))});
    if (r.trial.design.washout == 0)
        out.push_back({"no_washout", "No washout nights were left out: an effect that carries "
                                     "over into the next block blurs the difference."});
    out.push_back({"expectation",
                   fmt::format("You knew which nights were ON: expectation plays a part, and it "
                               "can lower severity by itself. Nothing here shows that {} causes "
                               "the difference.",
                               name)});
    return out;
}

void effect_json(JsonWriter& json, const TrialEffect& e) {
    json.begin_object();
    json.key("on_nights").value(e.on_nights);
    json.key("off_nights").value(e.off_nights);
    json.key("on_mean").value_or_null(e.on_mean);
    json.key("off_mean").value_or_null(e.off_mean);
    json.key("pair_differences").begin_array();
    for (const auto& d : e.pair_differences)
        json.value_or_null(d);
    json.end_array();
    json.key("pairs_used").value(e.pairs_used);
    json.key("effect").value_or_null(e.effect, 6);
    json.key("sd").value(e.sd, 6);
    json.key("low").value_or_null(e.low, 6);
    json.key("high").value_or_null(e.high, 6);
    json.key("p").value_or_null(e.p_value, 12);
    json.key("orders").value(e.orders);
    json.key("min_p").value_or_null(e.min_p, 12);
    json.key("pairs_needed").value_or_null(e.pairs_needed);
    json.end_object();
}

} // namespace

std::string adherence_words(const TrialAdherence& a) {
    return fmt::format("ON nights: {} of {} kept; OFF nights: {} of {} kept", a.on_kept, a.on_known,
                       a.off_kept, a.off_known);
}

int nights_left(const TrialResult& result) {
    const bool pending = result.state == TrialState::planned || result.state == TrialState::running;
    return pending ? result.nights - result.elapsed : 0;
}

void write_counts_json(JsonWriter& json, const TrialResult& r) {
    json.key("nights").value(r.nights);
    json.key("elapsed").value(r.elapsed);
    json.key("logged").value(r.logged);
    json.key("missing").value(r.missing);
    json.key("washout_left_out").value(r.washout_left_out);
    json.key("adherence").begin_object();
    json.key("on_known").value(r.adherence.on_known);
    json.key("on_kept").value(r.adherence.on_kept);
    json.key("off_known").value(r.adherence.off_known);
    json.key("off_kept").value(r.adherence.off_kept);
    json.key("on_rate").value_or_null(r.adherence.on_rate());
    json.key("off_rate").value_or_null(r.adherence.off_rate());
    json.end_object();
}

TrialWords trial_words(const TrialResult& r, std::string_view name) {
    TrialWords words;
    const TrialDesign& design = r.trial.design;
    words.title = fmt::format("Trial of {}", name);
    const std::string on = on_nights(design, name);
    words.headline = effect_sentence(r.severity, "severity", on, "In your trial,");
    if (words.headline.empty())
        words.headline = "No pair has severity logged in both of its blocks yet: there is nothing "
                         "to compare.";
    words.sleep = effect_sentence(r.sleep, "sleep quality", on, "In your trial,");
    const TrialEffect& s = r.severity;
    if (s.effect && (!s.low || !s.high || (*s.low <= 0 && *s.high >= 0))) {
        words.could_not_tell =
            s.low && s.high
                ? "The trial could not tell: its interval includes 0, no difference at all."
                : std::string(s.pairs_used < 2
                                  ? "The trial could not tell: one pair gives no interval."
                                  : "The trial could not tell: with every pair giving the same "
                                    "difference there is no interval to judge it by.");
        if (s.pairs_needed)
            words.could_not_tell += fmt::format(" About {} pairs might tell, if the difference "
                                                "stayed as it was.",
                                                *s.pairs_needed);
    }
    words.caveats = caveats_of(r, name);
    const int n = s.pairs_used;
    if (n == 0)
        words.method = "Method: ON minus OFF per pair, washout nights left out; a 95% t-interval "
                       "over the pairs and an exact randomisation test over all 2^N orders of "
                       "them, once pairs have both blocks logged.";
    else if (n == 1)
        words.method = "Method: ON minus OFF per pair, washout nights left out; no t-interval "
                       "from one pair; exact randomisation test over all 2^1 = 2 orders.";
    else
        words.method = fmt::format(
            "Method: ON minus OFF per pair, washout nights left out; 95% t-interval over {} "
            "pairs (df {}); exact randomisation test over all 2^{} = {} orders.",
            n, n - 1, n, s.orders);
    return words;
}

std::string render_trial_result(const TrialResult& r, std::string_view name,
                                const RenderOptions& options) {
    const TrialWords words = trial_words(r, name);
    Page page(options);
    page.title(words.title, r.state == TrialState::finished ? "result" : "interim result");
    page.muted(k_severity_scale);
    page.muted(fmt::format("{}, from {} to {}; washout nights left out.",
                           design_words(r.trial.design), date_words(r.trial.design.start),
                           date_words(trial_end(r.trial.design))));
    if (r.state != TrialState::finished) {
        page.blank();
        page.warning(k_peek_warning);
    }
    page.blank();
    auto means = [](const TrialEffect& e) {
        auto side = [](std::optional<double> mean, int nights) {
            return mean ? fmt::format("{} over {}", one_decimal(*mean), nights_words(nights))
                        : std::string("no nights");
        };
        return fmt::format("ON {}; OFF {}", side(e.on_mean, e.on_nights),
                           side(e.off_mean, e.off_nights));
    };
    page.field("Severity", means(r.severity));
    page.field("Sleep", means(r.sleep));
    std::vector<std::string> pairs;
    for (std::size_t i = 0; i < r.severity.pair_differences.size(); ++i) {
        const auto& d = r.severity.pair_differences[i];
        pairs.push_back(fmt::format("pair {}: {}", i + 1, d ? signed_decimal(*d) : "no value"));
    }
    page.field("ON - OFF", pairs);
    page.field("Logged", fmt::format("{} of the {} passed; {} missing", r.logged,
                                     nights_words(r.elapsed), r.missing));
    page.field("Adherence", adherence_words(r.adherence));
    page.blank();
    page.paragraph(words.headline);
    if (!words.sleep.empty()) page.paragraph(words.sleep);
    if (!words.could_not_tell.empty()) page.paragraph(words.could_not_tell);
    page.blank();
    for (const TrialCaveat& caveat : words.caveats)
        page.warning(caveat.text);
    page.blank();
    page.muted(words.method);
    return page.str();
}

void write_trial_result_json(JsonWriter& json, const TrialResult& r, std::string_view name) {
    const TrialWords words = trial_words(r, name);
    json.begin_object();
    json.key("trial").begin_object();
    json.key("id").value(r.trial.id);
    json.key("name").value(name);
    json.key("created").value(format_instant(r.trial.created));
    json.key("stopped");
    if (r.trial.stopped)
        json.value(format_date(*r.trial.stopped));
    else
        json.null();
    json.key("design");
    write_trial_design_json(json, r.trial.design);
    json.end_object();
    json.key("state").value(to_string(r.state));
    json.key("final").value(r.state == TrialState::finished);
    write_counts_json(json, r);
    json.key("blocks").begin_array();
    for (const TrialBlock& b : r.blocks) {
        json.begin_object();
        json.key("pair").value(b.pair + 1);
        json.key("block").value(b.block + 1);
        json.key("on").value(b.on);
        json.key("first").value(format_date(b.first));
        json.key("last").value(format_date(b.last));
        json.key("nights").value(b.nights);
        json.key("analysable").value(b.analysable);
        json.key("severity_nights").value(b.severity_nights);
        json.key("sleep_nights").value(b.sleep_nights);
        json.key("severity_mean").value_or_null(b.severity_mean, 6);
        json.key("sleep_mean").value_or_null(b.sleep_mean, 6);
        json.end_object();
    }
    json.end_array();
    json.key("severity");
    effect_json(json, r.severity);
    json.key("sleep");
    effect_json(json, r.sleep);
    json.key("incomplete_pairs").begin_array();
    for (const int pair : r.incomplete_pairs)
        json.value(pair + 1);
    json.end_array();
    json.key("trend").value_or_null(r.trend, 6);
    json.key("caveats").begin_array();
    for (const TrialCaveat& caveat : words.caveats) {
        json.begin_object();
        json.key("key").value(caveat.key);
        json.key("text").value(caveat.text);
        json.end_object();
    }
    json.end_array();
    json.key("words").begin_object();
    json.key("headline").value(words.headline);
    json.key("sleep").text_or_null(words.sleep);
    json.key("could_not_tell").text_or_null(words.could_not_tell);
    json.key("method").value(words.method);
    json.end_object();
    json.end_object();
}

} // namespace calmlegs
