#pragma once
// Keyboard bytes to the runner's keys, apart from the terminal so that it is pure and tested.

#include <string>
#include <string_view>

namespace calmlegs {

/// Turns the bytes a terminal in raw mode sends into the keys the runner knows (' ', 'n', 'q',
/// '?' and '\n' for Enter; see Event::key). Escape sequences (arrow and function keys, Alt with
/// a key) are skipped whole, and the keys after them kept. It keeps its state between reads,
/// so a sequence cut by the end of one read is finished by the next:
///
///     KeyDecoder keys;
///     keys.decode("\x1b[");  // "": an arrow key has begun
///     keys.decode("Aq");     // "q": the arrow key ends, then q
class KeyDecoder {
public:
    /// The keys in `bytes`, in order; bytes that are no key of ours are left out.
    std::string decode(std::string_view bytes);

private:
    enum class State {
        ground, ///< between keys
        escape, ///< after ESC
        csi,    ///< in ESC [ parameters... final byte
        ss3,    ///< after ESC O: one more byte
    };
    State m_state = State::ground;
};

} // namespace calmlegs
