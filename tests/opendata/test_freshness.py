"""The exports' validator changes with every editor's action that changes them, and only then."""

from wagtail.log_actions import log

from opendata.freshness import export_etag
from tests.helpers import publish


def test_etag_is_stable_until_an_editor_acts(catalogue, locales, django_assert_max_num_queries):
    english = locales["en"]
    with django_assert_max_num_queries(3):  # the locale and view restrictions, then the one
        first = export_etag(english)
    assert first.startswith('W/"en-4-')
    assert export_etag(english) == first

    publish(catalogue["pantry"], summary="Groceries, now on Sundays too.")
    published = export_etag(english)
    assert published != first

    catalogue["fund"].unpublish()
    unpublished = export_etag(english)
    assert unpublished.startswith('W/"en-3-') and unpublished != published

    food = catalogue["pantry"].needs.first()
    food.name = "Groceries"
    food.save()
    log(instance=food, action="wagtail.edit")  # as the snippet editor does
    assert export_etag(english) != unpublished


def test_each_language_has_its_own_etag(catalogue, locales):
    assert export_etag(locales["es"]).startswith('W/"es-4-')
    assert export_etag(locales["es"]) != export_etag(locales["en"])
