"""Ways to get help before ways to give it, unless the reader asks to give (issue 12, section 4).

A person in need who searches "food" must reach a request form, not the volunteer form that
delivers the food: listings for people who want to help (direction "give", or a volunteer or
donation form) come after every other result, whatever their score or language (a request
form shown in English is still of use to a reader in need; a volunteer form is not). Within
each tier the reader's language comes first. A reader who asks to give ("volunteer",
"donar", "quyên góp"...) gets the ways to give first instead, then the rest.

Only when a way to get help matches too: a query only ways to give answer ("sewing", "3D
printer") keeps the order of relevance, so the mask makers come before articles that
mention sewing. One rule for both backends: the database sorts its ranked matches
(`giving_to_demote`, in `DatabaseBackend.matches`); the cluster asks for each tier and
language in turn (`result_groups` in search/cluster/queries.py, on the documents' `giving`
field) and merges them by score when its counts say no way to get help matched.
"""

import difflib
import functools

from django.conf import settings
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
    # "give" alone is not a giving word ("give me food" asks for help), but followed by
    # what only a giver gives, it is.
    "give blood",
    "give time",
    "give your time",
    "give money",
)
# A reader's word this close to a one-word giving term is a typo of it ("volunter",
# "voluntere"), as search/vocabulary.py forgives typos on SQLite; the same rule on every
# backend, so each orders the results alike. Short words are left alone ("donde").
TYPO_MIN_LENGTH = 6
TYPO_CUTOFF = 0.8


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


@functools.cache
def giving_single_words():
    return [term[0] for term in giving_vocabulary() if len(term) == 1]


def misspells_giving(word):
    """Whether `word` (folded) is a close spelling of a one-word giving term, of the same
    first letter."""
    if len(word) < TYPO_MIN_LENGTH or not word.isalpha():
        return False
    candidates = [w for w in giving_single_words() if w[0] == word[0]]
    return bool(difflib.get_close_matches(word, candidates, n=1, cutoff=TYPO_CUTOFF))


def names_giving(words_folded):
    return any(synonyms.contains(words_folded, list(term)) for term in giving_vocabulary())


def asks_to_give(query):
    """Whether the reader's words ask for ways to help (or name a synonym of one)."""
    query_words = [fold(w) for w in words(query.text)]
    if not query_words:
        return False
    if names_giving(query_words) or any(misspells_giving(w) for w in query_words):
        return True
    return any(
        names_giving([fold(w) for w in words(term)]) for term in synonyms.expansions(query.text)
    )


def demote_giving(query):
    """Whether ways to give may come after ways to get help for this query."""
    return not asks_to_give(query)


def giving_among(page_ids):
    """(the ways to give among `page_ids`, whether a way to get help is among them)."""
    if not page_ids:
        return set(), False
    rows = ListingPage.objects.filter(pk__in=page_ids).values_list(
        "pk", "direction", "externalformpage__purpose"
    )
    giving = set()
    getting = False
    for pk, direction, purpose in rows:
        if direction == Direction.GIVE or purpose in GIVING_PURPOSES:
            giving.add(pk)
        else:
            getting = True
    return giving, getting


def giving_to_demote(query, page_ids):
    """The ways to give among `page_ids` that go after the rest: none when the reader asks to
    give, or when no way to get help is among them (then "sewing" shows the mask makers by
    relevance, not after every article that says "sewing")."""
    if not page_ids or not demote_giving(query):
        return set()
    giving, getting = giving_among(page_ids)
    return giving if getting else set()


def group_key(query, ranked):
    """page id -> its group in the results, for the (page id, language) pairs `ranked`: ways
    to get help before ways to give (`giving_to_demote`), or for a reader who asks to give
    ways to give before the rest (the volunteer form before the pages that mention
    volunteers); then the reader's language before the fallbacks. Near me sorts by distance
    within these groups, on both backends."""
    page_ids = [pk for pk, _code in ranked]
    language_of = dict(ranked)
    if asks_to_give(query):
        giving, _getting = giving_among(page_ids)
        return lambda pk: (pk not in giving, language_of.get(pk) != query.language)
    giving = giving_to_demote(query, page_ids)
    return lambda pk: (pk in giving, language_of.get(pk) != query.language)
