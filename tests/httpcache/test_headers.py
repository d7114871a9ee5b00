"""What a shared cache may keep, per kind of page (portal/httpcache/policy.py)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import GroupPageFactory, OpeningHoursFactory
from suggestions.factories import SuggestListingPageFactory
from tests.helpers import restrict

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(locales, home, directory, articles_index, food):
    listing = GroupPageFactory(parent=directory, title="Rainier Pantry", needs=[food])
    suggest = SuggestListingPageFactory(parent=home)
    return {"listing": listing, "suggest": suggest, "directory": directory}


def shared(response):
    """The Cache-Control directives, as a dict ({"public": True, "s-maxage": "3600", ...})."""
    directives = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name] = value or True
    return directives


def varies_on(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


def test_public_pages_are_shared_for_an_hour_with_an_etag_and_no_cookie(client, site, settings):
    directory = site["directory"].url
    paths = [
        "/en/",
        directory,
        directory + "needs/food/",
        directory + "print/",
        site["listing"].url,
        "/en/articles/",
        "/en/search/",
        "/en/open-data/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        cache_control = shared(response)
        assert cache_control.get("public") is True, (path, response["Cache-Control"])
        assert cache_control["s-maxage"] == str(settings.CACHE_CONTROL_S_MAXAGE), path
        assert cache_control["max-age"] == str(settings.CACHE_CONTROL_MAX_AGE), path
        assert response.has_header("ETag"), path
        # The user bar asks who the reader is; without a session the answer cannot differ.
        assert "cookie" not in varies_on(response), (path, response.get("Vary"))
        assert not response.cookies, path


def test_a_repeat_request_with_the_etag_gets_304_and_no_body(client, site):
    first = client.get(site["listing"].url)
    again = client.get(site["listing"].url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert shared(again).get("public") is True


def test_a_changed_page_gets_a_new_etag(client, site):
    first = client.get(site["listing"].url)
    listing = site["listing"]
    listing.title = "Rainier Pantry, now on Sundays"
    listing.save_revision().publish()

    again = client.get(listing.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Rainier Pantry, now on Sundays" in again.content.decode()


def assert_never_stored(response):
    cache_control = shared(response)
    assert "public" not in cache_control, response.get("Cache-Control")
    assert cache_control.get("private") is True and cache_control.get("no-store") is True


def test_a_signed_in_editor_gets_pages_nobody_else_may_keep(client, site):
    editor = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")
    client.force_login(editor)

    response = client.get(site["listing"].url)

    assert "Rainier Pantry" in response.content.decode()
    assert_never_stored(response)
    assert "cookie" in varies_on(response)


def test_the_form_pages_carry_a_csrf_token_and_are_never_stored(client, site):
    suggest = site["suggest"]
    report = suggest.url + suggest.reverse_subpage("report", args=[site["listing"].pk])
    for path in (suggest.url, report):
        response = client.get(path)
        assert 'name="csrfmiddlewaretoken"' in response.content.decode(), path
        assert "csrftoken" in response.cookies, path
        assert_never_stored(response)


def test_only_the_form_pages_set_the_csrf_cookie(client, site):
    for path in ("/en/", site["listing"].url, site["directory"].url):
        assert "csrftoken" not in client.get(path).cookies, path


def test_search_results_are_never_stored_but_the_empty_search_page_is_shared(client, site):
    results = client.get(reverse("search"), {"q": "pantry"})
    assert "Rainier Pantry" in results.content.decode()
    assert_never_stored(results)

    assert shared(client.get(reverse("search"))).get("public") is True


def test_a_restricted_page_is_never_stored(client, site):
    restrict(site["listing"])

    response = client.get(site["listing"].url)

    assert 'name="password"' in response.content.decode()
    assert "public" not in shared(response)
    assert "no-cache" in response["Cache-Control"]


def test_errors_and_redirects_are_never_stored(client, site):
    missing = client.get("/en/no-such-page/")
    assert missing.status_code == 404
    assert_never_stored(missing)

    redirect = client.get("/")
    assert redirect.status_code == 302
    assert_never_stored(redirect)
    # Only the bare / is chosen from Accept-Language; language-prefixed pages are not.
    assert "accept-language" in varies_on(redirect)
    assert "accept-language" not in varies_on(client.get("/en/"))


def test_the_admin_is_never_stored(client, site):
    response = client.get(reverse("wagtailadmin_login"))
    assert 'name="password"' in response.content.decode()
    assert "public" not in shared(response)


def test_a_listing_page_expires_when_its_open_now_badge_may_change(client, site):
    """Opening in ten minutes: the shared copy ("Closed now") lives ten minutes, no grace."""
    listing = site["listing"]
    opens = timezone.localtime() + timedelta(minutes=10)
    closes = opens + timedelta(hours=1)
    OpeningHoursFactory(
        page=listing, weekday=opens.weekday(), opens=opens.time(), closes=closes.time()
    )
    listing.save_revision().publish()

    response = client.get(listing.url)

    assert "Closed now" in response.content.decode()
    cache_control = shared(response)
    assert cache_control.get("public") is True
    assert 590 <= int(cache_control["s-maxage"]) <= 600
    assert cache_control["stale-while-revalidate"] == "0"
