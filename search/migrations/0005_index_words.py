"""PostgreSQL typo tolerance (issue 13): pg_trgm, and the index's words kept in a table.

On PostgreSQL, triggers on Wagtail's index table add each written entry's new lexemes to
search_indexword (one insert per statement, through its transition table, so a bulk index
costs one statement more, not one per row), and a trigram index lets a search find the
closest words (search/typos_postgres.py). The words already indexed are added here. On other
databases the extension and the triggers are skipped: SQLite reads its own vocabulary.

Rows are added only when missing, without a unique constraint, so two transactions indexing
the same new word never wait on each other (a duplicate row is harmless: lookups are
DISTINCT).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

ENTRY = "wagtailsearch_indexentry"
ADD_WORDS = f"""
INSERT INTO search_indexword (word)
SELECT DISTINCT w FROM {{source}},
    unnest(tsvector_to_array(coalesce(e.title, ''::tsvector) || coalesce(e.body, ''::tsvector))) AS w
WHERE NOT EXISTS (SELECT 1 FROM search_indexword i WHERE i.word = w)
"""
FORWARD = [
    "CREATE INDEX search_indexword_trigram ON search_indexword USING gin (word gin_trgm_ops)",
    f"""
CREATE FUNCTION search_add_index_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {ADD_WORDS.format(source="new_entries e")};
    RETURN NULL;
END
$$
""",
    f"CREATE TRIGGER search_index_words_inserted AFTER INSERT ON {ENTRY} "
    "REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT "
    "EXECUTE FUNCTION search_add_index_words()",
    f"CREATE TRIGGER search_index_words_updated AFTER UPDATE ON {ENTRY} "
    "REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT "
    "EXECUTE FUNCTION search_add_index_words()",
    ADD_WORDS.format(source=f"{ENTRY} e"),
]
BACKWARD = [
    f"DROP TRIGGER IF EXISTS search_index_words_inserted ON {ENTRY}",
    f"DROP TRIGGER IF EXISTS search_index_words_updated ON {ENTRY}",
    "DROP FUNCTION IF EXISTS search_add_index_words()",
    "DROP INDEX IF EXISTS search_indexword_trigram",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_unhoused_vietnamese_terms"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="IndexWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.TextField(db_index=True, verbose_name="word")),
            ],
            options={
                "verbose_name": "search index word",
                "verbose_name_plural": "search index words",
            },
        ),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
