"""Send the index updates the cluster missed while it was down (PendingIndexUpdate)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.cluster.client import ClusterError
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = "Replay queued search index updates against the cluster (run it from cron)."

    def handle(self, *args, **options):
        if not settings.SEARCH_URL:
            raise CommandError("SEARCH_URL is not set: there is no cluster to replay to.")
        waiting = PendingIndexUpdate.objects.count()
        try:
            sent = indexing.replay()
        except ClusterError as error:
            raise CommandError(
                f"The cluster is still failing; {waiting} update(s) stay queued: {error}"
            ) from error
        self.stdout.write(self.style.SUCCESS(f"Replayed {sent} queued update(s)."))
