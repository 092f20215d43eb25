#include "run/keys.h"

namespace calmlegs {
namespace {

constexpr unsigned char k_escape = 0x1b;

char key_for(unsigned char byte) {
    switch (byte) {
    case ' ':
        return ' ';
    case 'n':
    case 'N':
        return 'n';
    case 'q':
    case 'Q':
        return 'q';
    case '?':
    case 'h':
    case 'H':
        return '?';
    case '\r':
    case '\n':
        return '\n';
    default:
        return 0;
    }
}

} // namespace

std::string KeyDecoder::decode(std::string_view bytes) {
    std::string keys;
    // An ESC that ended the previous read and is not followed by '[' or 'O' was the Esc key on
    // its own: the byte after it is a key typed later, not part of a sequence (Alt sends ESC
    // and its key in one write).
    const bool escape_ended_last_read = m_state == State::escape;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        switch (m_state) {
        case State::ground:
            if (byte == k_escape)
                m_state = State::escape;
            else if (const char key = key_for(byte))
                keys += key;
            break;
        case State::escape:
            if (byte == '[') {
                m_state = State::csi;
            } else if (byte == 'O') {
                m_state = State::ss3;
            } else if (byte == k_escape) {
                // A lone ESC, and another sequence begins (Alt with an arrow key sends both).
            } else if (i == 0 && escape_ended_last_read) {
                m_state = State::ground;
                if (const char key = key_for(byte)) keys += key;
            } else {
                m_state = State::ground; // ESC and a key in one write: Alt with that key
            }
            break;
        case State::csi:
            // Parameter (0x30-0x3F) and intermediate (0x20-0x2F) bytes go on; a final byte
            // (0x40-0x7E) ends the sequence. Anything else cannot be in one: it ends the
            // sequence and counts as itself.
            if (byte >= 0x20 && byte <= 0x3f) break;
            if (byte >= 0x40 && byte <= 0x7e) {
                m_state = State::ground;
            } else if (byte == k_escape) {
                m_state = State::escape;
            } else {
                m_state = State::ground;
                if (const char key = key_for(byte)) keys += key;
            }
            break;
        case State::ss3: // ESC O and one byte: F1-F4, and arrow keys in application mode
            m_state = byte == k_escape ? State::escape : State::ground;
            break;
        }
    }
    return keys;
}

} // namespace calmlegs
