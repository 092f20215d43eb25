#pragma once
// --dry-run: a plan as text (each step with its offset and length, the total) or as JSON
// (the same, with every cue but the countdown ticks).

#include "plan/plan.h"
#include "ui/json.h"
#include "ui/page.h"

#include <string>

namespace calmlegs {

std::string render_plan(const Plan& plan, const RenderOptions& options);
void write_plan_json(JsonWriter& json, const Plan& plan);

} // namespace calmlegs
