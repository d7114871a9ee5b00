"""Shared fixtures: a site whose root is our home page, its two index pages, the locales, and
the demo (per test, or once per module for tests that only read it)."""

import os

from django.conf import settings
from django.db import transaction
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest

from articles.factories import ArticleIndexPageFactory
from directory.factories import DirectoryIndexPageFactory, LanguageFactory, NeedFactory
from home.factories import HomePageFactory
from tests.helpers import load_demo


def skip_or_fail_in_ci(message):
    """A test needs something this machine lacks (a browser, axe-core, a search cluster).

    On a contributor's machine it skips, with `message` naming the command that installs the
    missing piece; in CI (CI=true, as .ci/run sets it) it fails, so CI never passes without it.
    """
    if os.environ.get("CI", "").lower() not in {"", "0", "false"}:
        pytest.fail(f"{message}; CI must run this test")
    pytest.skip(message)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: cached labels or rate-limit counts from another
    test's database would otherwise leak into it."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):  # tests that use a real shared cache manage it
            cache.clear()
    yield


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language: Django keeps whatever language the last
    request activated, so a test run after one that read /am/ would get Amharic messages."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def demo(db):
    """The English demo (without the slower translation step), for one test to change."""
    load_demo("--no-translations")


@pytest.fixture
def full_demo(db):
    """The demo in the five languages, for one test to change."""
    load_demo()


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker):
    """The five-language demo, loaded once in a transaction that stays open for the module's
    tests and is rolled back after the last one. Each test's own transaction nests inside it
    (a savepoint), so what a test changes is still undone after that test."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        with django_db_blocker.block():  # tests reach the database through `db` only
            yield
        transaction.set_rollback(True)


@pytest.fixture
def shared_demo(_demo_for_the_module, db):
    """The demo in the five languages, loaded once per test module (a load takes seconds).

    For modules whose tests use the database through `db` only: a transactional test
    (`transactional_db`, `live_server`) would commit or flush the shared load. Tests of the
    module that run after the first `shared_demo` test see the demo too, so give it to every
    database test of the module."""


@pytest.fixture
def locales(db):
    """Every locale the portal serves, English first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="portal-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


@pytest.fixture
def directory(home):
    return DirectoryIndexPageFactory(parent=home)


@pytest.fixture
def articles_index(home):
    return ArticleIndexPageFactory(parent=home)


@pytest.fixture
def food(db):
    return NeedFactory(slug="food", name="Food")


@pytest.fixture
def spanish(db):
    return LanguageFactory(code="es", name="Spanish", native_name="Español")
