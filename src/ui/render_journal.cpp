#include "ui/render_journal.h"

#include "ui/clock_text.h"

#include <cmath>

#include <fmt/format.h>

namespace calmlegs {
namespace {

/// "mean 4.2 over 21 nights", or "not enough nights yet".
std::string mean_words(const Mean& mean) {
    if (mean.nights == 0) return "not enough nights yet";
    return "mean " + one_decimal(mean.mean) + " over " + nights_words(mean.nights);
}

/// "21 of 30 nights (70%)".
std::string rate_words(int done, int tracked) {
    if (tracked == 0) return "no nights yet";
    return fmt::format("{} of {} ({})", done, nights_words(tracked),
                       percent_words(static_cast<double>(done) / tracked));
}

void mean_json(JsonWriter& json, std::string_view name, const Mean& mean) {
    json.key(name).begin_object();
    json.key("nights").value(mean.nights);
    json.key("mean");
    if (mean.nights == 0)
        json.null();
    else
        json.value(mean.mean);
    json.end_object();
}

/// The wind-down section: streaks and completion.
void wind_down_section(Page& page, const JournalStats& s) {
    page.heading("Wind-down (nights with the \"" + std::string(k_wind_down_routine) +
                 "\" routine finished)");
    std::string current = nights_words(s.current_streak) + " in a row";
    if (s.today_done)
        current += ", tonight included";
    else if (s.current_streak > 0)
        current += ", up to last night; tonight's is not finished yet";
    else
        current = "none yet: finish the wind-down tonight to start one (calmlegs tonight)";
    page.field("Current", current);
    if (s.longest_streak > 0 && s.longest_from && s.longest_to)
        page.field("Longest", nights_words(s.longest_streak) + ", " +
                                  (s.longest_streak == 1 ? date_words(*s.longest_from)
                                                         : date_words(*s.longest_from) + " to " +
                                                               date_words(*s.longest_to)));
    else
        page.field("Longest", "none yet");
    page.field("Last 30", rate_words(s.last30_done, s.last30_tracked));
    page.field("In all", rate_words(s.nights_done, s.nights_tracked) + " since " +
                             date_words(*s.first_night));
}

/// The last 30 nights against the 30 before, in words.
std::string trend_words(const JournalStats& s) {
    const double change = s.severity_30.mean - s.severity_prev_30.mean;
    const std::string sizes =
        fmt::format("{} and {} logged", s.severity_30.nights, s.severity_prev_30.nights);
    std::string text =
        std::abs(change) < 0.05
            ? "The last 30 nights averaged about the same severity as the 30 "
              "before (" +
                  sizes + ")."
            : fmt::format("The last 30 nights averaged {} {} than the 30 before "
                          "({}): {} severe.",
                          one_decimal(std::abs(change)), change < 0 ? "lower" : "higher", sizes,
                          change < 0 ? "less" : "more");
    return text + " This is a change over time; it does not say what caused it. To set one "
                  "supplement, trigger or routine against the nights without it: calmlegs "
                  "compare NAME.";
}

void severity_section(Page& page, const JournalStats& s) {
    page.heading("RLS severity");
    page.muted("From 0 (none) to 10 (worst): lower is less severe.");
    page.field("Last 7", mean_words(s.severity_7));
    page.field("Last 30", mean_words(s.severity_30));
    page.field("30 before", mean_words(s.severity_prev_30));
    if (s.severity_30.nights >= k_min_nights && s.severity_prev_30.nights >= k_min_nights) {
        page.blank();
        page.paragraph(trend_words(s));
    } else if (s.severity_30.nights > 0 && s.severity_prev_30.nights > 0) {
        // A handful of nights against a handful: no words on a change that may be noise.
        page.blank();
        page.paragraph(fmt::format("Too few nights to compare the last 30 with the 30 before "
                                   "({} and {} logged; at least {} on each side are needed).",
                                   s.severity_30.nights, s.severity_prev_30.nights, k_min_nights));
    }
}

void sleep_section(Page& page, const JournalStats& s) {
    page.heading("Sleep (from the diary times)");
    if (s.efficiency_all.nights == 0) {
        page.paragraph("Sleep efficiency: not enough nights yet. It needs the times into bed, "
                       "of the final wake and out of bed, logged with calmlegs log.");
        return;
    }
    page.muted("Sleep efficiency is the time asleep over the time in bed.");
    const auto recent = [](const Mean& mean, const std::string& figure) {
        return mean.nights == 0 ? std::string("last 30 nights: not enough nights yet")
                                : "mean " + figure + " over " + std::to_string(mean.nights) +
                                      " of the last 30 nights";
    };
    page.field("Efficiency", recent(s.efficiency_30, percent_words(s.efficiency_30.mean)) + "; " +
                                 percent_words(s.efficiency_all.mean) + " over " +
                                 nights_words(s.efficiency_all.nights) + " in all");
    const auto minutes = std::chrono::minutes(std::lround(s.total_sleep_30.mean));
    page.field("Total sleep", recent(s.total_sleep_30, length_words(minutes)));
}

} // namespace

std::string render_stats(const JournalStats& stats, const RenderOptions& options) {
    Page page(options);
    page.title("Journal statistics", "night of " + date_words(stats.today));
    page.blank();
    if (!stats.first_night) {
        page.paragraph("Nothing is in the journal yet: not enough nights for any figure. Log a "
                       "night with calmlegs log; routines are recorded as they run.");
        return page.str();
    }
    wind_down_section(page, stats);
    page.blank();
    severity_section(page, stats);
    page.blank();
    sleep_section(page, stats);
    return page.str();
}

void write_stats_json(JsonWriter& json, const JournalStats& s) {
    json.begin_object();
    json.key("today").value(format_date(s.today));
    json.key("first_night").text_or_null(s.first_night ? format_date(*s.first_night) : "");
    json.key("wind_down_routine").value(k_wind_down_routine);
    json.key("today_done").value(s.today_done);
    json.key("current_streak").value(s.current_streak);
    json.key("longest_streak").begin_object();
    json.key("nights").value(s.longest_streak);
    json.key("from").text_or_null(s.longest_from ? format_date(*s.longest_from) : "");
    json.key("to").text_or_null(s.longest_to ? format_date(*s.longest_to) : "");
    json.end_object();
    json.key("completion").begin_object();
    json.key("nights_tracked").value(s.nights_tracked);
    json.key("nights_done").value(s.nights_done);
    json.key("last30_tracked").value(s.last30_tracked);
    json.key("last30_done").value(s.last30_done);
    json.end_object();
    json.key("severity").begin_object();
    mean_json(json, "last_7", s.severity_7);
    mean_json(json, "last_30", s.severity_30);
    mean_json(json, "previous_30", s.severity_prev_30);
    json.end_object();
    json.key("sleep_efficiency").begin_object();
    mean_json(json, "last_30", s.efficiency_30);
    mean_json(json, "all", s.efficiency_all);
    json.end_object();
    json.key("total_sleep_minutes").begin_object();
    mean_json(json, "last_30", s.total_sleep_30);
    json.end_object();
    json.end_object();
}

void write_progress_json(JsonWriter& json, const Progress& p) {
    json.begin_object();
    json.key("from").value(format_date(p.from));
    json.key("to").value(format_date(p.to));
    json.key("nights_logged").value(p.logged);
    json.key("wind_down_nights").value(p.wind_down);
    mean_json(json, "severity", p.severity);
    mean_json(json, "sleep", p.sleep);
    json.key("moving_mean").begin_object();
    json.key("window").value(k_moving_window);
    json.key("min_nights").value(k_moving_min);
    json.end_object();
    json.key("nights").begin_array();
    for (const ProgressNight& night : p.nights) {
        json.begin_object();
        json.key("date").value(format_date(night.date));
        json.key("logged").value(night.logged);
        json.key("severity").value_or_null(night.severity);
        json.key("severity_mean").value_or_null(night.severity_mean, 2);
        json.key("sleep").value_or_null(night.sleep);
        json.key("sleep_mean").value_or_null(night.sleep_mean, 2);
        json.key("wind_down").value(night.wind_down);
        json.string_array("triggers", night.triggers);
        json.end_object();
    }
    json.end_array();
    json.string_array("plan", p.plan);
    json.string_array("taken_at_start", p.taken_at_start);
    json.key("start_night").text_or_null(p.start_night ? format_date(*p.start_night) : "");
    json.key("changes").begin_array();
    for (const SupplementChange& change : p.changes) {
        json.begin_object();
        json.key("supplement").value(change.id);
        json.key("night").value(format_date(change.night));
        json.key("change").value(change.started ? "started" : "stopped");
        json.end_object();
    }
    json.end_array();
    json.key("triggers").begin_array();
    for (const TriggerCount& trigger : p.triggers) {
        json.begin_object();
        json.key("trigger").value(trigger.id);
        json.key("nights").value(trigger.nights);
        json.end_object();
    }
    json.end_array();
    json.key("weeks").begin_array();
    for (const WeekMeans& week : p.weeks) {
        json.begin_object();
        json.key("from").value(format_date(week.from));
        json.key("to").value(format_date(week.to));
        json.key("nights").value(week.nights);
        json.key("logged").value(week.logged);
        json.key("wind_down").value(week.wind_down);
        mean_json(json, "severity", week.severity);
        mean_json(json, "sleep", week.sleep);
        json.end_object();
    }
    json.end_array();
    json.end_object();
}

} // namespace calmlegs
