#include "content/names.h"

#include <algorithm>
#include <numeric>

namespace calmlegs {

std::string normalize_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (char ch : name) {
        auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            out.push_back(ch);
    }
    return out;
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string> split_words(const std::vector<std::string>& arguments) {
    std::vector<std::string> words;
    for (const auto& argument : arguments) {
        std::string word;
        for (char c : argument) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                if (!word.empty()) words.push_back(std::move(word));
                word.clear();
            } else {
                word.push_back(c);
            }
        }
        if (!word.empty()) words.push_back(std::move(word));
    }
    return words;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += separator;
        out += items[i];
    }
    return out;
}

std::string quote(std::string_view text) {
    return "\"" + std::string(text) + "\"";
}

std::string join_words(const std::vector<std::string>& arguments) {
    return join(split_words(arguments), " ");
}

std::vector<std::string> name_marks(std::string_view name) {
    std::vector<std::string> marks;
    std::string word;
    bool has_digit = false;
    auto finish = [&] {
        if (!word.empty() && (word.size() <= 2 || has_digit)) marks.push_back(word);
        word.clear();
        has_digit = false;
    };
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') {
            word.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if ((c >= 'a' && c <= 'z') || c >= 0x80) {
            word.push_back(ch);
        } else if (c >= '0' && c <= '9') {
            word.push_back(ch);
            has_digit = true;
        } else {
            finish();
        }
    }
    finish();
    return marks;
}

int edit_distance(std::string_view a, std::string_view b) {
    // Three rolling rows are enough for the optimal-string-alignment recurrence.
    const std::size_t n = b.size();
    std::vector<int> before(n + 1), previous(n + 1), current(n + 1);
    std::iota(previous.begin(), previous.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (std::size_t j = 1; j <= n; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[n];
}

int typo_allowance(std::string_view normalized_word) {
    const std::size_t length = normalized_word.size();
    if (length < 4) return 0;
    if (length < 8) return 1;
    return 2;
}

std::optional<std::string>
nearest_name(std::string_view word, const std::vector<std::string>& candidates, int max_distance) {
    const std::string wanted = normalize_name(word);
    std::optional<std::string> best;
    int best_distance = max_distance + 1;
    for (const auto& candidate : candidates) {
        const std::string normal = normalize_name(candidate);
        // The lengths alone put it too far: skipped unmeasured, since measuring takes the
        // product of the lengths (a 10 MB unknown key against each key name took minutes).
        const auto longer = std::max(wanted.size(), normal.size());
        if (longer - std::min(wanted.size(), normal.size()) >
            static_cast<std::size_t>(std::max(max_distance, 0)))
            continue;
        const int distance = edit_distance(wanted, normal);
        if (distance < best_distance) {
            best_distance = distance;
            best = candidate;
        }
    }
    return best;
}

std::string id_from_name(std::string_view name) {
    std::string id;
    bool in_word = false;
    for (char ch : name) {
        const std::string kept = normalize_name(std::string_view(&ch, 1));
        if (kept.empty()) {
            in_word = false;
            continue;
        }
        if (!in_word && !id.empty()) id.push_back('-');
        id += kept;
        in_word = true;
    }
    return id;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char previous = 0;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

} // namespace calmlegs
