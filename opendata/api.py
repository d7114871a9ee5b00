"""Query parameters of the open-data views, validated by forms before anything is queried.

Bad input gets a 400 with a message saying what was wrong and what is expected, and changes
nothing. The facet filters (need, area, language, kind...) are the directory's own FilterSet
(directory/filters.py); unknown taxonomy values simply match nothing, as in the directory.
"""

from datetime import datetime, time

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


class BadRequest(ValueError):
    """A query parameter the API cannot use; its message is shown to the client."""


class ModifiedAfterField(forms.Field):
    """An ISO 8601 date or date-time; a naive one is read in the portal's time zone."""

    default_error_messages = {
        "invalid": _(
            "modified_after must be an ISO 8601 date or date-time, e.g. 2026-01-31 or "
            "2026-01-31T08:00:00Z; got %(value)r."
        )
    }

    def to_python(self, value):
        raw = (value or "").strip()
        if not raw:
            return None
        # An unencoded "+" in a query string arrives as a space: "...T12:00:00 00:00".
        raw = raw.replace(" ", "+")
        try:
            moment = parse_datetime(raw)
            if moment is None:
                day = parse_date(raw)
                moment = datetime.combine(day, time.min) if day else None
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": raw}
            )
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def whole_number(name, maximum=None):
    messages = {
        "invalid": _("%(name)s must be a whole number from 1 up.") % {"name": name},
        "min_value": _("%(name)s must be a whole number from 1 up.") % {"name": name},
    }
    if maximum:
        messages["max_value"] = _("%(name)s can be at most %(maximum)d.") % {
            "name": name,
            "maximum": maximum,
        }
    return forms.IntegerField(
        required=False, min_value=1, max_value=maximum, error_messages=messages
    )


class ExportForm(forms.Form):
    """?locale= for every export: the language of names and descriptions."""

    locale = forms.CharField(required=False)

    def clean_locale(self):
        code = self.cleaned_data["locale"].strip() or settings.LANGUAGE_CODE
        locale = None
        if code in dict(settings.LANGUAGES):
            # Wagtail's lookup, which a request remembers (home/request_memo.py).
            try:
                locale = Locale.objects.get_for_language(code)
            except (Locale.DoesNotExist, LookupError):
                locale = None
        if locale is None:
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            raise forms.ValidationError(
                _("Unknown locale %(code)r: use one of %(codes)s."),
                params={"code": code, "codes": codes},
            )
        return locale


class ListingsApiForm(ExportForm):
    """The listings API's own parameters (the facet filters are read by the FilterSet)."""

    modified_after = ModifiedAfterField(required=False)
    page = whole_number("page")
    per_page = whole_number("per_page", MAX_PER_PAGE)

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean_per_page(self):
        return self.cleaned_data["per_page"] or DEFAULT_PER_PAGE


def parse(form_class, params):
    """The cleaned parameters, or BadRequest with every problem in one message."""
    form = form_class(params)
    if not form.is_valid():
        messages = [str(error) for errors in form.errors.values() for error in errors]
        raise BadRequest(" ".join(messages))
    return form.cleaned_data
