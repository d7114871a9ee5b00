"""Create the table of Django's database cache, the default shared cache (see CACHES).

`createcachetable` creates a table only for the database caches in CACHES and only if it is
missing, so this does nothing with Redis or in tests (locmem). A deployment that switches
CACHE_URL to the database cache later runs `manage.py createcachetable` once.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
