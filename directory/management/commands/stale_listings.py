"""List the listings that need checking again, for a scheduled job (cron, CI, a timer).

Exit status: 0 when every live listing was verified within LISTING_STALE_AFTER_DAYS days;
1 when at least one is stale (so a scheduler can alert or e-mail the output); 2 for bad
arguments (Django's usual usage error).
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from directory.models import ListingPage


class Command(BaseCommand):
    help = (
        "Print live listings not verified for LISTING_STALE_AFTER_DAYS days. "
        "Exits 0 when none are stale, 1 when some are."
    )

    def handle(self, *args, **options):
        stale = list(ListingPage.objects.stale())
        days = settings.LISTING_STALE_AFTER_DAYS
        if not stale:
            self.stdout.write(f"No listing is older than {days} days.")
            return
        self.stdout.write(f"{len(stale)} listing(s) not verified in the last {days} days:")
        for page in stale:
            verified = page.last_verified_on.isoformat() if page.last_verified_on else "never"
            self.stdout.write(f"{verified}\t{page.title}\t{page.full_url or page.url_path}")
        sys.exit(1)
