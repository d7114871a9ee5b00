"""A cheap validator for the exports, for a cache policy that wants an ETag or Last-Modified.

A streamed export has no body to hash before it is sent, and hashing 100,000 services to
answer a 304 would cost what the 304 saves. What changes an export is an editor's action:
publishing, unpublishing, moving or translating a listing (Wagtail logs each as a
PageLogEntry) or editing a taxonomy term, organization or holiday (a ModelLogEntry). So the
version of the export in a language is: how many listings it holds, when the newest of them
was published, and the newest entry of each log. One query.

The schedules carry Seattle's UTC offset (opendata/hsds_schedules.py), so the offset is part of
the version too: the export changes when the clocks do.

Changes made behind Wagtail's back (a queryset `update()` in a shell) are not logged: purge or
wait out the cache's lifetime after those.
"""

from django.db.models import Count, Max, Subquery

from wagtail.models import ModelLogEntry, PageLogEntry

from directory.models import ListingPage

from .hsds_schedules import utc_offset


def newest(log):
    return Subquery(log.objects.order_by("-pk").values("pk")[:1])


def export_version(locale):
    """{"listings", "published", "page_log", "model_log"} for the exports in `locale`."""
    return (
        ListingPage.objects.for_reader(locale)
        .order_by()
        .aggregate(
            listings=Count("pk"),
            published=Max("last_published_at"),
            page_log=Max(newest(PageLogEntry)),
            model_log=Max(newest(ModelLogEntry)),
        )
    )


def export_etag(locale):
    """A weak ETag (the same data, however it is serialized) for the exports in `locale`."""
    version = export_version(locale)
    published = version["published"].timestamp() if version["published"] else 0
    parts = [locale.language_code, version["listings"], published]
    parts += [version["page_log"] or 0, version["model_log"] or 0, utc_offset()[1]]
    return 'W/"{}"'.format("-".join(str(part) for part in parts))
