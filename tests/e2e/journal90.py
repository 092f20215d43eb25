#!/usr/bin/env python3
"""Writes a 90-night journal in calmlegs' export format (calmlegs-journal, version 1) for
the pictures' end-to-end tests, to be read in with `calmlegs import`.

    journal90.py LAST-NIGHT > journal.json

The nights end with LAST-NIGHT. What they hold is fixed (a seeded generator), and chosen so
that every part of the pictures has something to show:
- every ninth night is not logged at all (a gap), and one night is logged with no severity;
- severity about 6, lower by 2 from night 30 on, when magnesium starts and stays;
- valerian from night 38 (8 nights after magnesium: the two cannot be told apart) to night
  69, then stopped;
- triggers on some nights, among them the person's own trigger "late <b>dinner</b>";
- the wind-down ("tonight") finished on most nights;
- one note is hostile HTML: <script>alert(1)</script> and </svg>.
"""
import datetime
import json
import random
import sys

NIGHTS = 90
MAGNESIUM_FROM = 30
VALERIAN_FROM, VALERIAN_TO = 38, 69
HOSTILE_NOTE = "<script>alert(1)</script> legs </svg> & \"restless\""
OWN_TRIGGER = "late <b>dinner</b>"


def main():
    last = datetime.date.fromisoformat(sys.argv[1])
    first = last - datetime.timedelta(days=NIGHTS - 1)
    rng = random.Random(13)
    nights, runs = [], []
    for i in range(NIGHTS):
        date = first + datetime.timedelta(days=i)
        evening = datetime.datetime.combine(date, datetime.time(21, 30))
        if i % 9 == 4:
            continue  # not logged
        supplements = []
        if i >= MAGNESIUM_FROM:
            supplements.append("magnesium")
        if VALERIAN_FROM <= i <= VALERIAN_TO:
            supplements.append("valerian")
        triggers = []
        if rng.random() < 0.3:
            triggers.append(rng.choice(["caffeine", "alcohol", "stress", "screens"]))
        if i % 11 == 3:
            triggers.append(OWN_TRIGGER)
        severity = 6 - (2 if i >= MAGNESIUM_FROM else 0) + rng.choice([-1, 0, 0, 1])
        note = HOSTILE_NOTE if i == 60 else ("legs ached" if i % 10 == 7 else None)
        stamp = (evening + datetime.timedelta(hours=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
        nights.append({
            "date": date.isoformat(),
            "severity": None if i == 20 else severity,
            "sleep": max(1, min(5, 3 + (1 if i >= MAGNESIUM_FROM else 0) + rng.choice([-1, 0, 1]))),
            "into_bed": None, "minutes_to_sleep": None, "wakings": None, "minutes_awake": None,
            "final_wake": None, "out_of_bed": None,
            "supplements": sorted(supplements),
            "triggers": sorted(triggers),
            "note": note,
            "logged": stamp,
            "updated": stamp,
        })
        if rng.random() < 0.8:
            end = evening + datetime.timedelta(minutes=15)
            runs.append({
                "uid": "journal90-%03d" % i,
                "routine": "tonight",
                "started": evening.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "ended": end.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
                "night": date.isoformat(),
                "steps_total": 8, "steps_done": 8, "steps_skipped": 0,
                "outcome": "finished", "signal": None,
            })
    json.dump({"format": "calmlegs-journal", "version": 1, "nights": nights, "runs": runs},
              sys.stdout, indent=1)


if __name__ == "__main__":
    main()
