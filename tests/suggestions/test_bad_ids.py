"""Ids that no row could have: a 404 for the report route, a field error for the form."""

from django.utils import translation
from django.utils.translation import gettext

import pytest

from directory.factories import GroupPageFactory
from suggestions.factories import SuggestListingPageFactory
from suggestions.models import ListingSuggestion, ProblemReport

TOO_LARGE = "99999999999999999999"  # more than any database integer column holds


@pytest.fixture
def suggest_page(home, directory):
    return SuggestListingPageFactory(parent=home)


@pytest.mark.parametrize("language", ["en", "es", "ti"])
def test_report_for_an_id_too_large_is_not_found(client, suggest_page, locales, language):
    client.raise_request_exception = False
    response = client.get(f"/{language}/suggest/report/{TOO_LARGE}/")
    assert response.status_code == 404
    with translation.override(language):
        assert gettext("Page not found") in response.content.decode()


def test_report_for_a_real_listing_still_opens(client, suggest_page, directory):
    listing = GroupPageFactory(parent=directory, title="Pantry")
    response = client.get(f"{suggest_page.url}report/{listing.pk}/")
    assert "Pantry" in response.content.decode()
    assert ProblemReport.objects.count() == 0


@pytest.mark.parametrize("bad_need", [TOO_LARGE, "①", "-99999999999999999999"])
def test_suggestion_with_an_impossible_need_is_explained(client, suggest_page, bad_need):
    client.raise_request_exception = False
    data = {"name": "Pantry", "kind": "group", "summary": "Food.", "needs": [bad_need]}
    response = client.post(suggest_page.url, data | {"nickname": ""})
    assert response.status_code == 400
    assert f"“{bad_need}” is not a valid value." in response.content.decode()
    assert ListingSuggestion.objects.count() == 0


def test_suggestion_with_a_real_need_is_stored(client, suggest_page, food):
    data = {"name": "Pantry", "kind": "group", "summary": "Food.", "needs": [str(food.pk)]}
    client.post(suggest_page.url, data | {"nickname": ""})
    assert list(ListingSuggestion.objects.get().needs.all()) == [food]
