"""Search fixtures: translated demo-like content, and the backends the contract suite runs on.

The cluster runs only when SEARCH_URL answers. Locally an unreachable cluster skips those
tests; with CI set it fails them, so CI can never pass without having searched a cluster.
"""

import os
import uuid

import pytest

from articles.factories import ArticlePageFactory
from directory.factories import (
    AreaFactory,
    ExternalFormPageFactory,
    GroupPageFactory,
    HotlinePageFactory,
    LanguageFactory,
    NeedFactory,
    ResourcePageFactory,
)
from search.cluster.backend import ClusterBackend
from search.cluster.client import ClusterClient, ClusterError
from tests.conftest import skip_or_fail_in_ci
from tests.helpers import publish, translate


def cluster_url():
    from django.conf import settings

    return os.environ.get("SEARCH_URL") or settings.SEARCH_URL


def cluster_reachable():
    url = cluster_url()
    if not url:
        return False
    try:
        ClusterClient(url=url, timeout=3).request("GET", "/_cluster/health")
    except ClusterError:
        return False
    return True


def require_cluster():
    if cluster_reachable():
        return
    skip_or_fail_in_ci(
        f"no search cluster answers at SEARCH_URL={cluster_url()!r}: "
        "start one with `export SEARCH_URL=$(scripts/search-node/node.sh start)`"
    )


@pytest.fixture
def cluster(settings):
    """A cluster backend in indices of its own (per xdist worker and test), dropped after."""
    require_cluster()
    settings.SEARCH_URL = cluster_url()
    settings.SEARCH_BACKEND = "cluster"
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.SEARCH_INDEX_PREFIX = f"test-{worker}-{uuid.uuid4().hex[:8]}"
    backend = ClusterBackend()
    yield backend
    backend.drop()


@pytest.fixture
def content(locales, directory, articles_index):
    """A small directory in the shape of the demo, with es, vi and am translations."""
    food = NeedFactory(slug="food", name="Food")
    rides = NeedFactory(slug="transportation", name="Rides and deliveries")
    health = NeedFactory(slug="health", name="Health questions and information")
    masks = NeedFactory(slug="masks", name="Masks and PPE")
    seattle = AreaFactory(slug="seattle", name="Seattle")
    south = AreaFactory(slug="south-king-county", name="South King County")
    spanish = LanguageFactory(code="es", name="Spanish", native_name="Español")
    pages = {
        "groceries": GroupPageFactory(
            parent=directory,
            title="Neighbors Grocery Delivery",
            slug="grocery-delivery",
            summary="Volunteers bring groceries to people who cannot get out to shop.",
            needs=[food],
            areas=[seattle],
            languages=[spanish],
        ),
        "ride": ExternalFormPageFactory(
            parent=directory,
            title="Request a ride",
            slug="request-a-ride",
            summary="A volunteer with a car takes you to appointments and back.",
            needs=[rides],
            areas=[south],
        ),
        "hotline": HotlinePageFactory(
            parent=directory,
            title="Nurse advice line",
            slug="nurse-line",
            summary="Answers to health questions from a nurse, by phone.",
            cost="free",
            needs=[health],
            areas=[seattle, south],
        ),
        "masks": ResourcePageFactory(
            parent=directory,
            title="Find N95 masks",
            slug="n95-masks",
            summary="Where to pick up free N95 masks and other protective equipment.",
            needs=[masks],
            areas=[seattle],
        ),
        "article": ArticlePageFactory(
            parent=articles_index,
            title="What mutual aid means",
            slug="what-mutual-aid-means",
            summary="Neighbours sharing what they have, from free breakfasts to food banks.",
        ),
    }
    for page in pages.values():
        publish(page)
    pages["groceries_es"] = translate(
        pages["groceries"],
        "es",
        copy_parents=True,
        title="Entrega de comida entre vecinos",
        summary="Voluntarios llevan comida a quienes no pueden salir de casa.",
    )
    pages["groceries_vi"] = translate(
        pages["groceries"],
        "vi",
        copy_parents=True,
        title="Giao thực phẩm cho hàng xóm",
        summary="Tình nguyện viên mang thực phẩm đến tận nhà.",
    )
    pages["groceries_am"] = translate(
        pages["groceries"],
        "am",
        copy_parents=True,
        title="የጎረቤቶች የምግብ አቅርቦት",
        summary="በጎ ፈቃደኞች ምግብ ወደ ቤትዎ ያመጣሉ።",
    )
    return pages


@pytest.fixture(params=["database", pytest.param("cluster", marks=pytest.mark.cluster)])
def backend(request, settings, content):
    """Each contract test runs on both backends, over the same content."""
    if request.param == "database":
        settings.SEARCH_BACKEND = "database"
        return "database"
    cluster = request.getfixturevalue("cluster")
    cluster.rebuild()
    return "cluster"
