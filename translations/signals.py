"""A review flag raised or cleared changes what the flagged page shows readers (its note):
purge that page from the HTTP cache, as publishing would (portal/httpcache). The kept
fragments need nothing here: any ReviewFlag save drops the content generation
(home/fragments.py)."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page

from portal.httpcache.signals import purging, schedule

from .models import ReviewFlag


def connect():
    for signal in (post_save, post_delete):
        signal.connect(flag_changed, sender=ReviewFlag, dispatch_uid="translations-review-flag")


def flag_changed(sender, instance, **kwargs):
    if not purging():
        return
    page = Page.objects.filter(
        translation_key=instance.object_id, locale_id=instance.locale_id, live=True
    ).first()
    url = page.get_full_url() if page is not None else None
    if url:
        schedule([url])
