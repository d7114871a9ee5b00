"""Typo tolerance on PostgreSQL: the index's closest words for a reader's word it lacks (issue 13).

PostgreSQL's english configuration stems ("volunteers" and "volunteer" are both "volunt"),
but a misspelt word ("voluntere") matches nothing. As search/vocabulary.py does on SQLite,
each reader's word the index does not hold is matched to the index's closest words: its
lexeme against the table of the index's lexemes (search.models.IndexWord, kept by triggers),
by pg_trgm's trigram similarity, among words of the same first letter. A word the index
holds is never "corrected", so a rare word keeps its own few results. One statement for
every word of the query.
"""

from django.db import connection

from .models import IndexWord

MIN_LENGTH = 4
# Trigram similarity of the lexemes: "voluntere" (unstemmed) and "volunt" share 6 of 11.
CUTOFF = 0.5
MATCHES = 3


def correctable(word):
    """Words worth a lookup: four letters or more, all letters (not a number or a code)."""
    return len(word) >= MIN_LENGTH and word.isalpha()


def closest_words(words, config):
    """{word: the index's closest lexemes} for each of `words` whose lexeme (in the text
    search `config`) the index lacks; stop words and held words are left out."""
    words = list(dict.fromkeys(w.casefold() for w in words if correctable(w)))
    if not words:
        return {}
    table = IndexWord._meta.db_table
    sql = f"""
        WITH typed AS (
            SELECT t.word, (tsvector_to_array(to_tsvector(%s::regconfig, t.word)))[1] AS lexeme
            FROM unnest(%s::text[]) AS t(word)
        )
        SELECT typed.word, close.word FROM typed
        CROSS JOIN LATERAL (
            SELECT DISTINCT i.word, similarity(i.word, typed.lexeme) AS score
            FROM {table} i
            WHERE i.word %% typed.lexeme AND left(i.word, 1) = left(typed.lexeme, 1)
                AND similarity(i.word, typed.lexeme) >= %s
            ORDER BY score DESC, i.word
            LIMIT %s
        ) AS close
        WHERE typed.lexeme IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM {table} held WHERE held.word = typed.lexeme)
    """
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [config, words, CUTOFF, MATCHES])
        for word, close in cursor.fetchall():
            found.setdefault(word, []).append(close)
    return found
