#pragma once

#include "cli/system.h"

#include <string>
#include <vector>

namespace calmlegs::cli {

/// Parses the command line (the words after the program's name), runs the chosen command
/// against `system` and returns the process exit status.
int run(const std::vector<std::string>& words, System& system);

/// The same, for main(): the real process.
int run(int argc, char** argv);

} // namespace calmlegs::cli
