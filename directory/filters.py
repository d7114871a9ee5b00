"""The listing filters as a django-filter FilterSet, built from the facet registry.

The directory, its print view and the open-data listings API filter with it. Values are not
checked against the taxonomy: an unknown slug matches nothing, as a stale bookmark should.
"""

import django_filters

from .facets import FACETS
from .models.listings import ListingPage


class ListingFilterSet(django_filters.FilterSet):
    """?need=&area=&language=&kind=... (one filter per facet) on a ListingPage queryset."""

    class Meta:
        model = ListingPage
        fields = []


def facet_filter(facet):
    return django_filters.CharFilter(
        label=facet.label, method=lambda queryset, _name, value: facet.filter(queryset, value)
    )


ListingFilterSet.base_filters.update({facet.name: facet_filter(facet) for facet in FACETS})


def filter_listings(params, listings):
    """(filtered listings, {facet name: chosen value}) for query parameters `params`."""
    filterset = ListingFilterSet(params, queryset=listings)
    filterset.is_valid()  # CharFilters accept any text: nothing here is an error
    chosen = {name: value for name, value in filterset.form.cleaned_data.items() if value}
    return filterset.qs.distinct(), chosen
