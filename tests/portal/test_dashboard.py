"""The editors' dashboard shows what is waiting for them: new suggestions, open problem
reports, listings to review and listings readers cannot reach; each a count, the first few
linked to where the editor acts, and only to editors allowed to act on them.

Every contact detail here is fictional (555-01xx numbers, example.org addresses).
"""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

import pytest

from directory.factories import GroupPageFactory, HotlinePageFactory
from portal.dashboard import FIRST_FEW
from suggestions.factories import ListingSuggestionFactory, ProblemReportFactory
from suggestions.models import Status


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def dashboard(client):
    return client.get(reverse("wagtailadmin_home")).content.decode()


def panel(html, panel_id):
    """The HTML of one dashboard panel, or "" when it is not shown."""
    match = re.search(rf'<section[^>]*id="{panel_id}-section"[^>]*>(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


@pytest.fixture
def waiting(directory, settings):
    settings.LISTING_STALE_AFTER_DAYS = 30
    old = timezone.localdate() - timedelta(days=90)
    unreachable = GroupPageFactory(parent=directory, title="Quiet Pantry")
    stale = HotlinePageFactory(
        parent=directory, title="Old Line", phone="206 555 0142", last_verified_on=old
    )
    fresh = GroupPageFactory(
        parent=directory,
        title="Fresh Kitchen",
        website="https://kitchen.example.org/",
        last_verified_on=timezone.localdate(),
    )
    suggestion = ListingSuggestionFactory(
        name="Rainier Tool Library", contact_email="neighbour@example.org"
    )
    ListingSuggestionFactory(name="Already Accepted", status=Status.ACCEPTED)
    report = ProblemReportFactory(listing=stale, contact_email="reporter@example.org")
    ProblemReportFactory(listing=fresh, status=Status.RESOLVED)
    return {
        "unreachable": unreachable,
        "stale": stale,
        "fresh": fresh,
        "suggestion": suggestion,
        "report": report,
    }


def test_the_dashboard_shows_each_queue_with_its_count_and_links(editor_client, waiting):
    html = dashboard(editor_client)

    suggestions = panel(html, "pending-suggestions")
    assert "Suggested listings" in suggestions and "1 waiting" in suggestions
    edit = reverse("suggestions_listingsuggestion:edit", args=[waiting["suggestion"].pk])
    assert f'<a href="{edit}">Rainier Tool Library (Mutual-aid group)</a>' in suggestions
    assert "Already Accepted" not in suggestions
    assert f'href="{reverse("suggestions_listingsuggestion:index")}?status=new"' in suggestions

    reports = panel(html, "open-problem-reports")
    edit = reverse("suggestions_problemreport:edit", args=[waiting["report"].pk])
    assert "1 waiting" in reports
    assert f'<a href="{edit}">Old Line: It has closed or stopped</a>' in reports
    assert "Fresh Kitchen" not in reports  # resolved

    to_review = panel(html, "listings-to-review")
    assert "2 waiting" in to_review
    assert to_review.index("Quiet Pantry") < to_review.index("Old Line")  # unreachable first
    assert "No contact details" in to_review and "Fresh Kitchen" not in to_review
    assert f'href="{reverse("directory_stale_listings")}"' in to_review

    unreachable = panel(html, "unreachable-listings")
    edit = reverse("wagtailadmin_pages:edit", args=[waiting["unreachable"].pk])
    assert "1 waiting" in unreachable
    assert f'<a href="{edit}">Quiet Pantry</a>' in unreachable
    assert "Old Line" not in unreachable  # it has a phone


def test_the_dashboard_never_shows_who_sent_a_suggestion_or_report(editor_client, waiting):
    html = dashboard(editor_client)

    assert "neighbour@example.org" not in html
    assert "reporter@example.org" not in html


def test_a_long_queue_names_the_first_few_and_counts_them_all(editor_client, db):
    for number in range(FIRST_FEW + 2):
        ListingSuggestionFactory(name=f"Suggested pantry {number}")

    suggestions = panel(dashboard(editor_client), "pending-suggestions")

    assert f"{FIRST_FEW + 2} waiting" in suggestions
    assert f"(the first {FIRST_FEW} below)" in suggestions
    assert suggestions.count("Suggested pantry") == FIRST_FEW
    assert "Suggested pantry 0" in suggestions  # the longest waiting first


def test_empty_queues_say_so(editor_client, directory):
    html = dashboard(editor_client)

    assert "No new suggestions." in panel(html, "pending-suggestions")
    assert "No new problem reports." in panel(html, "open-problem-reports")
    assert "Every listing has been checked recently." in panel(html, "listings-to-review")
    assert "Every live listing has a way to reach it." in panel(html, "unreachable-listings")


def admin_user(*permissions):
    """An editor who can open the admin, with these `app_label.codename` permissions only."""
    user = get_user_model().objects.create_user("limited", "limited@example.org", "pw")
    group = Group.objects.create(name="Limited")
    for name in ("wagtailadmin.access_admin", *permissions):
        app_label, codename = name.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user.groups.add(group)
    return user


def test_editors_see_only_the_queues_they_may_act_on(client, waiting):
    client.force_login(admin_user("suggestions.change_listingsuggestion"))

    html = dashboard(client)

    assert "Rainier Tool Library" in panel(html, "pending-suggestions")
    for hidden in ("open-problem-reports", "listings-to-review", "unreachable-listings"):
        assert panel(html, hidden) == ""
    assert "Old Line" not in html and "Quiet Pantry" not in html
