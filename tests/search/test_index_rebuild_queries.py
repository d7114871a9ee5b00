"""Issue 13 (benchmark finding): rebuilding the database index reads each listing's
taxonomies once for all listings, not a dozen queries per listing.

modelsearch prefetches RelatedFields but not ParentalManyToManyFields; at 100,000 listings the
difference is hours of `update_index` (ListingPage.get_indexed_objects prefetches them).
"""

from modelsearch.backends import get_search_backend

from directory.factories import AreaFactory, GroupPageFactory, LanguageFactory, NeedFactory
from directory.models import GroupPage
from tests.helpers import publish


def test_indexing_listings_costs_the_same_queries_for_ten_as_for_one(
    directory, django_assert_max_num_queries
):
    food = NeedFactory(slug="food", name="Food")
    seattle = AreaFactory(slug="seattle", name="Seattle")
    spanish = LanguageFactory(code="es", name="Spanish", native_name="Español")
    for number in range(10):
        publish(
            GroupPageFactory(
                parent=directory,
                title=f"Pantry {number}",
                needs=[food],
                areas=[seattle],
                languages=[spanish],
            )
        )
    index = get_search_backend().get_index_for_model(GroupPage)

    # 174 queries before the prefetch; 17 with it, whatever the number of listings.
    with django_assert_max_num_queries(20):
        index.add_items(GroupPage, list(GroupPage.get_indexed_objects()))
