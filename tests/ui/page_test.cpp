#include "ui/page.h"

#include "support/text_checks.h"
#include "ui/text.h"

#include <doctest/doctest.h>

using namespace calmlegs;
using calmlegs::test::widest_line;

namespace {

RenderOptions plain(int width) {
    RenderOptions options;
    options.width = width;
    return options;
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
}

TEST_CASE("Page is never narrower than k_min_page_width columns") {
    REQUIRE(k_min_page_width == 10);
    const std::string ten = "abcd efghi"; // 10 columns
    CHECK(Page(plain(1)).width() == 10);
    CHECK(Page(plain(9)).width() == 10);
    CHECK(Page(plain(10)).width() == 10);
    CHECK(Page(plain(11)).width() == 11);
    for (int width : {9, 10, 11}) {
        CAPTURE(width);
        Page page(plain(width));
        page.paragraph(ten);
        CHECK(page.str() == ten + "\n");
    }
    Page at_ten(plain(10));
    at_ten.paragraph(ten + "j");
    CHECK(at_ten.str() == "abcd\nefghij\n");
    const std::string twenty = "abcd efgh ijkl mnopq"; // 20 columns
    const std::string twenty_one = "abcd efgh ijkl mnopqr";
    Page at_twenty(plain(20));
    at_twenty.paragraph(twenty_one);
    CHECK(at_twenty.str() == "abcd efgh ijkl\nmnopqr\n");
    Page at_twenty_one(plain(21));
    at_twenty_one.paragraph(twenty_one);
    CHECK(at_twenty_one.str() == twenty_one + "\n");
}

TEST_CASE("Page fields take two columns from 48 columns up, and wrap exactly at the width") {
    Page narrow(plain(47));
    narrow.field("Dose", "200–400 mg");
    CHECK(narrow.str() == "Dose\n  200–400 mg\n");
    Page wide(plain(48));
    wide.field("Dose", "200–400 mg");
    CHECK(wide.str() == "Dose        200–400 mg\n");
    // 48 columns leave 36 for the value: 36 stay on one line, 37 wrap.
    const std::string fits = "abcdefghij abcdefghij abcdefghij µµµ"; // 36 columns
    Page exact(plain(48));
    exact.field("Dose", fits);
    CHECK(exact.str() == "Dose        " + fits + "\n");
    Page over(plain(48));
    over.field("Dose", fits + "µ");
    CHECK(over.str() == "Dose        abcdefghij abcdefghij abcdefghij\n            µµµµ\n");
    // Several items: a bullet each, and 34 columns after it.
    Page items(plain(48));
    items.field("Forms", std::vector<std::string>{"abcdefghij abcdefghij abcdefghij µ", "b"});
    CHECK(items.str() == "Forms       • abcdefghij abcdefghij abcdefghij µ\n            • b\n");
    Page items_over(plain(48));
    items_over.field("Forms", std::vector<std::string>{"abcdefghij abcdefghij abcdefghij µµ", "b"});
    CHECK(items_over.str() == "Forms       • abcdefghij abcdefghij abcdefghij\n"
                              "              µµ\n"
                              "            • b\n");
}

TEST_CASE("Page warnings and bullets wrap exactly at the width their markers leave") {
    Page warning(plain(20));
    warning.warning("abcdefgh abcdefghi"); // 18 columns after "! "
    warning.warning("abcdefgh abcdefghij");
    CHECK(warning.str() == "! abcdefgh abcdefghi\n! abcdefgh\n  abcdefghij\n");
    Page bullets(plain(20));
    bullets.bullets({"abcdefgh abcdefgh", "abcdefgh abcdefghi"}, 1); // 17 columns after " • "
    CHECK(bullets.str() == " • abcdefgh abcdefgh\n • abcdefgh\n   abcdefghi\n");
}

TEST_CASE("render_table keeps columns while they fit, and makes blocks one column short") {
    const std::vector<std::string> headers = {"A", "B"};
    const std::vector<std::vector<std::string>> rows = {{"aaaa", "bbbb"}};
    // Two columns of 4 and a gap of 2: 10 columns.
    CHECK(render_table(headers, rows, plain(10)) == "A     B\naaaa  bbbb\n");
    CHECK(render_table(headers, rows, plain(9)) == "aaaa\nB: bbbb\n\n");
}
