"""Issue 13: readers' queries in five languages find the page they expect in the top 3, on
every backend: SQLite, PostgreSQL (when DATABASE_URL is PostgreSQL, as in CI's PostgreSQL
pass) and the cluster (when SEARCH_URL answers; CI fails without one).

A query a backend cannot answer yet is listed in KNOWN_MISSES with the reason: the test fails
when an unlisted query misses, and when a listed one starts to pass (then drop it from the
list), so the list stays what the backends really do. Each run prints success@3 per language
outside pytest's capture, when the tests run in pytest's own process (`-p no:xdist`);
bench/relevance.py runs it on every backend this machine has and prints one table.
"""

import sys
from collections import Counter

from django.db import connection

import pytest

from .queries import QUERIES
from .scoring import run, success_by_language, table

# Why a query misses; the same cause often shows on several backends.
GIVING_TYPO = (
    "a typo of 'volunteer' is not read as asking to give (search/ranking.asks_to_give "
    "compares exact words), so the volunteer form goes after the request forms that mention "
    "volunteers"
)
GIVE_BLOOD = (
    "'give' is not a giving word on purpose (ranking.GIVING_WORDS: 'give me food'), so "
    "Bloodworks, a way to give, goes after every other page that says 'give' or 'blood'"
)
VOLUNTARIO = (
    "'voluntario' is not read as asking to give (the Spanish giving words come from the "
    "catalogue's labels), so the volunteer form goes after the request forms that mention "
    "'voluntarios'"
)
TEST_TESTING = (
    "'test' meets the listing's 'testing' only through a stemmer, and pages that say 'COVID' "
    "and 'home' more often rank above it"
)
ARTICLE_TITLE = (
    "the article titled 'history'/'historia' ranks below the other articles, which repeat "
    "'mutual aid'/'ayuda mutua' as often: its title word does not lift it here (the "
    "cluster's title boost does)"
)
SIN_HOGAR = (
    "'personas' is on most pages and 'sin hogar' is not matched as a phrase; the unhoused "
    "listing says it once, in its audience"
)
VO_GIA_CU = (
    "the Vietnamese page says 'không nhà' / 'không có nhà ở'; the Unhoused synonym set "
    "(search/migrations/0002) has 'vô gia cư' but neither of those, so nothing links them"
)
MASKS_VI_CLUSTER = (
    "the three articles that say 'khẩu trang' come first on the cluster; the mask listings are "
    "ways to give and go after them (on the database backend a listing ranks in the top 3)"
)
NEED_AREA_VI = (
    "need + area: a translated listing's needs and areas are the English snippets (the "
    "Vietnamese form's are 'Food', 'South King County'), so the database backend indexes "
    "their English names (issue 13 item 3) and articles repeating 'Quận King' rank above"
)

# {backend: {"language:query": why it misses}}. Backends: "sqlite", "postgresql", "cluster".
KNOWN_MISSES = {
    "sqlite": {
        "en:volunter": GIVING_TYPO,
        "en:voluntere": GIVING_TYPO,
        "en:give blood": GIVE_BLOOD,
        "en:covid test at home": TEST_TESTING,
        "es:voluntario": VOLUNTARIO,
        "es:historia ayuda mutua": ARTICLE_TITLE,
        "es:personas sin hogar": SIN_HOGAR,
        "vi:vô gia cư": VO_GIA_CU,
        "vi:thực phẩm nam quận king": NEED_AREA_VI,
    },
    "postgresql": {
        "en:volunter": GIVING_TYPO,
        "en:voluntere": "no typo tolerance on PostgreSQL: nothing found",
        "en:give blood": GIVE_BLOOD,
        "en:covid test at home": TEST_TESTING,
        "en:history of mutual aid": ARTICLE_TITLE,
        "es:voluntario": VOLUNTARIO,
        "es:historia ayuda mutua": ARTICLE_TITLE,
        "es:personas sin hogar": SIN_HOGAR,
        "vi:vô gia cư": VO_GIA_CU,
    },
    "cluster": {
        "en:volunter": GIVING_TYPO,
        "en:voluntere": GIVING_TYPO,
        "en:give blood": GIVE_BLOOD,
        "en:covid test at home": TEST_TESTING,
        "es:voluntario": VOLUNTARIO,
        "es:personas sin hogar": SIN_HOGAR,
        "vi:khẩu trang": MASKS_VI_CLUSTER,
        "vi:vô gia cư": VO_GIA_CU,
    },
}


def test_the_set_has_sixty_queries_ten_per_language_each_once():
    per_language = Counter(query.language for query in QUERIES)
    assert len(QUERIES) >= 60
    assert {code for code, count in per_language.items() if count >= 10} == {
        "en",
        "es",
        "vi",
        "am",
        "ti",
    }
    assert len({query.key for query in QUERIES}) == len(QUERIES)
    listed = {key for misses in KNOWN_MISSES.values() for key in misses}
    assert listed <= {query.key for query in QUERIES}  # no stale entry for a removed query


def check(backend, capsys):
    outcome = run(QUERIES)
    answered = {answered_by for answered_by, _, _ in outcome.values()}
    # The backend under test answered every query: a fallback would score the wrong one.
    assert answered == {"cluster" if backend == "cluster" else "database"}
    misses = {key: top for key, (_, top, found) in outcome.items() if not found}
    with capsys.disabled():
        figures = table({backend: success_by_language(QUERIES, outcome)})
        got = "".join(
            f"  miss {key}: got {[slug for slug, _ in top]}\n" for key, top in misses.items()
        )
        sys.stdout.write(f"\n{figures}\n{got}")
    known = KNOWN_MISSES[backend]
    unexpected = {key: top for key, top in misses.items() if key not in known}
    now_found = sorted(key for key in known if key not in misses)
    assert not unexpected, f"missing from the top 3 on {backend}:\n" + "\n".join(
        f"  {key!r}: got {top}" for key, top in unexpected.items()
    )
    assert not now_found, f"found now on {backend}: drop them from KNOWN_MISSES: {now_found}"


@pytest.mark.usefixtures("shared_demo")
def test_database_backend(settings, capsys):
    settings.SEARCH_BACKEND = "database"
    check(connection.vendor, capsys)  # "sqlite" or "postgresql"


@pytest.mark.cluster
@pytest.mark.usefixtures("shared_demo")
def test_cluster(cluster, capsys):
    cluster.rebuild()
    check("cluster", capsys)
