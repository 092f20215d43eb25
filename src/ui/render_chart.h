#pragma once
// The terminal chart of `calmlegs history --chart` and `calmlegs stats --chart`: RLS severity
// night by night as bars on a labelled 0-10 scale, the 7-night moving mean over them, and under
// the dates the nights where a supplement of the plan started or stopped and where a trigger
// was logged. Drawn from a Progress (journal/progress.h); it reads nothing else.

#include "journal/progress.h"
#include "ui/page.h"

#include <map>
#include <string>

namespace calmlegs {

/// How the chart names what it keys, by id: supplements from the content, triggers from the
/// content and the person's own. An id with no name here is shown as it is. Every name is
/// shown through visible(), so a name the person typed cannot move the cursor or recolour.
struct ChartNames {
    std::map<std::string, std::string, std::less<>> supplements;
    std::map<std::string, std::string, std::less<>> triggers;
};

/// The columns left of the plot: the scale's labels ("10 ┤") and the keys of the rows of
/// markers (" 1  "). The plot has the rest of the width.
inline constexpr int k_chart_margin = 4;

/// The widest the chart's prose (the title, the sentence on the bins, the legend) is wrapped
/// at, as every page's prose is: long lines are hard to read. The plot takes the full width.
inline constexpr int k_chart_prose_width = 100;

/// The chart of `progress` within `options.width` (at least k_min_page_width): one column per
/// night when they fit beside the margin, otherwise columns of ceil(nights / room) nights
/// each (the last column ending on the period's last night) and a sentence that says so; so
/// never more columns than nights, however wide. Nights not logged are gaps, never zeros;
/// ASCII when `options.ascii`; colour only through `options.style`. A period with no severity
/// logged gives a sentence saying so and how to start (`calmlegs log`), not an empty chart.
std::string render_chart(const Progress& progress, const ChartNames& names,
                         const RenderOptions& options);

} // namespace calmlegs
