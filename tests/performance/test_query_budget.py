"""Every public page asks the database a fixed number of times, whatever the directory's size.

The five-language demo plus English listings built with the directory factories (200 in
all, each with needs, areas and languages, none translated: every language lists them as
untranslated cards with a badge) is loaded once for the module. The 5-listing case hides all
but five of them (undone after each test). A page that queried once per card, per term or per
language would pass at 5 and fail at 200: the pair is what catches an N+1 coming back.

Each page is read once first, as readers' requests find the cache warm (taxonomy labels,
site root paths, the sites, locales and view restrictions of home/site_structure.py), then
read again under the budget, as an anonymous reader.
"""

from itertools import cycle

from django.db import transaction

from wagtail.models import Locale

import pytest

from directory.factories import GroupPageFactory
from directory.models import Area, DirectoryIndexPage, Language, ListingPage, ListingPhone, Need
from tests.helpers import load_demo

BUDGET = 10
LISTINGS = 200
FEW = 5
# The demo listings the pages below open, kept live in the 5-listing case.
KEEP = [
    "seattle-request-support-form",
    "find-the-masks",
    "king-county-public-health-hotline",
    "seattle-volunteer-form",
    "covid-19-survival-fund",
]

# (name, URL, budget): one per kind of public page, in English, in a translated language, and
# a page served by fallback (no Amharic translation: the English page under /am/, with a
# notice). Every page within the 10, at 5 and at 200 listings.
PAGES = [
    ("home", "/en/", BUDGET),
    ("home, translated", "/es/", BUDGET),
    ("article", "/en/articles/what-is-mutual-aid/", BUDGET),
    ("article, translated", "/es/articles/what-is-mutual-aid/", BUDGET),
    ("article index", "/en/articles/", BUDGET),
    ("article index, translated", "/es/articles/", BUDGET),
    ("listing", "/en/directory/seattle-request-support-form/", BUDGET),
    ("listing, translated", "/es/directory/seattle-request-support-form/", BUDGET),
    ("listing, fallback", "/am/directory/find-the-masks/", BUDGET),
    ("directory", "/en/directory/", BUDGET),
    ("directory, translated", "/es/directory/", BUDGET),
    ("directory, partly translated", "/am/directory/", BUDGET),
    ("directory, second page", "/en/directory/?page=2", BUDGET),
    ("browse by need", "/en/directory/needs/food/", BUDGET),
    ("browse by area, translated", "/es/directory/areas/seattle/", BUDGET),
    ("directory filtered", "/es/directory/?need=food&area=seattle", BUDGET),
    ("print", "/en/directory/print/", BUDGET),
    ("print, translated and filtered", "/es/directory/print/?need=food", BUDGET),
    ("search", "/en/search/?q=food", BUDGET),
    ("search, translated", "/es/search/?q=food", BUDGET),
    ("search with a facet", "/en/search/?q=food&need=food", BUDGET),
    ("search, empty", "/en/search/", BUDGET),
    ("sitemap", "/sitemap.xml", BUDGET),
]


def add_listings(count):
    """`count` English groups under the demo's directory, spread over its terms, each with a
    phone number."""
    english = Locale.objects.get(language_code="en")
    directory = DirectoryIndexPage.objects.get(locale=english)
    needs = cycle(Need.objects.filter(locale=english).order_by("slug"))
    areas = cycle(Area.objects.filter(locale=english).order_by("slug"))
    languages = cycle(Language.objects.filter(locale=english).order_by("code"))
    food = Need.objects.get(locale=english, slug="food")
    seattle = Area.objects.get(locale=english, slug="seattle")
    for n in range(count):
        GroupPageFactory(
            parent=directory,
            title=f"Food group {n:03}",
            slug=f"food-group-{n:03}",
            summary="Groceries for neighbours.",
            needs=[food, next(needs)],
            areas=[seattle, next(areas)],
            languages=[next(languages), next(languages)],
            # A fictional number answered in one language: cards show it as their action.
            phones=[ListingPhone(number=f"206 555 01{n % 100:02}", languages=[next(languages)])],
        )


@pytest.fixture(scope="module")
def _site(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        english = ListingPage.objects.filter(locale__language_code="en")
        add_listings(LISTINGS - english.count())
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


@pytest.fixture(params=[FEW, LISTINGS], ids=lambda n: f"{n} listings")
def listings(request, _site, db):
    """The site with `n` live English listings (the demo's own always among them)."""
    english = ListingPage.objects.filter(locale__language_code="en", live=True)
    if request.param == FEW:
        keep = english.filter(slug__in=KEEP).values_list("pk", flat=True)
        # Hidden as unpublishing would, in one statement: the budget, not publishing, is tested.
        english.exclude(pk__in=keep).update(live=False)
    assert english.count() == request.param
    return request.param


def test_the_large_site_lists_every_listing(listings, client):
    """The 200 are really there: the directory counts them and pages through them."""
    html = client.get("/en/directory/").content.decode()
    assert f"{listings} listings" in html
    if listings == LISTINGS:
        assert (
            "Food group 000" in html
            or "Food group 000" in client.get("/en/directory/?page=2").content.decode()
        )


@pytest.mark.parametrize(
    ("url", "budget"), [(url, budget) for _name, url, budget in PAGES], ids=[n for n, *_ in PAGES]
)
def test_public_pages_stay_within_the_budget(
    listings, client, django_assert_max_num_queries, url, budget
):
    first = client.get(url)
    assert first.status_code == 200, url
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    assert title(response) == title(first)  # the same page, not an error page


def title(response):
    html = response.content.decode()
    if "<title>" not in html:
        return html[:200]  # the sitemap: its XML declaration and first entries
    return html[html.index("<title>") : html.index("</title>")]
