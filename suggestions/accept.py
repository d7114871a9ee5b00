"""Accepting a suggestion: one step from the queue to a draft listing in the directory."""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

from directory.models import (
    DirectoryIndexPage,
    ExternalFormPage,
    GroupPage,
    HotlinePage,
    ResourcePage,
)
from directory.models.listings import ListingKind

from .models import Status


class NoDirectory(Exception):
    """There is no directory page to put the draft under."""


def page_for_kind(kind, summary):
    """The listing page (unsaved) for a suggested kind, with the kind's required fields set.

    Editors refine them in the draft; sensible defaults mean the draft saves in one step.
    """
    if kind == ListingKind.GROUP:
        return GroupPage()
    if kind == ListingKind.FORM:
        return ExternalFormPage(purpose=ExternalFormPage.Purpose.REQUEST_SUPPORT)
    if kind == ListingKind.HOTLINE:
        return HotlinePage(call_about=summary)
    return ResourcePage(resource_kind=ResourcePage.ResourceKind(kind))


@transaction.atomic
def accept_suggestion(suggestion, user):
    """Create a DRAFT listing from the suggestion under the default-locale directory.

    The suggester's e-mail is not copied: it is personal data, and the listing is public.
    """
    default = Locale.get_default()
    directory = DirectoryIndexPage.objects.filter(locale=default).order_by("path").first()
    if directory is None:
        raise NoDirectory
    summary = " ".join(suggestion.summary.split())
    page = page_for_kind(suggestion.kind, summary)
    page.title = suggestion.name
    # A name in Ge'ez script (Amharic, Tigrinya) slugifies to nothing: use the suggestion's id.
    requested = slugify(suggestion.name)[:60].strip("-") or f"suggested-listing-{suggestion.pk}"
    page.slug = find_available_slug(directory, requested)
    page.summary = summary[:255]
    page.website = suggestion.website
    if suggestion.how_to_reach:
        page.description = f"<p>{escape(suggestion.how_to_reach)}</p>"
    page.live = False
    page.owner = user
    page.locale = default
    page.needs = list(suggestion.needs.all())
    page.areas = list(suggestion.areas.all())
    page.languages = list(suggestion.languages.all())
    directory.add_child(instance=page)
    page.save_revision(user=user, log_action=True)

    suggestion.listing = page
    suggestion.status = Status.ACCEPTED
    suggestion.save(update_fields=["listing", "status"])
    return page
