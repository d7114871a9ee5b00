"""Issue 13 item 4: when the cluster fails and the database answers, the search page says so,
discreetly; the API says which backend answered (the log's count of fallbacks is tested in
test_resilience.py)."""

import socket

import pytest

NOTICE = "Search is running in reduced mode"


@pytest.fixture
def dead_cluster(settings):
    """A SEARCH_URL where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SEARCH_URL = f"http://127.0.0.1:{port}"
    settings.SEARCH_BACKEND = "cluster"


def test_the_page_says_when_the_database_answers_for_a_failed_cluster(
    client, content, dead_cluster
):
    html = client.get("/en/search/", {"q": "groceries"}).content.decode()
    assert "Neighbors Grocery Delivery" in html
    assert NOTICE in html
    api = client.get("/api/v1/search/", {"q": "groceries"}).json()
    assert api["backend"] == "database"


def test_nothing_is_said_when_the_database_is_the_chosen_backend(client, content, settings):
    settings.SEARCH_BACKEND = "database"
    html = client.get("/en/search/", {"q": "groceries"}).content.decode()
    assert "Neighbors Grocery Delivery" in html
    assert NOTICE not in html


@pytest.mark.cluster
def test_nothing_is_said_when_the_cluster_answers(client, content, cluster):
    cluster.rebuild()
    html = client.get("/en/search/", {"q": "groceries"}).content.decode()
    assert "Neighbors Grocery Delivery" in html
    assert NOTICE not in html
