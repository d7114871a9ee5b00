"""Rebuild the cluster index from the database, with a progress bar; readers see no gap.

Index management waits SEARCH_ADMIN_TIMEOUT seconds per request (not the readers' 2 s); a
failed rebuild deletes its half-built index, leaves the alias alone and exits non-zero.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from search.cluster.backend import ClusterBackend
from search.cluster.client import ClusterError
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Rebuild the search cluster's index (SEARCH_URL) from every live page."

    def handle(self, *args, **options):
        if not settings.SEARCH_URL:
            raise CommandError(
                "SEARCH_URL is not set: the database backend needs no rebuild "
                "(Wagtail's `update_index` refreshes it)."
            )
        backend = ClusterBackend()
        bar = tqdm(unit="page", desc="Indexing", disable=options["verbosity"] < 1, file=self.stderr)

        def progress(done, total):
            bar.total = total
            bar.update(done)

        try:
            count = backend.rebuild(progress=progress)
        except ClusterError as error:
            tidy = getattr(error, "half_built_index_deleted", False)
            raise CommandError(
                f"The cluster failed during the rebuild: {error}\n"
                f"Readers are not affected: {backend.alias} still points to the previous index. "
                + (
                    "The half-built index was deleted."
                    if tidy
                    else "The new index, if the cluster created it, could not be deleted: "
                    "see the log for its name."
                )
            ) from error
        finally:
            bar.close()
        # Everything queued is now in the index, in its current state.
        PendingIndexUpdate.objects.filter(target=PendingIndexUpdate.Target.PAGE).delete()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} pages into {backend.alias}."))
