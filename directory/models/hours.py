"""Structured opening hours: ranges per weekday, holidays, and "open now" in the portal's time.

A range whose closing time is not after its opening time runs past midnight (22:00-02:00 on
Friday covers Friday night and the small hours of Saturday). Times are wall-clock times in
`settings.TIME_ZONE`, so daylight-saving changes need no special handling.
"""

from django.db import models
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
