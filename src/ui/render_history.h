#pragma once
// The journal's pages: what `calmlegs log` saved, and `calmlegs history`'s table of nights.

#include "journal/night.h"
#include "ui/page.h"

#include <string>
#include <vector>

namespace calmlegs {

/// "Sunday 2026-03-08": how a night is named.
std::string night_name(Date date);

/// What a night holds, in one line: "severity 6, sleep 3, took magnesium, triggers: caffeine".
std::string describe_night(const Night& night);

/// The page after a log: the night saved, and whether it replaced an earlier log.
std::string render_logged(const Night& night, bool replaced, const RenderOptions& options);

/// What `calmlegs history` shows.
struct HistoryView {
    Date from;                        ///< the first night of the range
    Date to;                          ///< the last (the current night)
    std::vector<NightSummary> nights; ///< by date, only the nights with a log or a run
    bool sparkline = false;           ///< draw the severity sparkline (on a terminal)
    std::string journal;              ///< the journal's path, for an empty history
};

/// The severity of each night from `from` to `to` as one glyph per night, from lowest to
/// highest (▁ to █; in ASCII " .:-=+*#%@" less the blank), a blank where none was logged.
std::string severity_sparkline(const std::vector<NightSummary>& nights, Date from, Date to,
                               bool ascii);

/// The table of nights: date, severity, sleep, wind-down done, supplements, triggers, note;
/// columns fitted to the width, the note cut short to fit.
std::string render_history(const HistoryView& view, const RenderOptions& options);

} // namespace calmlegs
