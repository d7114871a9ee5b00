"""The portal's own taxonomies as HSDS 3.0 `taxonomy` and `taxonomy_term` records.

Five taxonomies: needs (editors' list), the listing's kind, its cost, the documents rule and
accessibility (a single term: the attribute's value carries the text). Every id comes from
something that never changes: a taxonomy's id from its name, a term's from its taxonomy and
code (a need's slug, a choice's stored value), so they are the same on every install. Each
taxonomy and term has a `uri`: its own address on the portal's HSDS API.
"""

from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

from directory.models import Need
from directory.models.listings import Cost, Documents, ListingKind

from .ids import taxonomy_id, term_id
from .links import api_url
from .queries import default_locale, locale_for, localized_terms

# The `taxonomy` text of each term: our taxonomies' names, as consumers already know them.
TAXONOMY_NEEDS = "mutual-aid-king-county-needs"
TAXONOMY_KINDS = "mutual-aid-king-county-listing-kinds"
TAXONOMY_COSTS = "mutual-aid-king-county-costs"
TAXONOMY_DOCUMENTS = "mutual-aid-king-county-documents"
TAXONOMY_ACCESSIBILITY = "mutual-aid-king-county-accessibility"

# link_type (what the attribute says of a service) -> (taxonomy, its name, its description)
TAXONOMIES = {
    "need": (
        TAXONOMY_NEEDS,
        gettext_lazy("Needs"),
        gettext_lazy("What a listing helps with or asks help for: food, housing, rides..."),
    ),
    "kind": (
        TAXONOMY_KINDS,
        gettext_lazy("Kinds of listing"),
        gettext_lazy("What a listing is: a mutual-aid group, a form, a hotline, a fund..."),
    ),
    "cost": (
        TAXONOMY_COSTS,
        gettext_lazy("Costs"),
        gettext_lazy("What using a listing costs."),
    ),
    "documents": (
        TAXONOMY_DOCUMENTS,
        gettext_lazy("Documents"),
        gettext_lazy("Whether a reader must bring ID or papers."),
    ),
    "accessibility": (
        TAXONOMY_ACCESSIBILITY,
        gettext_lazy("Accessibility"),
        gettext_lazy("How accessible a listing is; the attribute's value says how."),
    ),
}
CHOICES = {"kind": ListingKind, "cost": Cost, "documents": Documents}


def language_of(language):
    return language or translation.get_language()


def taxonomy(link_type, request=None):
    slug, name, description = TAXONOMIES[link_type]
    tid = taxonomy_id(slug)
    return {
        "id": tid,
        "name": str(name),
        "description": str(description),
        "uri": api_url("taxonomies", tid, request),
    }


def taxonomies(language=None, request=None):
    """Every taxonomy the portal's attributes use, in `language` (default: the active one)."""
    with translation.override(language_of(language)):
        return [taxonomy(link_type, request) for link_type in TAXONOMIES]


def term(link_type, code, name, description="", request=None):
    """One term of our taxonomy `link_type`, in the active language."""
    slug = TAXONOMIES[link_type][0]
    tid = term_id(link_type, code)
    return {
        "id": tid,
        "code": code,
        "name": name,
        "description": description or "",
        "taxonomy": slug,
        "taxonomy_id": taxonomy_id(slug),
        "term_uri": api_url("taxonomy_terms", tid, request),
        "language": translation.get_language(),
    }


def choice_terms(link_type, request=None):
    if link_type == "accessibility":
        return [term("accessibility", "accessibility", gettext("Accessibility"), "", request)]
    return [
        term(link_type, choice.value, str(choice.label), "", request)
        for choice in CHOICES[link_type]
    ]


def needs_in(language):
    """The needs (the default locale's records, which listings point to), named in
    `language` where translated."""
    locale = locale_for(language)
    return localized_terms(Need, locale).filter(locale=default_locale()).order_by("slug")


def taxonomy_terms(language=None, taxonomy_id=None, request=None):
    """Every term of our taxonomies (of the one whose id is `taxonomy_id`, if given), in
    `language`, ordered by taxonomy then code."""
    with translation.override(language_of(language)):
        entries = []
        for link_type in TAXONOMIES:
            if taxonomy_id is not None and taxonomy_id != taxonomy(link_type)["id"]:
                continue
            if link_type == "need":
                needs = needs_in(translation.get_language())
                entries += [
                    term("need", need.slug, need.local_name, need.local_description, request)
                    for need in needs
                ]
            else:
                entries += choice_terms(link_type, request)
        return entries
