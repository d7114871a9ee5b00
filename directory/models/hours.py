"""Structured opening hours: ranges per weekday, holidays, and "open now" in the portal's time.

A range whose closing time is not after its opening time runs past midnight (22:00-02:00 on
Friday covers Friday night and the small hours of Saturday). Times are wall-clock times in
`settings.TIME_ZONE`, so daylight-saving changes need no special handling: "open now" is
computed on local dates and times, which is what a reader in Seattle means by it. A holiday
closes the ranges that *start* on that date.
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class OpeningHours(Orderable):
    """One opening range on one weekday; several per day are allowed (e.g. 9-12 and 14-17)."""

    WEEKDAY_CHOICES = sorted(WEEKDAYS.items())  # Monday is 0, as in Python's date.weekday()

    page = ParentalKey(
        "directory.ListingPage", related_name="opening_hours", on_delete=models.CASCADE
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(
        _("closes at"),
        help_text=_("A closing time earlier than the opening time means after midnight."),
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"

    @property
    def crosses_midnight(self):
        return self.closes <= self.opens


class Holiday(models.Model):
    """A day on which listings marked "closed on holidays" are closed, kept by editors."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=100, help_text=_("E.g. 'Thanksgiving'."))

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.name} ({self.date:%Y-%m-%d})"


OPEN = "open"
CLOSED = "closed"


def open_status(ranges, closed_on_holidays=False, at=None):
    """OPEN or CLOSED at `at` (default: now) for these opening ranges; None when there are
    none, because we don't guess."""
    ranges = list(ranges)
    if not ranges:
        return None
    local = timezone.localtime(at or timezone.now())
    today, now = local.date(), local.time()
    yesterday = today - timedelta(days=1)
    holidays = set()
    if closed_on_holidays:
        dates = Holiday.objects.filter(date__in=[today, yesterday])
        holidays = set(dates.values_list("date", flat=True))

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


def hours_by_day(ranges):
    """[(weekday label, [ranges])] for the seven days, Monday first, for display."""
    ranges = sorted(ranges, key=lambda h: (h.weekday, h.opens))
    return [
        (label, [h for h in ranges if h.weekday == day])
        for day, label in OpeningHours.WEEKDAY_CHOICES
    ]
