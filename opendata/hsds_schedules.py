"""A listing's opening hours as HSDS 3.0 schedules (RFC 5545 terms: freq WEEKLY, byday).

HSDS reads a time without an offset as UTC, and gives a schedule's `timezone` as a number: the
UTC offset. The portal's hours are wall-clock times in settings.TIME_ZONE (America/Los_Angeles),
whose offset changes with daylight saving time, so each export gives the offset in effect on
the day it is made (-8 in winter, -7 in summer), on the times too (`09:00-08:00`), and names the
zone in the description. A schedule's id does not depend on the offset.

Weekly hours repeat every week: RFC 5545's default interval (1), so no `interval` is sent,
and with it no `dtstart` (HSDS needs one only to anchor an interval; any date we gave would be
invented). Holidays a listing closes on are schedules of their own, one per date, valid from
and to that date with no opening time, described as a closure; the weekly schedules' notes
name them too, for consumers that read only text.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.translation import gettext

from .hsds_records import compact
from .ids import stable_id

RRULE_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def utc_offset(moment=None):
    """settings.TIME_ZONE's UTC offset at `moment` (default: now): (hours as a number, '-08:00')."""
    zone = ZoneInfo(settings.TIME_ZONE)
    offset = (moment or datetime.now(zone)).astimezone(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    hours = minutes / 60
    sign = "-" if minutes < 0 else "+"
    text = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return (int(hours) if hours.is_integer() else hours), text


def schedule_notes(listing, holidays):
    notes = []
    if listing.by_appointment:
        notes.append("By appointment.")
    if listing.call_first:
        notes.append("Call first.")
    if listing.closed_on_holidays and holidays:
        dates = ", ".join(holiday.date.isoformat() for holiday in holidays)
        notes.append(f"Closed on holidays: {dates}.")
    return " ".join(notes)


def weekly(hours, sid, notes, offset):
    hours_number, suffix = offset
    day = RRULE_DAYS[hours.weekday]
    opens, closes = f"{hours.opens:%H:%M}", f"{hours.closes:%H:%M}"
    return compact(
        {
            "id": stable_id("schedule", sid, hours.weekday, opens),
            "service_id": sid,
            "timezone": hours_number,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": day,
            "opens_at": opens + suffix,
            "closes_at": closes + suffix,
            "description": f"{day} {opens}-{closes} ({settings.TIME_ZONE})",
            "notes": notes,
        }
    )


def closure(holiday, sid):
    day = holiday.date.isoformat()
    return {
        "id": stable_id("schedule", sid, "closed", day),
        "service_id": sid,
        "valid_from": day,
        "valid_to": day,
        "description": gettext("Closed: %(holiday)s") % {"holiday": holiday.name},
    }


def schedules(listing, sid, holidays, offset=None):
    """The listing's weekly schedules, then its holiday closures."""
    offset = offset or utc_offset()
    notes = schedule_notes(listing, holidays)
    hours = sorted(listing.export_hours, key=lambda h: (h.weekday, h.opens))
    entries = [weekly(opening, sid, notes, offset) for opening in hours]
    if not entries and (listing.by_appointment or listing.call_first):
        # No fixed hours, but how to get in is still worth exporting.
        entries.append(
            {"id": stable_id("schedule", sid, "notes"), "service_id": sid, "notes": notes}
        )
    if listing.closed_on_holidays:
        entries += [closure(holiday, sid) for holiday in holidays]
    return entries
