#include "content/config.h"

#include "content/toml_reader.h"

#include <algorithm>

namespace calmlegs {
namespace {

/// [cues] bell: true (the default kinds), false (none), or a list of the kinds to ring.
BellCues read_bell(FieldReader& cues) {
    const BellCues defaults;
    const auto names = cues.flag_or_choices("bell", bell_cue_names());
    if (!names) return defaults;
    if (!names->only) return names->on ? defaults : BellCues::none();
    BellCues ring = BellCues::none();
    for (const auto& name : *names->only) {
        ring.step = ring.step || name == "step";
        ring.side = ring.side || name == "side";
        ring.breath = ring.breath || name == "breath";
        ring.rep = ring.rep || name == "rep";
    }
    return ring;
}

} // namespace

const std::vector<std::string>& bell_cue_names() {
    static const std::vector<std::string> names = {"step", "side", "breath", "rep"};
    return names;
}

std::optional<Config> parse_config(std::string_view text, const std::string& file,
                                   Diagnostics& diags) {
    auto root = parse_toml(text, file, diags);
    if (!root) return std::nullopt;
    FieldReader fields(*root, file, diags);
    Config config;
    config.file = file;
    if (const toml::table* cues = fields.table("cues", Presence::optional)) {
        FieldReader cue_fields(*cues, file, diags);
        config.bell = read_bell(cue_fields);
        config.cue_command = cue_fields.strings("command", Presence::optional);
        cue_fields.finish();
    }
    if (const toml::table* plan = fields.table("plan", Presence::optional)) {
        FieldReader plan_fields(*plan, file, diags);
        if (plan->contains("supplements")) {
            // Names as a person types them ("mag", "Vitamin D"): resolve_plan finds their ids.
            const auto names = plan_fields.strings("supplements", Presence::required);
            const auto positions = plan_fields.element_positions("supplements");
            config.plan_supplements.emplace();
            for (std::size_t i = 0; i < names.size() && i < positions.size(); ++i) {
                config.plan_refs.push_back(Ref{names[i], positions[i]});
                config.plan_supplements->push_back(names[i]);
            }
        } else {
            (void)plan_fields.strings("supplements", Presence::optional);
        }
        plan_fields.finish();
    }
    if (const toml::table* me = fields.table("me", Presence::optional)) {
        // The person's conditions, in the cautions' vocabulary: the plan review shows every
        // caution that concerns one of them.
        FieldReader me_fields(*me, file, diags);
        const auto positions = me_fields.element_positions("conditions");
        for (Audience who : me_fields.audiences("conditions", Presence::optional))
            if (who != Audience::everyone &&
                std::find(config.conditions.begin(), config.conditions.end(), who) ==
                    config.conditions.end())
                config.conditions.push_back(who);
        if (const toml::array* raw = (*me)["conditions"].as_array())
            for (std::size_t i = 0; i < raw->size() && i < positions.size(); ++i)
                if (const auto* word = (*raw)[i].as_string(); word && word->get() == "everyone")
                    diags.error(file, positions[i],
                                "'conditions': \"everyone\" is no condition; list only what "
                                "applies to you, such as \"pregnancy\" or \"kidney-disease\"");
        me_fields.finish();
    }
    fields.finish();
    return config;
}

} // namespace calmlegs
