"""The ways a reader narrows listings, declared once.

A facet is a URL parameter (`?need=food`), a label, the lookup that filters `ListingPage`, and
where the labels of its values come from: a taxonomy snippet (names in the reader's language)
or a field's choices. The search form, both search backends (database lookups, the cluster's
mapping, query and aggregations), the directory and its print view, and the open-data API all
read FACETS, so a new facet is a field on ListingPage, one entry here, a migration and a
reindex (docs/facets.md).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import CharField, Count, F, Value
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from home.request_memo import remember

from .models.listings import Cost, Documents, ListingKind, ListingPage
from .models.taxonomy import Area, Language, Need

LABELS_CACHE_SECONDS = 300  # taxonomy renames clear it at once (see `forget_labels`)


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter, and the facet's key in API answers
    label: Promise
    any_label: Promise  # the "no filter" choice of a select
    lookup: str  # on ListingPage: "needs__slug", "kind"
    taxonomy: type | None = None  # a Taxonomy whose names label the values...
    choices: type | None = None  # ...or the TextChoices of a plain field
    # Values that enclose one another (areas): a listing of King County serves South King
    # County too, so filtering by a value also matches the values enclosing it.
    nests: bool = False

    @property
    def field(self):
        """The ListingPage field, which is also the search document's keyword field."""
        return self.lookup.split("__")[0]

    def values_of(self, listing):
        """The listing's values for this facet (prefetched taxonomies are used as they are)."""
        if self.taxonomy is not None:
            return [item.value for item in getattr(listing, self.field).all()]
        value = getattr(listing, self.field)
        return [value] if value else []

    def labels(self, language):
        """{value: label in `language`}, in the order readers choose from."""
        if self.choices is not None:
            with translation.override(language):
                return {value: str(label) for value, label in self.choices.choices}
        return taxonomy_labels(language)[self.name]

    def counts(self, listings):
        """{value: number of `listings` with it}, in one query."""
        rows = (
            listings.order_by()  # an ordering would split the groups
            .values_list(self.lookup)
            .annotate(n=Count("pk", distinct=True))
        )
        return {value: n for value, n in rows if value}

    def filter_values(self, value):
        """The values that answer a filter by `value`: itself and, for nested values, every
        value enclosing it, nearest first. Every filter reads this (the database's lookups,
        the cluster's `terms` query), so the directory, print view, API and search agree."""
        if self.nests:
            return [value, *area_tree()["ancestors"].get(value, [])]
        return [value]

    def filter(self, listings, value):
        values = self.filter_values(value)
        if len(values) == 1:
            return listings.filter(**{self.lookup: value})
        return listings.filter(**{f"{self.lookup}__in": values})


FACETS = (
    Facet("need", _("Need"), _("Any need"), "needs__slug", taxonomy=Need),
    Facet("area", _("Area"), _("Any area"), "areas__slug", taxonomy=Area, nests=True),
    Facet(
        "language", _("Language offered"), _("Any language"), "languages__code", taxonomy=Language
    ),
    Facet("kind", _("Kind"), _("Any kind"), "kind", choices=ListingKind),
    Facet("cost", _("Cost"), _("Any cost"), "cost", choices=Cost),
    Facet(
        "documents", _("ID or documents"), _("With or without ID"), "documents", choices=Documents
    ),
)
FACETS_BY_NAME = {facet.name: facet for facet in FACETS}
TAXONOMY_FACETS = tuple(facet for facet in FACETS if facet.taxonomy is not None)


def taxonomy_labels(language):
    """{facet name: {value: label}} of every taxonomy facet in `language`: one cache read
    for all of them, once per request (a page asks for needs and areas several times)."""

    def load():
        keys = {label_cache_key(facet.taxonomy, language): facet for facet in TAXONOMY_FACETS}
        found = cache.get_many(list(keys))
        missing = {
            key: facet.taxonomy.labels(language) for key, facet in keys.items() if key not in found
        }
        if missing:
            cache.set_many(missing, LABELS_CACHE_SECONDS)
        found.update(missing)
        return {facet.name: found[key] for key, facet in keys.items()}

    return remember(("facet-labels", language), load)


def label_cache_key(taxonomy, language):
    return f"facet-labels:{taxonomy._meta.label_lower}:{language}"


def forget_labels(taxonomy):
    """A taxonomy changed: drop its cached labels in every language (and, for areas, how
    they nest)."""
    keys = [label_cache_key(taxonomy, code) for code, _name in settings.LANGUAGES]
    if taxonomy is Area:
        keys.append(AREA_TREE_KEY)
    cache.delete_many(keys)


AREA_TREE_KEY = "facet-labels:directory.area:tree"


def area_tree():
    """How the areas nest: {"ancestors": {slug: [enclosing slugs, nearest first]}}, from the
    default locale's areas (the ones listings point to). Cached with the labels, read once
    per request; editors saving an area drop it (`forget_labels`)."""

    def load():
        tree = cache.get(AREA_TREE_KEY)
        if tree is None:
            parents = dict(
                Area.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
                    "slug", "parent__slug"
                )
            )
            tree = {"ancestors": {slug: ancestors(slug, parents) for slug in parents}}
            cache.set(AREA_TREE_KEY, tree, LABELS_CACHE_SECONDS)
        return tree

    return remember("area-tree", load)


def ancestors(slug, parents):
    """The slugs enclosing `slug`, nearest first (a cycle, which `Area.clean` refuses, stops)."""
    found = []
    parent = parents.get(slug)
    while parent and parent != slug and parent not in found:
        found.append(parent)
        parent = parents.get(parent)
    return found


def enclosing_area(listing_slugs, chosen):
    """The nearest area enclosing `chosen` that a listing with areas `listing_slugs` serves,
    when it serves `chosen` only through it (a county-wide hotline on a South King County
    page); None when it serves `chosen` itself, or not at all."""
    if chosen in listing_slugs:
        return None
    for slug in area_tree()["ancestors"].get(chosen, []):
        if slug in listing_slugs:
            return slug
    return None


def wider_areas(listing_ids, chosen, language):
    """{listing id: name in `language` of the area enclosing `chosen` through which the
    listing serves it} for the listings among `listing_ids` that serve `chosen` only through
    a wider area (a card says "Serves a wider area: All of King County"). One query."""
    through = ListingPage.areas.through
    slugs = {}
    rows = through.objects.filter(listingpage_id__in=list(listing_ids)).values_list(
        "listingpage_id", "area__slug"
    )
    for listing_id, slug in rows:
        slugs.setdefault(listing_id, set()).add(slug)
    names = FACETS_BY_NAME["area"].labels(language)
    found = {}
    for listing_id, listing_slugs in slugs.items():
        wider = enclosing_area(listing_slugs, chosen)
        if wider:
            found[listing_id] = names.get(wider, wider)
    return found


def facet_counts(listing_ids):
    """{facet name: {value: count}} over the listings with these ids, in one query (the
    facets' counts, one GROUP BY each, joined with UNION ALL).

    A nested facet's count is what its filter returns: South King County counts the listings
    of South King County and those of the areas enclosing it. Its part of the query brings
    (value, listing id) pairs instead, counted here (`nested_counts`)."""
    listings = ListingPage.objects.filter(pk__in=listing_ids).order_by()
    parts = []
    for facet in FACETS:
        part = listings.annotate(facet=Value(facet.name), value=Cast(facet.lookup, CharField()))
        if facet.nests:
            parts.append(part.annotate(n=F("pk")).values_list("facet", "value", "n"))
        else:
            parts.append(part.values_list("facet", "value").annotate(n=Count("pk", distinct=True)))
    counts = {facet.name: {} for facet in FACETS}
    pairs = {facet.name: [] for facet in FACETS if facet.nests}
    for name, value, n in parts[0].union(*parts[1:], all=True):
        if not value:
            continue
        if name in pairs:
            pairs[name].append((value, n))
        else:
            counts[name][value] = n
    for name, found in pairs.items():
        counts[name] = nested_counts(FACETS_BY_NAME[name], found)
    return counts


def nested_counts(facet, pairs):
    """{value: listings its filter returns}, from (value, listing id) pairs."""
    values_of = {}
    for value, listing_id in pairs:
        values_of.setdefault(listing_id, set()).add(value)
    counts = {}
    for value in set(area_tree()["ancestors"]) | {v for v, _id in pairs}:
        wanted = set(facet.filter_values(value))
        n = sum(1 for values in values_of.values() if values & wanted)
        if n:
            counts[value] = n
    return counts
