"""Ways to get help before ways to give it, unless the reader asks to give (issue 12, section 4).

A person in need who searches "food" must reach a request form, not the volunteer form that
delivers the food: listings for people who want to help (direction "give", or a volunteer or
donation form) come after every other result, whatever their score or language (a request
form shown in English is still of use to a reader in need; a volunteer form is not). Within
each tier the reader's language comes first. A reader who asks to give ("volunteer",
"donar", "quyên góp"...) gets the usual order.

One rule for both backends: the database orders by `giving_listings` (search/fts.py,
fts_postgres.py, then `DatabaseBackend.matches`), the cluster asks for each tier in turn
(`result_groups` in search/cluster/queries.py, on the documents' `giving` field).
"""

import functools

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from directory.models import ExternalFormPage, ListingPage
from directory.models.listings import Direction

from . import synonyms
from .text import fold, words

GIVING_PURPOSES = (ExternalFormPage.Purpose.VOLUNTEER, ExternalFormPage.Purpose.DONATE)
# What English readers type when they want to help; the other languages' words come from
# the catalogues (the labels readers see on the forms and the directory) and from the
# editors' synonym sets that hold any of these.
GIVING_WORDS = (
    "volunteer",
    "volunteers",
    "volunteering",
    "donate",
    "donation",
    "donations",
    "help out",
)  # not "give": "give me food" asks for help


def giving_listings():
    """The listings for people who want to help, as a queryset of ListingPage."""
    return ListingPage.objects.filter(
        Q(direction=Direction.GIVE) | Q(externalformpage__purpose__in=GIVING_PURPOSES)
    )


def is_giving(page):
    """The same test for one specific page (false for any page that is not a listing)."""
    if not isinstance(page, ListingPage):
        return False
    return page.direction == Direction.GIVE or getattr(page, "purpose", None) in GIVING_PURPOSES


@functools.cache
def giving_vocabulary():
    """Folded word lists that mean "I want to help", in every language of the site."""
    terms = set(GIVING_WORDS)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            terms.add(gettext("Give help"))
            terms.update(str(purpose.label) for purpose in GIVING_PURPOSES)
    return [tuple(fold(w) for w in words(term)) for term in terms if words(term)]


def names_giving(words_folded):
    return any(synonyms.contains(words_folded, list(term)) for term in giving_vocabulary())


def asks_to_give(query):
    """Whether the reader's words ask for ways to help (or name a synonym of one)."""
    query_words = [fold(w) for w in words(query.text)]
    if not query_words:
        return False
    if names_giving(query_words):
        return True
    return any(
        names_giving([fold(w) for w in words(term)]) for term in synonyms.expansions(query.text)
    )


def demote_giving(query):
    """Whether ways to give come after ways to get help for this query."""
    return not asks_to_give(query)
