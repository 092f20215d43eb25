#include "ui/page.h"

#include "ui/text.h"

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

RenderOptions plain(int width) {
    RenderOptions options;
    options.width = width;
    return options;
}

int widest_line(const std::string& text) {
    int widest = 0;
    for (const auto& line : split_lines(text))
        widest = std::max(widest, display_width(line));
    return widest;
}

const std::vector<std::string> k_headers = {"Supplement", "Dose", "Timing", "Key benefit"};
const std::vector<std::vector<std::string>> k_rows = {
    {"Magnesium glycinate", "200–400 mg", "Evening", "Muscle and nerve calm"},
    {"Iron", "25–65 mg", "Morning + vitamin C", "Dopamine regulation"},
    {"Valerian or Passionflower", "400 mg / 300 mg", "Bedtime", "Natural sleep aid"}};

} // namespace

TEST_CASE("render_table aligns columns when there is room") {
    const std::string table = render_table(k_headers, k_rows, plain(120));
    const auto lines = split_lines(table);
    REQUIRE(lines.size() == 4);
    // Each column starts at the same place on every line.
    const auto dose_at = lines[0].find("Dose");
    CHECK(lines[1].find("200–400 mg") == lines[1].find("200"));
    CHECK(display_width(lines[1].substr(0, lines[1].find("200–400 mg"))) ==
          display_width(lines[0].substr(0, dose_at)));
    CHECK(display_width(lines[3].substr(0, lines[3].find("400 mg /"))) ==
          display_width(lines[0].substr(0, dose_at)));
    CHECK(lines[3].find("Natural sleep aid") != std::string::npos);
}

TEST_CASE("render_table wraps cells to fit narrow widths and never cuts words") {
    for (int width = 30; width <= 100; width += 5) {
        CAPTURE(width);
        const std::string table = render_table(k_headers, k_rows, plain(width));
        CHECK(widest_line(table) <= width);
        for (const char* word : {"Passionflower", "200–400", "Dopamine", "regulation"})
            CHECK(table.find(word) != std::string::npos);
    }
}

TEST_CASE("render_table falls back to one block per row when columns cannot fit") {
    const std::string table = render_table(k_headers, k_rows, plain(24));
    CHECK(widest_line(table) <= 24);
    CHECK(table.find("Dose: 25–65 mg") != std::string::npos);
    CHECK(table.find("Timing: Morning +") != std::string::npos);
}

TEST_CASE("Page fields wrap under their own column, or stack when narrow") {
    Page wide(plain(60));
    wide.field("Dose", "two hundred to four hundred milligrams before bed");
    const auto lines = split_lines(wide.str());
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("Dose        two", 0) == 0);
    CHECK(lines[1].rfind(std::string(k_label_width, ' '), 0) == 0);

    Page narrow(plain(30));
    narrow.field("Dose", "200–400 mg");
    CHECK(narrow.str() == "Dose\n  200–400 mg\n");
}

TEST_CASE("Page never starts with, repeats or ends with blank lines") {
    Page page(plain(40));
    page.blank();
    page.title("Iron", "mineral");
    page.blank();
    page.blank();
    page.bullets({"one", "two"}, 2, true);
    page.blank();
    CHECK(page.str() == "Iron · mineral\n\n  1. one\n  2. two\n");
}

TEST_CASE("Style adds escape codes only when colour is on") {
    CHECK(Style(false).heading("Iron") == "Iron");
    CHECK(Style(true).heading("Iron") == "\x1b[1mIron\x1b[0m");
    CHECK(Style(true).warning("") == "");
    OutputTraits traits;
    traits.is_tty = true;
    CHECK(should_use_color(traits));
    traits.no_color_env = true;
    CHECK_FALSE(should_use_color(traits));
    traits.no_color_env = false;
    traits.no_color_flag = true;
    CHECK_FALSE(should_use_color(traits));
    traits.no_color_flag = false;
    traits.dumb_term = true;
    CHECK_FALSE(should_use_color(traits));
    traits.dumb_term = false;
    traits.is_tty = false;
    CHECK_FALSE(should_use_color(traits));
}
