"""Indexing imported records for the admin's search and Wagtail's reference index, in the
background after commit.

Pages and snippets saved one by one are indexed by Wagtail's signal handlers; the importer
writes in bulk, so it indexes them itself, in bulk, as a task (Django's tasks API): with
TASKS_BACKEND=database a worker does it and the import does not wait; with the immediate
backend it runs at once, after the import's transaction commits. Imported listings are
drafts, so only editors' searches look for them; `manage.py update_index` rebuilds the same.
The reference index is what an organization's or need's "Usage" tab reads: without it an
imported draft would be missing there (`manage.py rebuild_references_index` rebuilds it).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from django_tasks import task

from directory.models import ListingPage, Organization


@task(priority=-10)
def index_imported(page_ids, organization_ids):
    """Index these listings and organizations. The listings' taxonomies come prefetched: the
    index reads each several times per listing (need_names_here...), a query each otherwise."""
    types = ListingPage.objects.filter(pk__in=page_ids).values_list("content_type", flat=True)
    by_type = {}
    for content_type in ContentType.objects.filter(pk__in=set(types)):
        model = content_type.model_class()
        by_type[model] = list(
            model.objects.filter(pk__in=page_ids)
            .select_related("locale", "organization")
            .prefetch_related("needs", "areas", "languages")
        )
    organizations = list(Organization.objects.filter(pk__in=organization_ids))
    for backend in get_search_backends():
        for model, pages in by_type.items():
            backend.add_bulk(model, pages)
        if organizations:
            backend.add_bulk(Organization, organizations)
    for pages in by_type.values():
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
    return {"pages": len(page_ids), "organizations": len(organizations)}


def index_after_commit(page_ids, organization_ids):
    if page_ids or organization_ids:
        transaction.on_commit(
            lambda: index_imported.enqueue(list(page_ids), list(organization_ids))
        )
