"""The trust suite's site, built once per test on the backend it asks for."""

import socket

from django.core.cache import cache

import pytest

from search import service
from search.cluster import state
from search.models import PendingIndexUpdate
from tests.search.conftest import cluster  # noqa: F401  (the cluster fixture, reused)

from .site import MARKERS, build, hide_after_indexing


def dead_address():
    """An address on this machine where nothing listens: the cluster, down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


def unpublish_during_outage(site, settings, committed):
    """Stop the cluster (point the backend at a dead port), unpublish, bring it back, and let
    the first search after the outage send what it missed."""
    kind = site.hidden["unpublished_during_outage"]
    url = settings.SEARCH_URL
    settings.SEARCH_URL = dead_address()
    with committed(execute=True):
        for page in (kind.hotline, kind.article):
            page.unpublish()
    assert state.is_down(), "the unpublish never tried the dead cluster"
    settings.SEARCH_URL = url
    cache.delete(state.REST_KEY)  # the cool-down is over: the next search probes
    service.search(service.make_query(MARKERS["unpublished_during_outage"].lower()))
    assert not PendingIndexUpdate.objects.exists(), "the missed unpublish was not replayed"


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def leak_site(request, settings, home, locales, food, django_capture_on_commit_callbacks):
    """Every kind of hidden content, indexed by the backend under test, then the changes
    editors make after indexing (committed, so the cluster's signals run)."""
    backend = request.param
    if backend == "cluster":
        index = request.getfixturevalue("cluster")
    site = build(home, locales, food, backend)
    if backend == "cluster":
        index.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        hide_after_indexing(site)
    if backend == "cluster":
        unpublish_during_outage(site, settings, django_capture_on_commit_callbacks)
        index.refresh()
    return site
