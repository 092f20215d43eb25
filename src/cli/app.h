#pragma once

namespace calmlegs::cli {

/// Parses the command line, runs the chosen command and returns the process exit status.
int run(int argc, char** argv);

} // namespace calmlegs::cli
