"""Suggest a listing and report a problem: submit, queue, accept, draft; spam and retention."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import AreaFactory, GroupPageFactory
from directory.models import GroupPage, HotlinePage, ListingPage, ResourcePage
from suggestions.factories import (
    ListingSuggestionFactory,
    ProblemReportFactory,
    SuggestListingPageFactory,
)
from suggestions.models import RETENTION_DAYS, ListingSuggestion, ProblemReport, Status
from tests.helpers import assert_not_found

VALID = {
    "name": "Rainier Valley Pantry",
    "kind": "group",
    "summary": "Free groceries on Saturdays.",
    "website": "https://pantry.example.org/",
    "how_to_reach": "Ask at the community centre.",
    "contact_email": "",
    "nickname": "",
}


@pytest.fixture
def suggest_page(home, directory):
    return SuggestListingPageFactory(parent=home)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def test_suggest_page_is_in_the_sitemap(client, suggest_page):
    assert "/suggest/" in suggest_page.url
    assert suggest_page.url in client.get("/sitemap.xml").content.decode()


def test_form_states_retention_and_privacy(client, suggest_page):
    html = client.get(suggest_page.url).content.decode()
    assert f"We keep what you send for {RETENTION_DAYS} days" in html
    assert "your e-mail address is never shown" in html


def test_submit_then_thank_you(client, suggest_page, food):
    response = client.post(suggest_page.url, VALID | {"needs": [food.pk]}, follow=True)
    assert response.redirect_chain[-1][0].endswith("/suggest/thanks/")
    assert "Thank you" in response.content.decode()
    suggestion = ListingSuggestion.objects.get()
    assert suggestion.name == "Rainier Valley Pantry"
    assert suggestion.status == Status.NEW
    assert list(suggestion.needs.all()) == [food]
    assert suggestion.language == "en"


def test_invalid_input_is_explained_and_stores_nothing(client, suggest_page):
    response = client.post(suggest_page.url, VALID | {"name": "", "website": "not a url"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html
    assert "Enter a valid URL." in html
    assert ListingSuggestion.objects.count() == 0


def test_honeypot_looks_like_success_but_stores_nothing(client, suggest_page):
    response = client.post(suggest_page.url, VALID | {"nickname": "buy pills"})
    assert response.status_code == 302
    assert ListingSuggestion.objects.count() == 0


def test_rate_limit_per_client(client, suggest_page, settings):
    for _ in range(settings.SUGGESTIONS_RATE_LIMIT):
        assert client.post(suggest_page.url, VALID).status_code == 302
    response = client.post(suggest_page.url, VALID)
    assert response.status_code == 429
    assert "Please wait an hour" in response.content.decode()
    assert ListingSuggestion.objects.count() == settings.SUGGESTIONS_RATE_LIMIT
    # Another client is not affected.
    other = client.post(suggest_page.url, VALID, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_report_a_problem_from_a_listing(client, suggest_page, directory):
    listing = GroupPageFactory(parent=directory, title="Old pantry")
    html = client.get(listing.url).content.decode()
    report_url = f"{suggest_page.url}report/{listing.pk}/"
    assert report_url in html
    form = client.get(report_url).content.decode()
    assert "Old pantry" in form
    response = client.post(
        report_url, {"problem": "closed", "details": "Closed in May.", "nickname": ""}
    )
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.listing.pk == listing.pk
    assert report.details == "Closed in May."


def test_report_for_a_missing_listing_is_404(client, suggest_page):
    assert_not_found(client.get(f"{suggest_page.url}report/999999/"))


def test_queue_lists_and_filters_by_status(client, editor, suggest_page):
    ListingSuggestionFactory(name="New one")
    ListingSuggestionFactory(name="Declined one", status=Status.DECLINED)
    client.force_login(editor)
    index = reverse("suggestions_listingsuggestion:index")
    html = client.get(index).content.decode()
    assert "New one" in html and "Declined one" in html
    filtered = client.get(index + "?status=new").content.decode()
    assert "New one" in filtered and "Declined one" not in filtered


def test_accept_creates_a_draft_listing_in_one_step(client, editor, suggest_page, directory, food):
    seattle = AreaFactory(slug="seattle", name="Seattle")
    suggestion = ListingSuggestionFactory(
        name="Rainier Valley Pantry",
        website="https://pantry.example.org/",
        contact_email="me@example.org",
    )
    suggestion.needs.set([food])
    suggestion.areas.set([seattle])
    client.force_login(editor)
    html = client.get(reverse("suggestions_listingsuggestion:index")).content.decode()
    accept_url = reverse("suggestions_listingsuggestion:accept", args=[suggestion.pk])
    assert accept_url in html

    response = client.post(accept_url)
    page = GroupPage.objects.get(title="Rainier Valley Pantry")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert page.get_parent().pk == directory.pk
    assert page.website == "https://pantry.example.org/"
    assert list(page.needs.all()) == [food] and list(page.areas.all()) == [seattle]
    assert "me@example.org" not in str(page.description)  # personal data stays out
    suggestion.refresh_from_db()
    assert suggestion.status == Status.ACCEPTED
    assert suggestion.listing.pk == page.pk
    assert client.get(page.url or "/en/directory/rainier-valley-pantry/").status_code == 404


@pytest.mark.parametrize(
    ("kind", "model"), [("hotline", HotlinePage), ("fund", ResourcePage), ("group", GroupPage)]
)
def test_accept_picks_the_right_page_type(client, editor, directory, kind, model):
    suggestion = ListingSuggestionFactory(kind=kind, name=f"A {kind}")
    client.force_login(editor)
    client.post(reverse("suggestions_listingsuggestion:accept", args=[suggestion.pk]))
    page = ListingPage.objects.get(title=f"A {kind}").specific
    assert type(page) is model
    assert page.kind == kind


def test_problem_report_links_to_its_listing_in_the_queue(client, editor, directory):
    listing = GroupPageFactory(parent=directory, title="Old pantry")
    ProblemReportFactory(listing=listing)
    client.force_login(editor)
    html = client.get(reverse("suggestions_problemreport:index")).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[listing.pk]) in html
    assert "Old pantry" in html


def test_purge_deletes_what_is_past_retention(directory, capsys):
    listing = GroupPageFactory(parent=directory)
    old, recent = ListingSuggestionFactory(), ListingSuggestionFactory()
    old_report = ProblemReportFactory(listing=listing)
    past = timezone.now() - timedelta(days=RETENTION_DAYS + 1)
    ListingSuggestion.objects.filter(pk=old.pk).update(created_at=past)
    ProblemReport.objects.filter(pk=old_report.pk).update(created_at=past)

    call_command("purge_suggestions", "--dry-run")
    assert ListingSuggestion.objects.count() == 2
    call_command("purge_suggestions")
    assert list(ListingSuggestion.objects.all()) == [recent]
    assert ProblemReport.objects.count() == 0
    assert "deleted 1" in capsys.readouterr().out
