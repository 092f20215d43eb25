// Terminal hygiene in the renderers: Style::safe, the gate between what a file or a person wrote
// and the terminal, and the places where such text enters a page, a table and a routine's
// frame. Text from outside holds an OSC title sequence with its BEL and a colour.

#include "ui/page.h"
#include "ui/style.h"
#include "ui/terminal_display.h"
#include "ui/text.h"

#include <algorithm>

#include <doctest/doctest.h>

using namespace calmlegs;

namespace {

const std::string k_evil = "\x1b]2;pwned\x07 \x1b[31mred";
const std::string k_shown = "^[]2;pwned^G ^[[31mred";

/// No byte of `text` is a control character but the newline.
bool no_controls(std::string_view text) {
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\n') || u == 0x7f;
    });
}

RenderOptions options(bool color, int width = 80) {
    RenderOptions render;
    render.width = width;
    render.style = Style(color);
    return render;
}

} // namespace

TEST_CASE("Style::safe shows what a file or a person wrote, and keeps only our own colours") {
    SUBCASE("colour off: every escape is shown in caret notation") {
        const Style plain(false);
        CHECK(plain.safe(k_evil) == k_shown);
        CHECK(plain.safe("\x1b[1mbold\x1b[0m") == "^[[1mbold^[[0m"); // not ours when off
        CHECK(plain.safe("a\nb") == "a\nb");
        CHECK(plain.safe("a\nb", false) == "a^Jb");
        CHECK(plain.safe("tab\there\r\x7f") == "tab\there^M^?"); // a page keeps its tabs
        CHECK(plain.safe("tab\there", false) == "tab^Ihere");    // a cell does not
        CHECK(plain.safe("Magnesium · 200–400 mg") == "Magnesium · 200–400 mg");
    }
    SUBCASE("colour on: our codes stay codes, anything else is shown") {
        const Style color(true);
        const std::string heading = color.heading("Journal");
        CHECK(heading == "\x1b[1mJournal\x1b[0m");
        CHECK(color.safe(heading) == heading);
        CHECK(color.safe(color.warning("!") + color.muted("x") + color.label("y") +
                         color.command("z")) ==
              color.warning("!") + color.muted("x") + color.label("y") + color.command("z"));
        CHECK(color.safe(color.heading(k_evil)) == "\x1b[1m" + k_shown + "\x1b[0m");
        // A code that only starts like one of ours is not one.
        CHECK(color.safe("\x1b[1;31m\x1b[36;1m\x1b[0") == "^[[1;31m^[[36;1m^[[0");
    }
    SUBCASE("safe twice is safe once") {
        for (const bool color : {false, true}) {
            const Style style(color);
            const std::string once = style.safe(style.heading("a") + k_evil);
            CHECK(style.safe(once) == once);
        }
    }
}

TEST_CASE("a page shows a note's escapes in caret notation wherever the note is put") {
    for (const bool color : {false, true}) {
        CAPTURE(color);
        Page page(options(color));
        page.title("Note " + k_evil, "tag " + k_evil);
        page.heading(k_evil);
        page.paragraph("A note: " + k_evil);
        page.warning(k_evil);
        page.label(k_evil);
        page.muted(k_evil);
        page.bullets({k_evil, "two"});
        page.field("Note " + k_evil, k_evil);
        page.field("Notes", std::vector<std::string>{k_evil, k_evil});
        const std::string text = page.str();
        CHECK(text.find("pwned\x07") == std::string::npos);
        CHECK(text.find("\x1b[31m") == std::string::npos);
        CHECK(text.find("\x1b]") == std::string::npos);
        CHECK(text.find("^[]2;pwned^G") != std::string::npos);
        if (!color) CHECK(no_controls(text));
    }
}

TEST_CASE("a table cell with escapes and a newline keeps the columns in line") {
    const std::string note = "first line\nsecond " + k_evil;
    const std::string table = render_table(
        {"Night", "Note", "Sev"}, {{"Mon", note, "6"}, {"Tue", "calm", "2"}}, options(false, 100));
    CHECK(no_controls(table));
    const auto lines = split_lines(table);
    REQUIRE(lines.size() == 3);
    // The newline is shown as ^J: the note stays on its row, and Sev in its column.
    CHECK(lines[1].find("first line^Jsecond ^[]2;pwned^G") != std::string::npos);
    CHECK(display_width(lines[1].substr(0, lines[1].rfind('6'))) ==
          display_width(lines[0].substr(0, lines[0].find("Sev"))));
}

TEST_CASE("a routine's frame shows the content's words in caret notation") {
    FrameModel m;
    m.routine = "Bath " + k_evil;
    m.step = "Step 1 of 2 · Soak " + k_evil;
    m.text = k_evil + "\nLie back.";
    m.notes = {"Hot " + k_evil};
    m.cue = "Breathe " + k_evil;
    m.countdown = "3";
    m.step_left = "0:41";
    m.total_left = "6:12";
    m.ends_at = "22:41";
    for (const bool color : {false, true}) {
        CAPTURE(color);
        const auto lines = render_frame(m, 100, 30, Style(color), BarGlyphs{});
        std::string all;
        for (const auto& line : lines)
            all += line + "\n";
        CHECK(all.find("pwned\x07") == std::string::npos);
        CHECK(all.find("\x1b[31m") == std::string::npos);
        CHECK(all.find("\x1b]") == std::string::npos);
        CHECK(all.find("Bath ^[]2;pwned^G") != std::string::npos);
        CHECK(all.find("Soak ^[]2;pwned^G") != std::string::npos);
        CHECK(all.find("Breathe ^[]2;pwned^G") != std::string::npos);
        CHECK(all.find("Hot ^[]2;pwned^G") != std::string::npos);
        CHECK(all.find("Lie back.") != std::string::npos); // the text's newline still breaks
        if (!color) CHECK(no_controls(all));
        // Every line still fits: the caret forms were measured.
        for (const auto& line : lines)
            CHECK(display_width(line) <= 100);
    }
}
