"""Freshness: the "needs review" report, the scheduled command and "mark verified today"."""

import functools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import GroupPageFactory
from directory.models import ListingPage


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


@pytest.fixture
def listings(directory, settings):
    settings.LISTING_STALE_AFTER_DAYS = 30
    today = timezone.localdate()
    # Reachable (a website), so only their dates decide whether they need review.
    group = functools.partial(GroupPageFactory, website="https://example.org/")
    return {
        "fresh": group(
            parent=directory, title="Fresh group", last_verified_on=today - timedelta(days=3)
        ),
        "old": group(
            parent=directory, title="Old group", last_verified_on=today - timedelta(days=31)
        ),
        "never": group(parent=directory, title="Never checked group"),
    }


def test_stale_listings_are_the_unverified_and_the_long_unverified(listings):
    titles = {page.title for page in ListingPage.objects.stale()}
    assert titles == {"Never checked group", "Old group"}


def test_admin_report_lists_only_stale_listings(client, editor, listings):
    client.force_login(editor)
    html = client.get(reverse("directory_stale_listings")).content.decode()
    assert "Old group" in html
    assert "Never checked group" in html
    assert "Fresh group" not in html
    assert "Mark verified today" in html


def test_report_is_in_the_reports_menu(client, editor, listings):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("directory_stale_listings") in html


def test_report_exports_csv(client, editor, listings):
    client.force_login(editor)
    response = client.get(reverse("directory_stale_listings") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "Old group" in body and "Fresh group" not in body


def test_command_exit_status(listings, capsys):
    with pytest.raises(SystemExit) as exit_info:
        call_command("stale_listings")
    assert exit_info.value.code == 1
    output = capsys.readouterr().out
    assert "Old group" in output and "Never checked group" in output
    assert "Fresh group" not in output

    ListingPage.objects.update(last_verified_on=timezone.localdate())
    call_command("stale_listings")  # returns normally: exit status 0
    assert "No listing" in capsys.readouterr().out


def test_mark_verified_today_records_who_and_when(client, editor, listings):
    old = listings["old"]
    client.force_login(editor)
    url = reverse("directory_verify_listing", args=[old.pk])
    assert client.get(url).status_code == 200  # the confirmation
    response = client.post(url, {"how": "phone", "next": reverse("directory_stale_listings")})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.last_verified_on == timezone.localdate()
    assert old.last_verified_by == editor
    assert not old.has_unpublished_changes
    assert old not in ListingPage.objects.stale()
    html = client.get(old.url).content.decode()
    assert "Last checked on" in html


def test_mark_verified_keeps_a_pending_draft(client, editor, listings):
    old = listings["old"]
    draft = old.get_latest_revision_as_object()
    draft.summary = "A change not yet published."
    draft.save_revision()
    client.force_login(editor)
    client.post(reverse("directory_verify_listing", args=[old.pk]), {"how": "website"})
    old.refresh_from_db()
    assert old.last_verified_on == timezone.localdate()  # readers see it at once
    assert old.has_unpublished_changes
    assert old.summary != "A change not yet published."
    latest = old.get_latest_revision_as_object()
    assert latest.summary == "A change not yet published."
    assert latest.last_verified_on == timezone.localdate()
    assert (old.last_verified_how, latest.last_verified_how) == ("website", "website")


def test_verify_needs_publish_permission(client, listings, db):
    nobody = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    client.force_login(nobody)
    url = reverse("directory_verify_listing", args=[listings["old"].pk])
    response = client.post(url, {"how": "phone"})
    assert response.status_code in (302, 403)  # the admin refuses, or sends to login
    listings["old"].refresh_from_db()
    assert listings["old"].last_verified_by is None
