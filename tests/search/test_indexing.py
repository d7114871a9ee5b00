"""Publish, unpublish, edit, move, delete, translate and restrict: the cluster index follows; a
change made while the cluster is down is queued in the database and replayed as soon as it is
back; a rebuild that fails part-way leaves no trace."""

import logging

from django.conf import settings as settings_module
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction

import pytest

from directory.factories import GroupPageFactory, HotlinePageFactory
from search import indexing, service
from search.cluster import backend as backend_module
from search.cluster import state
from search.cluster.backend import ClusterBackend
from search.cluster.client import ClusterClient, ClusterError
from search.models import PendingIndexUpdate
from tests.helpers import publish, translate

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
        publish(indexed, title="Bread kitchen")
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
        translate(
            indexed, "es", copy_parents=True, title="Cocina de sopa", summary="Sopa caliente."
        )
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


def in_index(cluster, page):
    """Whether the page's document is in the index itself (not just filtered out at query time)."""
    cluster.refresh()
    return cluster.client.exists(f"/{cluster.alias}/_doc/{page.pk}")


def test_a_restriction_takes_the_page_out_and_lifting_it_brings_it_back(
    cluster, indexed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=indexed, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
    assert not in_index(cluster, indexed)
    assert titles("soup") == []
    assert titles("soup", reader="es") == []  # nor as the Spanish reader's English fallback
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert titles("soup") == ["Soup kitchen"]


def test_the_privacy_dialog_hides_a_whole_section(
    cluster, indexed, directory, admin_client, django_capture_on_commit_callbacks
):
    """Wagtail's own privacy flow, on a parent page: everything below it leaves the index."""
    url = reverse("wagtailadmin_pages:set_privacy", args=[directory.pk])
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"restriction_type": PageViewRestriction.LOGIN})
    assert PageViewRestriction.objects.filter(page=directory).exists()
    assert not in_index(cluster, indexed)
    assert titles("soup") == []
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"restriction_type": PageViewRestriction.NONE})
    assert not PageViewRestriction.objects.exists()
    assert titles("soup") == ["Soup kitchen"]


def test_a_stale_hit_is_dropped_counted_nowhere_and_healed(
    cluster, indexed, django_capture_on_commit_callbacks
):
    # A restriction the cluster missed: its re-sync (an on-commit callback) never runs here.
    PageViewRestriction.objects.create(
        page=indexed, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    assert in_index(cluster, indexed)
    with django_capture_on_commit_callbacks(execute=True):
        results = service.search(service.make_query("soup"))
    # The database answered this reader exactly: no result, no total, no facet counts it.
    assert (results.backend, results.total, results.results) == ("database", 0, [])
    assert all(items == [] for items in results.facets.values())
    assert not in_index(cluster, indexed)  # and the index healed
    assert titles("soup") == []


def test_unpublished_during_an_outage_never_comes_back(
    cluster, indexed, settings, django_capture_on_commit_callbacks, caplog
):
    url = settings.SEARCH_URL
    settings.SEARCH_URL = "http://127.0.0.1:9"  # the cluster is down
    with django_capture_on_commit_callbacks(execute=True):
        indexed.unpublish()
    assert PendingIndexUpdate.objects.filter(page_id=indexed.pk).exists()
    assert service.search(service.make_query("soup")).results == []  # the database answers

    settings.SEARCH_URL = url  # back; and a routine replay ran a moment ago
    cache.delete(state.REST_KEY)
    cache.set(indexing.REPLAY_CHECK_KEY, True, 60)
    with caplog.at_level(logging.WARNING, logger="search.service"):
        first = service.search(service.make_query("soup"))
    assert first.results == []
    assert "Search cluster is back; the database answered 1 search(es)" in caplog.text
    # The missed unpublish was sent at once, not at the next minute's check.
    assert not PendingIndexUpdate.objects.exists()
    assert not in_index(cluster, indexed)
    assert titles("soup") == []


def index_names(cluster):
    rows = cluster.client.request(
        "GET", f"/_cat/indices/{cluster.alias}-*", params={"format": "json"}
    )
    return sorted(row["index"] for row in rows)


def test_a_failed_rebuild_leaves_no_orphan_and_readers_keep_searching(
    cluster, content, monkeypatch
):
    cluster.rebuild()
    before = index_names(cluster)
    monkeypatch.setattr(backend_module, "BATCH", 2)
    real_bulk = ClusterClient.bulk
    calls = []

    def bulk_failing_after_the_first_batch(self, actions, timeout=None):
        calls.append(timeout)
        if len(calls) > 1:
            raise ClusterError("bulk: the node went away")
        return real_bulk(self, actions, timeout=timeout)

    monkeypatch.setattr(ClusterClient, "bulk", bulk_failing_after_the_first_batch)
    with pytest.raises(CommandError) as failure:
        call_command("search_rebuild", verbosity=0)
    assert "the node went away" in str(failure.value)
    assert "still points to the previous index. The half-built index was deleted." in str(
        failure.value
    )
    assert len(calls) == 2  # it failed part-way, after a first batch went in
    assert calls[0] == settings_module.SEARCH_ADMIN_TIMEOUT
    assert index_names(cluster) == before  # no orphan
    assert cluster.aliased_indices() == before
    assert titles("groceries")[0] == "Neighbors Grocery Delivery"


def test_a_rebuild_does_not_depend_on_the_readers_timeout(cluster, content, settings):
    """A cold cluster takes seconds to create an index: management has its own timeout."""
    settings.SEARCH_TIMEOUT = 0.001  # no reader's request could finish in time
    assert ClusterBackend().rebuild() > 0
    settings.SEARCH_TIMEOUT = 5
    assert titles("groceries")[0] == "Neighbors Grocery Delivery"
