"""Which listings need checking again, and marking one as checked today.

A listing is stale when nobody has confirmed its details with the group for
`settings.LISTING_STALE_AFTER_DAYS` days, or ever. Verification is synchronized across
translations, so the report looks at the default locale only.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Locale


def stale_cutoff(today=None):
    """Verified before this date means stale."""
    today = today or timezone.localdate()
    return today - timedelta(days=settings.LISTING_STALE_AFTER_DAYS)


def stale_listings(today=None):
    """Live listings in the default locale not verified since the cutoff, oldest first."""
    from directory.models import ListingPage

    cutoff = stale_cutoff(today)
    return (
        ListingPage.objects.live()
        .filter(locale=Locale.get_default())
        .filter(Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=cutoff))
        .select_related("last_verified_by")
        .order_by("last_verified_on", "title")
    )


def mark_verified(listing, user, today=None):
    """Record that `user` confirmed the listing today, in every translation of it.

    Goes through a revision, so the history shows who verified and when. A listing with
    unpublished changes keeps them as a draft: the date is added to the draft and written
    to the live row, so readers see it at once and publishing the draft keeps it.
    """
    from directory.models import ListingPage

    today = today or timezone.localdate()
    for page in ListingPage.objects.filter(translation_key=listing.translation_key):
        had_draft = page.has_unpublished_changes
        latest = page.get_latest_revision_as_object() if had_draft else page.specific
        latest.last_verified_on = today
        latest.last_verified_by = user
        revision = latest.save_revision(user=user, log_action=True)
        if had_draft or not page.live:
            ListingPage.objects.filter(pk=page.pk).update(
                last_verified_on=today, last_verified_by=user
            )
        else:
            revision.publish(user=user)
