"""Each HSDS path's query parameters, read and checked before anything is queried.

Every parameter the HSDS OpenAPI lists for a path is honoured; anything else is refused with a
400 naming it. Refusing unknown parameters is deliberate: a client that misspells a filter, or
sends one this path does not have (`postcode` on /services), must learn that its filter was not
applied, rather than take the unfiltered answer for a filtered one.
"""

import re

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext as _

from .. import api
from ..api import ModifiedAfterField
from .errors import ApiError

DEFAULT_PER_PAGE = api.DEFAULT_PER_PAGE
MAX_PER_PAGE = api.MAX_PER_PAGE
# Past this, (page - 1) * per_page no longer fits the database's integers; no directory has
# that many pages, so a larger number is a client's mistake worth saying.
MAX_PAGE = 1_000_000
FORMATS = ("json", "ndjson")
ZIP_RE = re.compile(r"^[0-9]{5}(-[0-9]{4})?$")
NUMBER_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")


class BooleanParameter(forms.Field):
    """`true` or `false` (also 1/0), as OpenAPI sends a boolean query parameter; absent: None."""

    def __init__(self, name, **kwargs):
        self.parameter = name
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        raw = (value or "").strip().lower()
        if not raw:
            return None
        if raw in ("true", "1"):
            return True
        if raw in ("false", "0"):
            return False
        raise forms.ValidationError(
            _("%(name)s must be true or false; got %(value)r.")
            % {"name": self.parameter, "value": value}
        )


class Text(forms.CharField):
    """Any text, as the spec types `search` and the id filters. A null character, which
    Django's CharField refuses, is only one more character no id or word contains: the filter
    then matches nothing, as it would for any other id this portal does not have."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=True, **kwargs)
        self.validators = [
            v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ]


def whole_number(name, minimum, maximum):
    message = _("%(name)s must be a whole number from %(minimum)d to %(maximum)d.") % {
        "name": name,
        "minimum": minimum,
        "maximum": maximum,
    }
    return forms.IntegerField(
        required=False,
        min_value=minimum,
        max_value=maximum,
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )


class LocaleForm(api.ExportForm):
    """`locale` (en, es, vi, am, ti): the language of names and descriptions, on every path."""


class PagedForm(LocaleForm):
    """The paging and format parameters of every list path.

    page=0 and per_page=0 are valid: they answer an empty page with the true totals, as does a
    page past the end (the paging envelope says what there is; the spec documents no error)."""

    page = whole_number("page", 0, MAX_PAGE)
    per_page = whole_number("per_page", 0, MAX_PER_PAGE)
    format = forms.CharField(required=False)
    search = Text()

    def clean_format(self):
        value = self.cleaned_data["format"].strip().lower() or "json"
        if value not in FORMATS:
            raise forms.ValidationError(
                _("format must be json or ndjson; got %(value)r.") % {"value": value}
            )
        return value


class ServiceFilters(forms.Form):
    """What /services and /service_at_locations filter on."""

    taxonomy_term_id = Text()
    taxonomy_id = Text()
    organization_id = Text()
    # "on or after": the listings API's own field, read the same way (a date is its midnight).
    modified_after = ModifiedAfterField(required=False)
    full = BooleanParameter("full")


class ServicesForm(PagedForm, ServiceFilters):
    minimal = BooleanParameter("minimal")


class ServiceAtLocationsForm(PagedForm, ServiceFilters):
    postcode = Text()
    proximity = Text()

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if value and not ZIP_RE.match(value):
            raise forms.ValidationError(
                _("postcode must be a 5-digit ZIP code, such as 98118; got %(value)r.")
                % {"value": value}
            )
        return value[:5]

    def clean_proximity(self):
        value = self.cleaned_data["proximity"]
        if not value:
            return None
        if not NUMBER_RE.match(value):
            raise forms.ValidationError(
                _("proximity must be a distance in meters, such as 5000; got %(value)r.")
                % {"value": value}
            )
        return float(value)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("proximity") is not None and not cleaned.get("postcode"):
            raise forms.ValidationError(
                _("proximity needs a postcode: it is a distance from that postcode's centre.")
            )
        return cleaned


class TaxonomiesForm(PagedForm):
    pass


class TaxonomyTermsForm(PagedForm):
    taxonomy_id = Text()
    top_only = BooleanParameter("top_only")
    parent_id = Text()


class OrganizationForm(LocaleForm):
    full_service = BooleanParameter("full_service")


class OrganizationsForm(PagedForm, OrganizationForm):
    full = BooleanParameter("full")


# Parameters with a fixed form (a number, a choice, a date...): given empty, they are refused
# like any other value they cannot take. (An empty `search` or id filter is no filter.)
NOT_EMPTY = {
    "locale", "page", "per_page", "format", "modified_after", "minimal", "full",
    "full_service", "top_only", "postcode", "proximity",
}  # fmt: skip


def parse(form_class, params):
    """The cleaned parameters; ApiError naming every unknown parameter and every bad value."""
    unknown = sorted(set(params) - set(form_class.base_fields))
    if unknown:
        raise ApiError(
            _("Unknown parameter(s) %(names)s: this path accepts %(known)s.")
            % {
                "names": ", ".join(unknown),
                "known": ", ".join(sorted(form_class.base_fields)),
            }
        )
    empty = sorted(name for name in NOT_EMPTY & set(params) if not params[name].strip())
    if empty:
        raise ApiError(
            _("Empty parameter(s) %(names)s: give a value or leave them out.")
            % {"names": ", ".join(empty)}
        )
    try:
        cleaned = api.parse(form_class, params)
    except api.BadRequest as error:
        raise ApiError(str(error)) from error
    cleaned["paged"] = "page" in params or "per_page" in params
    if "page" in cleaned and cleaned["page"] is None:
        cleaned["page"] = 1
    if "per_page" in cleaned and cleaned["per_page"] is None:
        cleaned["per_page"] = DEFAULT_PER_PAGE
    return cleaned
