#pragma once
// Text made safe for where it goes: ASCII for a terminal whose locale is not UTF-8, and
// words a person typed cut to a sensible length and with every byte visible.

#include <string>
#include <string_view>

namespace calmlegs {

/// `text` in ASCII: the punctuation and symbols the program and its content use become their
/// usual ASCII spellings ("–" and "—" "-", "·" "-", "…" "...", "×" "x", "“" '"',
/// "█" "#"), Latin letters lose their accents ("é" "e"), and any other character becomes
/// "?". A degree sign goes before C and F ("20°C" is "20 C") and is "deg" elsewhere.
/// Escape sequences, being ASCII, pass through; invalid UTF-8 bytes become "?".
std::string to_ascii(std::string_view text);

/// How many characters of a typed word a message repeats.
inline constexpr std::size_t k_echo_limit = 80;

/// A word the person typed, quoted for a message: 'word'. Cut after 80 characters with "…",
/// control characters shown as ^X (M-^X for C1), and bytes that are not UTF-8 as \xNN, so that
/// neither a pasted page nor a stray byte reaches the terminal as it was.
std::string quote_typed(std::string_view word);

} // namespace calmlegs
