"""The one rule for what a reader may see: `for_reader`, `visible` and `chosen_for_reader`,
and serving a translation whose source editors have hidden."""

import re

from wagtail.models import Locale

import pytest

from directory.factories import GroupPageFactory, HotlinePageFactory
from directory.models import ListingPage
from tests.helpers import assert_not_found, publish, restrict, translate


@pytest.fixture
def tree(locales, home, directory):
    """English and Spanish trees with one listing in each state an editor can leave it in."""
    translate(home, "es")
    translate(directory, "es")
    shared = GroupPageFactory(parent=directory, slug="shared", title="Shared group")
    untranslated = GroupPageFactory(parent=directory, slug="english-only", title="English only")
    draft = GroupPageFactory(parent=directory, slug="draft", title="Never published", live=False)
    unpublished = HotlinePageFactory(parent=directory, slug="closed", title="Closed line")
    restricted = GroupPageFactory(parent=directory, slug="private", title="Private group")
    restricted_alone = GroupPageFactory(parent=directory, slug="secret", title="Secret group")
    pages = {
        "shared": shared,
        "shared_es": translate(shared, "es", title="Grupo compartido"),
        "untranslated": untranslated,
        "draft": draft,
        "unpublished": unpublished,
        "unpublished_es": translate(unpublished, "es", title="Línea cerrada"),
        "restricted": restricted,
        "restricted_es": translate(restricted, "es", title="Grupo privado"),
        "restricted_alone": restricted_alone,
        "spanish_draft": translate(untranslated, "es", live=False, title="Borrador"),
    }
    unpublished.unpublish()
    restrict(restricted)
    restrict(restricted_alone)
    return pages


def titles(queryset):
    return sorted(page.title for page in queryset)


def test_a_reader_sees_their_language_else_the_default_and_nothing_hidden(tree, locales):
    spanish = ListingPage.objects.for_reader(locales["es"])
    english = ListingPage.objects.for_reader(locales["en"])

    assert titles(spanish) == ["English only", "Grupo compartido"]
    assert titles(english) == ["English only", "Shared group"]


def test_visible_pages_in_every_language_leave_out_hidden_sources(tree):
    assert titles(ListingPage.objects.visible()) == [
        "English only",
        "Grupo compartido",
        "Shared group",
    ]


def test_active_locale_is_the_default_argument(tree):
    from django.utils import translation

    with translation.override("es"):
        assert titles(ListingPage.objects.for_reader()) == ["English only", "Grupo compartido"]


def test_chosen_pages_keep_the_editors_order_in_the_readers_language(tree, locales):
    chosen = [tree["untranslated"], tree["unpublished"], tree["shared"], tree["restricted"]]

    found = ListingPage.objects.chosen_for_reader(chosen, locales["es"])

    assert [page.title for page in found] == ["English only", "Grupo compartido"]


@pytest.mark.parametrize("code", ["en", "es"])
def test_hidden_translations_are_not_served(client, tree, code):
    """Unpublished or restricted in English: no language shows its content."""
    for name in ("unpublished", "restricted", "restricted_alone", "draft"):
        path = f"/{code}/directory/{tree[name].slug}/"
        response = client.get(path)
        html = response.content.decode()
        for title in ("Closed line", "Línea cerrada", "Private group", "Grupo privado"):
            assert title not in html, (path, title)
        assert "Secret group" not in html and "Never published" not in html


def test_a_translation_of_a_restricted_page_asks_for_the_sources_password(client, tree):
    response = client.get("/es/directory/private/")

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"]

    restriction = tree["restricted"].get_view_restrictions()[0]
    assert f"/_util/authenticate_with_password/{restriction.pk}/" in response.content.decode()


def test_the_english_fallback_of_a_restricted_page_asks_for_its_password(client, tree):
    """No Spanish copy: the fallback serves the English page, behind its restriction."""
    response = client.get("/es/directory/secret/")

    assert 'name="password"' in response.content.decode()
    assert "Secret group" not in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_a_translation_of_an_unpublished_page_is_not_found(client, tree):
    assert_not_found(client.get("/es/directory/closed/"))


def test_once_the_password_is_given_the_translation_is_served(client, tree):
    form = client.get("/es/directory/private/").content.decode()
    action = re.search(r'action="([^"]+)"', form).group(1)
    client.post(action, {"password": "letmein", "return_url": "/es/directory/private/"})

    response = client.get("/es/directory/private/")

    assert "Grupo privado" in response.content.decode()


def test_a_page_written_in_another_language_first_is_served(client, tree, locales):
    """No English source to follow: the Spanish page stands on its own."""
    spanish_directory = tree["shared_es"].get_parent()
    only_spanish = GroupPageFactory(
        parent=spanish_directory, slug="solo", title="Solo en español", locale=locales["es"]
    )
    publish(only_spanish)

    assert "Solo en español" in client.get("/es/directory/solo/").content.decode()
    assert Locale.get_default().pk != only_spanish.locale_id
