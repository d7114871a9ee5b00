"""Ranked matches on PostgreSQL, in one statement over the tsvector columns Wagtail's index fills.

As search/fts.py does on SQLite: the match (GIN indexes on the entries' `title` and `body`
vectors) is joined to the candidate pages (a queryset compiled as a subquery), ordered by
`ts_rank` (title × its length factor, plus body, with modelsearch's weights), then cut. One
`ts_rank` per vector and page, the tsquery built once (a materialized CTE): modelsearch ranks
a synonym `Or` as the mean of a rank per synonym and vector (20 per page for "comida") after
an index lookup per candidate page, seconds per query at 100,000 pages.
"""

from django.conf import settings
from django.db import connection

from .fts_common import entry_table, page_join, subquery


def available():
    return connection.vendor == "postgresql"


def text_search_config():
    """The configuration the index was built with: the database backend's SEARCH_CONFIG, or
    the server's default_text_search_config when unset (modelsearch passes none then)."""
    for config in settings.WAGTAILSEARCH_BACKENDS.values():
        if config["BACKEND"].endswith(".database"):
            return config.get("SEARCH_CONFIG")
    return None


def tsquery(alternatives):
    """(sql, params): a tsquery matching any alternative (each word of a word list, or a
    phrase), normalised as the index was (stemming, stop words)."""
    config = text_search_config()
    prefix, config_params = ("%s::regconfig, ", [config]) if config else ("", [])
    parts, params = [], []
    for words, phrase in alternatives:
        function = "phraseto_tsquery" if phrase else "plainto_tsquery"
        for text in [" ".join(words)] if phrase else words:
            parts.append(f"{function}({prefix}%s)")
            params += [*config_params, text]
    return " || ".join(parts), params


def rank_weights():
    """modelsearch's weights for the vectors' A-D labels (filled when its app is ready)."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    return get_sql_weights()


def ranked_pages(alternatives, candidates, limit):
    """[(page id, locale id)] of the best `limit` `candidates` matching any alternative,
    best first."""
    query_sql, query_params = tsquery(alternatives)
    candidate_sql, candidate_params = subquery(candidates)
    sql = (
        f"WITH q AS MATERIALIZED (SELECT ({query_sql}) AS query) "
        f"SELECT p.id, p.locale_id FROM q, {entry_table()} e "
        f"{page_join('e.object_id = p.id::text')} "
        f"WHERE (e.title @@ q.query OR e.body @@ q.query) AND p.id IN ({candidate_sql}) "
        "ORDER BY ts_rank(%s::float4[], e.title, q.query) * e.title_norm "
        "+ ts_rank(%s::float4[], e.body, q.query) DESC, p.id "
        "LIMIT %s"
    )
    weights = rank_weights()
    params = [*query_params, *candidate_params, weights, weights, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
