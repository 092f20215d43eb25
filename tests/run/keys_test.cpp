#include "run/keys.h"

#include <doctest/doctest.h>

#include <string>

using namespace calmlegs;
using namespace std::string_literals;

TEST_CASE("KeyDecoder: the keys of the runner, in either case") {
    KeyDecoder keys;
    CHECK(keys.decode("q") == "q");
    CHECK(keys.decode("Q") == "q");
    CHECK(keys.decode("n") == "n");
    CHECK(keys.decode("N") == "n");
    CHECK(keys.decode(" ") == " ");
    CHECK(keys.decode("?") == "?");
    CHECK(keys.decode("h") == "?"); // h for help, as ? is
    CHECK(keys.decode("H") == "?");
    CHECK(keys.decode("\r") == "\n"); // Enter in raw mode
    CHECK(keys.decode("\n") == "\n");
    CHECK(keys.decode("") == "");
}

TEST_CASE("KeyDecoder: other bytes are no keys, and the keys among them are kept in order") {
    KeyDecoder keys;
    CHECK(keys.decode("axz1\t\x7f") == "");
    CHECK(keys.decode("\x03\x1a") == ""); // Ctrl-C and Ctrl-Z come as signals, not bytes
    CHECK(keys.decode("\xc3\xa9") == ""); // é in UTF-8
    CHECK(keys.decode("a n?xq") == " n?q");
    CHECK(keys.decode("qq") == "qq");
}

TEST_CASE("KeyDecoder: the keys after an escape sequence in the same read are kept") {
    SUBCASE("an arrow key (CSI) then q") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b[Aq") == "q");
    }
    SUBCASE("keys before and after") {
        KeyDecoder keys;
        CHECK(keys.decode("n\x1b[B \x1b[Cq") == "n q");
    }
    SUBCASE("a CSI with parameters and an intermediate byte (Ctrl-Up, Page Up, a cursor style)") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b[1;5Aq") == "q");
        CHECK(keys.decode("\x1b[5~n") == "n");
        CHECK(keys.decode("\x1b[2 q?") == "?"); // ' ' and 'q' inside the sequence are no keys
    }
    SUBCASE("the parameters of a CSI are not read as keys, nor its final byte") {
        KeyDecoder keys;
        // 'h' (0x68) and 'n' (0x6E) are final bytes there: set mode, report the status.
        CHECK(keys.decode("\x1b[?25h\x1b[6n") == "");
        CHECK(keys.decode(" ") == " ");
    }
    SUBCASE("an SS3 sequence (F1, or an arrow key in application mode) takes one byte") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1bOPq") == "q");
        CHECK(keys.decode("\x1bOq ") == " "); // ESC O q is keypad 1, not q
    }
    SUBCASE("ESC with a key in one write is Alt with that key: none of ours") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1bqn") == "n");
    }
    SUBCASE("ESC ESC [ A (Alt with an arrow key) then q") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b\x1b[Aq") == "q");
    }
    SUBCASE("a control byte cannot be in a CSI: it ends it and counts as itself") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b[1\rq") == "\nq");
    }
    SUBCASE("an ESC inside a CSI begins a new sequence") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b[1\x1b[Bq") == "q");
    }
    SUBCASE("an ESC right after SS3 begins a new sequence") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1bO\x1b[Dq") == "q");
    }
}

TEST_CASE("KeyDecoder: an escape sequence split across reads is finished by the next") {
    SUBCASE("ESC, then [A: nothing") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b") == "");
        CHECK(keys.decode("[A") == "");
        CHECK(keys.decode("q") == "q");
    }
    SUBCASE("ESC, then [Aq: q") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b") == "");
        CHECK(keys.decode("[Aq") == "q");
    }
    SUBCASE("q then ESC [, then A n") {
        KeyDecoder keys;
        CHECK(keys.decode("q\x1b[") == "q");
        CHECK(keys.decode("An") == "n");
    }
    SUBCASE("parameters cut in the middle") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b[1;") == "");
        CHECK(keys.decode("5") == ""); // still inside: '5' is a parameter
        CHECK(keys.decode("A?") == "?");
    }
    SUBCASE("ESC O, then the byte of SS3") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1bO") == "");
        CHECK(keys.decode("Qq") == "q"); // F2, then q
    }
    SUBCASE("a lone Esc key, then a key in a later read") {
        KeyDecoder keys;
        CHECK(keys.decode("\x1b") == "");
        CHECK(keys.decode("q") == "q"); // Alt-q would have come in one write
        CHECK(keys.decode("\x1b") == "");
        CHECK(keys.decode("\x1b") == "");
        CHECK(keys.decode("[Bn") == "n");
    }
    SUBCASE("one byte at a time") {
        KeyDecoder keys;
        std::string got;
        for (const char byte : "\x1b[1;5A \x1bOP\x1b[5~q"s)
            got += keys.decode(std::string(1, byte));
        CHECK(got == " q");
    }
}
