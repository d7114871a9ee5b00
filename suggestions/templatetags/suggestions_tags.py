"""`{% report_problem_url listing as url %}`: where readers report a problem with a listing."""

from django import template

from wagtail.models import Locale

from suggestions.models import SuggestListingPage

register = template.Library()


def suggest_page():
    """The suggest page in the reader's language, else in the default language, else None."""
    return SuggestListingPage.objects.for_reader(Locale.get_active()).first()


@register.simple_tag
def report_problem_url(listing):
    page = suggest_page()
    if page is None or not page.url:
        return ""
    return page.url + page.reverse_subpage("report", kwargs={"listing_id": listing.pk})
