"""Template tags for the directory's pages."""

from django import template
from django.utils.translation import get_language

from wagtail.models import Locale

from directory.models import HotlinePage
from directory.models.contacts import attach_contacts, listing_contacts
from directory.national_lines import NATIONAL_LINES
from home.querysets import note_reader_translations
from home.site_structure import kept

register = template.Library()


@register.inclusion_tag("directory/includes/hotlines.html", takes_context=True)
def directory_hotlines(context):
    """The directory's live hotlines, in the reader's language where translated.

    Shown on every directory page, so someone in crisis never has to search for a number.
    The hotline being read is left out of its own page.
    """
    page = context.get("page")
    hotlines = kept(hotlines_key(Locale.get_active().language_code))
    if page is not None:
        hotlines = [h for h in hotlines if h.translation_key != page.translation_key]
    return {"hotlines": hotlines, "request": context.get("request")}


@register.inclusion_tag("directory/includes/urgent_help.html", takes_context=True)
def urgent_help(context, hotlines=None, compact=False):
    """The urgent-help block: 911, 988 and 211 to tap and call, then the hotlines.

    `hotlines`: the ones editors chose for this place (the home page's urgent contacts);
    by default every live hotline, as `directory_hotlines` lists them. `compact`: the
    hotlines by name only, one line, where the first result must show on a phone's first
    screen (directory and search pages); each hotline's page has its number.
    """
    if hotlines is None:
        hotlines = directory_hotlines(context)["hotlines"]
    return {
        "national_lines": NATIONAL_LINES,
        "hotlines": hotlines,
        "compact": compact,
        "request": context.get("request"),
    }


def hotlines_key(language_code):
    return f"portal:site-structure:hotlines:{language_code}"


def read_hotlines(language_code):
    """Every visible hotline for a reader of `language_code`, by title, their translations
    noted: kept with the site's structure (home/site_structure.py), which any change to a
    page, a restriction or a locale drops, so a hotline's page is the only one to edit."""
    locale = Locale.objects.get_for_language(language_code)
    hotlines = HotlinePage.objects.for_reader(locale).order_by("title")
    hotlines = note_reader_translations(hotlines, locale, listed_for=locale)
    return attach_contacts(hotlines)  # their numbers, kept with them


@register.inclusion_tag("directory/includes/primary_action.html")
def primary_action(listing, on_card=False):
    """The one way to reach `listing` a reader of the active language is offered first (a
    call, the form, the website...), or the plain "no contact details yet" label. Cards'
    listings come with their contacts attached (contacts.attach_contacts): no query here."""
    language = (get_language() or "").split("-")[0]
    return {"action": listing.primary_action(language), "on_card": on_card}


@register.simple_tag
def listing_phones(listing):
    """The listing's phones, as read for its primary action (one query per page, not two)."""
    return listing_contacts(listing)[0]


@register.simple_tag
def listing_form_links(listing):
    """A form listing's links, one per language, with their languages (read once)."""
    return listing_contacts(listing)[1]


@register.simple_tag
def with_primary_actions(results):
    """Search results as (result, reach) pairs: `reach` is None for articles and pages, and
    for a listing {"action": its primary action or None, "cost", "documents"} (the card's
    "Free" and "No ID needed" badges), all read in one query."""
    from directory.models import ListingPage
    from directory.models.contacts import contact_columns
    from directory.models.listings import ListingKind

    ids = [result["id"] for result in results if result.get("kind") in ListingKind.values]
    listings = {}
    if ids:
        found = ListingPage.objects.filter(pk__in=ids).annotate(**contact_columns())
        fields = ("website", "email", "mailing_list_url", "mailing_list_name", "cost", "documents")
        listings = {listing.pk: listing for listing in attach_contacts(found.only(*fields))}
    language = (get_language() or "").split("-")[0]
    return [
        (
            result,
            reach(listings[result["id"]], language) if result.get("id") in listings else None,
        )
        for result in results
    ]


def reach(listing, language):
    """What a search result card shows of a listing beside its text: the primary action, and
    what the access badges read."""
    return {
        "action": listing.primary_action(language),
        "cost": listing.cost,
        "documents": listing.documents,
    }
