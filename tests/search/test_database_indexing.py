"""Issue 13 item 7: rebuilding the database index does not hold the write lock throughout.

With modelsearch's default (ATOMIC_REBUILD), `update_index` ran each model in one transaction:
on SQLite at 10,000 pages another writer waited up to 8 s and some failed on "database is
locked". The portal's settings commit batch by batch.
"""

from django.core.management import call_command
from django.db import connection

import pytest

from directory.factories import GroupPageFactory
from tests.helpers import publish
from tests.search.test_settings import base_settings


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_update_index_commits_as_it_goes(settings, monkeypatch, directory):
    settings.WAGTAILSEARCH_BACKENDS = base_settings()["wagtail"]  # the production settings
    publish(GroupPageFactory(parent=directory, title="Grocery runs"))
    seen = []
    index_class = database_index_class()
    add_items = index_class.add_items

    def recording(self, model, objs):
        seen.append(connection.in_atomic_block)
        return add_items(self, model, objs)

    monkeypatch.setattr(index_class, "add_items", recording)
    call_command("update_index", verbosity=0)
    assert seen, "update_index indexed nothing"
    assert not any(seen), "a batch was written inside one long transaction"


def database_index_class():
    """modelsearch's index for this database (each module imports only on its own vendor)."""
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex

        return SQLiteIndex
    from modelsearch.backends.database.postgres.postgres import PostgresIndex

    return PostgresIndex
