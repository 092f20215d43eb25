#pragma once
// An Output that keeps everything written, with a fixed terminal size.

#include "run/output.h"

#include <string>

namespace calmlegs::test {

class FakeOutput final : public Output {
public:
    explicit FakeOutput(TerminalSize size = {80, 24})
        : m_size(size) {}
    void write(std::string_view text) override { m_text += text; }
    void flush() override { ++m_flushes; }
    TerminalSize size() override { return m_size; }

    const std::string& text() const { return m_text; }
    void clear() { m_text.clear(); }
    int flushes() const { return m_flushes; }
    void set_size(TerminalSize size) { m_size = size; }

private:
    TerminalSize m_size;
    std::string m_text;
    int m_flushes = 0;
};

} // namespace calmlegs::test
