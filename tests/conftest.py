"""Shared fixtures: a site whose root is our home page, its two index pages, the locales."""

import os

from django.conf import settings

from wagtail.models import Locale, Page, Site

import pytest

from articles.factories import ArticleIndexPageFactory
from directory.factories import DirectoryIndexPageFactory, LanguageFactory, NeedFactory
from home.factories import HomePageFactory


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
