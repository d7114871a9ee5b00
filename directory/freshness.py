"""Marking a listing as checked today (which listings need checking is
`ListingPage.objects.stale()`)."""

from django.utils import timezone

from .models import ListingPage


def mark_verified(listing, user, today=None):
    """Record that `user` confirmed the listing today, in every translation of it.

    Goes through a revision, so the history shows who verified and when. A listing with
    unpublished changes keeps them as a draft: the date is added to the draft and written
    to the live row, so readers see it at once and publishing the draft keeps it.
    """
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
