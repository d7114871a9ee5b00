"""Structured opening hours: ranges per weekday, holidays, and "open now" in the portal's time.

A range whose closing time is not after its opening time runs past midnight (22:00-02:00 on
Friday covers Friday night and the small hours of Saturday). Times are wall-clock times in
`settings.TIME_ZONE`, so daylight-saving changes need no special handling: "open now" is
computed on local dates and times, which is what a reader in Seattle means by it. A holiday
closes the ranges that *start* on that date.
"""

import re
from datetime import time, timedelta

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
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


# --- The editor's form: times as people write them, and the same hours on other days ---------
NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0)}
# "9", "9am", "9 a.m.", "5:30pm", "5.30 pm", "17:00", "1700", "9h30"
CLOCK_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2})|(?P<compact>\d{2}))?"
    r"\s*(?:(?P<half>[ap])\.?\s*m\.?)?$"
)


def parse_time_of_day(text):
    """The time an editor means by `text` ("5pm", "5:30 pm", "noon", "17:00"), or None."""
    text = " ".join(text.lower().split())
    if text in NAMED_TIMES:
        return NAMED_TIMES[text]
    match = CLOCK_TIME.match(text)
    if not match:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or match["compact"] or 0)
    if match["half"]:  # 12-hour clock: 12am is midnight, 12pm is noon
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


class TimeOfDayField(forms.TimeField):
    """A time typed as people say it: "5pm", "5 pm", "5:30pm", "noon" or "17:00"."""

    default_error_messages = {
        "invalid": _("Enter a time such as 9am, 5:30pm, noon or 17:00."),
    }

    def __init__(self, *, example, **kwargs):
        attrs = {"placeholder": example, "autocomplete": "off"}
        super().__init__(widget=forms.TimeInput(format="%H:%M", attrs=attrs), **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            parsed = parse_time_of_day(value)
            if parsed is None:
                raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
            return parsed
        return super().to_python(value)


class OpeningHoursForm(WagtailAdminModelForm):
    opens = TimeOfDayField(label=capfirst(_("opens at")), example=_("e.g. 9am"))
    closes = TimeOfDayField(
        label=capfirst(_("closes at")),
        example=_("e.g. 5:30pm"),
        help_text=_("A closing time earlier than the opening time means after midnight."),
    )
    copy_to = forms.TypedMultipleChoiceField(
        label=_("Same hours on"),
        choices=OpeningHours.WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Saving adds these hours on each day ticked."),
    )


class OpeningHoursFormSet(BaseChildFormSet):
    """Saves the rows, then one more row for each day ticked under "Same hours on" (unless
    that day already has those hours): the copies are ordinary rows from then on."""

    def save(self, commit=True):
        saved = super().save(commit=False)
        manager = getattr(self.instance, self.rel_name)
        kept = [form for form in self.forms if form.has_changed() or form.instance.pk]
        kept = [form for form in kept if not self._should_delete_form(form)]
        have = {(hours.weekday, hours.opens, hours.closes) for hours in manager.all()}
        copies = []
        for form in kept:
            row = form.instance
            for day in form.cleaned_data.get("copy_to", []):
                if (day, row.opens, row.closes) not in have:
                    have.add((day, row.opens, row.closes))
                    copies.append(OpeningHours(weekday=day, opens=row.opens, closes=row.closes))
        manager.add(*copies)
        if commit:
            manager.commit()
        return saved + copies


class OpeningHoursPanel(InlinePanel):
    """The opening hours rows, each with "Same hours on" weekday boxes to copy it."""

    @property
    def panel_definitions(self):
        return [*OpeningHours.panels, FieldPanel("copy_to")]

    def get_form_options(self):
        options = super().get_form_options()
        formset = options["formsets"][self.relation_name]
        formset.update(form=OpeningHoursForm, formset=OpeningHoursFormSet)
        return options


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
