"""One small client over opensearch-py or elasticsearch-py, chosen by SEARCH_ENGINE.

elasticsearch-py 8 refuses to talk to OpenSearch (UnsupportedProductError), so request bodies
are plain dicts (built with elasticsearch-dsl's `Q` where that helps), sent through whichever
client fits the server, and answers are read as the decoded JSON they are.
Every failure surfaces as ClusterError, so callers handle one exception. Requests wait
SEARCH_TIMEOUT seconds unless given their own `timeout` (index management uses
SEARCH_ADMIN_TIMEOUT).

SEARCH_URL may name several nodes, comma-separated. A request that cannot connect to one node
is retried once on each other node (the client also rests the dead node a while), so a node
going down costs readers nothing while another holds a copy of the index (replicas, see
mapping.py). A timeout is not retried: a slow cluster hands over to the database at once.
"""

import json

from django.conf import settings


class ClusterError(Exception):
    """The cluster could not be reached, was too slow, or refused the request."""


def node_urls(url):
    """SEARCH_URL's nodes: "http://a:9200,http://b:9200" -> ["http://a:9200", "http://b:9200"]."""
    return [part.strip() for part in url.split(",") if part.strip()]


class ClusterClient:
    def __init__(self, url=None, engine=None, timeout=None):
        self.url = url or settings.SEARCH_URL
        self.engine = engine or settings.SEARCH_ENGINE
        self.timeout = timeout if timeout is not None else settings.SEARCH_TIMEOUT
        nodes = node_urls(self.url)
        # One try per node, none on a timeout: only another node's answer is worth waiting for.
        retries = {"max_retries": len(nodes) - 1, "retry_on_timeout": False}
        if self.engine == "opensearch":
            from opensearchpy import OpenSearch

            self.raw = OpenSearch(nodes, timeout=self.timeout, **retries)
        else:
            from elasticsearch import Elasticsearch

            self.raw = Elasticsearch(nodes, request_timeout=self.timeout, **retries)

    def request(self, method, path, body=None, params=None, timeout=None):
        """A JSON request; returns the decoded body. Raises ClusterError on any failure."""
        try:
            if self.engine == "opensearch":
                params = {**(params or {})}
                if timeout:
                    params["request_timeout"] = timeout
                return self.raw.transport.perform_request(method, path, params=params, body=body)
            headers = {"accept": "application/json"}
            if body is not None:  # a str body is already NDJSON (see `msearch`)
                ndjson = isinstance(body, str)
                headers["content-type"] = "application/x-ndjson" if ndjson else "application/json"
            client = self.raw.options(request_timeout=timeout) if timeout else self.raw
            return client.perform_request(
                method, path, params=params, headers=headers, body=body
            ).body
        except Exception as error:
            raise ClusterError(f"{method} {path}: {error}") from error

    def msearch(self, index, bodies):
        """Several searches in one round trip; their answers, in order. A search that failed
        fails them all: a page of results needs every one."""
        lines = "".join(f"{{}}\n{json.dumps(body)}\n" for body in bodies)
        answers = self.request("POST", f"/{index}/_msearch", body=lines)["responses"]
        for answer in answers:
            if "error" in answer:
                raise ClusterError(f"_msearch {index}: {answer['error']}")
        return answers

    def exists(self, path, timeout=None):
        try:
            if self.engine == "opensearch":
                params = {"request_timeout": timeout} if timeout else None
                return self.raw.transport.perform_request("HEAD", path, params=params)
            client = self.raw.options(request_timeout=timeout) if timeout else self.raw
            return bool(client.perform_request("HEAD", path).meta.status == 200)
        except Exception as error:
            if getattr(error, "status_code", None) == 404 or getattr(error, "status", None) == 404:
                return False
            if getattr(getattr(error, "meta", None), "status", None) == 404:
                return False
            raise ClusterError(f"HEAD {path}: {error}") from error

    def bulk(self, actions, timeout=None):
        """Index and delete in bulk; a 404 on delete (already gone) is not an error."""
        try:
            if self.engine == "opensearch":
                from opensearchpy.helpers import bulk

                client, extra = self.raw, ({"request_timeout": timeout} if timeout else {})
            else:
                from elasticsearch.helpers import bulk

                client = self.raw.options(request_timeout=timeout) if timeout else self.raw
                extra = {}
            ok, errors = bulk(client, actions, raise_on_error=False, chunk_size=500, **extra)
        except Exception as error:
            raise ClusterError(f"bulk: {error}") from error
        real = [e for e in errors if next(iter(e.values())).get("status") != 404]
        if real:
            raise ClusterError(f"bulk: {len(real)} failed, e.g. {real[0]}")
        return ok
