"""What the SQLite and PostgreSQL ranked statements share (search/fts.py, fts_postgres.py)."""

from modelsearch.conf import get_app_config
from wagtail.models import Page

# What the ranked statements match: a list of alternatives, any of which may match, each a
# (terms, how) pair: ANY of a list of words, a PHRASE of words in order, or EVERY one of a
# list of word groups, each group any of its spellings.
ANY, PHRASE, EVERY = "any", "phrase", "every"


def entry_table():
    """The table of Wagtail's database index: one row per indexed object."""
    return get_app_config().get_model("IndexEntry")._meta.db_table


def page_join(page_id_matches):
    """SQL joining the index entry `e` to its page `p`. Wagtail indexes a page once, under its
    specific content type, and other indexed models (images, documents) share the object ids:
    the content type tells them apart. `page_id_matches` compares the entry's text id with
    the page's id, as the vendor best does it."""
    return (
        f"JOIN {Page._meta.db_table} p "
        f"ON {page_id_matches} AND p.content_type_id = e.content_type_id"
    )


def subquery(pages):
    """(sql, params) selecting the ids of a page queryset, for `p.id IN (...)`."""
    return pages.order_by().values("pk").query.sql_with_params()
