"""Accepting suggestions: each draft gets its own address under the directory."""

from django.contrib.auth import get_user_model
from django.urls import reverse

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


# --- What is copied, and what never is -----------------------------------------------------
def public_text(page):
    """Everything a published listing could show a reader, as text."""
    page = page.specific
    fields = [page.title, page.slug, page.summary, str(page.description), page.website]
    fields += [page.email, getattr(page, "call_about", ""), getattr(page, "how_to_join", "")]
    fields += [phone.number.as_e164 for phone in page.phones.all() if phone.number]
    return " ".join(str(field) for field in fields)


@pytest.mark.parametrize("kind", ["group", "hotline"])
def test_accepting_never_copies_the_senders_contact_details(directory, editor, kind):
    suggestion = ListingSuggestionFactory(
        kind=kind,
        name="Rainier Pantry",
        summary="Free groceries on Saturdays. Text me (Sam) at 206-555-0142 or sam@example.org.",
        website="https://pantry.example.org/",
        how_to_reach="Call me, Sam Doe, on (206) 555-0199 or write to sam.doe@example.org.",
        contact_email="sam@example.org",
    )

    page = accept_suggestion(suggestion, editor).specific

    text = public_text(page)
    for private in ("sam@example.org", "sam.doe@example.org", "555-0142", "555-0199", "Sam Doe"):
        assert private not in text
    assert page.summary == "Free groceries on Saturdays. Text me (Sam) at or ."
    assert page.website == "https://pantry.example.org/"  # the resource's, asked for as such
    assert str(page.description) == ""
    assert not page.phones.exists() and page.email == ""
    suggestion.refresh_from_db()
    assert "sam.doe@example.org" in suggestion.how_to_reach  # kept for the editor


def test_a_name_that_is_only_an_address_gives_a_neutral_title(directory, editor):
    suggestion = ListingSuggestionFactory(name="sam@example.org", summary="206 555 0142")

    page = accept_suggestion(suggestion, editor)

    assert page.title == f"Suggested listing {suggestion.pk}"
    assert page.summary == page.title  # a summary is required; nothing of the sender's is left


def test_the_accept_screen_says_what_is_copied_and_what_is_not(client, directory, editor):
    suggestion = ListingSuggestionFactory(
        name="Rainier Pantry",
        how_to_reach="Ask Sam at 206-555-0199.",
        contact_email="sam@example.org",
    )
    client.force_login(editor)

    html = client.get(reverse("suggestions_listingsuggestion:accept", args=[suggestion.pk]))

    html = html.content.decode()
    copied, not_copied = html.split("Not copied", 1)
    assert "Rainier Pantry" in copied and "sam@example.org" not in copied
    assert "Ask Sam at 206-555-0199." in not_copied and "sam@example.org" in not_copied
    assert "Confirm the group's own phone, e-mail or form with the group" in html


def test_after_accepting_the_editor_is_told_how_to_reach_it_was_not_copied(
    client, directory, editor
):
    suggestion = ListingSuggestionFactory(how_to_reach="Ask Sam at 206-555-0199.")
    client.force_login(editor)

    url = reverse("suggestions_listingsuggestion:accept", args=[suggestion.pk])
    html = client.post(url, follow=True).content.decode()

    assert "was not copied (it may be the sender&#x27;s own contact)" in html
    assert "206-555-0199" not in html
