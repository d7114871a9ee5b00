"""Accepting a suggestion: one step from the queue to a draft listing in the directory.

Only facts about the resource are copied (its name, what it offers, its website, needs, areas
and languages), never how to reach the person who sent it: their e-mail address stays on the
suggestion, "how to reach it" is free text that may be theirs rather than the group's (an editor
confirms the group's contact details and adds them under Contact), and any e-mail address or
phone number typed into the copied texts is left out.
"""

import re

from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale

import phonenumbers

from directory.models import (
    DirectoryIndexPage,
    ExternalFormPage,
    GroupPage,
    HotlinePage,
    ResourcePage,
)
from directory.models.listings import ListingKind

from .models import Status

# Good enough to find an address in a sentence; what is left out is not meant to be kept.
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def without_contact_details(text):
    """`text` without e-mail addresses or phone numbers, its spaces tidied."""
    matches = phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in reversed(list(matches)):
        text = text[: match.start] + text[match.end :]
    return " ".join(EMAIL_ADDRESS.sub("", text).split())


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
    """Create a DRAFT listing from the suggestion under the default-locale directory, with
    no contact details of the person who sent it (see the module's docstring)."""
    default = Locale.get_default()
    directory = DirectoryIndexPage.objects.filter(locale=default).order_by("path").first()
    if directory is None:
        raise NoDirectory
    name = without_contact_details(suggestion.name) or f"Suggested listing {suggestion.pk}"
    summary = without_contact_details(suggestion.summary) or name  # a summary is required
    page = page_for_kind(suggestion.kind, summary)
    page.title = name
    # A name in Ge'ez script (Amharic, Tigrinya) slugifies to nothing: use the suggestion's id.
    requested = slugify(name)[:60].strip("-") or f"suggested-listing-{suggestion.pk}"
    page.slug = find_available_slug(directory, requested)
    page.summary = summary[:255]
    page.website = suggestion.website
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
