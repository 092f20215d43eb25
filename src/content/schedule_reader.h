#pragma once
// Internal to the loader: the fields a reminder is written with, the same in the content's
// schedule.toml and in the config's [[reminders.own]].

#include "content/schedule_model.h"
#include "content/toml_reader.h"

namespace calmlegs {

/// Reads title, text, command, supplements, steps and the time (exactly one of `at` and
/// `before_bedtime`; `after_wake` with `at` for the days without a wake time) into `item`.
/// `title` is optional when `title_optional` (the person's own reminders: the text stands in).
void read_schedule_item(FieldReader& fields, ScheduleItem& item, bool title_optional);

} // namespace calmlegs
