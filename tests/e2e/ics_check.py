"""Checks an iCalendar file of `calmlegs schedule --ics` with a real parser, Debian's
python3-icalendar, against what `calmlegs --json schedule` says of the same day.

Usage: /usr/bin/python3 ics_check.py FILE ZONE SCHEDULE_JSON [WEEKEND_BEDTIME WEEKEND_DAYS]

- the file's bytes: CRLF line endings, no line longer than 75 octets, each physical line whole
  UTF-8 (a fold never splits a character);
- the calendar: VERSION 2.0, PRODID, CALSCALE GREGORIAN, METHOD PUBLISH, one VTIMEZONE whose
  TZID is ZONE, and one VEVENT per reminder (two with a weekend bedtime, for those counted
  from bedtime), each with a UID, DTSTAMP, DTSTART in ZONE at the reminder's local time, a
  recurrence, the title as SUMMARY, the text (doses, command) as DESCRIPTION once the parser
  has unfolded and unescaped it, and a display alarm;
- the VTIMEZONE, read by icalendar itself (Timezone.to_tz), gives the tz database's own UTC
  offset every three hours from the year before the first event to the end of 2037.
Prints each failure and exits 1 when there is any.
"""
import json
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import icalendar

path, zone_name, schedule_path = sys.argv[1], sys.argv[2], sys.argv[3]
weekend_bedtime = sys.argv[4] if len(sys.argv) > 4 else None
weekend_days = sys.argv[5] if len(sys.argv) > 5 else None
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print(f"FAIL ({zone_name}): {message}", file=sys.stderr)


raw = open(path, "rb").read()
check(raw.endswith(b"\r\n"), "the file does not end with CRLF")
lines = raw.split(b"\r\n")[:-1]
check(b"\n" not in raw.replace(b"\r\n", b""), "a line ends in a bare LF")
for number, line in enumerate(lines, 1):
    check(len(line) <= 75, f"line {number} is {len(line)} octets long")
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        check(False, f"line {number} is not whole UTF-8 (a fold split a character)")

calendar = icalendar.Calendar.from_ical(raw)
check(str(calendar.get("VERSION")) == "2.0", "VERSION is not 2.0")
check(str(calendar.get("PRODID", "")).startswith("-//calmlegs//"), "no calmlegs PRODID")
check(str(calendar.get("CALSCALE")) == "GREGORIAN", "CALSCALE is not GREGORIAN")
check(str(calendar.get("METHOD")) == "PUBLISH", "METHOD is not PUBLISH")

zones = calendar.walk("VTIMEZONE")
check(len(zones) == 1, f"{len(zones)} VTIMEZONE components, not one")
check(zones and str(zones[0]["TZID"]) == zone_name, "the VTIMEZONE's TZID is not " + zone_name)

schedule = json.load(open(schedule_path, encoding="utf-8"))
reminders = {r["id"]: r for r in schedule["reminders"]}
events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
bedtime_ids = {"ashwagandha", "screens", "wind-down", "magnesium", "cool-room", "lights-out"}


WEEK = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]


def on_day(text):
    """HH:MM as minutes from the midnight that starts its reminder day (noon to noon)."""
    hours, mins = text.split(":")
    value = int(hours) * 60 + int(mins)
    return value if value >= 12 * 60 else value + 24 * 60


def event_of(day_minutes, evenings):
    """(HH:MM, RRULE) of an event at `day_minutes` on the `evenings`: a time after midnight
    falls on the next day of the week."""
    later, clock = divmod(day_minutes, 24 * 60)
    days = {WEEK[(WEEK.index(d) + later) % 7] for d in evenings}
    return f"{clock // 60:02}:{clock % 60:02}", "FREQ=WEEKLY;BYDAY=" + ",".join(
        d for d in WEEK if d in days)


expected = {}  # uid: (HH:MM, recurrence)
for rid, reminder in reminders.items():
    if weekend_bedtime is None or rid not in bedtime_ids:
        expected[rid + "@calmlegs"] = (reminder["time"], "FREQ=DAILY")
        continue
    weekend = weekend_days.split(",")
    shift = on_day(weekend_bedtime) - on_day(schedule["bedtime"])
    expected[rid + "@calmlegs"] = event_of(on_day(reminder["time"]),
                                           [d for d in WEEK if d not in weekend])
    expected[rid + "-weekend@calmlegs"] = event_of(on_day(reminder["time"]) + shift, weekend)

check(sorted(events) == sorted(expected),
      f"the events are {sorted(events)}, not one per reminder: {sorted(expected)}")
for uid, (time, rule) in expected.items():
    event = events.get(uid)
    if event is None:
        continue
    start = event["DTSTART"]
    check(start.params.get("TZID") == zone_name, f"{uid}: DTSTART's TZID is not {zone_name}")
    check(start.dt.strftime("%H:%M") == time,
          f"{uid}: starts at {start.dt.strftime('%H:%M')}, not at {time}")
    check(event["RRULE"].to_ical().decode() == rule,
          f"{uid}: recurs {event['RRULE'].to_ical().decode()}, not {rule}")
    check("DTSTAMP" in event and str(event["DTSTAMP"].to_ical().decode()).endswith("Z"),
          f"{uid}: no DTSTAMP in UTC")
    reminder = reminders[uid.split("@")[0].removesuffix("-weekend")]
    check(str(event.get("SUMMARY")) == reminder["title"], f"{uid}: SUMMARY is not the title")
    # Unfolded and unescaped by the parser, the text comes back whole.
    # (The JSON's dose_note comes under the doses when there are any.)
    description = "\n".join([reminder["text"]] + reminder["doses"] +
                            ([reminder["dose_note"]] if reminder["doses"] else []) +
                            (["Run: " + reminder["command"]] if reminder["command"] else []))
    check(str(event.get("DESCRIPTION")) == description,
          f"{uid}: DESCRIPTION reads back as {str(event.get('DESCRIPTION'))!r}")
    alarms = event.walk("VALARM")
    check(len(alarms) == 1 and str(alarms[0]["ACTION"]) == "DISPLAY",
          f"{uid}: no display alarm")

# The VTIMEZONE as icalendar reads it against the tz database, up to icalendar's horizon.
if zones:
    ics_zone = zones[0].to_tz()
    real_zone = ZoneInfo(zone_name)
    first = min((e["DTSTART"].dt for e in events.values()), default=None)
    if first is not None:
        at = datetime(first.year - 1, 1, 1, tzinfo=timezone.utc)
        end = datetime(2037, 12, 31, tzinfo=timezone.utc)
        wrong = 0
        while at < end:
            ours, real = at.astimezone(ics_zone).utcoffset(), at.astimezone(real_zone).utcoffset()
            if ours != real and wrong < 5:
                check(False, f"at {at:%Y-%m-%d %H:%M}Z the VTIMEZONE says {ours}, not {real}")
                wrong += 1
            at += timedelta(hours=3)

if failures:
    sys.exit(1)
print(f"ok: {path}: {len(events)} events, VTIMEZONE {zone_name} agrees with the tz database")
