"""Writing a checked plan: new listings as unpublished drafts, matched ones as new drafts.

One transaction per run: the plan was checked whole before (plan.py), so either every
service is written or, if anything fails while writing, none is.

New listings are inserted in bulk, since saving 10,000 pages one by one through treebeard's
`add_child` takes minutes: rows for `Page` and each table of the page type, the tree paths
treebeard would give them, then their phones, hours, locations and taxonomy links, then one
revision per page holding what Wagtail's `save_revision` would (`serializable_data()`), a
"created" entry in each page's history, and the search index in bulk. The pages are exactly
what Wagtail makes: not live, `has_unpublished_changes`, their latest revision set.

A matched listing gets a new revision the same way (what `save_revision` stores and sets:
the latest revision, `has_unpublished_changes`, the draft title, an "edited" history entry),
built on its own row, never published: editors compare it with the live version in the
page's history and publish it or not. Provenance is stamped on the page's row (it is not
editorial content): `imported_at` is the time of the revision the importer saved, which is
how a later import tells its own draft from an editor's (plan.editor_draft): a draft saved
on top of the importer's own is the editor's, and skipped.
"""

import uuid
from itertools import count

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils.text import slugify

from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision

from directory.models import (
    ListingLocation,
    ListingPage,
    ListingPhone,
    OpeningHours,
    Organization,
)
from opendata.ids import stable_id

from .mapping import fold
from .plan import ImportFailed, Organizations
from .tasks import index_after_commit

BATCH = 500
RELATIONS = ("needs", "areas", "languages")


def apply(plan, user=None, progress=None):
    """Write `plan` in one transaction; returns {"created": n, "updated": n, "organizations": n}."""
    if plan.errors:
        raise ImportFailed(plan.errors)
    with transaction.atomic():
        orgs = create_organizations(plan)
        created = create_listings(plan, orgs, user, progress)
        update_listings(plan, orgs, user, progress)
        index_after_commit([page.pk for page in created], [org.pk for org in orgs.new.values()])
    return {
        "created": len(created),
        "updated": len(plan.updates),
        "skipped": len(plan.conflicts),
        "organizations": len(plan.organizations),
    }


def wrap(progress, items, label):
    return progress(items, desc=label) if progress and items else items


def provenance(plan, record_id):
    return {
        "imported_from": plan.source[:500],
        "imported_record_id": record_id,
        "imported_at": plan.started,
    }


# --- Organizations -------------------------------------------------------------------------
def create_organizations(plan):
    """Organizations the services name that the portal lacks, created in bulk (snippets have
    no drafts); existing ones are left as editors keep them."""
    known = Organizations(plan.locale)
    taken = set(Organization.objects.filter(locale=plan.locale).values_list("slug", flat=True))
    new = []
    for item in [*plan.creates, *(item for item, _page in plan.updates)]:
        org = item.organization
        if not org or known.find(org) or not org.get("name"):
            continue
        key = fold(org["name"])
        if key in known.new:
            continue
        record_id = org.get("id") or ""
        instance = Organization(
            name=org["name"],
            slug=unique_slug(org["name"], taken, "organization"),
            description=org.get("description", ""),
            website=org.get("website", ""),
            locale=plan.locale,
            hsds_id=as_uuid(record_id, "imported-organization") if record_id else uuid.uuid4(),
            **provenance(plan, record_id[:250]),
        )
        known.new[key] = instance
        new.append(instance)
    Organization.objects.bulk_create(new, batch_size=BATCH)
    return known


def as_uuid(value, kind):
    try:
        return uuid.UUID(value)
    except ValueError:
        return uuid.UUID(stable_id(kind, value))


def organization_for(item, orgs):
    org = item.organization
    if not org:
        return None
    return orgs.find(org) or orgs.new.get(fold(org.get("name") or ""))


def unique_slug(text, taken, fallback):
    base = slugify(text)[:80].strip("-") or fallback
    slug = base
    for number in count(2):
        if slug not in taken:
            break
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


# --- New listings --------------------------------------------------------------------------
def create_listings(plan, orgs, user, progress=None):
    directory = plan.directory
    taken = set(directory.get_children().values_list("slug", flat=True))
    pages = []
    for item in plan.creates:
        page = item.page_type(
            **item.fields,
            slug=unique_slug(item.slug or item.title, taken, "listing"),
            locale=plan.locale,
            live=False,
            has_unpublished_changes=True,
            draft_title=item.title,
            latest_revision_created_at=plan.started,
            owner=user,
            organization=organization_for(item, orgs),
            hsds_id=item.hsds_id,
            **provenance(plan, item.record_id),
        )
        page.incoming = item
        pages.append(page)
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for batch in wrap(progress, list(batches(by_type)), "creating"):
        insert_pages(directory, batch)
        add_relations(batch, plan.locale)
        add_revisions(batch, user, plan.started)
    return pages


def batches(by_type):
    for typed in by_type.values():
        for first in range(0, len(typed), BATCH):
            yield typed[first : first + BATCH]


def insert_pages(parent, pages):
    """Pages of one type inserted under `parent` as treebeard's add_child would (bench/search.py
    does the same for its corpus): the Page rows for their ids, then the type's own tables."""
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    page_type = ContentType.objects.get_for_model(type(pages[0]))
    for offset, page in enumerate(pages, start=1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, step + offset)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = page_type
    # Django's bulk_create refuses multi-table inheritance; its insert does not: Page's table
    # first, returning the ids, then each table of the type's inheritance chain.
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    ids = Page._base_manager._insert(
        pages, fields=page_fields, returning_fields=[Page._meta.pk], using=connection.alias
    )
    for page, (pk,) in zip(pages, ids, strict=True):
        for model in [type(page), *type(page)._meta.get_parent_list()]:
            setattr(page, model._meta.pk.attname, pk)  # Page's id too, for revisions
    for model in reversed([type(pages[0]), *type(pages[0])._meta.get_parent_list()]):
        if model is not Page:
            model._base_manager._insert(
                pages, fields=model._meta.local_concrete_fields, using=connection.alias
            )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)


def child_objects(item, page_id, locale_id):
    phones = [
        ListingPhone(
            page_id=page_id,
            number=phone["number"],
            phone_type=phone["phone_type"],
            label=phone["label"],
            sort_order=order,
            locale_id=locale_id,
        )
        for order, phone in enumerate(item.phones)
    ]
    hours = [
        OpeningHours(page_id=page_id, weekday=weekday, opens=opens, closes=closes, sort_order=order)
        for order, (weekday, opens, closes) in enumerate(item.hours)
    ]
    places = [
        ListingLocation(page_id=page_id, locale_id=locale_id, sort_order=order, **place)
        for order, place in enumerate(item.locations)
    ]
    return phones, hours, places


def add_relations(pages, locale):
    """Phones (with their languages), hours, locations and taxonomy links of new pages, in
    bulk; kept on each page in memory too, for its revision."""
    all_phones, all_hours, all_places = [], [], []
    for page in pages:
        phones, hours, places = child_objects(page.incoming, page.pk, locale.pk)
        page.new_children = phones, hours, places
        all_phones += phones
        all_hours += hours
        all_places += places
    ListingPhone.objects.bulk_create(all_phones)
    OpeningHours.objects.bulk_create(all_hours)
    ListingLocation.objects.bulk_create(all_places)
    through = ListingPhone.languages.through
    through.objects.bulk_create(
        [
            through(listingphone_id=phone.pk, language_id=language.pk)
            for page in pages
            for phone, entry in zip(page.new_children[0], page.incoming.phones, strict=True)
            for language in entry["languages"]
        ]
    )
    for name in RELATIONS:
        model = getattr(ListingPage, name).through
        target = model._meta.get_field(name[:-1]).attname  # needs -> need_id
        model.objects.bulk_create(
            [
                model(listingpage_id=page.pk, **{target: term.pk})
                for page in pages
                for term in getattr(page.incoming, name)
            ]
        )


def in_memory(page, keep=()):
    """Give `page` its children and links in memory, as the editor's form would, so that
    `serializable_data()` reads them without a query per page. Child relations other than
    `keep` and the imported ones are empty (comments, form links... of a new page)."""
    phones, hours, places = page.new_children
    for phone, entry in zip(phones, page.incoming.phones, strict=True):
        phone.languages = entry["languages"]
    values = {"phones": phones, "opening_hours": hours, "locations": places}
    for relation in get_all_child_relations(page):
        name = relation.get_accessor_name()
        if name not in keep:
            setattr(page, name, values.get(name, []))
    for name in RELATIONS:
        setattr(page, name, getattr(page.incoming, name))


def add_revisions(pages, user, moment, action="wagtail.create", keep=()):
    """A revision of each page with the content `save_revision` stores, made the page's
    latest, and an `action` entry in its history."""
    page_type = ContentType.objects.get_for_model(Page)
    revisions = []
    for page in pages:
        in_memory(page, keep)
        revisions.append(
            Revision(
                content_type_id=page.content_type_id,
                base_content_type=page_type,
                object_id=str(page.pk),
                created_at=moment,
                user=user,
                object_str=page.title,
                content=page.serializable_data(),
            )
        )
    Revision.objects.bulk_create(revisions)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
    # One UPDATE for the batch (bulk_update would send a CASE of 500 branches).
    latest = Revision.objects.filter(
        base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField())
    ).order_by("-pk")
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision_id=Subquery(latest.values("pk")[:1])
    )
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                content_type_id=page.content_type_id,
                label=page.title,
                action=action,
                timestamp=moment,
                user=user,
                page_id=page.pk,
                revision=revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ]
    )


# --- Matched listings ----------------------------------------------------------------------
def update_listings(plan, orgs, user, progress=None):
    """A new draft revision of each matched listing with the incoming values, in bulk; the
    live pages are unchanged. Each draft is built on the page's own row, as Wagtail's
    `get_latest_revision_as_object` does when there is no draft: a listing with a draft here
    has the importer's own (plan.editor_draft skips the others), which holds the same row's
    values plus the last import's, all of which this import's values replace."""
    items = {page.pk: item for item, page in plan.updates}
    by_type = {}
    for page in ListingPage.objects.filter(pk__in=list(items)).specific(defer=True):
        by_type.setdefault(type(page), []).append(page.pk)
    batches_ = [
        (model, ids[first : first + BATCH])
        for model, ids in by_type.items()
        for first in range(0, len(ids), BATCH)
    ]
    for model, ids in wrap(progress, batches_, "updating"):
        kept = [
            relation.get_accessor_name()
            for relation in get_all_child_relations(model)
            if relation.get_accessor_name() not in ("phones", "opening_hours", "locations")
        ]
        pages = list(model.objects.filter(pk__in=ids).prefetch_related(*kept))
        for page in pages:
            item = items[page.pk]
            own_fields = {f.name for f in page._meta.concrete_fields}
            for name, value in item.fields.items():
                if name in own_fields and name not in ("kind", "slug"):
                    setattr(page, name, value)
            page.organization = organization_for(item, orgs)
            page.incoming = item
            page.new_children = child_objects(item, page.pk, page.locale_id)
            for name in kept:  # what the import does not bring stays as it is
                setattr(page, name, list(getattr(page, name).all()))
            for name, value in provenance(plan, item.record_id).items():
                setattr(page, name, value)
            page.draft_title = page.title
        add_revisions(pages, user, plan.started, action="wagtail.edit", keep=kept)
        Page.objects.filter(pk__in=ids).update(
            has_unpublished_changes=True, latest_revision_created_at=plan.started
        )
        Page.objects.bulk_update(pages, ["draft_title"])
        ListingPage.objects.bulk_update(
            pages, ["imported_from", "imported_record_id", "imported_at"]
        )
