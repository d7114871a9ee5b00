"""Marking a listing as checked today (which listings need checking is
`ListingPage.objects.stale()`)."""

from django.utils import timezone

from .models import ListingPage


def mark_verified(listing, user, how, note="", today=None):
    """Record that `user` confirmed the listing today, `how` (a VerifiedHow) and with an
    optional note for editors, in every translation of it.

    Goes through a revision, so the history shows who verified, when and how. A listing with
    unpublished changes keeps them as a draft: the record is added to the draft and written
    to the live row, so readers see the date at once and publishing the draft keeps it.
    """
    record = {
        "last_verified_on": today or timezone.localdate(),
        "last_verified_by": user,
        "last_verified_how": how,
        "last_verified_note": note,
    }
    for page in ListingPage.objects.filter(translation_key=listing.translation_key):
        had_draft = page.has_unpublished_changes
        latest = page.get_latest_revision_as_object() if had_draft else page.specific
        for name, value in record.items():
            setattr(latest, name, value)
        revision = latest.save_revision(user=user, log_action=True)
        if had_draft or not page.live:
            ListingPage.objects.filter(pk=page.pk).update(**record)
        else:
            revision.publish(user=user)
