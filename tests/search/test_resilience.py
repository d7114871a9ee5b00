"""A dead or slow cluster never fails a reader: the database answers and a warning is logged."""

import logging
import socket
import threading

from django.core.cache import cache

import pytest

from search import service
from search.cluster import state


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
