"""A cluster of several nodes: SEARCH_URL lists them, a dead node costs readers nothing, and
the portal's index keeps a replica whenever a second node can hold it."""

import socket
import time

import pytest

from search import service
from search.cluster.client import ClusterClient, ClusterError, node_urls


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_search_url_names_each_node():
    assert node_urls(" http://a:9200, http://b:9200 ,") == ["http://a:9200", "http://b:9200"]


def test_every_node_dead_is_one_error_at_once(settings):
    dead = [f"http://127.0.0.1:{unused_port()}" for _ in range(2)]
    client = ClusterClient(url=",".join(dead), timeout=2)
    start = time.monotonic()
    with pytest.raises(ClusterError):
        client.request("GET", "/_cluster/health")
    assert time.monotonic() - start < 1  # refused twice, no waiting


@pytest.mark.cluster
def test_a_dead_node_is_passed_over_for_a_live_one(cluster, content, settings):
    cluster.rebuild()
    # The dead node first: the client must fail over to the live one, not to the database.
    settings.SEARCH_URL = f"http://127.0.0.1:{unused_port()},{settings.SEARCH_URL}"
    for _ in range(3):  # whichever node the client's round robin starts with
        results = service.search(service.make_query("groceries", language="en"))
        assert results.backend == "cluster"
        assert results.results[0]["title"] == "Neighbors Grocery Delivery"


@pytest.mark.cluster
def test_the_index_stays_green_with_a_replica_wherever_a_second_node_is(cluster, db):
    cluster.ensure_index()
    index = next(iter(cluster.aliased_indices()))
    found = cluster.client.request("GET", f"/{index}/_settings")[index]["settings"]["index"]
    assert found["auto_expand_replicas"] == "0-1"
    health = cluster.client.request(  # the cluster waits up to 30 s for green by itself
        "GET", f"/_cluster/health/{index}", params={"wait_for_status": "green"}, timeout=40
    )
    assert health["status"] == "green"
    nodes = cluster.client.request("GET", "/_nodes")["_nodes"]["total"]
    assert health["active_shards"] == min(nodes, 2)  # the primary, and its replica if 2 nodes
