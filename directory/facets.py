"""The ways a reader narrows listings, declared once.

A facet is a URL parameter (`?need=food`), a label, the lookup that filters `ListingPage`, and
where the labels of its values come from: a taxonomy snippet (names in the reader's language)
or a field's choices. The search form, both search backends (database lookups, the cluster's
mapping, query and aggregations), the directory and its print view, and the open-data API all
read FACETS, so a new facet is a field on ListingPage, one entry here, a migration and a
reindex (docs/facets.md).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import CharField, Count, Value
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from home.request_memo import remember

from .models.listings import Cost, ListingKind, ListingPage
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

    def filter(self, listings, value):
        return listings.filter(**{self.lookup: value})


FACETS = (
    Facet("need", _("Need"), _("Any need"), "needs__slug", taxonomy=Need),
    Facet("area", _("Area"), _("Any area"), "areas__slug", taxonomy=Area),
    Facet(
        "language", _("Language offered"), _("Any language"), "languages__code", taxonomy=Language
    ),
    Facet("kind", _("Kind"), _("Any kind"), "kind", choices=ListingKind),
    Facet("cost", _("Cost"), _("Any cost"), "cost", choices=Cost),
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
    """A taxonomy changed: drop its cached labels in every language."""
    from django.conf import settings

    cache.delete_many([label_cache_key(taxonomy, code) for code, _name in settings.LANGUAGES])


def facet_counts(listing_ids):
    """{facet name: {value: count}} over the listings with these ids, in one query (the
    facets' counts, one GROUP BY each, joined with UNION ALL)."""
    listings = ListingPage.objects.filter(pk__in=listing_ids).order_by()
    parts = [
        listings.annotate(facet=Value(facet.name), value=Cast(facet.lookup, CharField()))
        .values_list("facet", "value")
        .annotate(n=Count("pk", distinct=True))
        for facet in FACETS
    ]
    counts = {facet.name: {} for facet in FACETS}
    for name, value, n in parts[0].union(*parts[1:], all=True):
        if value:
            counts[name][value] = n
    return counts
