#pragma once
// What `calmlegs history --chart` and `calmlegs stats --chart` share: reading the chart's
// nights with the names it shows, and the width and glyphs it is drawn with.

#include "cli/journal_read.h"
#include "ui/render_chart.h"

#include <optional>

namespace calmlegs::cli {

/// The chart's data, read: the progress of its nights and the names of what it keys.
struct ChartData {
    Progress progress;
    ChartNames names;
};

/// Reads the nights from `from` to `to` with the starts and stops of the person's [plan]
/// supplements, and the display names of those supplements and of the triggers logged;
/// checks the content (Context::content_ok). nullopt after reporting a problem (status 2).
std::optional<ChartData> read_chart(Context& context, const JournalReading& reading, Date from,
                                    Date to);

/// How the chart is drawn: as wide as the terminal (a picture, not prose: not capped for
/// reading), in colour only where `render` has it, and in ASCII when the locale is not UTF-8
/// or the output is not a terminal (a file or a pipe gets the same chart in ASCII).
RenderOptions chart_options(Context& context, const RenderOptions& render);

} // namespace calmlegs::cli
