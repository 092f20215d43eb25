#pragma once
// The report's one style sheet, inline in its <head>.

#include <string_view>

namespace calmlegs {

/// The CSS of the report: system fonts, text at 4.5:1 or more, sizes in rem and one fluid
/// column (readable at 200% zoom), and print rules that fit A4 and Letter alike (12 mm
/// margins, no fixed page size).
extern const std::string_view k_report_css;

} // namespace calmlegs
