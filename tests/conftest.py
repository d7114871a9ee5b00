"""Shared fixtures: a site whose root is our home page, its two index pages, the locales."""

from django.conf import settings

from wagtail.models import Locale, Page, Site

import pytest

from articles.factories import ArticleIndexPageFactory
from directory.factories import DirectoryIndexPageFactory, LanguageFactory, NeedFactory
from home.factories import HomePageFactory


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
