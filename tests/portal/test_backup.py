"""scripts/backup.sh: back up, lose everything, restore, and find the same pages and files.

Runs on the database the suite runs on: SQLite, and PostgreSQL when DATABASE_URL names one
(CI's second run). The content includes a deleted page's audit-log entry, which is what made
`dumpdata --natural-foreign` fail (see docs/backup.md): a real backup must not care.
"""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path
from urllib.parse import quote

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.db import connection

from wagtail.documents.models import Document
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

import pytest
import wagtail_factories

from directory.factories import GroupPageFactory

SCRIPT = Path(django_settings.BASE_DIR) / "scripts" / "backup.sh"
PAGES = "SELECT id, title, live, url_path FROM wagtailcore_page ORDER BY id"

# Committed for real, so that pg_dump (another process) sees the content; the flush after each
# test is followed by a reload of the migrations' rows (root page, site, groups, locales).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def content(locales, home, directory, media):
    """Pages, a deleted page's log entry, an image with a rendition and a document."""
    GroupPageFactory(parent=directory, title="Rainier Valley Pantry")
    gone = GroupPageFactory(parent=directory, title="Closed pantry")
    log(gone, "wagtail.edit")
    gone.delete()
    assert PageLogEntry.objects.filter(page_id=gone.pk).exists()
    image = wagtail_factories.ImageFactory(file__width=640, file__height=480)
    image.get_rendition("width-320")
    document = Document(title="Minutes")
    document.file.save("minutes.txt", ContentFile(b"Minutes of the first meeting"))
    return Page.objects.count()


def files(folder):
    """{relative path: sha256} of every file under `folder`."""
    folder = Path(folder)
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run(command, *args, env):
    return subprocess.run(
        [str(SCRIPT), command, *map(str, args)],
        env=os.environ | env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def script_env(database_url, media, backups):
    # Development settings read DATABASE_URL and MEDIA_ROOT from the environment, as
    # production does; the test settings pin MEDIA_ROOT.
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media),
        "BACKUP_DIR": str(backups),
    }


def only_archive(folder):
    (archive,) = Path(folder).glob("portal-*.tar.gz")
    return archive


# --- SQLite ------------------------------------------------------------------------------------
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the suite runs on PostgreSQL: see the test below"
)


@pytest.fixture
def sqlite_site(tmp_path, content):
    """The test database as a file, as a deployment has it (the suite's is in memory)."""
    path = tmp_path / "db.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(path) as copy:
        connection.connection.backup(copy)
    return path


def sqlite_pages(path):
    with sqlite3.connect(path) as db:
        return db.execute(PAGES).fetchall()


@sqlite_only
def test_sqlite_round_trip(tmp_path, sqlite_site, media, content):
    env = script_env(f"sqlite:///{sqlite_site}", media, tmp_path / "backups")
    pages, uploaded = sqlite_pages(sqlite_site), files(media)
    assert len(pages) == content and len(uploaded) == 3  # original, rendition, document
    backed_up = run("backup", env=env)
    assert backed_up.returncode == 0, backed_up.stderr
    archive = only_archive(tmp_path / "backups")

    sqlite_site.unlink()  # the disk is lost
    for path in sorted(Path(media).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()

    restored = run("restore", archive, env=env)
    assert restored.returncode == 0, restored.stderr
    assert "Restored" in restored.stdout
    assert sqlite_pages(sqlite_site) == pages
    assert files(media) == uploaded


@sqlite_only
def test_restore_saves_the_current_state_first(tmp_path, sqlite_site, media, content):
    env = script_env(f"sqlite:///{sqlite_site}", media, tmp_path / "backups")
    run("backup", env=env)
    archive = only_archive(tmp_path / "backups")
    with sqlite3.connect(sqlite_site) as db:
        db.execute("UPDATE wagtailcore_page SET title = 'Edited after the backup'")
    restored = run("restore", archive, env=env)
    assert restored.returncode == 0, restored.stderr
    assert "Edited after the backup" not in {title for _id, title, *_ in sqlite_pages(sqlite_site)}
    (undo,) = (tmp_path / "backups").glob("before-restore-*.tar.gz")
    assert f"Saved the current state first, to {undo}" in restored.stdout


@sqlite_only
@pytest.mark.parametrize("bad", ["not a backup", "no such file"])
def test_a_bad_archive_changes_nothing(tmp_path, sqlite_site, media, content, bad):
    env = script_env(f"sqlite:///{sqlite_site}", media, tmp_path / "backups")
    archive = tmp_path / "notes.tar.gz"
    if bad == "not a backup":
        archive.write_text("hello")
    database, uploaded = files(sqlite_site.parent)["db.sqlite3"], files(media)
    restored = run("restore", archive, env=env)
    assert restored.returncode == 1
    assert "backup.sh: " in restored.stderr and str(archive) in restored.stderr
    assert files(sqlite_site.parent)["db.sqlite3"] == database
    assert files(media) == uploaded
    assert not (tmp_path / "backups").exists()


@sqlite_only
def test_a_sqlite_backup_is_not_restored_into_postgresql(tmp_path, sqlite_site, media, content):
    env = script_env(f"sqlite:///{sqlite_site}", media, tmp_path / "backups")
    run("backup", env=env)
    archive = only_archive(tmp_path / "backups")
    elsewhere = env | {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/portal"}
    restored = run("restore", archive, env=elsewhere)
    assert restored.returncode == 1
    assert "holds a sqlite3 database but this site uses postgresql" in restored.stderr


# --- PostgreSQL --------------------------------------------------------------------------------
def postgres_url(name):
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def empty_database():
    """A new, empty database on the same server: a machine rebuilt after a loss."""
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_pages(name):
    import psycopg

    db = connection.settings_dict
    with psycopg.connect(
        dbname=name, user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
    ) as restored:
        return restored.execute(PAGES).fetchall()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs DATABASE_URL=postgres://...")
def test_postgresql_round_trip(tmp_path, media, content, empty_database):
    source = script_env(postgres_url(connection.settings_dict["NAME"]), media, tmp_path / "b")
    with connection.cursor() as cursor:
        cursor.execute(PAGES)
        pages = cursor.fetchall()
    uploaded = files(media)
    backed_up = run("backup", env=source)
    assert backed_up.returncode == 0, backed_up.stderr

    for path in sorted(Path(media).rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    target = source | {"DATABASE_URL": postgres_url(empty_database)}
    restored = run("restore", only_archive(tmp_path / "b"), env=target)
    assert restored.returncode == 0, restored.stderr
    assert postgres_pages(empty_database) == pages
    assert files(media) == uploaded
