"""Query parameters of the read-only listings API, checked before anything is queried.

Bad input gets a 400 with a message saying what was wrong and what is expected, and changes
nothing; unknown taxonomy values simply match nothing, as in the directory's own filters.
"""

from datetime import datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from directory.models import ListingPage

from .hsds import export_locale

FILTERS = {
    "need": "needs__slug",
    "area": "areas__slug",
    "language": "languages__code",
    "kind": "kind",
}
DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200


class BadRequest(ValueError):
    """A query parameter the API cannot use; its message is shown to the client."""


def parse_locale(params):
    code = params.get("locale", "").strip() or settings.LANGUAGE_CODE
    locale = export_locale(code)
    if locale is None:
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise BadRequest(
            _("Unknown locale %(code)r: use one of %(codes)s.") % {"code": code, "codes": codes}
        )
    return locale


def parse_modified_after(params):
    raw = params.get("modified_after", "").strip()
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
        raise BadRequest(
            _(
                "modified_after must be an ISO 8601 date or date-time, e.g. 2026-01-31 or "
                "2026-01-31T08:00:00Z; got %(value)r."
            )
            % {"value": raw}
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)  # read in the portal's time zone
    return moment


def parse_positive_int(params, name, default, maximum=None):
    raw = params.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(_("%(name)s must be a whole number from 1 up.") % {"name": name})
    value = int(raw)
    if maximum and value > maximum:
        raise BadRequest(
            _("%(name)s can be at most %(maximum)d.") % {"name": name, "maximum": maximum}
        )
    return value


def filtered_listings(params):
    """ListingPage queryset narrowed by need/area/language/kind (default-locale slugs)."""
    queryset = ListingPage.objects.all()
    for param, lookup in FILTERS.items():
        value = params.get(param, "").strip()
        if value:
            queryset = queryset.filter(**{lookup: value})
    return queryset.distinct()
