#include "content/config_starter.h"

namespace calmlegs {

std::string_view config_starter() {
    // ASCII only, so that any editor shows it as it is. Explanations never start with
    // "word = " or "[": those lines are the settings.
    return R"(# calmlegs settings: a starter file written by `calmlegs config --init`.
# Every setting is here, commented out, with its default (or an example where there is
# none). Remove the "# " before a setting to use it. See what is in effect with
# `calmlegs config`; each setting is explained in `man calmlegs-config`.

[cues]
# Ring the terminal bell during a routine: true (at each step, side and breath), false,
# or a list of the cues to ring at, from "step", "side", "breath" and "rep".
# bell = true
# A program that speaks each cue, run with the cue's text as its last argument (never
# through a shell). Default: none.
# command = ["espeak-ng", "-s", "130"]
# Keep the screen from blanking while a full-screen routine runs (where the desktop
# offers a way: systemd-inhibit).
# keep_awake = true

[plan]
# The supplements you take, by id or name. The guide's stack (step 8) is magnesium, iron
# (only when a blood test shows low ferritin), vitamin D3 + K2, ashwagandha, and valerian
# or passionflower. Default: not set, and routines ask "if it is part of your plan".
# supplements = ["magnesium", "vitamin-d", "ashwagandha", "valerian"]

[me]
# What applies to you, for `calmlegs plan check`: such as pregnancy, kidney-disease or
# medicines (you take other medicines); `man calmlegs-config` lists them all. Default: none.
# conditions = ["medicines"]

[schedule]
# When you go to bed, as "HH:MM" on the 24-hour clock: the evening reminders count back
# from it.
# bedtime = "22:30"
# When you get up: the morning reminders come then. Default: not set, and they come at
# their own times.
# wake = "06:45"

# Other times for the weekend: the nights that start on the evenings of these days.
# [schedule.weekend]
# bedtime = "23:30"
# wake = "08:00"
# days = ["friday", "saturday"]

[reminders]
# Shipped reminders to turn off, by id (`calmlegs schedule --all` lists them). Default: none.
# off = ["caffeine"]

# Your own reminders, as many as you like. Each has an id, a text and one time: a clock
# time (at), minutes before bedtime (before_bedtime), or minutes after waking (after_wake,
# with at for the days without a wake time). Optional: a title, a calmlegs command to
# suggest, the guide steps it comes from, and supplements (then it comes only when one of
# them is in your plan, with its dose).
# [[reminders.own]]
# id = "walk"
# title = "Daily walk"
# text = "A walk today: the guide prefers moderate daily movement to a late, hard workout."
# at = "16:00"
# steps = [7]

# [[reminders.own]]
# id = "chamomile-tea"
# title = "Chamomile tea"
# text = "A cup of chamomile tea: the guide suggests one or two cups each night."
# command = "calmlegs supplement chamomile"
# before_bedtime = 90
# supplements = ["chamomile"]

# [[reminders.own]]
# id = "morning-stretch"
# text = "Stretch your calves before the day starts."
# command = "calmlegs stretch"
# after_wake = 15
# at = "07:15"
# steps = [3]

[journal]
# Record each routine run (how far it got, how it ended) in the journal by itself:
# `calmlegs history` shows them. false: never (--no-journal does it for one run).
# record_runs = true
# Your own triggers, besides the guide's (caffeine, alcohol, sugar, late-exercise,
# sitting, stress, screens, gluten, dairy, nightshades, sweeteners), to log with
# `calmlegs log --trigger "cold feet"`. Default: none.
# triggers = ["cold feet", "long drive"]
)";
}

} // namespace calmlegs
