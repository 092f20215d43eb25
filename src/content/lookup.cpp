#include "content/lookup.h"

#include "content/names.h"

#include <charconv>

namespace calmlegs {

namespace {

/// Copies a resolution into a look-up's result, with `items` indexed as the keys were.
template <typename Result, typename Item>
void settle(Result& result, const Resolution& resolution, const std::vector<Item>& items) {
    result.status = resolution.status;
    result.match = resolution.match;
    if (resolution.suggestion) result.suggestion = items[*resolution.suggestion];
    if (resolution.status == Resolution::Status::found)
        result.found = items[resolution.entries.front()];
    else if (resolution.status == Resolution::Status::ambiguous)
        for (std::size_t entry : resolution.entries)
            result.candidates.push_back(items[entry]);
}

/// The names of an entry a person may type.
template <typename Entry>
void add_names(std::vector<NameKey>& keys, const Entry& entry, std::size_t index) {
    keys.push_back({entry.id, index});
    keys.push_back({entry.name, index});
    for (const auto& alias : entry.aliases)
        keys.push_back({alias, index});
}

/// A supplement's names, and each of its forms, alone and after its name ("oxide", "magnesium
/// oxide"), marked with the form's variant: its index in forms, then in other_forms.
void add_names(std::vector<NameKey>& keys, const Supplement& s, std::size_t index) {
    add_names<Supplement>(keys, s, index);
    int variant = 0;
    auto add_form = [&](const std::string& form) {
        keys.push_back({form, index, false, variant});
        keys.push_back({s.name + " " + form, index, false, variant});
        ++variant;
    };
    for (const auto& form : s.forms)
        add_form(form.name);
    for (const auto& form : s.other_forms)
        add_form(form);
}

/// The form a variant of `s` stands for (see add_names).
std::optional<FormMatch> form_of(const Supplement& s, int variant) {
    if (variant < 0) return std::nullopt;
    const auto index = static_cast<std::size_t>(variant);
    if (index < s.forms.size()) return FormMatch{s.forms[index].name, s.forms[index].note, true};
    if (index - s.forms.size() < s.other_forms.size())
        return FormMatch{s.other_forms[index - s.forms.size()], {}, false};
    return std::nullopt;
}

/// `query` without its bracketed asides: "iron (if low ferritin)" gives "iron ".
std::string without_asides(std::string_view query) {
    std::string out;
    int depth = 0;
    for (char c : query) {
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if (depth == 0)
            out.push_back(c);
    }
    return out;
}

/// Resolves a query among the entries of a kind into `result`, and returns the variant of the
/// entry that was named (-1 for none). An exact id (ignoring case and punctuation) is opened
/// directly, so the common look-up parses a single file. `more_names` may add keys beyond each
/// entry's own names.
template <typename Entry, typename One, typename All, typename More>
int find(Lookup<Entry>& result, std::string_view query, const std::vector<std::string>& ids,
         One&& one, All&& all_entries, More&& more_names) {
    const std::string wanted = normalize_name(query);
    for (const auto& id : ids) {
        if (normalize_name(id) != wanted) continue;
        if (const Entry* entry = one(id)) {
            result.status = Resolution::Status::found;
            result.found = entry;
            return -1;
        }
        break;
    }
    const std::vector<const Entry*> all = all_entries();
    std::vector<NameKey> keys;
    for (std::size_t i = 0; i < all.size(); ++i)
        add_names(keys, *all[i], i);
    more_names(keys, all);
    Resolution resolution = resolve_name(query, keys);
    // A name copied with its aside, as a table shows it: "iron (if low ferritin)".
    if (resolution.status == Resolution::Status::not_found &&
        query.find_first_of("([") != std::string_view::npos)
        if (Resolution bare = resolve_name(without_asides(query), keys);
            bare.status != Resolution::Status::not_found)
            resolution = std::move(bare);
    settle(result, resolution, all);
    return resolution.variant;
}

const auto k_no_more_names = [](std::vector<NameKey>&, const auto&) {};

} // namespace

SupplementLookup find_supplement(ContentStore& store, std::string_view query) {
    SupplementLookup result;
    const int variant = find<Supplement>(
        result, query, store.supplement_ids(),
        [&](const std::string& id) { return store.supplement(id); },
        [&] { return store.supplements(); },
        [&](std::vector<NameKey>& keys, const std::vector<const Supplement*>& all) {
            // The labels of the stack table: "Valerian or Passionflower" names both entries.
            for (const StackRow& row : store.stack())
                for (const Ref& ref : row.supplements)
                    for (std::size_t i = 0; i < all.size(); ++i)
                        if (all[i]->id == ref.id) keys.push_back({row.label, i, true});
        });
    if (result.found != nullptr) result.form = form_of(*result.found, variant);
    return result;
}

Lookup<Medicine> find_medicine(ContentStore& store, std::string_view query) {
    Lookup<Medicine> result;
    find<Medicine>(
        result, query, store.medicine_ids(),
        [&](const std::string& id) { return store.medicine(id); },
        [&] { return store.medicines(); },
        [](std::vector<NameKey>& keys, const std::vector<const Medicine*>& all) {
            for (std::size_t i = 0; i < all.size(); ++i)
                keys.push_back({all[i]->group, i, true});
        });
    return result;
}

Lookup<Routine> find_routine(ContentStore& store, std::string_view query) {
    Lookup<Routine> result;
    find<Routine>(
        result, query, store.routine_ids(),
        [&](const std::string& id) { return store.routine(id); }, [&] { return store.routines(); },
        k_no_more_names);
    return result;
}

Lookup<BreathingPattern> find_pattern(ContentStore& store, std::string_view query) {
    Lookup<BreathingPattern> result;
    find<BreathingPattern>(
        result, query, store.pattern_ids(),
        [&](const std::string& id) { return store.pattern(id); }, [&] { return store.patterns(); },
        k_no_more_names);
    return result;
}

Lookup<Trigger> find_trigger(ContentStore& store, std::string_view query) {
    return find_trigger(store.triggers(), query);
}

Lookup<Trigger> find_trigger(const std::vector<Trigger>& triggers, std::string_view query) {
    Lookup<Trigger> result;
    std::vector<const Trigger*> all;
    std::vector<NameKey> content_keys, own_keys;
    for (const Trigger& trigger : triggers) {
        const std::size_t index = all.size();
        all.push_back(&trigger);
        add_names(trigger.own ? own_keys : content_keys, trigger, index);
    }
    // The content's names come first: an own trigger never hides one of the guide's.
    Resolution resolution = resolve_name(query, content_keys);
    if (resolution.status == Resolution::Status::not_found ||
        resolution.match != MatchKind::exact) {
        for (auto& key : own_keys)
            key.exact_only = true;
        Resolution own = resolve_name(query, own_keys);
        if (own.status != Resolution::Status::not_found) {
            resolution = std::move(own);
        } else {
            // Then a prefix or a misspelling of any name, the person's own too.
            for (auto& key : own_keys)
                key.exact_only = false;
            content_keys.insert(content_keys.end(), own_keys.begin(), own_keys.end());
            resolution = resolve_name(query, content_keys);
        }
    }
    settle(result, resolution, all);
    return result;
}

GuideLookup find_guide_part(ContentStore& store, std::string_view query) {
    GuideLookup result;
    // "4", and "step 4" (or "step4") as the guide's own pages name it; not "step -1".
    std::string_view digits = query;
    if (const std::string lower = to_lower_ascii(query); lower.starts_with("step")) {
        const std::size_t start = lower.find_first_not_of(' ', 4);
        if (start != std::string::npos) digits = query.substr(start);
    }
    int number = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error == std::errc() && end == digits.data() + digits.size()) {
        if (const Step* step = store.step(number)) {
            result.status = Resolution::Status::found;
            result.found = {GuidePart::Kind::step, step};
        }
        return result;
    }
    if (is_valid_id(query)) {
        if (const Step* step = store.step(query)) {
            result.status = Resolution::Status::found;
            result.found = {GuidePart::Kind::step, step};
            return result;
        }
    }

    std::vector<GuidePart> parts = {{GuidePart::Kind::intro, nullptr},
                                    {GuidePart::Kind::closing, nullptr}};
    std::vector<NameKey> keys = {{"intro", 0},
                                 {"introduction", 0},
                                 {"what is rls", 0},
                                 {"closing", 1},
                                 {"final thoughts", 1}};
    for (const Step* step : store.steps()) {
        const std::size_t index = parts.size();
        parts.push_back({GuidePart::Kind::step, step});
        keys.push_back({step->id, index});
        keys.push_back({step->title, index});
        for (const auto& alias : step->aliases)
            keys.push_back({alias, index});
        // Its sections' titles too, typed in full, so "iron" or "lavender" opens the step
        // that covers it, while a prefix ("breath") stays the step's own.
        for (const auto& section : step->sections)
            keys.push_back({section.title, index, true});
    }
    Resolution resolution = resolve_name(query, keys);
    // Nothing else fits: a prefix or misspelling of a section's title ("valerian" for
    // "Valerian root").
    if (resolution.status == Resolution::Status::not_found) {
        for (auto& key : keys)
            key.exact_only = false;
        if (Resolution by_section = resolve_name(query, keys);
            by_section.status != Resolution::Status::not_found)
            resolution = std::move(by_section);
    }
    settle(result, resolution, parts);
    return result;
}

} // namespace calmlegs
