"""The public suggestion form asks which languages a resource is offered in (issue 12): the
answer is stored with the suggestion and carried to the draft listing an editor accepts."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Locale

import pytest

from directory.factories import LanguageFactory
from directory.models import GroupPage
from suggestions.factories import SuggestListingPageFactory
from suggestions.models import ListingSuggestion

VALID = {
    "name": "Rainier Valley Pantry",
    "kind": "group",
    "summary": "Free groceries on Saturdays.",
    "website": "",
    "how_to_reach": "",
    "contact_email": "",
    "nickname": "",
}


@pytest.fixture
def suggest_page(home, directory):
    return SuggestListingPageFactory(parent=home)


@pytest.fixture
def tigrinya(db):
    return LanguageFactory(code="ti", name="Tigrinya", native_name="ትግርኛ")


def test_the_form_names_each_language_in_the_readers_words_and_its_own(
    client, suggest_page, tigrinya
):
    html = client.get(suggest_page.url).content.decode()
    assert "Languages it is offered in" in html
    assert f'value="{tigrinya.pk}"' in html
    assert "Tigrinya (ትግርኛ)" in html


def test_a_suggestion_keeps_the_languages_chosen(client, suggest_page, tigrinya):
    spanish = LanguageFactory(code="es", name="Spanish", native_name="Español")
    client.post(suggest_page.url, VALID | {"languages": [tigrinya.pk, spanish.pk]})

    suggestion = ListingSuggestion.objects.get()
    assert set(suggestion.languages.all()) == {tigrinya, spanish}


def test_a_language_not_offered_is_refused_and_nothing_stored(client, suggest_page, tigrinya):
    spanish_locale, _created = Locale.objects.get_or_create(language_code="es")
    translated = tigrinya.copy_for_translation(spanish_locale)
    translated.save()

    response = client.post(suggest_page.url, VALID | {"languages": [translated.pk]})

    assert "is not one of the available choices" in response.content.decode()
    assert not ListingSuggestion.objects.exists()


def test_accepting_carries_the_languages_to_the_draft(client, suggest_page, tigrinya):
    client.post(suggest_page.url, VALID | {"languages": [tigrinya.pk]})
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)

    suggestion = ListingSuggestion.objects.get()
    client.post(reverse("suggestions_listingsuggestion:accept", args=[suggestion.pk]))

    draft = GroupPage.objects.get(title="Rainier Valley Pantry")
    assert not draft.live
    assert list(draft.languages.all()) == [tigrinya]
