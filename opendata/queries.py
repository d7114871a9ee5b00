"""The listings an export serves, fetched in bulk: a fixed number of queries per chunk.

One query reads the listings themselves, with what each kind adds (how to join, what to call
about...) and their organization joined in, and the names of the organization and of every
taxonomy term in the export's language computed by the database (a subquery on the
translation key, falling back to the default language's name as `.localized` does). Then one
query per relation (needs, areas, languages, opening hours) for each chunk of CHUNK_SIZE
listings, through Django's `iterator(chunk_size=...)`, which prefetches chunk by chunk. So an
export of any size costs the fixed queries (the locale, the visibility rule, holidays) plus
four per chunk, and holds one chunk in memory at a time.
"""

from itertools import islice

from django.conf import settings
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import Coalesce

from wagtail.models import Locale

from directory.filters import filter_listings
from directory.models import (
    Area,
    Holiday,
    Language,
    ListingLocation,
    ListingPage,
    ListingPhone,
    Need,
    Organization,
)
from directory.models.contacts import json_rows

CHUNK_SIZE = 500

# What each kind of listing adds that the export reads (application_process in hsds.py).
KIND_FIELDS = {
    "how_to_join": "grouppage__how_to_join",
    "how_to_take_part": "resourcepage__how_to_take_part",
    "call_about": "hotlinepage__call_about",
}


def listings_in(locale, params=None, modified_after=None):
    """Every listing a reader may see once, in `locale` where translated, else in the default
    language; narrowed by the facet filters in `params` and to those changed after
    `modified_after`. A queryset in a stable order, ready for `services_data`."""
    chosen = ListingPage.objects.for_reader(locale)
    if params is not None:
        chosen, _values = filter_listings(params, chosen)
    if modified_after is not None:
        chosen = chosen.filter(changed_since(modified_after))
    # Chosen by id in a subquery: the filters' joins (and their DISTINCT) stay inside it, so
    # the rows read out need no DISTINCT over every column, and can be counted by a window.
    listings = ListingPage.objects.filter(pk__in=chosen.values("pk"))
    return with_export_data(listings.order_by("title", "pk"), locale)


def page_of(listings, number, per_page):
    """(the listings on page `number`, how many listings there are in all), in one query:
    the total comes with each row (a window count), not from a second COUNT query. Only a
    page past the end asks for the count on its own."""
    start = (number - 1) * per_page
    counted = listings.annotate(export_total=Window(Count("pk")))
    rows = list(counted[start : start + per_page])
    if rows:
        return rows, rows[0].export_total
    return rows, 0 if number == 1 else listings.count()


def changed_since(moment):
    """Pages with no known modification time are included: a sync must not miss them."""
    published, revised = "last_published_at", "latest_revision_created_at"
    return (
        Q(**{f"{published}__gt": moment})
        | Q(**{f"{published}__isnull": True, f"{revised}__gt": moment})
        | Q(**{f"{published}__isnull": True, f"{revised}__isnull": True})
    )


def localized(model, locale, field, key="translation_key"):
    """`field` of the `locale` translation of the object whose translation key is `key`."""
    translation = model.objects.filter(translation_key=OuterRef(key), locale_id=locale.pk)
    return Subquery(translation.values(field)[:1])


def localized_terms(model, locale):
    """Taxonomy terms with `local_name` and `local_description` in `locale`."""
    fields = ["name"] + (["description"] if hasattr(model, "description") else [])
    local = {f"local_{name}": Coalesce(localized(model, locale, name), F(name)) for name in fields}
    return model.objects.annotate(**local)


def phones_in(locale):
    """Each listing's phones (number, type, label, translation key, order) and the languages
    each is answered in (code, name in `locale`), as JSON: read out by `hsds.phones`."""
    answered_in = json_rows(
        ListingPhone.languages.through.objects.filter(listingphone_id=OuterRef("pk")),
        "listingphone_id",
        code=F("language__code"),
        name=Coalesce(
            localized(Language, locale, "name", "language__translation_key"),
            F("language__name"),
        ),
    )
    return json_rows(
        ListingPhone.objects.filter(page_id=OuterRef("pk")),
        "page_id",
        number=F("number"),
        type=F("phone_type"),
        label=F("label"),
        key=F("translation_key"),
        sort=F("sort_order"),
        languages=answered_in,
    )


def locations_in():
    """Each listing's places (address, coordinates, accessibility, transit), as JSON in its
    row: read out by `hsds_records.locations`."""
    return json_rows(
        ListingLocation.objects.filter(page_id=OuterRef("pk")),
        "page_id",
        name=F("name"),
        address_1=F("address_1"),
        address_2=F("address_2"),
        city=F("city"),
        state_province=F("state_province"),
        postal_code=F("postal_code"),
        latitude=F("latitude"),
        longitude=F("longitude"),
        accessibility=F("accessibility"),
        transit=F("transit"),
        sort=F("sort_order"),
    )


def with_export_data(listings, locale):
    org_key = "organization__translation_key"
    return (
        listings.select_related("organization")
        .annotate(**{name: F(path) for name, path in KIND_FIELDS.items()})
        .annotate(
            organization_local_name=Coalesce(
                localized(Organization, locale, "name", org_key), F("organization__name")
            ),
            organization_local_description=Coalesce(
                localized(Organization, locale, "description", org_key),
                F("organization__description"),
            ),
        )
        # Phones with their languages, in the listing's own row (no query of their own).
        .annotate(export_phones=phones_in(locale), export_locations=locations_in())
        .prefetch_related(
            # Into plain lists (`export_needs`...): a related manager's `.all()` would build a
            # queryset each time it is read, several times per listing.
            Prefetch("needs", localized_terms(Need, locale), to_attr="export_needs"),
            Prefetch("areas", localized_terms(Area, locale), to_attr="export_areas"),
            Prefetch("languages", localized_terms(Language, locale), to_attr="export_languages"),
            Prefetch("opening_hours", to_attr="export_hours"),
        )
    )


def chunks(listings, size=None):
    """Lists of at most `size` listings, read through one cursor, prefetched chunk by chunk."""
    size = size or CHUNK_SIZE
    rows = listings.iterator(chunk_size=size)
    while chunk := list(islice(rows, size)):
        yield chunk


class Holidays:
    """The holidays, read once per export, and only if a listing closes on holidays."""

    def __init__(self):
        self._holidays = None

    @property
    def all(self):
        if self._holidays is None:
            self._holidays = list(Holiday.objects.order_by("date"))
        return self._holidays

    def __bool__(self):
        return bool(self.all)

    def __iter__(self):
        return iter(self.all)


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def locale_for(language):
    """The Locale of a language code, else the default one."""
    try:
        return Locale.objects.get_for_language(language)
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def organizations_in(locale):
    """The organizations behind listings a reader may see, once each (the default locale's
    records, which listings point to), with `local_name`/`local_description` in `locale`."""
    visible = ListingPage.objects.for_reader(locale).exclude(organization=None)
    in_use = visible.values("organization__translation_key")
    return (
        localized_terms(Organization, locale)
        .filter(locale=default_locale(), translation_key__in=in_use)
        .order_by("name", "pk")
    )


def self_organized_in(locale):
    """Listings a reader may see that name no organization: each is its own organization
    (`hsds_records.organizations` reads them as such)."""
    visible = ListingPage.objects.for_reader(locale).filter(organization=None)
    return ListingPage.objects.filter(pk__in=visible.values("pk")).order_by("title", "pk")


def organization_records(locale):
    """Every organization of the export in `locale`: the organizations, then the listings that
    are their own, by name. A list (organizations are few next to services)."""
    records = list(organizations_in(locale)) + list(self_organized_in(locale))
    return sorted(records, key=lambda record: (record_name(record).casefold(), record.pk))


def record_name(record):
    return getattr(record, "local_name", None) or getattr(record, "name", None) or record.title
