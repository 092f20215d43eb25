// The trial's calendar, its design in JSON, where it stands and the list of trials.

#include "ui/render_trial.h"
#include "remind/time_zone.h"
#include "ui/journal_words.h"
#include "ui/render_trial_parts.h"
#include "ui/text.h"
#include "ui/trial_line.h"

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// A calendar cell of k_cell columns: ">" for tonight, the day of the month, ON or OFF, and
/// "*" after a washout night.
constexpr int k_cell = 9;

std::string cell(const TrialNight& night, bool tonight, const Style& style) {
    const std::string word = night.on ? "ON" : "OFF";
    const std::string mark = night.washout ? "*" : "";
    const std::string pad(4 - word.size() - mark.size(), ' ');
    return fmt::format("{}{:>2} {}{}{} ", tonight ? ">" : " ",
                       static_cast<unsigned>(night.date.day()),
                       night.on ? style.label(word) : style.muted(word), mark, pad);
}

/// Columns the week grid needs: the week's date, then seven cells.
constexpr int k_grid_width = 11 + 7 * k_cell;

std::string on_off_meaning(const TrialDesign& design, std::string_view shown) {
    const std::string name = name_mid_sentence(shown);
    if (design.kind == TrialSubject::routine)
        return fmt::format("ON: run {} that night. OFF: do not run it that night.", name);
    return fmt::format("ON: take {} that night. OFF: no {} that night.", name, name);
}

} // namespace

std::string design_words(const TrialDesign& design) {
    return fmt::format("{} pairs of {}-night blocks, {} washout night{} each", design.pairs,
                       design.block, design.washout, design.washout == 1 ? "" : "s");
}

std::vector<std::string> trial_limits() {
    return {
        "You know which nights are ON, so expectation plays a part: believing it helps can "
        "lower severity by itself.",
        "An effect that carries over into the next block blurs the blocks: that is why the "
        "first nights of each block (the washout) are left out.",
        "It takes the whole schedule to answer: a result before the end is noise more often "
        "than not, and with few pairs only a large, steady difference shows.",
    };
}

std::string render_trial_calendar(const TrialDesign& design, std::string_view name,
                                  std::optional<Date> tonight, const RenderOptions& options) {
    (void)name;
    const std::vector<TrialNight> nights = trial_schedule(design);
    if (nights.empty()) return {};
    const Style& style = options.style;
    std::vector<std::string> lines;
    if (options.width >= k_grid_width) {
        std::string header = fmt::format("{:<11}", "Week of");
        for (const char* day : {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})
            header += fmt::format(" {:<{}}", day, k_cell - 1);
        trim_trailing_spaces(header);
        lines.push_back(style.muted(header));
        const int lead = static_cast<int>(weekday_of(design.start).iso_encoding()) - 1;
        Date monday = add_days(design.start, -lead);
        std::size_t at = 0;
        while (at < nights.size()) {
            std::string row = fmt::format("{:<11}", format_date(monday));
            for (int d = 0; d < 7; ++d) {
                const Date day = add_days(monday, d);
                if (at < nights.size() && nights[at].date == day) {
                    row += cell(nights[at], tonight && *tonight == day, style);
                    ++at;
                } else {
                    row += std::string(k_cell, ' ');
                }
            }
            trim_trailing_spaces(row);
            lines.push_back(row);
            monday = add_days(monday, 7);
        }
        lines.emplace_back();
    }
    lines.push_back(style.muted("Blocks"));
    for (int b = 0; b < 2 * design.pairs; ++b) {
        const TrialNight& first =
            nights[static_cast<std::size_t>(b) * static_cast<std::size_t>(design.block)];
        const TrialNight& last = nights[static_cast<std::size_t>((b + 1) * design.block - 1)];
        const bool now = tonight && *tonight >= first.date && *tonight <= last.date;
        lines.push_back(fmt::format("{}{:>2} {} to {} {} pair {}", now ? ">" : " ", b + 1,
                                    format_date(first.date), format_date(last.date),
                                    first.on ? style.label("ON ") : style.muted("OFF"),
                                    first.pair + 1));
    }
    std::string out;
    for (const std::string& line : lines)
        out += line + "\n";
    return out;
}

std::string render_trial_plan(const TrialDesign& design, std::string_view name,
                              const RenderOptions& options) {
    Page page(options);
    page.title(fmt::format("Trial of {}", name), design_words(design));
    page.paragraph(fmt::format(
        "{} nights, from {} {} to {} {}. Seed {}: the same seed gives the same calendar.",
        trial_length(design), weekday_name(design.start), date_words(design.start),
        weekday_name(trial_end(design)), date_words(trial_end(design)), design.seed));
    page.paragraph(on_off_meaning(design, name));
    if (design.washout > 0)
        page.paragraph(fmt::format("*: a washout night. Keep to the schedule on it; the first {} "
                                   "of each block are left out of the analysis.",
                                   nights_words(design.washout)));
    page.blank();
    for (const std::string& line : split_lines(render_trial_calendar(design, name, {}, options)))
        page.raw(line);
    page.blank();
    page.heading("What a trial can and cannot show");
    page.bullets(trial_limits());
    return page.str();
}

void write_trial_design_json(JsonWriter& json, const TrialDesign& design) {
    json.begin_object();
    json.key("kind").value(to_string(design.kind));
    json.key("subject").value(design.subject);
    json.key("pairs").value(design.pairs);
    json.key("block").value(design.block);
    json.key("washout").value(design.washout);
    json.key("start").value(format_date(design.start));
    json.key("end").value(format_date(trial_end(design)));
    json.key("nights").value(trial_length(design));
    json.key("seed").value(static_cast<std::int64_t>(design.seed));
    json.key("orders").begin_array();
    for (const bool on_first : pair_orders(design.seed, design.pairs))
        json.value(on_first ? "ON-OFF" : "OFF-ON");
    json.end_array();
    const std::vector<TrialNight> nights = trial_schedule(design);
    json.key("schedule").begin_array();
    for (const TrialNight& night : nights) {
        json.begin_object();
        json.key("date").value(format_date(night.date));
        json.key("night").value(night.index + 1);
        json.key("pair").value(night.pair + 1);
        json.key("block").value(night.block + 1);
        json.key("night_in_block").value(night.night_in_block + 1);
        json.key("on").value(night.on);
        json.key("washout").value(night.washout);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

void write_trial_json(JsonWriter& json, const Trial& trial, std::string_view name, Date tonight) {
    write_trial_json(json, trial, name, trial_state(trial, tonight));
}

void write_trial_json(JsonWriter& json, const Trial& trial, std::string_view name,
                      TrialState state) {
    json.begin_object();
    json.key("id").value(trial.id);
    json.key("name").value(name);
    json.key("state").value(to_string(state));
    json.key("created").value(format_instant(trial.created));
    json.key("stopped");
    if (trial.stopped)
        json.value(format_date(*trial.stopped));
    else
        json.null();
    json.key("design");
    write_trial_design_json(json, trial.design);
    json.end_object();
}

std::string state_words(const Trial& trial, TrialState state, Date tonight) {
    const TrialDesign& design = trial.design;
    switch (state) {
    case TrialState::planned: {
        const int in = days_between(tonight, design.start);
        return fmt::format("planned: it starts on {} {}, in {}", weekday_name(design.start),
                           date_words(design.start), nights_words(in));
    }
    case TrialState::running: {
        const auto night = trial_night(design, tonight);
        if (!night) return "running";
        return fmt::format("running: night {} of {} (pair {} of {}, block {} of {}, its night "
                           "{} of {})",
                           night->index + 1, trial_length(design), night->pair + 1, design.pairs,
                           night->block + 1, 2 * design.pairs, night->night_in_block + 1,
                           design.block);
    }
    case TrialState::finished:
        return fmt::format("finished on {}", date_words(trial_end(design)));
    case TrialState::stopped:
        return fmt::format("stopped on the night of {}", date_words(*trial.stopped));
    }
    return {};
}

std::string tonight_words(const TrialDesign& design, std::string_view shown, Date tonight) {
    const std::string name = name_mid_sentence(shown);
    const auto night = trial_night(design, tonight);
    if (!night) return {};
    std::string text;
    if (design.kind == TrialSubject::routine)
        text = night->on ? fmt::format("ON: run {}", name)
                         : fmt::format("OFF: do not run {} tonight", name);
    else
        text =
            night->on ? fmt::format("ON: take {}", name) : fmt::format("OFF: no {} tonight", name);
    if (night->washout) text += " (a washout night)";
    return text;
}

std::string render_trial_status(const TrialResult& result, std::string_view name, Date tonight,
                                bool peek, const RenderOptions& options) {
    const Trial& trial = result.trial;
    const TrialState state = result.state;
    Page page(options);
    page.title(fmt::format("Trial of {}", name), design_words(trial.design));
    page.field("State", state_words(trial, state, tonight));
    if (state == TrialState::running)
        page.field("Tonight", tonight_words(trial.design, name, tonight));
    if (state != TrialState::planned) {
        page.field("Logged", fmt::format("{} of the {} passed; {} missing", result.logged,
                                         nights_words(result.elapsed), result.missing));
        page.field("Adherence", adherence_words(result.adherence));
    }
    const int left = nights_left(result);
    if (left > 0)
        page.field("Left", fmt::format("{}, until {}", nights_words(left),
                                       date_words(trial_end(trial.design))));
    page.blank();
    if (peek) {
        page.warning(k_peek_warning);
        page.blank();
        const TrialWords words = trial_words(result, name);
        page.paragraph(words.headline);
        if (!words.sleep.empty()) page.paragraph(words.sleep);
        if (!words.could_not_tell.empty()) page.paragraph(words.could_not_tell);
    } else if (state == TrialState::finished) {
        page.paragraph("It is over. The result: calmlegs trial result");
    } else if (state == TrialState::stopped) {
        page.muted("Stopped early: its partial result only with a warning: calmlegs trial "
                   "result --peek");
    } else {
        page.muted("Nothing about the result before the end: peeking invites stopping early on "
                   "noise. The interim numbers, with that warning: calmlegs trial status --peek");
    }
    page.blank();
    for (const std::string& line :
         split_lines(render_trial_calendar(trial.design, name, tonight, options)))
        page.raw(line);
    return page.str();
}

void write_trial_status_json(JsonWriter& json, const TrialResult& result, std::string_view name,
                             Date tonight, bool peek) {
    const Trial& trial = result.trial;
    json.begin_object();
    json.key("trial");
    write_trial_json(json, trial, name, result.state);
    json.key("tonight").value(format_date(tonight));
    json.key("tonight_night");
    if (const auto night = trial_night(trial.design, tonight)) {
        json.begin_object();
        json.key("night").value(night->index + 1);
        json.key("pair").value(night->pair + 1);
        json.key("block").value(night->block + 1);
        json.key("night_in_block").value(night->night_in_block + 1);
        json.key("on").value(night->on);
        json.key("washout").value(night->washout);
        json.end_object();
    } else {
        json.null();
    }
    write_counts_json(json, result);
    json.key("nights_left").value(nights_left(result));
    json.key("peek").value(peek);
    if (peek) {
        json.key("warning").value(k_peek_warning);
        json.key("interim");
        write_trial_result_json(json, result, name);
    }
    json.end_object();
}

std::string render_trial_list(const std::vector<Trial>& trials,
                              const std::function<std::string(const Trial&)>& name_of, Date tonight,
                              const RenderOptions& options) {
    if (trials.empty()) {
        Page page(options);
        page.paragraph("No trial yet.");
        page.paragraph("Start one: calmlegs trial start magnesium");
        return page.str();
    }
    std::vector<std::vector<std::string>> rows;
    for (const Trial& trial : trials) {
        const TrialDesign& d = trial.design;
        rows.push_back({std::to_string(trial.id), name_of(trial),
                        format_date(d.start) + " to " + format_date(trial_end(d)),
                        fmt::format("{}x2x{}, washout {}", d.pairs, d.block, d.washout),
                        std::string(to_string(trial_state(trial, tonight))) +
                            (trial.stopped ? " " + format_date(*trial.stopped) : "")});
    }
    // Design: pairs x 2 blocks x nights. The seed is in `trial status` and --json: a random
    // one has up to 16 digits, too wide for 80 columns here.
    return render_table({"#", "Subject", "Nights", "Design", "State"}, rows, options);
}

void write_trial_list_json(JsonWriter& json, const std::vector<Trial>& trials,
                           const std::function<std::string(const Trial&)>& name_of, Date tonight) {
    json.begin_object();
    json.key("trials").begin_array();
    for (const Trial& trial : trials)
        write_trial_json(json, trial, name_of(trial), tonight);
    json.end_array();
    json.end_object();
}

} // namespace calmlegs
