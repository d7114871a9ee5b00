"""`{% directory_results_map listings %}` and `{% search_results_map results %}`: the map
after a page of results (directory/map.py), or nothing when none of them has a located place."""

from django import template

from directory import map as results_map
from home.templatetags.portal_tags import reader_url

register = template.Library()
TEMPLATE = "directory/includes/results_map.html"


@register.inclusion_tag(TEMPLATE, takes_context=True)
def directory_results_map(context, listings):
    """The directory's cards: linked as the cards link them (`reader_url`)."""
    shown = results_map.shown_listings(listings, lambda listing: reader_url(context, listing))
    return results_map.map_context(shown)


@register.inclusion_tag(TEMPLATE)
def search_results_map(results):
    """The listings among a page of search results."""
    return results_map.map_context(results_map.shown_results(results))
