"""A dead or slow cluster never fails a reader: the database answers and a warning is logged;
the shared breaker sends every worker back to the cluster once one probe finds it answering;
and whatever a backend returns, hidden pages are never shown."""

import logging
import socket
import threading
import time

from django.core.cache import cache

from wagtail.models import PageViewRestriction

import pytest

from search import service
from search.cluster import state
from search.cluster.client import ClusterError
from search.query import Hit


@pytest.fixture
def dead_cluster(settings):
    """A SEARCH_URL where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SEARCH_URL = f"http://127.0.0.1:{port}"
    settings.SEARCH_BACKEND = "cluster"
    return settings.SEARCH_URL


@pytest.fixture
def slow_cluster(settings):
    """A SEARCH_URL that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []
    stop = threading.Event()

    def hold():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    settings.SEARCH_URL = f"http://127.0.0.1:{server.getsockname()[1]}"
    settings.SEARCH_BACKEND = "cluster"
    settings.SEARCH_TIMEOUT = 0.5
    yield settings.SEARCH_URL
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_dead_cluster_database_answers(client, content, dead_cluster, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/api/v1/search/", {"q": "groceries"})
    assert response.status_code == 200
    assert response.json()["results"][0]["title"] == "Neighbors Grocery Delivery"
    assert "Search cluster failed, the database answers" in caplog.text


def test_slow_cluster_database_answers(client, content, slow_cluster, caplog):
    with caplog.at_level(logging.WARNING, logger="search.service"):
        response = client.get("/en/search/", {"q": "health questions"})
    assert response.status_code == 200
    assert "Nurse advice line" in response.content.decode()
    assert "Search cluster failed" in caplog.text


def test_after_a_failure_the_cluster_rests(content, dead_cluster, caplog):
    service.search(service.make_query("food"))
    assert cache.get(state.DOWN_KEY)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="search.service"):
        results = service.search(service.make_query("food"))
    assert results.backend == "database"
    assert caplog.text == ""  # not even tried: no second wait for the timeout


def test_autocomplete_survives_a_dead_cluster(client, content, dead_cluster):
    response = client.get("/api/v1/search/autocomplete/", {"q": "nurse"})
    assert response.status_code == 200
    assert response.json()["suggestions"][0]["title"] == "Nurse advice line"


def test_after_the_cool_down_one_request_at_a_time_probes(content, dead_cluster, settings):
    settings.SEARCH_COOL_DOWN = 1
    service.search(service.make_query("food"))  # the cluster fails: the breaker opens
    assert not state.may_try()  # resting: nobody waits on the cluster
    time.sleep(1.1)
    assert state.may_try()  # this request probes...
    assert not state.may_try()  # ...while every other one keeps to the database


def test_a_successful_probe_brings_every_worker_back(content, settings, caplog):
    """The breaker is in the shared cache: one probe that succeeds closes it for everyone."""
    settings.SEARCH_BACKEND = "cluster"
    settings.SEARCH_URL = "http://127.0.0.1:9"  # never reached: the calls below are fakes
    state.failed(ClusterError("connection refused"))
    assert [service.run(lambda backend: backend.name) for _ in range(3)] == ["database"] * 3
    cache.delete(state.REST_KEY)  # the cool-down is over
    with caplog.at_level(logging.WARNING, logger="search.service"):
        assert service.run(lambda backend: backend.name) == "cluster"
    assert "Search cluster is back; the database answered 3 search(es)" in caplog.text
    assert not state.is_down()
    assert service.run(lambda backend: backend.name) == "cluster"  # no probe needed any more


def test_hidden_pages_are_never_described(content):
    """The query-time check: whatever a backend returns, only live, public pages are shown."""
    PageViewRestriction.objects.create(
        page=content["ride"], restriction_type=PageViewRestriction.LOGIN
    )
    content["masks"].unpublish()
    hits = [Hit(page_id=content[name].pk, language="en") for name in ("hotline", "ride", "masks")]
    described = service.describe(hits, service.make_query("help"), request=None)
    assert [result["title"] for result in described] == ["Nurse advice line"]


def test_a_restricted_section_disappears_from_database_search(client, content, directory):
    PageViewRestriction.objects.create(
        page=directory, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    data = client.get("/api/v1/search/", {"q": "nurse"}).json()
    assert (data["backend"], data["total"], data["results"]) == ("database", 0, [])
    suggestions = client.get("/api/v1/search/autocomplete/", {"q": "nurse"}).json()
    assert suggestions["suggestions"] == []
    assert "Nurse advice line" not in client.get("/en/search/", {"q": "nurse"}).content.decode()
