#include "ui/json.h"

#include <doctest/doctest.h>
#include <limits>

using namespace calmlegs;

TEST_CASE("json_quote escapes what JSON requires and keeps UTF-8") {
    CHECK(json_quote("plain") == "\"plain\"");
    CHECK(json_quote("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
    CHECK(json_quote("a\nb\tc") == "\"a\\nb\\tc\"");
    CHECK(json_quote(std::string("\x01", 1)) == "\"\\u0001\"");
    CHECK(json_quote("75–100 µg/L") == "\"75–100 µg/L\"");
    CHECK(json_quote("bad \xff byte") == "\"bad \xEF\xBF\xBD byte\"");
    CHECK(json_quote("\xe2\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\""); // truncated sequence
    CHECK(json_quote("\xed\xa0\x80") ==                              // a UTF-16 surrogate
          "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST_CASE("compact JSON keeps key order") {
    JsonWriter json(JsonWriter::Layout::compact);
    json.begin_object();
    json.key("id").value("iron");
    json.key("dose").begin_array().value("25–65 mg").end_array();
    json.key("offset").value(4.25);
    json.key("whole").value(76.0);
    json.key("steps").value(3);
    json.key("ok").value(true);
    json.key("condition").null();
    json.key("empty").begin_array().end_array();
    json.key("nested").begin_object().end_object();
    json.end_object();
    CHECK(json.str() == "{\"id\":\"iron\",\"dose\":[\"25–65 mg\"],\"offset\":4.25,\"whole\":76,"
                        "\"steps\":3,\"ok\":true,\"condition\":null,\"empty\":[],\"nested\":{}}");
}

TEST_CASE("pretty JSON indents by two spaces") {
    JsonWriter json;
    json.begin_object().string_array("forms", {"glycinate", "threonate"}).end_object();
    CHECK(json.str() == "{\n  \"forms\": [\n    \"glycinate\",\n    \"threonate\"\n  ]\n}");
}

TEST_CASE("numbers: decimals are trimmed and non-finite values become null") {
    JsonWriter json(JsonWriter::Layout::compact);
    json.begin_array()
        .value(0.0005, 3)
        .value(-0.0001, 3)
        .value(std::numeric_limits<double>::infinity())
        .value(12.3456, 2)
        .end_array();
    CHECK(json.str() == "[0.001,0,null,12.35]");
}
