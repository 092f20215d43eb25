#pragma once

#include "content/store.h"

#include <string>
#include <string_view>
#include <vector>

namespace calmlegs {

/// The part of the content a search hit is in.
enum class HitKind { intro, step, closing, supplement };

/// The JSON spelling of a hit's kind: "intro", "step", "closing" or "supplement".
std::string_view to_string(HitKind kind);

/// One place in the content that mentions every searched word.
struct SearchHit {
    HitKind kind = HitKind::step;
    std::string id;    ///< step or supplement id ("intro", "closing" for those)
    int number = 0;    ///< the step number; 0 for the others
    std::string title; ///< the step's or entry's title
    std::string where; ///< the section or field that matched
    std::string text;  ///< the matching text, whole (callers cut a snippet)
};

/// Finds every section of the guide and every field of a supplement that contains all of
/// `words`, each at the start of a word ("tea" finds "teas", not "instead"), ignoring case;
/// one hit per section or entry, in guide order, then by id.
std::vector<SearchHit> search_content(ContentStore& store, const std::vector<std::string>& words);

/// A piece of `text` at most `width` bytes long around the first occurrence of any of `words`,
/// cut at spaces, with "…" where it was cut.
std::string snippet(const std::string& text, const std::vector<std::string>& words, int width);

} // namespace calmlegs
