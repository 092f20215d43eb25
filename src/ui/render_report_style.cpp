#include "ui/render_report_style.h"

namespace calmlegs {

// Text colours: #1a1a1a on white is 17:1, the muted #595959 is 7:1 (and 6.5:1 on the warning's
// #fdf6e9). No url(), no @import, no font files: the page fetches nothing.
const std::string_view k_report_css = R"css(
:root { color-scheme: light; }
html { font-size: 100%; -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: #1a1a1a; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Liberation Sans",
    Arial, sans-serif;
}
main { max-width: 50rem; margin: 0 auto; padding: 1rem 1rem 2rem; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 0.25rem; }
h2 {
  font-size: 1.2rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; padding-bottom: 0.15rem;
  border-bottom: 1px solid #767676;
}
h3 { font-size: 1rem; margin: 0.9rem 0 0.25rem; }
p, ul, ol, dl { margin: 0.35rem 0; }
ul { padding-left: 1.25rem; }
.muted, .tag { color: #595959; }
.tag { font-weight: normal; }
.figures {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  gap: 0.35rem 1.5rem;
}
.figures div { min-width: 0; }
.figures dt { font-weight: bold; }
.figures dd { margin: 0; }
figure { margin: 0.5rem 0; }
figcaption { color: #595959; font-size: 0.9rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; padding: 0.25rem 0; }
th, td {
  text-align: left; vertical-align: top; padding: 0.15rem 0.5rem 0.15rem 0;
  border-bottom: 1px solid #d0d0d0;
}
thead th { border-bottom: 1px solid #767676; }
tbody th { font-weight: normal; white-space: nowrap; }
.num { text-align: right; }
dl.sides { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0 1rem; }
dl.sides dt { font-weight: bold; }
dl.sides dd { margin: 0; }
ul.warnings { list-style: none; padding: 0; }
.warning {
  border-left: 0.25rem solid #8a4b00; background: #fdf6e9; padding: 0.25rem 0.6rem;
  margin: 0.3rem 0;
}
ul.triggers { columns: 2 14rem; column-gap: 1.5rem; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace, monospace; }
pre {
  background: #f4f4f4; padding: 0.5rem; white-space: pre-wrap; overflow-wrap: anywhere;
  font-size: 0.9rem;
}
footer {
  margin-top: 1.5rem; padding-top: 0.5rem; border-top: 1px solid #767676; color: #595959;
  font-size: 0.9rem;
}
@media (max-width: 36rem) {
  tbody th { white-space: normal; }
  th, td { padding-right: 0.3rem; }
}
@media print {
  @page { margin: 10mm 12mm; }
  body { font-size: 9pt; line-height: 1.28; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 13pt; }
  h2 { font-size: 10.5pt; margin: 6pt 0 2pt; }
  h3 { font-size: 9.5pt; margin: 5pt 0 1pt; }
  p, ul, ol, dl { margin: 1.5pt 0; }
  .figures { grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 2pt 10pt; }
  figure { margin: 2pt 0; }
  figcaption, footer, pre, caption { font-size: 8pt; }
  th, td { padding: 0 6pt 0 0; }
  table.weeks, table.plan, table.blocks { font-size: 8pt; line-height: 1.2; }
  svg.chart { width: 180mm; max-width: 100%; height: auto; }
  dl.sides { grid-template-columns: max-content max-content max-content minmax(0, 1fr); gap: 0 6pt; }
  dl.sides dd.difference { grid-column: 2 / -1; }
  .warning { padding: 1pt 5pt; margin: 2pt 0; }
  h2, h3, caption { break-after: avoid; }
  figure, tr, li, dl.sides, .warning, table.plan, .figures { break-inside: avoid; }
  #questions { font-size: 8pt; line-height: 1.22; }
  #comparisons, #plan .warnings { font-size: 8.5pt; line-height: 1.24; }
  ul.triggers { columns: 3; }
  footer { margin-top: 6pt; }
}
)css";

} // namespace calmlegs
