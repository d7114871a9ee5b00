"""Pages as search documents: the same fields whatever the page type.

Text comes from each page type's own `search_fields` (title and summary apart, for their
boosts), so a new page type is searchable without touching this module.

A document also carries what a result card shows that is not on the `Page` row itself (the
summary and kind), and when the page was last published, so the search service can show
cards without loading page objects and tell a card the index has not caught up with.
"""

from wagtail.models import Locale
from wagtail.search import index

from directory.facets import FACETS, TAXONOMY_FACETS
from directory.models import ListingPage
from home.querysets import visible_pages

from .geez import stems
from .kinds import kind_of
from .ranking import is_giving
from .text import plain_text

SEPARATELY_INDEXED = {"title", "summary"}
# A listing's needs and areas in its language: the document's `taxonomy` field holds them.
IN_TAXONOMY = {"need_names_here", "area_names_here"}


def searchable_pages():
    """Every page the public search may return: visible (see `home.querysets`), below the
    home page."""
    return visible_pages().filter(depth__gt=2)


class DocumentBuilder:
    """Builds documents for many pages with a handful of queries (taxonomies are small)."""

    def __init__(self):
        self.codes = {loc.pk: loc.language_code for loc in Locale.objects.all()}
        self.names = {}  # (model, translation_key, locale_id) -> localized name
        for facet in TAXONOMY_FACETS:
            for obj in facet.taxonomy.objects.all():
                self.names[(facet.taxonomy, obj.translation_key, obj.locale_id)] = obj.name

    def localized_name(self, obj, locale_id):
        return self.names.get((type(obj), obj.translation_key, locale_id), obj.name)

    def build(self, pages):
        """Documents for `pages` (specific, live): a list of dicts with `page_id`."""
        pages = list(pages)
        listings = {
            listing.pk: listing
            for listing in ListingPage.objects.filter(pk__in=[p.pk for p in pages])
            .select_related("organization")
            .prefetch_related(*(facet.field for facet in TAXONOMY_FACETS), "locations")
        }
        keys = {p.translation_key for p in pages}
        available = {}
        for key, locale_id in (
            searchable_pages()
            .filter(translation_key__in=keys)
            .values_list("translation_key", "locale_id")
        ):
            available.setdefault(key, []).append(self.codes.get(locale_id))
        return [
            self.document(p, listings.get(p.pk), available.get(p.translation_key, []))
            for p in pages
        ]

    def document(self, page, listing, available):
        doc = {
            "page_id": page.pk,
            "translation_key": str(page.translation_key),
            "locale": self.codes.get(page.locale_id, ""),
            "available_locales": available,
            "kind": kind_of(page),
            "title": page.title,
            "summary": plain_text(getattr(page, "summary", "") or page.search_description),
            "body": body_text(page),
            "taxonomy": "",
            "published": published_stamp(page.last_published_at),
            "giving": is_giving(page),  # ranked after ways to get help (search/ranking.py)
        }
        for facet in FACETS:
            if facet.field != "kind":  # every page has a kind; only listings have the others
                doc[facet.field] = facet.values_of(listing) if listing is not None else []
        if listing is not None:
            names = []
            for facet in TAXONOMY_FACETS:
                names += [
                    self.localized_name(o, page.locale_id)
                    for o in getattr(listing, facet.field).all()
                ]
            if listing.organization:
                names.append(listing.organization.name)
            doc["taxonomy"] = " · ".join(names)
            # Where it can be visited, for the near-me sort (directory/near.py).
            doc["locations"] = [
                {"lat": float(place.latitude), "lon": float(place.longitude)}
                for place in listing.locations.all()
                if place.has_coordinates
            ]
        # Amharic and Tigrinya words by stem (search/geez.py), as the query's are stemmed.
        doc["stems"] = stems(" ".join([doc["title"], doc["summary"], doc["body"], doc["taxonomy"]]))
        return doc


def published_stamp(when):
    """When a page was last published, as its document stores it ("" if never)."""
    return when.isoformat() if when else ""


def body_text(page):
    """The page's other searchable text fields, as plain text."""
    parts = []
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        if field.field_name in SEPARATELY_INDEXED | IN_TAXONOMY:
            continue
        value = field.get_value(page)
        if isinstance(value, list | tuple):
            parts.extend(plain_text(str(v)) for v in value)
        elif value:
            parts.append(plain_text(str(value)))
    return " ".join(p for p in parts if p)
