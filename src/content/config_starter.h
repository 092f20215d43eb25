#pragma once
// The starter config.toml that `calmlegs config --init` writes: every setting of
// calmlegs-config(5), commented out, with its default (or an example where there is none).

#include <string_view>

namespace calmlegs {

/// The starter file's text. As written it sets nothing (it parses to the defaults); with the
/// "# " taken off every line that is a setting or a table header ("# bell = true",
/// "# [schedule.weekend]") it is a complete, valid example: tests check both, so the starter
/// cannot drift from the parser.
std::string_view config_starter();

} // namespace calmlegs
