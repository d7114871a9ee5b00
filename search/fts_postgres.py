"""Ranked matches on PostgreSQL, in one statement over the tsvector columns Wagtail's index fills.

As search/fts.py does on SQLite: the match (GIN indexes on the entries' `title` and `body`
vectors) is joined to the candidate pages (a queryset compiled as a subquery), ordered by
`ts_rank` (title × its length factor, plus body, with modelsearch's weights), then cut. One
`ts_rank` per vector and page, the tsquery a constant (see `tsquery`): modelsearch ranks
a synonym `Or` as the mean of a rank per synonym and vector (20 per page for "comida") after
an index lookup per candidate page, seconds per query at 100,000 pages.
"""

import functools

from django.conf import settings
from django.db import connection

from .fts_common import EVERY, PHRASE, entry_table, page_join, subquery


def available():
    return connection.vendor == "postgresql"


def text_search_config():
    """The configuration the index was built with: the database backend's SEARCH_CONFIG, or
    else the server's default_text_search_config (modelsearch names none then)."""
    for config in settings.WAGTAILSEARCH_BACKENDS.values():
        if config["BACKEND"].endswith(".database") and config.get("SEARCH_CONFIG"):
            return config["SEARCH_CONFIG"]
    return server_default_config()


@functools.cache
def server_default_config():
    with connection.cursor() as cursor:
        cursor.execute("SHOW default_text_search_config")
        return cursor.fetchone()[0]


def tsquery(alternatives):
    """(sql, params): a tsquery matching any alternative (see fts_common: each word of a
    word list, a phrase, or every group of spellings), normalised as the index was
    (stemming, stop words).

    The configuration is always named: `plainto_tsquery(regconfig, text)` is immutable, so
    the planner folds the whole tsquery into a constant once, and estimates from the index's
    statistics how many entries match (it chooses the join order from that)."""
    config = text_search_config()
    parts, params = [], []
    for terms, how in alternatives:
        if how == EVERY:
            sql, every_params = every_group(terms, config)
            parts.append(sql)
            params += every_params
            continue
        function = "phraseto_tsquery" if how == PHRASE else "plainto_tsquery"
        for text in [" ".join(terms)] if how == PHRASE else terms:
            parts.append(f"{function}(%s::regconfig, %s)")
            params += [config, text]
    return "(" + " || ".join(parts) + ")", params


def every_group(groups, config):
    """(sql, params): a tsquery of one spelling of each group, every group required."""
    every, params = [], []
    for group in groups:
        every.append("(" + " || ".join(["plainto_tsquery(%s::regconfig, %s)"] * len(group)) + ")")
        for word in group:
            params += [config, word]
    return "(" + " && ".join(every) + ")", params


def rank_weights():
    """modelsearch's weights for the vectors' A-D labels (filled when its app is ready)."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    return get_sql_weights()


def ranked_pages(alternatives, candidates, limit, title_words=None):
    """[(page id, locale id)] of the best `limit` `candidates` matching any alternative,
    best first; with `title_words` (spelling groups), the pages whose title holds one
    spelling of each come before the rest."""
    query_sql, query_params = tsquery(alternatives)
    candidate_sql, candidate_params = subquery(candidates)
    title_first, title_params = "", []
    if title_words:
        every_sql, title_params = every_group(title_words, text_search_config())
        title_first = f"e.title @@ {every_sql} DESC, "
    sql = (
        f"SELECT p.id, p.locale_id FROM {entry_table()} e "
        f"{page_join('e.object_id = p.id::text')} "
        f"WHERE (e.title @@ {query_sql} OR e.body @@ {query_sql}) AND p.id IN ({candidate_sql}) "
        f"ORDER BY {title_first}ts_rank(%s::float4[], e.title, {query_sql}) * e.title_norm "
        f"+ ts_rank(%s::float4[], e.body, {query_sql}) DESC, p.id "
        "LIMIT %s"
    )
    weights = rank_weights()
    params = [
        *query_params,
        *query_params,
        *candidate_params,
        *title_params,
        weights,
        *query_params,
        weights,
        *query_params,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def autocomplete_pages(word_spellings, candidates, limit):
    """[(page id, locale id)] of the best `limit` `candidates` whose title has a word starting
    with one spelling of each word the reader typed (`word_spellings`: a list per word).

    modelsearch builds the autocomplete vectors with the "simple" configuration (no stemming,
    no stop words), so the prefixes are matched in it too."""
    candidate_sql, candidate_params = subquery(candidates)
    every_word = " & ".join(
        "(" + " | ".join(f"'{s}':*" for s in spellings) + ")" for spellings in word_spellings
    )
    sql = (
        f"SELECT p.id, p.locale_id FROM {entry_table()} e "
        f"{page_join('e.object_id = p.id::text')} "
        "WHERE e.autocomplete @@ to_tsquery('simple', %s) "
        f"AND p.id IN ({candidate_sql}) "
        "ORDER BY ts_rank(e.autocomplete, to_tsquery('simple', %s)) DESC, p.id LIMIT %s"
    )
    params = [every_word, *candidate_params, every_word, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
