"""Is a listing open at a given moment? Computed on the wall clock of `settings.TIME_ZONE`.

The comparison is done on local dates and times, which is what a reader in Seattle means by
"open now", so a daylight-saving change moves nothing. A range that runs past midnight (closing
time not after opening time) is checked against today's ranges and yesterday's overnight ones;
a holiday closes the ranges that *start* on that date.
"""

from datetime import timedelta

from django.utils import timezone

OPEN = "open"
CLOSED = "closed"


def open_status(listing, at=None):
    """OPEN, CLOSED, or None when the listing has no structured hours (we don't guess)."""
    ranges = list(listing.opening_hours.all())
    if not ranges:
        return None
    local = timezone.localtime(at or timezone.now())
    today, now = local.date(), local.time()
    yesterday = today - timedelta(days=1)
    holidays = _holidays({today, yesterday}) if listing.closed_on_holidays else set()

    for hours in ranges:
        if hours.weekday == today.weekday() and today not in holidays:
            if hours.crosses_midnight and now >= hours.opens:
                return OPEN
            if hours.opens <= now < hours.closes:
                return OPEN
        if hours.weekday == yesterday.weekday() and yesterday not in holidays:
            if hours.crosses_midnight and now < hours.closes:
                return OPEN
    return CLOSED


def _holidays(dates):
    from directory.models import Holiday

    return set(Holiday.objects.filter(date__in=dates).values_list("date", flat=True))


def hours_by_day(listing):
    """[(weekday label, [ranges])] for the seven days, Monday first, for display."""
    from directory.models import OpeningHours

    ranges = sorted(listing.opening_hours.all(), key=lambda h: (h.weekday, h.opens))
    return [
        (label, [h for h in ranges if h.weekday == day])
        for day, label in OpeningHours.WEEKDAY_CHOICES
    ]
