"""When a listing's "open now" badge next changes, so a cached copy can expire right then.

Every opening or closing time in the coming eight days is a moment the badge may flip; so is
midnight for a listing closed on holidays (tomorrow may be one). The earliest is a safe bound:
at worst the page is fetched again at a moment the badge did not change after all.
"""

import math
from datetime import datetime, timedelta

from django.utils import timezone


def seconds_until_hours_change(listing, now=None):
    """Seconds from `now` until the listing's open/closed state may change; None without hours."""
    ranges = list(listing.opening_hours.all())
    if not ranges:
        return None
    now = timezone.localtime(now or timezone.now())
    today = now.date()
    moments = []
    for offset in range(8):
        day = today + timedelta(days=offset)
        for hours in ranges:
            if hours.weekday != day.weekday():
                continue
            moments.append(local_moment(day, hours.opens))
            closing_day = day + timedelta(days=1) if hours.crosses_midnight else day
            moments.append(local_moment(closing_day, hours.closes))
    if listing.closed_on_holidays:
        moments.append(local_moment(today + timedelta(days=1), datetime.min.time()))
    upcoming = [moment for moment in moments if moment > now]
    if not upcoming:
        return None
    return max(1, math.ceil((min(upcoming) - now).total_seconds()))


def local_moment(day, time):
    """`time` on `day` on Seattle's wall clock (TIME_ZONE), as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time))
