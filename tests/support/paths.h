#pragma once
// Where the tests find the shipped content and their fixtures (set by tests/CMakeLists.txt).

namespace calmlegs::test {

inline constexpr const char* k_shipped_content = CALMLEGS_TEST_SHIPPED_CONTENT;
inline constexpr const char* k_test_data = CALMLEGS_TEST_DATA;

} // namespace calmlegs::test
