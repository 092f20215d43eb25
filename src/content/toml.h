#pragma once
// The one way the loader includes toml++ (and only the loader includes it).
//
// toml++ 3.3 checks, in builds without NDEBUG, internal assumptions that malformed input can
// break: a table header such as "[=" fails an assertion in parse_key() and aborts, where a
// release build reports "expected bare key..." as a parse error. Content is a person's input,
// so every build takes the release behaviour; tests/content/robustness_test.cpp holds it.
#define TOML_ASSERT(expr) static_cast<void>(0)
#include <toml++/toml.h>
