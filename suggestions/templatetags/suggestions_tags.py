"""`{% report_problem_url listing as url %}`: where readers report a problem with a listing."""

from django import template

from wagtail.models import Locale

from home.site_pages import site_pages
from suggestions.models import SuggestListingPage

register = template.Library()


def suggest_page(request=None, page=None):
    """The suggest page in the reader's language, else in the default language, else None:
    `SuggestListingPage.objects.for_reader().first()`, from the header's one query of the
    site's pages (home/site_pages.py) when there is a request."""
    if request is None:
        return SuggestListingPage.objects.for_reader(Locale.get_active()).first()
    visible = site_pages(request, page)["suggest_pages"]  # in tree order, as `.first()`
    reader, default = Locale.get_active().pk, Locale.get_default().pk
    translated = {row.translation_key for row in visible if row.locale_id == reader}
    for row in visible:
        if row.locale_id == reader or (
            row.locale_id == default and row.translation_key not in translated
        ):
            return row.specific_deferred  # its URL and routes: no query
    return None


@register.simple_tag(takes_context=True)
def report_problem_url(context, listing):
    page = suggest_page(context.get("request"), context.get("page"))
    if page is None or not page.url:
        return ""
    return page.url + page.reverse_subpage("report", kwargs={"listing_id": listing.pk})
