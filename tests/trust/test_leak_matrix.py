"""The leak matrix: every kind of content editors hide x every public surface x both search
backends. No hidden page's marker may appear anywhere a reader (or a machine) can look; the
visible page's marker must appear on each surface, so a broken surface cannot pass; and no
answer is a server error.

One site per backend (tests/trust/site.py) and a few tests, each looping over its surfaces and
collecting every problem, so one run names every leaking kind and surface at once.
"""

import json

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from .site import LANGUAGES, TRANSLATED, VISIBLE


class Matrix:
    """Fetches surfaces and collects what went wrong, each problem naming kind and surface."""

    def __init__(self, site):
        self.site = site
        self.client = Client(raise_request_exception=False)
        self.problems = []

    def get(self, surface, url, params=None):
        response = self.client.get(url, params or {})
        body = response.content.decode("utf-8", errors="replace")
        if response.status_code >= 500:
            self.problems.append(f"{surface}: answered {response.status_code} ({url} {params})")
        return response, body

    def no_hidden_marker(self, surface, body):
        for kind in self.site.hidden.values():
            if kind.marker in body:
                self.problems.append(f"{kind.name} leaks on {surface}")

    def shows_visible(self, surface, body):
        if VISIBLE not in body:
            self.problems.append(f"{surface} does not show the visible page: surface broken?")

    def check(self, surface, url, params=None, visible=True):
        """The surface shows the visible content (unless `visible` is False) and no hidden."""
        response, body = self.get(surface, url, params)
        self.no_hidden_marker(surface, body)
        if visible:
            self.shows_visible(surface, body)
        return response, body

    def assert_clean(self):
        assert not self.problems, "\n".join(self.problems)


@pytest.fixture
def matrix(leak_site):
    return Matrix(leak_site)


def fallback_or_translation(kind, code):
    if code == "en":
        return "page"
    return "translation" if code in kind.translations else "fallback"


def test_hidden_pages_show_nothing_at_their_own_address(matrix, leak_site):
    """Page URL in each language: its translation, or the English page through the fallback.
    A password or login form may answer, never the page (title, contact, JSON-LD)."""
    for kind in leak_site.hidden.values():
        for code in LANGUAGES:
            for section, slug in zip(("directory", "articles"), kind.slugs, strict=True):
                url = f"/{code}/{section}/{slug}/"
                surface = f"{url} ({fallback_or_translation(kind, code)})"
                response, body = matrix.get(surface, url)
                matrix.no_hidden_marker(surface, body)
                if response.status_code == 200 and 'name="password"' not in body:
                    matrix.problems.append(f"{kind.name} served in full at {surface}")
    for code in LANGUAGES:
        for section in ("directory/visible-line", "articles/visible-story"):
            # The visible article lists every hidden hotline as related: only its own shows.
            matrix.check(f"/{code}/{section}/", f"/{code}/{section}/")

    # Signed in but outside the group: the login-restricted page opens, the group's does not.
    reader = get_user_model().objects.create_user("neighbour", password="unused-here")
    matrix.client.force_login(reader)
    for code in LANGUAGES:
        url = f"/{code}/directory/{leak_site.hidden['group'].hotline.slug}/"
        _response, body = matrix.get(f"{url} (signed in, not in the group)", url)
        matrix.no_hidden_marker(f"{url} (signed in, not in the group)", body)
        url = f"/{code}/directory/{leak_site.hidden['login'].hotline.slug}/"
        if matrix.get(url, url)[1].count(leak_site.hidden["login"].marker) == 0:
            matrix.problems.append(f"{url} not shown to a signed-in reader: surface broken?")
    matrix.assert_clean()


def test_directory_browse_print_and_home_blocks(matrix):
    """Listings pages, home page blocks (featured articles, urgent contacts), article index."""
    for code in LANGUAGES:
        for route in ("", "get-help/", "give-help/", "needs/food/", "areas/seattle/", "print/"):
            url = f"/{code}/directory/{route}"
            matrix.check(url, url)
        matrix.check(f"/{code}/ (home blocks)", f"/{code}/")
        # The article index lists the articles of its own language only.
        url = f"/{code}/articles/"
        matrix.check(url, url, visible=code == "en" or code in TRANSLATED)
        matrix.check(f"/{code}/articles/?page=2", url, {"page": "2"}, visible=False)
    matrix.assert_clean()


def search_terms(site):
    """Each hidden marker and a word every page shares, as a reader would type them (the
    query is echoed lowercase; the markers are looked for capitalised, as in titles)."""
    return [kind.marker.lower() for kind in site.hidden.values()] + ["pantry"]


def test_search_page_api_and_autocomplete(matrix, leak_site):
    for code in LANGUAGES:
        for term in search_terms(leak_site):
            url = f"/{code}/search/"
            matrix.check(f"{url}?q={term}", url, {"q": term}, visible=term == "pantry")
            for api in ("/api/v1/search/", "/api/v1/search/autocomplete/"):
                surface = f"{api}?q={term}&locale={code}"
                response, body = matrix.check(surface, api, {"q": term, "locale": code}, False)
                data = json.loads(body)
                if data.get("total") and term != "pantry":
                    matrix.problems.append(f"{surface} counts {data['total']} hidden page(s)")
                answered = data.get("backend", leak_site.backend)
                if answered != leak_site.backend:
                    # The index returned hidden pages and the database had to answer.
                    matrix.problems.append(f"{surface}: the {leak_site.backend} index is stale")
        for api in ("/api/v1/search/", "/api/v1/search/autocomplete/"):
            params = {"q": "zqvisible", "locale": code}
            matrix.check(f"{api}?q=zqvisible&locale={code}", api, params)
    matrix.assert_clean()


def test_open_data_sitemap_and_report_form(matrix, leak_site):
    for code in LANGUAGES:
        for url in ("/open-data/directory.json", "/open-data/directory.csv"):
            matrix.check(f"{url}?locale={code}", url, {"locale": code})
        url = "/open-data/api/listings/"
        matrix.check(f"{url}?locale={code}", url, {"locale": code})
        matrix.check(f"{url}?locale={code}&need=food", url, {"locale": code, "need": "food"})
        # The HSDS 3.0 API and the tabular package (issue 14).
        for url in ("/open-data/api/services", "/open-data/api/organizations"):
            params = (
                {"locale": code, "full_service": "true"} if "organ" in url else {"locale": code}
            )
            matrix.check(f"{url}?{'&'.join(f'{k}={v}' for k, v in params.items())}", url, params)
        url = "/open-data/api/service_at_locations"  # the visible line has no place
        matrix.check(f"{url}?locale={code}", url, {"locale": code}, visible=False)
        for term in search_terms(leak_site):
            url = "/open-data/api/services"
            params = {"locale": code, "search": term}
            matrix.check(f"{url}?search={term}&locale={code}", url, params, term == "pantry")
        url = f"/open-data/hsds/{code}/services.csv"
        matrix.check(url, url)

        # The report form names the listing: only a visible one may be reported.
        report = f"/{code}/suggest/report/"
        for listing_id in leak_site.listing_ids():
            matrix.check(f"{report}{listing_id}/", f"{report}{listing_id}/", visible=False)
        visible_id = leak_site.visible_hotline.pk
        matrix.check(f"{report}{visible_id}/", f"{report}{visible_id}/")

    _response, sitemap = matrix.get("sitemap.xml", "/sitemap.xml")
    for kind in leak_site.hidden.values():
        for slug in kind.slugs:
            if f"/{slug}/" in sitemap:
                matrix.problems.append(f"{kind.name} leaks on sitemap.xml ({slug})")
    if "/directory/visible-line/" not in sitemap:
        matrix.problems.append("sitemap.xml does not list the visible page: surface broken?")
    matrix.assert_clean()
