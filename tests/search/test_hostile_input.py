"""Whatever a reader or a client sends, the answer is a 200 or a 400 with a message."""

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.factories import GroupPageFactory

NASTY = st.sampled_from(
    [
        '"',
        '"unbalanced',
        "food AND NOT rides OR",
        '{"query": {"match_all": {}}}',
        "title:food^10 ~2 * ? [a TO z] \\ / ( ) { } < > | & ! -",
        "' OR 1=1; --",
        "%s %d %%",
        "🍎🚗💊 food",
        "ምግብ ትራንስፖርት",
        "thực phẩm đưa đón",
        "x" * 1000,
        "NEAR(food rides)",
        "*",
        "\u200b\ufeff",
    ]
)
QUERIES = st.one_of(NASTY, st.text(max_size=300))
PAGES = st.one_of(st.none(), st.integers(-5, 500).map(str), st.text(max_size=8), st.just("1e9"))
FACET_VALUES = st.one_of(st.none(), st.just("food"), st.text(max_size=30))
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def listing(directory, food):
    return GroupPageFactory(parent=directory, title="Grocery runs", needs=[food])


def params(q, page, need, kind):
    sent = {"q": q, "page": page, "need": need, "kind": kind}
    return {key: value for key, value in sent.items() if value is not None}


@HYPOTHESIS
@given(q=QUERIES, page=PAGES, need=FACET_VALUES, kind=FACET_VALUES)
def test_the_page_never_fails(listing, q, page, need, kind):
    response = Client().get("/en/search/", params(q, page, need, kind))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert b"were not understood" in response.content


@HYPOTHESIS
@given(q=QUERIES, page=PAGES, need=FACET_VALUES, kind=FACET_VALUES)
def test_the_api_never_fails(listing, q, page, need, kind):
    response = Client().get("/api/v1/search/", params(q, page, need, kind))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]
    else:
        assert set(response.json()) == {
            "query",
            "total",
            "total_exact",
            "results",
            "facets",
            "backend",
            "promotions",
        }


@HYPOTHESIS
@given(q=QUERIES, locale=st.one_of(st.none(), st.sampled_from(["en", "es", "am", "zz"])))
def test_autocomplete_never_fails(listing, q, locale):
    query = {"q": q} if locale is None else {"q": q, "locale": locale}
    response = Client().get("/api/v1/search/autocomplete/", query)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert response.json()["errors"]
    else:
        assert isinstance(response.json()["suggestions"], list)


@pytest.mark.cluster
@HYPOTHESIS
@given(q=QUERIES)
def test_the_cluster_never_fails_the_api(cluster, listing, q):
    if not cluster.client.exists(f"/_alias/{cluster.alias}"):
        cluster.rebuild()
    response = Client().get("/api/v1/search/", {"q": q})
    assert response.status_code in (200, 400)
    if response.status_code == 400:  # refused before any backend is asked (e.g. a NUL)
        assert response.json()["errors"]
    else:  # whatever else the reader typed, the cluster answered it (none: nothing to search)
        assert response.json()["backend"] in ("cluster", "")
        assert response.json()["total"] >= 0
