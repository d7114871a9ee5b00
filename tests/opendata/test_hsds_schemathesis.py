"""schemathesis, as a third-party client would run it, against this portal's HSDS API.

The OpenAPI is the one the portal publishes (opendata/hsds_api/openapi.py: Open Referral's,
with our server, `locale`, the values each parameter accepts and the JSON errors), and the
portal answers in-process through its WSGI application. Every schemathesis check runs on every
generated request: no server error, documented status codes and content types, responses
valid against the HSDS schemas, valid input accepted and invalid input refused.
"""

import contextlib
import json

from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction

from wagtail.models import Locale, Page, Site

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from directory.factories import (
    AreaFactory,
    DirectoryIndexPageFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HolidayFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    OpeningHoursFactory,
    OrganizationFactory,
    ResourcePageFactory,
)
from home.factories import HomePageFactory
from opendata.hsds_api import openapi
from tests.helpers import located, translate

# Enough to meet every path's parameters in several combinations; the whole run stays
# well under two minutes on the CI machine.
EXAMPLES = 25
RAW_EXAMPLES = 10
LOCALES = [code for code, _name in django_settings.LANGUAGES]

schema = schemathesis.openapi.from_dict(openapi.document())


def hsds_as_published():
    """Open Referral's OpenAPI as it is, but for its schema links (bundled from the vendored
    files: no network) and a server (this portal)."""
    document = openapi.rewrite_refs(json.loads((openapi.SCHEMA_DIR / "openapi.json").read_text()))
    document["components"]["schemas"].update(openapi.bundled_schemas())
    document["servers"] = openapi.document()["servers"]
    return document


hsds_schema = schemathesis.openapi.from_dict(hsds_as_published())


def build_directory():
    """Every locale; listings of each kind with needs, areas, languages, an organization (or
    none: their own), phones, hours and a holiday; one in Spanish; one with a place near the
    centre of ZIP 98118."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALES}
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="portal-home")
    Site.objects.filter(is_default_site=True).update(root_page=home)
    directory = DirectoryIndexPageFactory(parent=home)
    food, rides = NeedFactory(slug="food", name="Food"), NeedFactory(slug="rides", name="Rides")
    seattle = AreaFactory(slug="seattle", name="Seattle")
    spanish = LanguageFactory(code="es", name="Spanish", native_name="Español")
    org = OrganizationFactory(name="Pantry Collective", website="https://pantry.example.org/")
    HolidayFactory(date="2026-12-25", name="Christmas")
    listings = [
        factory(
            parent=directory,
            title=title,
            needs=[food, rides][: n % 2 + 1],
            areas=[seattle],
            languages=[spanish],
            organization=org if n % 2 else None,
            phone="206 555 0100",
            closed_on_holidays=True,
        )
        for n, (factory, title) in enumerate(
            [
                (GroupPageFactory, "Pantry"),
                (HotlinePageFactory, "Health line"),
                (ExternalFormPageFactory, "Request form"),
                (ResourcePageFactory, "Survival fund"),
            ]
        )
    ]
    OpeningHoursFactory(page=listings[0], weekday=4, opens="17:00", closes="19:00")
    for place in located("47.55", "-122.27"):  # about a kilometre from 98118's centre
        place.page, place.locale = listings[0], listings[0].locale
        place.save()
    translate(listings[0], "es", copy_parents=True, title="Despensa")
    return locales


@pytest.fixture(scope="module")
def _directory(django_db_setup, django_db_blocker):
    """The directory, built once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_directory()
        with django_db_blocker.block():
            yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def app():
    """The portal's WSGI app, which must not close the test's connection at each request's end
    (Django's test client disconnects the same handlers)."""
    with contextlib.ExitStack() as stack:
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
            stack.callback(signal.connect, close_old_connections)
        yield WSGIHandler()


def adapted(case):
    """Parameters the OpenAPI cannot say depend on each other: `proximity` is a distance from
    `postcode` (alone it is refused, tested in test_hsds_api.py), and `minimal` and `full`
    are exclusive."""
    query = case.query or {}
    if query.get("proximity") is not None and not query.get("postcode"):
        query["postcode"] = "98118"
    if str(query.get("minimal")).lower() == "true" and str(query.get("full")).lower() == "true":
        query.pop("full")
    return case


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_hsds_api_conforms(case, _directory, db, app):
    # identity: schemathesis's WSGI transport reads the body as sent, and the API gzips.
    adapted(case).call_and_validate(app=app, headers={"Accept-Encoding": "identity"})


@hsds_schema.parametrize()
@settings(
    max_examples=RAW_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_whatever_hsds_allows_is_answered_without_error(case, _directory, db, app):
    """Against HSDS's own OpenAPI, which types most parameters as any string or integer and
    documents only 200s: whatever it lets a client send gets no server error, and every
    answer it documents is valid (the 400s it does not document are checked above)."""
    adapted(case).call_and_validate(
        app=app,
        headers={"Accept-Encoding": "identity"},
        checks=[not_a_server_error, response_schema_conformance],
    )
