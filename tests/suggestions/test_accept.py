"""Accepting suggestions: each draft gets its own address under the directory."""

from django.contrib.auth import get_user_model

import pytest

from suggestions.accept import accept_suggestion
from suggestions.factories import ListingSuggestionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def test_two_suggestions_with_one_name_get_distinct_slugs(directory, editor):
    first = accept_suggestion(ListingSuggestionFactory(name="Rainier Valley Pantry"), editor)
    second = accept_suggestion(ListingSuggestionFactory(name="Rainier Valley Pantry"), editor)

    assert first.slug == "rainier-valley-pantry"
    assert second.slug == "rainier-valley-pantry-1"
    directory.refresh_from_db()  # treebeard caches the child count
    assert {page.slug for page in directory.get_children()} == {first.slug, second.slug}


def test_a_name_without_latin_letters_is_named_after_the_suggestion(directory, editor):
    suggestion = ListingSuggestionFactory(name="የጎረቤት እርዳታ")

    page = accept_suggestion(suggestion, editor)

    assert page.slug == f"suggested-listing-{suggestion.pk}"
    assert page.title == "የጎረቤት እርዳታ"
