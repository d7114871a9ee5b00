"""Ranked matches on SQLite, in one statement over the FTS5 table Wagtail's database index fills.

The full-text match is joined to the candidate pages (a queryset compiled as a subquery: live,
public, in the reader's language or its fallback, the chosen facets), ordered by bm25 (title
weighted above body), then cut to `limit`. Filtering before the cut matters: synonyms bring
every language's words, and a cut taken across all languages first left other languages'
pages in it and the reader's own out. `DatabaseBackend.matches` asks for the reader's
language first, then for fallbacks only if the cut has room.

modelsearch's SQLite backend scores with a correlated subquery per candidate page, seconds per
query at 10,000 pages; FTS5 ranks every match in one pass. PostgreSQL has its own statement
(search/fts_postgres.py); other databases keep Wagtail's query (`DatabaseBackend.matches`).
"""

from django.db import connection

from home.request_memo import remember

from .fts_common import EVERY, PHRASE, entry_table, page_join, subquery

# bm25 weights for the FTS5 columns (autocomplete, body, title), as Wagtail's title boost.
WEIGHTS = (0.0, 1.0, 2.0)


def available():
    """Whether SQLite's FTS5 table is there (asked once per request)."""
    if connection.vendor != "sqlite":
        return False
    from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

    return remember("sqlite-fts5", lambda: fts5_available() and fts_table_exists())


def quote(term):
    return '"' + term.replace('"', '""') + '"'


def match_expression(alternatives):
    """FTS5 syntax: any alternative (see fts_common: words, a phrase, every group), in title
    or body."""
    parts = []
    for terms, how in alternatives:
        if how == PHRASE:
            parts.append(quote(" ".join(terms)))
        elif how == EVERY:
            parts.append(every_group(terms))
        else:
            parts.extend(quote(w) for w in terms)
    return "{title body} : (" + " OR ".join(parts) + ")"


def every_group(groups):
    """FTS5 syntax: one spelling of each group."""
    return "(" + " AND ".join("(" + " OR ".join(map(quote, g)) + ")" for g in groups) + ")"


def ranked_pages(alternatives, candidates, limit, title_words=None):
    """[(page id, locale id)] of the best `limit` `candidates` matching any alternative,
    best first; with `title_words` (spelling groups), the pages whose title holds one
    spelling of each come before the rest."""
    entry = entry_table()
    fts = f"{entry}_fts"
    candidate_sql, candidate_params = subquery(candidates)
    weights = ", ".join(map(str, WEIGHTS))
    title_first, title_params = "", []
    if title_words:
        # The title match is a second, tiny FTS5 query over the same index: its rowids.
        title_first = f"f.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) DESC, "
        title_params = ["{title} : " + every_group(title_words)]
    sql = (
        f"SELECT p.id, p.locale_id FROM {fts} f "
        f"JOIN {entry} e ON e.id = f.rowid "
        f"{page_join('p.id = CAST(e.object_id AS INTEGER)')} "
        f"WHERE {fts} MATCH %s AND p.id IN ({candidate_sql}) "
        f"ORDER BY {title_first}bm25({fts}, {weights}), p.id LIMIT %s"
    )
    params = [match_expression(alternatives), *candidate_params, *title_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def autocomplete_pages(word_spellings, candidates, limit):
    """[(page id, locale id)] of the best `limit` `candidates` whose title has a word starting
    with one spelling of each word the reader typed (`word_spellings`: a list per word)."""
    entry = entry_table()
    fts = f"{entry}_fts"
    candidate_sql, candidate_params = subquery(candidates)
    every_word = " AND ".join(
        "(" + " OR ".join(quote(s) + "*" for s in spellings) + ")" for spellings in word_spellings
    )
    sql = (
        f"SELECT p.id, p.locale_id FROM {fts} f "
        f"JOIN {entry} e ON e.id = f.rowid "
        f"{page_join('p.id = CAST(e.object_id AS INTEGER)')} "
        f"WHERE {fts} MATCH %s AND p.id IN ({candidate_sql}) "
        f"ORDER BY bm25({fts}), p.id LIMIT %s"
    )
    params = ["{autocomplete} : (" + every_word + ")", *candidate_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
