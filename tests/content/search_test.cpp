#include "content/search.h"

#include "support/paths.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace calmlegs;

namespace {

struct Shipped {
    RealFileSystem files;
    ContentStore store{files, {test::k_shipped_content}};
};

bool has_hit(const std::vector<SearchHit>& hits, HitKind kind, const std::string& id) {
    return std::any_of(hits.begin(), hits.end(),
                       [&](const SearchHit& hit) { return hit.kind == kind && hit.id == id; });
}

} // namespace

TEST_CASE("search_content: every word must appear in the same section or entry") {
    Shipped shipped;
    const auto caffeine = search_content(shipped.store, {"caffeine", "noon"});
    REQUIRE_FALSE(caffeine.empty());
    for (const auto& hit : caffeine) {
        CAPTURE(hit.where);
        CHECK(hit.text.find("noon") != std::string::npos);
    }
    CHECK(has_hit(caffeine, HitKind::step, "sleep"));
    CHECK(search_content(shipped.store, {"caffeine", "xyzzy"}).empty());
    CHECK(search_content(shipped.store, {}).empty());
    CHECK(shipped.store.diagnostics().empty());
}

TEST_CASE("search_content: a phrase finds the entries that mention it") {
    Shipped shipped;
    const auto hits = search_content(shipped.store, {"Vitamin C"});
    CHECK(has_hit(hits, HitKind::supplement, "iron"));
    CHECK_FALSE(has_hit(hits, HitKind::supplement, "magnesium"));
}

TEST_CASE("search_content: a word matches at the start of a word, not inside one") {
    Shipped shipped;
    const auto tea = search_content(shipped.store, {"tea"});
    CHECK(has_hit(tea, HitKind::supplement, "chamomile"));       // "tea", "teas"
    CHECK_FALSE(has_hit(tea, HitKind::supplement, "magnesium")); // only "steady"
}

TEST_CASE("search_content: the snippet text is a sentence with the words, not the title") {
    Shipped shipped;
    const auto hits = search_content(shipped.store, {"ferritin"});
    const auto iron = std::find_if(hits.begin(), hits.end(),
                                   [](const SearchHit& hit) { return hit.id == "iron"; });
    REQUIRE(iron != hits.end());
    CHECK(iron->text.find("erritin") != std::string::npos);
    CHECK(iron->text.size() >= 40);
}

TEST_CASE("snippet cuts around the first word found, at spaces") {
    const std::string text = "Warm baths, gentle stretches and a steady bedtime all help the legs "
                             "settle; magnesium in the evening may help too, the guide says.";
    CHECK(snippet("short text", {"text"}, 40) == "short text");
    const std::string cut = snippet(text, {"xyzzy", "magnesium"}, 40);
    CHECK(cut.find("magnesium") != std::string::npos);
    CHECK(cut.rfind("…", 0) == 0); // cut at the front
    CHECK(cut.size() <= 40 + 2 * std::string("…").size());
    // Whole words only: every piece between the ellipses is a run of words of the text.
    const std::string inner = cut.substr(3, cut.size() - 6);
    CHECK(text.find(inner) != std::string::npos);
    CHECK(text[text.find(inner) - 1] == ' ');
    const std::string front = snippet(text, {"warm"}, 30);
    CHECK(front.rfind("Warm baths", 0) == 0);
    CHECK(front.substr(front.size() - 3) == "…");
}

TEST_CASE("search hits: kinds keep their JSON spelling, and bottle names are searched") {
    CHECK(to_string(HitKind::intro) == "intro");
    CHECK(to_string(HitKind::step) == "step");
    CHECK(to_string(HitKind::closing) == "closing");
    CHECK(to_string(HitKind::supplement) == "supplement");
    Shipped shipped;
    // "bisglycinate" is written only in iron's other_forms.
    const auto ferrous = search_content(shipped.store, {"bisglycinate"});
    REQUIRE(ferrous.size() == 1);
    CHECK(ferrous[0].kind == HitKind::supplement);
    CHECK(ferrous[0].id == "iron");
    CHECK(ferrous[0].text == "ferrous bisglycinate");
}
