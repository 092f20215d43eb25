#include "content/parse.h"
#include "content/schedule_reader.h"

namespace calmlegs {

void read_schedule_item(FieldReader& fields, ScheduleItem& item, bool title_optional) {
    item.title = fields.string("title", title_optional ? Presence::optional : Presence::required);
    item.text = fields.string("text", Presence::required);
    if (item.title.empty()) item.title = item.text;
    item.command = fields.string("command", Presence::optional);
    // "calmlegs" as a word: "calmlegsd tonight" is another program.
    if (!item.command.empty() && item.command != "calmlegs" &&
        !item.command.starts_with("calmlegs "))
        fields.error_at("command", "'command': expected a calmlegs command line such as "
                                   "\"calmlegs tonight\", found \"" +
                                       item.command + "\"");
    item.supplements = fields.ids("supplements", Presence::optional);
    item.steps = fields.step_numbers("steps", Presence::optional);

    const auto at = fields.local_time("at", Presence::optional);
    const auto before = fields.integer("before_bedtime", Presence::optional, -k_max_offset_minutes,
                                       k_max_offset_minutes);
    const auto after_wake =
        fields.integer("after_wake", Presence::optional, 0, k_max_offset_minutes);
    // A key set but wrong has had its error said already.
    const bool has_at = fields.has("at");
    const bool has_offset = fields.has("before_bedtime") || fields.has("after_wake");
    if (before && (has_at || after_wake)) {
        fields.error_at("before_bedtime", "'before_bedtime': give either it or 'at' and "
                                          "'after_wake', not both");
    } else if (before) {
        item.time = {Anchor::bedtime, {}, *before};
    } else if (after_wake) {
        if (!at && !has_at)
            fields.error_at("after_wake", "'after_wake': also give 'at', the time used on days "
                                          "without a wake time in the config");
        item.time = {Anchor::wake, at.value_or(LocalTime{}), *after_wake};
    } else if (at) {
        item.time = {Anchor::clock, *at, 0};
    } else if (!has_at && !has_offset) {
        fields.error("expected 'at = \"HH:MM\"' or 'before_bedtime = MINUTES': when the "
                     "reminder fires");
    }
}

} // namespace calmlegs
