#pragma once

#include "content/utf8.h" // decode_utf8, for the callers of these

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The number of terminal columns `text` (UTF-8) takes: wide characters count 2, combining
/// marks and CSI escape sequences (colours) 0, and an invalid byte 1.
int display_width(std::string_view text);

/// Splits `text` into lines of at most `width` columns, breaking at spaces; a word longer than
/// a line is broken where it must be. Newlines in `text` start a new line. Never returns an
/// empty vector (an empty text is one empty line).
std::vector<std::string> wrap(std::string_view text, int width);

/// Wraps `text` so that the first line starts with `first` and the others with `rest`
/// (whose widths are taken from their plain text), the whole within `width` columns.
std::string wrap_with_prefix(std::string_view text, int width, std::string_view first,
                             std::string_view rest);

/// `text` padded with spaces on the right to `width` columns (never cut).
std::string pad_right(std::string_view text, int width);

/// `text` cut to at most `width` columns, ending with `ellipsis` when it was cut ("..." for an
/// ASCII terminal; left out when it is wider than `width`). Escape sequences (colours) take
/// no columns and are all kept, so a styled text stays styled, and its style still ends where
/// it did.
std::string elide(std::string_view text, int width, std::string_view ellipsis = "…");

/// `word` as a POSIX shell would need it typed: unchanged when it holds only safe characters
/// (letters, digits and _ . / : = @ % + , -), otherwise in single quotes.
std::string shell_quote(std::string_view word);

/// `text` laid out in two columns (such as a --help page: an indented left column, two or
/// more spaces, a description) with every line longer than `width` wrapped: a description
/// continues under itself, or under its left column when that takes more than half the width;
/// an option's line without a description continues under its name, other lines at their own
/// indent.
std::string wrap_columns(std::string_view text, int width);

/// `text` safe to echo to a terminal: each control character (escape, tab, newline unless
/// `keep_newlines`, DEL) shown in caret notation, "^[" for escape, and each C1 control (as a
/// byte or as UTF-8) as "M-^[" like cat -v, so nothing typed can move the cursor or recolour.
std::string visible(std::string_view text, bool keep_newlines = false);

/// The lines of `text` without their newlines (a final newline adds no empty line).
std::vector<std::string> split_lines(std::string_view text);

/// `line` without the spaces it ends with (a line of text is never padded on the right).
void trim_trailing_spaces(std::string& line);

} // namespace calmlegs
