"""Whatever anyone sends to any public route, in any language: never a server error.

Hypothesis draws values for every parameter of every public route (paths, query strings and
form posts), mixing hostile values (unicode digits, huge integers, NUL bytes, very long
strings, paths that try to leave the site) with arbitrary text. Each answer must be below 500,
and nothing may be logged at ERROR by django.request (what a 500 logs in production).
"""

import logging
import os
from contextlib import contextmanager
from urllib.parse import quote

from django.test import Client

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from directory.facets import FACETS

from .site import LANGUAGES, build

HUGE = "99999999999999999999"  # more than any integer column holds
HOSTILE = [
    "²",
    "①",
    "٣",  # Arabic-Indic three: str.isdigit() says yes, int() too, a database may not
    "𝟙",
    HUGE,
    "-" + HUGE,
    "9" * 400,
    "0",
    "-1",
    "1e9",
    "NaN",
    "inf",
    "\x00",
    "food\x00",
    "//evil.example/",
    "../",
    "../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "x" * 5000,
    " ",
    "",
    "2026-13-45",
    "2026-01-31T25:61:00Z",
    "2026-01-31T08:00:00+99:00",
    "'; DROP TABLE wagtailcore_page; --",
    "<script>alert(1)</script>",
    "🍎🚗💊",
    "ምግብ",
    "\u202e\u200b\ufeff",
    "food",
    "seattle",
    "group",
    "free",
    "es",
    "1",
    "2",
]
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)
OPTIONAL = st.one_of(st.none(), VALUES)
LANGUAGE = st.sampled_from(LANGUAGES)
FACET_NAMES = [facet.name for facet in FACETS]
# FUZZ_EXAMPLES=1000 for a longer hunt; the default keeps the module near a minute.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", 60)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def params(**values):
    """Query or form data without the parameters Hypothesis left out."""
    return {name: value for name, value in values.items() if value is not None}


def facet_params():
    return st.fixed_dictionaries({}, optional=dict.fromkeys(FACET_NAMES, VALUES))


def segment(value):
    """A path segment as a browser sends it: percent-encoded, slashes included."""
    return quote(value, safe="") or "x"


class RequestErrors(logging.Handler):
    """Records what django.request logs at ERROR (each unhandled exception, each 5xx)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def watched_request_log():
    handler = RequestErrors()
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


@pytest.fixture
def site(home, locales, food, settings):
    # Posts are validated, not turned away by the rate limit (tested in tests/suggestions).
    settings.SUGGESTIONS_RATE_LIMIT = 10**9
    return build(home, locales, food, "database")


@pytest.fixture
def send():
    client = Client(raise_request_exception=False)

    def send(method, path, data=None, headers=None):
        with watched_request_log() as errors:
            response = getattr(client, method)(path, data or {}, headers=headers)
        where = f"{method.upper()} {path} {data!r} {headers!r}"[:600]
        assert response.status_code < 500, f"{response.status_code} for {where}"
        assert not errors, f"django.request logged an error for {where}: {errors[0].getMessage()}"
        return response

    return send


@FUZZ
@given(language=LANGUAGE, kind=OPTIONAL, page=OPTIONAL, extra=VALUES)
def test_home_and_articles(site, send, language, kind, page, extra):
    send("get", f"/{language}/", params(page=page, q=extra))
    send("get", f"/{language}/articles/", params(kind=kind, page=page))
    send("get", f"/{language}/articles/visible-story/", params(page=page, kind=kind))
    send("get", f"/{language}/directory/visible-line/", params(page=page))
    send("get", f"/{language}/articles/{segment(extra)}/")


DIRECTORY_ROUTES = ["", "get-help/", "give-help/", "print/", "needs/food/", "areas/seattle/"]


@FUZZ
@given(
    language=LANGUAGE,
    route=st.sampled_from(DIRECTORY_ROUTES),
    facets=facet_params(),
    page=OPTIONAL,
    slug=VALUES,
)
def test_directory_routes(site, send, language, route, facets, page, slug):
    send("get", f"/{language}/directory/{route}", {**facets, **params(page=page)})
    send("get", f"/{language}/directory/needs/{segment(slug)}/", facets)
    send("get", f"/{language}/directory/areas/{segment(slug)}/", facets)


# What a browser may send as Accept-Language (the APIs and / read it); no control characters,
# which no HTTP server passes on in a header.
ACCEPT_LANGUAGE = st.one_of(
    st.sampled_from(["es", "am-ET,am;q=0.9", "zz", "*", "es;q=2", "vi;q=abc", "x" * 500, "①"]),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
)


@FUZZ
@given(
    language=LANGUAGE,
    q=OPTIONAL,
    locale=OPTIONAL,
    page=OPTIONAL,
    facets=facet_params(),
    accept=ACCEPT_LANGUAGE,
)
def test_search_page_api_and_autocomplete(site, send, language, q, locale, page, facets, accept):
    query = {**facets, **params(q=q, locale=locale, page=page)}
    headers = {"Accept-Language": accept}
    send("get", f"/{language}/search/", query)
    send("get", "/api/v1/search/", query, headers)
    send("get", "/api/v1/search/autocomplete/", query, headers)
    send("get", "/", headers=headers)


@FUZZ
@example(locale=None, page="²", per_page=None, modified_after=None, facets={})
@example(locale="es", page="1", per_page="①", modified_after="2026-13-45", facets={})
@given(
    locale=OPTIONAL,
    page=OPTIONAL,
    per_page=OPTIONAL,
    modified_after=OPTIONAL,
    facets=facet_params(),
)
def test_open_data(site, send, locale, page, per_page, modified_after, facets):
    query = params(locale=locale, page=page, per_page=per_page, modified_after=modified_after)
    send("get", "/open-data/directory.json", {**facets, **query})
    send("get", "/open-data/directory.csv", {**facets, **query})
    send("get", "/open-data/api/listings/", {**facets, **query})


SUGGESTION_FIELDS = [
    "name",
    "kind",
    "summary",
    "website",
    "how_to_reach",
    "contact_email",
    "nickname",
]


@FUZZ
@example(language="en", fields={"name": "Pantry", "kind": "group"}, needs=[HUGE], areas=["①"])
@given(
    language=LANGUAGE,
    fields=st.fixed_dictionaries({}, optional=dict.fromkeys(SUGGESTION_FIELDS, VALUES)),
    needs=st.lists(VALUES, max_size=3),
    areas=st.lists(VALUES, max_size=3),
)
def test_suggestion_form(site, send, language, fields, needs, areas):
    send("get", f"/{language}/suggest/", fields)
    send("post", f"/{language}/suggest/", {**fields, "needs": needs, "areas": areas})
    send("get", f"/{language}/suggest/thanks/", fields)


@FUZZ
@example(language="ti", listing=HUGE, problem=None, details=None, contact_email=None, nickname=None)
@given(
    language=LANGUAGE,
    listing=st.one_of(st.just("visible"), VALUES),
    problem=OPTIONAL,
    details=OPTIONAL,
    contact_email=OPTIONAL,
    nickname=OPTIONAL,
)
def test_report_route(site, send, language, listing, problem, details, contact_email, nickname):
    listing_id = str(site.visible_hotline.pk) if listing == "visible" else segment(listing)
    url = f"/{language}/suggest/report/{listing_id}/"
    data = params(problem=problem, details=details, contact_email=contact_email)
    send("get", url)
    send("post", url, {**data, **params(nickname=nickname)})


@FUZZ
@given(
    language=LANGUAGE,
    restriction=st.one_of(st.just("real"), VALUES),
    page=st.one_of(st.just("real"), VALUES),
    password=OPTIONAL,
    return_url=OPTIONAL,
)
def test_page_password_form(site, send, language, restriction, page, password, return_url):
    """Wagtail's page-password form behind django-axes: ids and fields from anyone."""
    restricted = site.hidden["password"].hotline
    restriction_id = restricted.get_view_restrictions()[0].pk
    restriction = str(restriction_id) if restriction == "real" else segment(restriction)
    page = str(restricted.pk) if page == "real" else segment(page)
    url = f"/{language}/_util/authenticate_with_password/{restriction}/{page}/"
    send("get", url, params(return_url=return_url))
    send("post", url, params(password=password, return_url=return_url))


@FUZZ
@given(path=st.lists(VALUES, min_size=1, max_size=4), language=LANGUAGE, query=OPTIONAL)
def test_any_path_sitemap_and_robots(site, send, path, language, query):
    """Unknown pages (Wagtail's serve and the language fallback), documents, and the files
    machines read."""
    segments = "/".join(segment(value) for value in path)
    send("get", f"/{language}/{segments}/", params(q=query))
    send("get", f"/{segments}", params(q=query))
    send("get", f"/documents/{segments}/", params(q=query))
    send("get", f"/{language}/open-data/", params(q=query))
    send("get", f"/{language}/_util/login/", params(next=query))
    login = params(username=query, password=query, next=query)
    send("post", f"/{language}/_util/login/", login)
    send("get", "/sitemap.xml", params(p=query))
    send("get", "/robots.txt", params(q=query))
