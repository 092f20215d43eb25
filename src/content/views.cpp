#include "content/views.h"

#include "content/names.h"

#include <algorithm>

namespace calmlegs {
namespace {

std::vector<NamedPairing> name_pairings(ContentStore& store, const Supplement& s,
                                        std::string_view field, const std::vector<Pairing>& items) {
    std::vector<NamedPairing> named;
    for (const auto& item : items) {
        if (item.id.empty()) {
            named.push_back({{}, item.name, item.why});
            continue;
        }
        const std::size_t problems_before = store.diagnostics().size();
        if (const Supplement* other = store.supplement(item.id)) {
            named.push_back({item.id, other->name, item.why});
            continue;
        }
        // A broken entry has said what is wrong with it; a missing one is this entry's problem.
        if (store.diagnostics().size() == problems_before)
            store.diagnostics().error(s.file, item.pos,
                                      "'" + std::string(field) + "' refers to supplement \"" +
                                          item.id + "\", which does not exist");
        named.push_back({item.id, item.id, item.why});
    }
    return named;
}

void cite(ContentStore& store, const std::vector<Ref>& refs, Citations& citations) {
    for (const auto& ref : refs)
        if (const Reference* reference = store.reference(ref.id))
            citations.emplace(ref.id, reference->citation());
}

std::string note_text(ContentStore& store, std::string_view id) {
    const Note* note = store.note(id);
    return note != nullptr ? note->text : std::string();
}

bool at(const std::vector<TimeOfDay>& times, std::optional<TimeOfDay> when) {
    return !when || std::find(times.begin(), times.end(), *when) != times.end();
}

void list_once(std::vector<SourceInfo>& listed, const SourceInfo& info) {
    if (info.citation.empty()) return;
    for (const auto& seen : listed)
        if (seen.id == info.id) return;
    listed.push_back(info);
}

} // namespace

SourceInfo source_info(ContentStore& store, std::string_view id) {
    SourceInfo info{std::string(id), std::nullopt, std::string(id), {}};
    if (id == k_source_guide) {
        info.origin = ReferenceOrigin::guide;
    } else if (const Reference* reference = store.reference(id)) {
        info.origin = reference->origin;
        info.tag = reference->short_tag();
        info.citation = reference->citation();
    }
    return info;
}

SupplementView build_supplement_view(ContentStore& store, const Supplement& supplement,
                                     std::optional<FormMatch> form) {
    SupplementView view{supplement, std::move(form), {}, {}, {}, {}, {}, {}, {}, {}};
    view.pairs_with = name_pairings(store, supplement, "pairs_with", supplement.pairs_with);
    view.avoid_with = name_pairings(store, supplement, "avoid_with", supplement.avoid_with);
    cite(store, supplement.references, view.citations);
    view.safety_note = note_text(store, k_note_safety);
    for (const auto& ref : supplement.references)
        list_once(view.listed, source_info(store, ref.id));
    auto add_source = [&](const SourceRef& source) {
        if (source.id.empty()) return;
        const SourceInfo info = source_info(store, source.id);
        view.sources.emplace(source.id, info);
        list_once(view.listed, info);
    };
    for (const auto& caution : supplement.cautions)
        add_source(caution.source);
    if (supplement.upper_limit) {
        add_source(supplement.upper_limit->source);
        view.dose_max = largest_amount(supplement.dose, supplement.upper_limit->unit);
    }
    const std::vector<std::string> ids =
        supplement.keep_apart.empty() ? std::vector<std::string>{} : store.supplement_ids();
    for (const auto& rule : supplement.keep_apart) {
        add_source(rule.source);
        NamedKeepApart named{{}, rule.hours, rule.source.id};
        for (const auto& thing : rule.from) {
            // A name that is no entry ("tea") is fine as it is written.
            const Supplement* other = std::binary_search(ids.begin(), ids.end(), thing.id)
                                          ? store.supplement(thing.id)
                                          : nullptr;
            named.from.push_back(other != nullptr ? NamedPairing{thing.id, other->name, {}}
                                                  : NamedPairing{{}, thing.id, {}});
        }
        view.keep_apart.push_back(std::move(named));
    }
    if (!supplement.evidence.empty()) add_source(supplement.evidence_source);
    return view;
}

MedicineView build_medicine_view(ContentStore& store, const Medicine& medicine) {
    MedicineView view{medicine, {}, medicine.source == k_source_guide, {}};
    if (!view.from_guide) {
        if (const Reference* reference = store.reference(medicine.source))
            view.citation = reference->citation();
        else
            store.diagnostics().error(medicine.file, medicine.source_pos,
                                      "'source' refers to reference " + quote(medicine.source) +
                                          ", which does not exist");
    }
    view.ask_prescriber = note_text(store, k_note_ask_prescriber);
    if (view.ask_prescriber.empty())
        view.ask_prescriber =
            "Never stop or change a prescribed medicine on your own: ask the prescriber first.";
    return view;
}

StackView build_stack_view(ContentStore& store, std::optional<TimeOfDay> when) {
    StackView view;
    view.when = when;
    for (const auto& row : store.stack())
        if (at(row.when, when)) view.rows.push_back(&row);
    view.safety_note = note_text(store, k_note_safety);
    return view;
}

SupplementListView build_supplement_list_view(ContentStore& store, std::optional<TimeOfDay> when) {
    SupplementListView view;
    view.when = when;
    for (const Supplement* s : store.supplements())
        if (at(s->when, when)) view.supplements.push_back(s);
    view.safety_note = note_text(store, k_note_safety);
    return view;
}

GuideIndexView build_guide_index_view(ContentStore& store) {
    GuideIndexView view;
    view.guide = store.guide();
    view.steps = store.steps();
    view.not_advice = note_text(store, k_note_not_advice);
    return view;
}

StepView build_step_view(ContentStore& store, const Step& step) {
    StepView view{step, static_cast<int>(store.step_numbers().size()),
                  {},   {},
                  {},   note_text(store, k_note_not_advice)};
    cite(store, step.references, view.citations);
    for (const auto& section : step.sections) {
        cite(store, section.references, view.citations);
        if (section.show == "stack" && view.stack.empty())
            for (const auto& row : store.stack())
                view.stack.push_back(&row);
        if (section.show == "medicines" && view.medicines.empty())
            view.medicines = store.medicines();
    }
    return view;
}

IntroView build_intro_view(ContentStore& store, const GuideDoc& guide) {
    IntroView view{guide, {}, note_text(store, k_note_not_advice)};
    for (const auto& cause : guide.intro.causes)
        cite(store, cause.references, view.citations);
    return view;
}

} // namespace calmlegs
