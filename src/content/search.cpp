#include "content/search.h"

#include "content/names.h"

#include <algorithm>

namespace calmlegs {
namespace {

bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

/// Where `word` starts a word of `lower` (so "tea" finds "teas" but not "instead"), or npos.
std::size_t find_at_word_start(const std::string& lower, const std::string& word) {
    for (std::size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1))
        if (at == 0 || !is_word_char(lower[at - 1])) return at;
    return std::string::npos;
}

/// Collects the texts of one searchable unit (a section, an entry) and tests them together,
/// so that "magnesium bath" finds a section that says each word in different sentences.
class Unit {
public:
    void add(std::string_view text) {
        if (text.empty()) return;
        m_all += to_lower_ascii(text);
        m_all += '\n';
        m_texts.emplace_back(text);
    }
    void add(const std::vector<std::string>& texts) {
        for (const auto& text : texts)
            add(text);
    }
    bool matches(const std::vector<std::string>& words) const {
        return std::all_of(words.begin(), words.end(), [&](const std::string& word) {
            return find_at_word_start(m_all, word) != std::string::npos;
        });
    }
    /// The text to show as a snippet: the one mentioning most of the words, and among those
    /// the first that is a sentence rather than a title or an alias (40 characters or more).
    std::string best_text(const std::vector<std::string>& words) const {
        std::size_t best = 0;
        std::pair<std::size_t, bool> best_score{0, false};
        for (std::size_t i = 0; i < m_texts.size(); ++i) {
            const std::string lower = to_lower_ascii(m_texts[i]);
            const auto found = static_cast<std::size_t>(
                std::count_if(words.begin(), words.end(), [&](const std::string& word) {
                    return find_at_word_start(lower, word) != std::string::npos;
                }));
            const std::pair<std::size_t, bool> score{found, m_texts[i].size() >= 40};
            if (score > best_score) {
                best_score = score;
                best = i;
            }
        }
        return m_texts.empty() ? std::string() : m_texts[best];
    }

private:
    std::string m_all;
    std::vector<std::string> m_texts;
};

} // namespace

std::string_view to_string(HitKind kind) {
    switch (kind) {
    case HitKind::intro:
        return "intro";
    case HitKind::step:
        return "step";
    case HitKind::closing:
        return "closing";
    case HitKind::supplement:
        break;
    }
    return "supplement";
}

std::vector<SearchHit> search_content(ContentStore& store, const std::vector<std::string>& words) {
    std::vector<std::string> wanted;
    for (const auto& word : words)
        if (!word.empty()) wanted.push_back(to_lower_ascii(word));
    std::vector<SearchHit> hits;
    if (wanted.empty()) return hits;

    auto consider = [&](const Unit& unit, SearchHit hit) {
        if (!unit.matches(wanted)) return;
        hit.text = unit.best_text(wanted);
        hits.push_back(std::move(hit));
    };

    const GuideDoc* guide = store.guide();
    if (guide != nullptr) {
        const Intro& intro = guide->intro;
        Unit about;
        about.add(intro.summary);
        about.add(intro.what_it_is);
        about.add(intro.sensations);
        about.add(intro.movement);
        about.add(intro.prevalence);
        about.add(intro.causes_intro);
        consider(about, {HitKind::intro, "intro", 0, guide->title, "Introduction", {}});
        for (const auto& cause : intro.causes) {
            Unit unit;
            unit.add(cause.title);
            unit.add(cause.text);
            consider(unit, {HitKind::intro, "intro", 0, guide->title, cause.title, {}});
        }
    }
    for (const Step* step : store.steps()) {
        Unit head;
        head.add(step->title);
        head.add(step->summary);
        head.add(step->aliases);
        consider(head, {HitKind::step, step->id, step->number, step->title, step->title, {}});
        for (const auto& section : step->sections) {
            Unit unit;
            unit.add(section.title);
            unit.add(section.text);
            unit.add(section.items);
            unit.add(section.avoid);
            consider(unit, {HitKind::step, step->id, step->number, step->title, section.title, {}});
        }
    }
    if (guide != nullptr) {
        Unit unit;
        unit.add(guide->closing.text);
        unit.add(guide->closing.pillars);
        consider(unit, {HitKind::closing, "closing", 0, guide->title, "Final thoughts", {}});
    }
    for (const Supplement* s : store.supplements()) {
        Unit unit;
        unit.add(s->name);
        unit.add(s->aliases);
        unit.add(s->benefit);
        unit.add(s->why);
        unit.add(s->condition);
        unit.add(s->tests);
        unit.add(s->target);
        for (const auto& form : s->forms) {
            unit.add(form.name);
            unit.add(form.note);
        }
        unit.add(s->other_forms);
        unit.add(s->dose);
        unit.add(s->timing);
        unit.add(s->how_to_use);
        unit.add(s->food_sources);
        for (const auto* list : {&s->pairs_with, &s->avoid_with})
            for (const auto& item : *list) {
                unit.add(item.name.empty() ? item.id : item.name);
                unit.add(item.why);
            }
        for (const auto& caution : s->cautions)
            unit.add(caution.text);
        unit.add(s->evidence);
        consider(unit, {HitKind::supplement, s->id, 0, s->name, s->name, {}});
    }
    return hits;
}

std::string snippet(const std::string& text, const std::vector<std::string>& words, int width) {
    if (width < 8) width = 8;
    const std::string lower = to_lower_ascii(text);
    std::size_t at = std::string::npos;
    for (const auto& word : words)
        if (!word.empty()) at = std::min(at, find_at_word_start(lower, to_lower_ascii(word)));
    const auto budget = static_cast<std::size_t>(width);
    if (text.size() <= budget) return text;
    std::size_t start = 0;
    if (at != std::string::npos && at > budget / 3) start = at - budget / 3;
    // Start and end on a space so no word (or UTF-8 character) is cut.
    if (start > 0) {
        const std::size_t space = text.rfind(' ', start);
        start = space == std::string::npos ? 0 : space + 1;
    }
    std::size_t end = std::min(text.size(), start + budget - 2);
    if (end < text.size()) {
        const std::size_t space = text.rfind(' ', end);
        if (space != std::string::npos && space > start) end = space;
    }
    std::string out = (start > 0 ? "…" : "") + text.substr(start, end - start);
    if (end < text.size()) out += "…";
    return out;
}

} // namespace calmlegs
