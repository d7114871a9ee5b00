"""Publish, unpublish, edit, move, delete and translate: the cluster index follows; a change
made while the cluster is down is queued in the database and replayed when it is back."""

from django.core.management import call_command

from wagtail.models import Locale

import pytest

from directory.factories import GroupPageFactory, HotlinePageFactory
from search import service
from search.models import PendingIndexUpdate

from .conftest import publish, translate

pytestmark = pytest.mark.cluster


def titles(text, reader="en"):
    service.ClusterBackend().refresh()
    results = service.search(service.make_query(text, language=reader))
    assert results.backend == "cluster"
    return [r["title"] for r in results.results]


@pytest.fixture
def indexed(cluster, directory, food, django_capture_on_commit_callbacks):
    cluster.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        page = GroupPageFactory(
            parent=directory, title="Soup kitchen", slug="soup", summary="Hot soup.", needs=[food]
        )
        publish(page)
    return page


def test_publish_reaches_the_index(indexed):
    assert titles("soup") == ["Soup kitchen"]


def test_edit_reaches_the_index(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed.title = "Bread kitchen"
        publish(indexed)
    assert titles("bread") == ["Bread kitchen"]
    assert titles("Soup kitchen") == ["Bread kitchen"]  # summary still says soup


def test_unpublish_and_delete_leave_the_index(indexed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        indexed.unpublish()
    assert titles("soup") == []
    with django_capture_on_commit_callbacks(execute=True):
        publish(indexed)
    assert titles("soup") == ["Soup kitchen"]
    with django_capture_on_commit_callbacks(execute=True):
        indexed.delete()
    assert titles("soup") == []


def test_move_updates_the_url(indexed, directory, django_capture_on_commit_callbacks):
    from directory.factories import DirectoryIndexPageFactory

    other = DirectoryIndexPageFactory(parent=directory.get_parent(), slug="elsewhere")
    with django_capture_on_commit_callbacks(execute=True):
        indexed.move(other, pos="last-child")
    service.ClusterBackend().refresh()
    result = service.search(service.make_query("soup")).results[0]
    assert result["url"] == "/en/elsewhere/soup/"


def test_translation_replaces_the_fallback(indexed, locales, django_capture_on_commit_callbacks):
    assert titles("soup", reader="es") == ["Soup kitchen"]  # fallback, in English
    with django_capture_on_commit_callbacks(execute=True):
        translate(indexed, "es", title="Cocina de sopa", summary="Sopa caliente.")
    assert titles("sopa", reader="es") == ["Cocina de sopa"]
    assert "Soup kitchen" not in titles("soup", reader="es")


def test_updates_missed_while_down_are_replayed(
    indexed, settings, directory, django_capture_on_commit_callbacks
):
    url = settings.SEARCH_URL
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    with django_capture_on_commit_callbacks(execute=True):
        HotlinePageFactory(parent=directory, title="Stew line", slug="stew", summary="Stew.")
    queued = PendingIndexUpdate.objects.get()
    assert queued.target == "page" and "port=9" in queued.last_error

    settings.SEARCH_URL = url
    from django.core.cache import cache

    cache.clear()  # the cluster is back
    call_command("search_replay", verbosity=0)
    assert not PendingIndexUpdate.objects.exists()
    assert titles("stew") == ["Stew line"]


def test_rebuild_command(cluster, content, capsys):
    call_command("search_rebuild")
    out, err = capsys.readouterr()
    assert f"into {cluster.alias}" in out
    assert "Indexing" in err  # the progress bar
    assert titles("comida", reader="es")[0] == "Entrega de comida entre vecinos"


def test_typos_are_forgiven(cluster, content):
    cluster.rebuild()
    assert titles("grocerys")[0] == "Neighbors Grocery Delivery"
    assert titles("helth questions")[0] == "Nurse advice line"


def test_wagtail_admin_search_uses_the_cluster(cluster, content, settings):
    """The admin's backend (as configured in base.py) indexes and searches the same cluster."""
    from django.conf import settings as live

    from wagtail.search.backends import get_search_backend

    from directory.models import ListingPage

    from .test_settings import base_settings

    config = base_settings(
        SEARCH_URL=live.SEARCH_URL,
        SEARCH_ENGINE=live.SEARCH_ENGINE,
        SEARCH_INDEX_PREFIX=live.SEARCH_INDEX_PREFIX,
    )["wagtail"]["default"]
    backend = get_search_backend("default", **config)
    try:
        backend.reset_indexes()
        backend.get_index_for_model(ListingPage).add_model(ListingPage)
        backend.add_bulk(ListingPage, list(ListingPage.objects.filter(locale=Locale.get_default())))
        backend.refresh_indexes()
        found = backend.search("nurse", ListingPage)
        assert [page.title for page in found] == ["Nurse advice line"]
    finally:
        cluster.client.request("DELETE", f"/{live.SEARCH_INDEX_PREFIX}-wagtail-*")
