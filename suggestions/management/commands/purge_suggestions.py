"""Delete suggestions and problem reports older than the retention period stated on the forms.

Run it daily (cron or a systemd timer). Exit status 0 on success; --dry-run only counts.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from suggestions.models import RETENTION_DAYS, ListingSuggestion, ProblemReport


class Command(BaseCommand):
    help = f"Delete suggestions and problem reports received more than {RETENTION_DAYS} days ago."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        cutoff = timezone.now() - timedelta(days=RETENTION_DAYS)
        for model in (ListingSuggestion, ProblemReport):
            old = model.objects.filter(created_at__lt=cutoff)
            count = old.count()
            if not dry_run:
                old.delete()
            verb = "would delete" if dry_run else "deleted"
            self.stdout.write(f"{model._meta.verbose_name_plural}: {verb} {count}")
