#pragma once

#include "content/diagnostics.h"
#include "content/files.h"

#include <string>
#include <vector>

namespace calmlegs {

/// Reads every content file of every layer (lowest first) and reports all problems in one
/// pass: those inside each file (syntax, types, missing and unknown keys, duplicate ids) and
/// those across files (unknown files, dangling references, names shared by two entries,
/// missing notes). The result is sorted by file, line and column.
Diagnostics validate_content(const FileSystem& files, const std::vector<std::string>& layers);

} // namespace calmlegs
