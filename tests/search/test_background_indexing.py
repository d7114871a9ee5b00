"""Index updates run in the background (TASKS_BACKEND=database): publishing never waits on the
cluster; the worker sends what was published; a task that fails or is lost leaves its rows in
PendingIndexUpdate, and the replay still sends them."""

import signal
import time
from unittest import mock

from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from directory.factories import GroupPageFactory
from search import indexing, service
from search.models import PendingIndexUpdate
from tests.helpers import publish
from tests.search.test_resilience import slow_cluster  # noqa: F401 (a fixture)

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """Background work goes to the database queue, as in production."""
    settings.TASKS = DATABASE_TASKS


def run_worker():
    """What `manage.py db_worker` does in production, in this process: every task, then stop.

    The worker drops stale connections between tasks (`close_old_connections`); inside the
    test's transaction that would close the test's own connection (PostgreSQL: "the connection
    is closed"), so here it keeps it: the worker's work is the same."""
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        with mock.patch(
            "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
        ):
            call_command(
                "db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0
            )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def publish_soup_kitchen(directory, food, capture_on_commit_callbacks):
    """An editor publishes a new group; its index update is queued once the change commits."""
    page = GroupPageFactory(parent=directory, title="Soup kitchen", slug="soup", needs=[food])
    with capture_on_commit_callbacks(execute=True):
        publish(page)
    return page


def titles(text):
    service.ClusterBackend().refresh()
    results = service.search(service.make_query(text))
    assert results.backend == "cluster"
    return [r["title"] for r in results.results]


def test_publishing_does_not_wait_for_a_slow_cluster(
    queued_tasks,
    slow_cluster,  # noqa: F811
    directory,
    food,
    django_capture_on_commit_callbacks,
):
    page = GroupPageFactory(parent=directory, title="Soup kitchen", slug="soup", needs=[food])
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    # The cluster would hold a synchronous update for SEARCH_TIMEOUT (0.5 s) or more.
    assert time.monotonic() - started < 0.5
    waiting = PendingIndexUpdate.objects.get(page_id=page.pk)
    assert (waiting.attempts, waiting.last_error) == (0, "")
    task = DBTaskResult.objects.get(task_path="search.indexing.send_index_updates")
    assert task.status == TaskResultStatus.READY
    assert [page.pk, str(page.translation_key)] in task.args_kwargs["kwargs"]["pages"]

    run_worker()  # the cluster still does not answer: the row stays, with the reason
    waiting.refresh_from_db()
    assert waiting.attempts == 1 and "timed out" in waiting.last_error.lower()


@pytest.mark.cluster
def test_the_worker_sends_what_was_published(
    cluster, queued_tasks, directory, food, django_capture_on_commit_callbacks
):
    cluster.rebuild()
    publish_soup_kitchen(directory, food, django_capture_on_commit_callbacks)
    assert titles("soup") == []  # queued, not sent: no worker has run yet

    run_worker()
    assert titles("soup") == ["Soup kitchen"]
    assert not PendingIndexUpdate.objects.exists()
    sent = DBTaskResult.objects.get(task_path="search.indexing.send_index_updates")
    assert sent.status == TaskResultStatus.SUCCESSFUL


@pytest.mark.cluster
def test_a_lost_task_leaves_its_rows_for_the_replay(
    cluster, queued_tasks, directory, food, django_capture_on_commit_callbacks
):
    cluster.rebuild()
    page = publish_soup_kitchen(directory, food, django_capture_on_commit_callbacks)
    DBTaskResult.objects.all().delete()  # the worker died with it, or the queue was cleared

    assert not indexing.missed().exists()  # not yet: its task might still be on its way
    PendingIndexUpdate.objects.update(queued_at=timezone.now() - indexing.LOST_AFTER)
    assert indexing.missed().filter(page_id=page.pk).exists()  # now the replays take it up

    call_command("search_replay", verbosity=0)
    assert titles("soup") == ["Soup kitchen"]
    assert not PendingIndexUpdate.objects.exists()


def test_a_newer_change_outlives_an_older_send(db):
    """A change committed while an older send was under way keeps its row: the older send
    deletes only what was queued before it began."""
    send_began = timezone.now()
    indexing.record({42: None}, with_synonyms=False)  # the newer change
    indexing._done(Q(page_id=42), send_began)
    assert PendingIndexUpdate.objects.filter(page_id=42).exists()
    indexing._done(Q(page_id=42), timezone.now())  # the send that began after it
    assert not PendingIndexUpdate.objects.exists()
