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

} // namespace

SupplementView build_supplement_view(ContentStore& store, const Supplement& supplement,
                                     std::optional<FormMatch> form) {
    SupplementView view{supplement, std::move(form), {}, {}, {}, {}};
    view.pairs_with = name_pairings(store, supplement, "pairs_with", supplement.pairs_with);
    view.avoid_with = name_pairings(store, supplement, "avoid_with", supplement.avoid_with);
    cite(store, supplement.references, view.citations);
    view.safety_note = note_text(store, k_note_safety);
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
    StepView view{step, static_cast<int>(store.step_numbers().size()), {}, {}, {}};
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
