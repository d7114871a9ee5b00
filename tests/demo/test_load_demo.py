"""`load_demo` builds the whole site from the seed's facts, in our own words, in five languages.

The tests only read the demo, so they share one load (`shared_demo`); test_safety.py changes it.
"""

import re
from pathlib import Path

from wagtail.models import Locale, Page, ReferenceIndex, Site

from articles.models import ArticlePage
from demo.content import articles as article_content
from demo.content import directory as directory_content
from demo.content import site as site_content
from demo.content import taxonomy as taxonomy_content
from demo.translator import ESSENTIAL_SLUGS
from directory.models import Area, ExternalFormPage, Language, ListingPage, Need, Organization
from home.models import HomePage
from tests.helpers import publish
from translations.models import ReviewFlag

# A copy of ../shared/seed/mutual-aid-king-county.txt, the document the demo is written from.
SEED = (Path(__file__).parent.parent / "fixtures" / "seed.txt").read_text()

# Every King County item of the seed, as the seed names it.
SEED_ITEMS = [
    "Seattle COVID-19 Mutual Aid “Request Support” Form",
    "Seattle COVID-19 Mutual Aid “Volunteer” Form",
    "South King County & Eastside Mutual Aid “Request Support” Form",
    "COVID-19 Seattle Small Business Assistance and Financial Help for Immigrants",
    "Snohomish County COVID/Coronavirus Mutual Aid Group",
    "Instagram: @covid19mutualaid",
    "this cold, cold world",
    "COVID-19 Survival Fund for the People",
    "Other Ways to Support Creatives",
    "King County COVID-19 Community Study",
    "Help track the virus",
    "Find the Masks",
    "100 Million Mask Project",
    "Crafters Against COVID-19",
    "Bloodworks Northwest",
    "King County Public Health Hotline",
]
HISTORY_FACTS = [
    "Kropotkin",
    "1902",
    "Mutual Aid: A Factor of Evolution",
    "friendly societ",
    "guild",
    "fraternal",
    "Great Depression",
    "Black Panther",
    "1969",
    "Oakland",
    "20,000",
    "Young Lords",
    "Food Not Bombs",
    "Common Ground",
    "Katrina",
    "Sandy",
]


def normalise(text):
    text = re.sub(r"<[^>]+>", " ", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return re.findall(r"[a-z0-9']+", text.lower())


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "seed_label":
                yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


ALL_CONTENT = [
    taxonomy_content.NEEDS,
    taxonomy_content.AREAS,
    taxonomy_content.ORGANIZATIONS,
    directory_content.LISTINGS,
    article_content.ARTICLES,
    site_content.HOME,
    site_content.DIRECTORY_INTRO,
    site_content.ARTICLES_INTRO,
]


def test_no_run_of_eight_words_is_copied_from_the_seed():
    seed_words = normalise(SEED)
    seed_runs = {tuple(seed_words[i : i + 8]) for i in range(len(seed_words) - 7)}
    copied = []
    for text in strings_in(ALL_CONTENT):
        words = normalise(text)
        copied += [
            " ".join(words[i : i + 8])
            for i in range(len(words) - 7)
            if tuple(words[i : i + 8]) in seed_runs
        ]
    assert copied == []


def test_every_seed_item_has_a_listing():
    labels = {listing["seed_label"] for listing in directory_content.LISTINGS}
    for item in SEED_ITEMS:
        assert item in SEED, f"test list out of date: {item!r} is not in the seed"
        assert any(item in label for label in labels), f"no listing for {item!r}"


def test_contact_details_are_never_invented():
    # The seed gives no address, link or phone number for any item.
    for listing in directory_content.LISTINGS:
        for name in ["website", "email", "phone", "mailing_list_url"]:
            assert listing.get(name, "") == "", (listing["slug"], name)
        assert all(account.get("url", "") == "" for account in listing.get("social", []))
        assert listing.get("hours_text", "") == ""
    text = " ".join(strings_in(ALL_CONTENT))
    assert not re.search(r"https?://|www\.|\(\d{3}\)|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b|@\w+\.\w+", text)


def test_builds_the_whole_tree(shared_demo, client):
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    # placeholder gone (the home page's translations are its siblings, sharing its key)
    assert not Page.objects.filter(depth=2).exclude(translation_key=home.translation_key).exists()

    listings = ListingPage.objects.live().filter(locale=home.locale)
    assert listings.count() == len(directory_content.LISTINGS) >= 15
    assert all(listing.url.startswith("/en/directory/") for listing in listings)
    articles = ArticlePage.objects.live().filter(locale=home.locale)
    assert articles.count() == len(article_content.ARTICLES) >= 4
    assert all(article.url.startswith("/en/articles/") for article in articles)
    assert {a.kind for a in articles} >= {"explainer", "history", "how_to"}
    assert home.featured_articles.count() == articles.count()
    assert home.urgent_contacts.count() >= 1


def test_the_site_name_and_footer_are_an_editable_record(shared_demo, client):
    from home.models import SiteText

    text = SiteText.objects.get(locale__language_code="en")
    text.site_name = "Mutual Aid King County (test)"
    text.save()

    html = client.get("/en/").content.decode()
    assert "Mutual Aid King County (test)" in html
    assert "Listings are checked by volunteer editors" in html


def test_seattle_forms_are_offered_in_the_five_languages(shared_demo):
    for slug in ["seattle-request-support-form", "seattle-volunteer-form"]:
        form = ExternalFormPage.objects.get(slug=slug, locale=Locale.get_default())
        assert set(form.languages.values_list("code", flat=True)) == {"en", "es", "am", "ti", "vi"}


def test_history_and_examples_are_visible(shared_demo, client):
    pages = ArticlePage.objects.live().filter(locale=Locale.get_default())
    history = pages.get(kind="history")
    html = client.get(history.url).content.decode().replace("&#x27;", "'")
    for fact in HISTORY_FACTS:
        assert fact.lower() in html.lower(), fact
    everything = " ".join(client.get(page.url).content.decode() for page in pages)
    assert "Bed-Stuy Strong" in everything
    assert "Okra Project" in everything


def test_every_listing_page_shows_its_languages(shared_demo, client):
    for listing in ListingPage.objects.live().filter(locale=Locale.get_default()).specific():
        html = client.get(listing.url).content.decode()
        assert listing.title.replace("'", "&#x27;").replace("&", "&amp;") in html
        for language in listing.languages.all():
            assert f'<span lang="{language.code}">{language.native_name}</span>' in html


def test_every_page_is_in_spanish_and_vietnamese_and_the_essentials_in_amharic_and_tigrinya(
    shared_demo,
):
    english = Page.objects.filter(locale=Locale.get_default(), depth__gt=1)
    for code in ["es", "vi"]:
        locale = Locale.objects.get(language_code=code)
        assert all(page.get_translation(locale).live for page in english), code
    for code in ["am", "ti"]:
        locale = Locale.objects.get(language_code=code)
        translated = {page.slug for page in english if page.has_translation(locale)}
        assert ESSENTIAL_SLUGS <= translated < {page.slug for page in english}, code
        assert not Page.objects.filter(locale=locale, live=False).exists()


def test_every_demo_translation_is_flagged_as_not_reviewed_by_a_fluent_reader(shared_demo):
    translations = list(Page.objects.filter(depth__gt=1).exclude(locale=Locale.get_default()))
    for model in [Need, Area, Language, Organization]:
        translations += model.objects.exclude(locale=Locale.get_default())
    assert len(translations) > 100
    unflagged = [
        f"{item.locale}: {item}"
        for item in translations
        if not ReviewFlag.for_instance(item)
        .filter(reason=ReviewFlag.Reason.MACHINE_ASSISTED)
        .exists()
    ]
    assert unflagged == []


def test_editors_find_the_demo_in_wagtails_search_and_usage_in_every_language(shared_demo):
    # load_demo builds both indexes once, at the end, rather than on every save.
    for code in ["en", "es", "vi"]:
        articles = ArticlePage.objects.filter(locale=Locale.objects.get(language_code=code))
        history = articles.get(kind="history")
        assert history in articles.search(history.title), code

    organization = Organization.objects.filter(listings__isnull=False).distinct().first()
    listings = ListingPage.objects.filter(organization=organization).specific()
    usage = ReferenceIndex.get_references_to(organization)
    # Every listing, as its own page type, as an editor's save would record it.
    assert {(ref.content_type.model_class(), int(ref.object_id)) for ref in usage} == {
        (type(listing), listing.pk) for listing in listings
    }


def test_wagtails_indexes_follow_saves_again_after_the_load(shared_demo):
    listing = ListingPage.objects.filter(locale=Locale.get_default()).first().specific
    organization = Organization.objects.filter(locale=Locale.get_default()).exclude(
        pk=listing.organization_id
    )[0]
    publish(listing, title="Zanzibar pantry collective", organization=organization)

    found = ListingPage.objects.filter(locale=Locale.get_default()).search("Zanzibar")
    assert [page.pk for page in found] == [listing.pk]
    usage = ReferenceIndex.get_grouped_references_to(organization)
    assert listing.pk in {page.pk for page, _references in usage}
