"""SEARCH_URL decides which backends serve the admin and the public search."""

import json
import os
import subprocess
import sys

from django.conf import settings

# Rebuilt batch by batch, not in one transaction (see tests/search/test_database_indexing.py).
DATABASE_SEARCH = {"BACKEND": "modelsearch.backends.database", "ATOMIC_REBUILD": False}
SNIPPET = (
    "import json, portal.settings.base as s; "
    "print(json.dumps({'wagtail': s.WAGTAILSEARCH_BACKENDS, 'public': s.SEARCH_BACKEND}))"
)


def base_settings(**env):
    """portal.settings.base as a fresh process reads it with these environment variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_")}
    output = subprocess.run(
        [sys.executable, "-c", SNIPPET],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output)


def test_without_search_url_everything_is_embedded():
    found = base_settings()
    assert found["public"] == "database"
    assert found["wagtail"] == {"default": DATABASE_SEARCH}


def test_with_search_url_the_admin_uses_the_cluster_and_keeps_the_database():
    found = base_settings(SEARCH_URL="http://search.internal:9200", SEARCH_INDEX_PREFIX="prod")
    assert found["public"] == "cluster"
    admin = found["wagtail"]["default"]
    assert admin["BACKEND"] == "modelsearch.backends.opensearch3"
    assert admin["URLS"] == ["http://search.internal:9200"]
    assert admin["INDEX_PREFIX"] == "prod-wagtail-"
    assert found["wagtail"]["database"] == DATABASE_SEARCH


def test_elasticsearch_engine_picks_the_elasticsearch_backend():
    found = base_settings(SEARCH_URL="http://es:9200", SEARCH_ENGINE="elasticsearch")
    assert found["wagtail"]["default"]["BACKEND"] == "modelsearch.backends.elasticsearch8"


def test_several_nodes_all_reach_the_admin_backend():
    found = base_settings(SEARCH_URL="http://node-1:9200, http://node-2:9200")
    assert found["wagtail"]["default"]["URLS"] == ["http://node-1:9200", "http://node-2:9200"]
