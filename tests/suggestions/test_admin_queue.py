"""The moderation queue as an editor (not a superuser) sees it: rows open, submissions shown."""

import re
from html import unescape

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

import pytest

from directory.factories import AreaFactory, GroupPageFactory, LanguageFactory
from suggestions.factories import ListingSuggestionFactory, ProblemReportFactory
from suggestions.models import ListingSuggestion, ProblemReport, Status


@pytest.fixture
def editor(db):
    """A member of Wagtail's Editors group, allowed to moderate suggestions and reports."""
    group = Group.objects.get(name="Editors")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="suggestions",
            codename__in=[
                "view_listingsuggestion",
                "change_listingsuggestion",
                "view_problemreport",
                "change_problemreport",
            ],
        )
    )
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def suggestion(food):
    suggestion = ListingSuggestionFactory(
        name="Rainier Valley Pantry",
        summary="Free groceries on Saturdays.",
        website="https://pantry.example.org/",
        how_to_reach="Ask at the community centre.",
        contact_email="neighbour@example.org",
        language="es",
    )
    suggestion.needs.set([food])
    suggestion.areas.set([AreaFactory(slug="rainier-valley", name="Rainier Valley")])
    suggestion.languages.set([LanguageFactory(code="ti", name="Tigrinya", native_name="ትግርኛ")])
    return suggestion


@pytest.fixture
def report(directory):
    listing = GroupPageFactory(parent=directory, title="Old pantry")
    return ProblemReportFactory(
        listing=listing,
        problem=ProblemReport.Problem.HOURS,
        details="They open at 10 now, not 9.",
        contact_email="reader@example.org",
        language="vi",
    )


def read_only_values(html):
    """The texts of the admin's read-only fields, as an editor reads them."""
    outputs = re.findall(r'<div class="w-field__textoutput"[^>]*>(.*?)</div>', html, re.S)
    return [unescape(output).strip() for output in outputs]


def received(instance):
    return date_format(localtime(instance.created_at), "DATETIME_FORMAT")


def test_problem_reports_open_from_the_queue(client, editor, report):
    client.force_login(editor)
    html = client.get(reverse("suggestions_problemreport:index")).content.decode()
    assert f'href="{reverse("suggestions_problemreport:edit", args=[report.pk])}"' in html
    assert reverse("suggestions_problemreport:inspect", args=[report.pk]) in html
    assert "The hours are wrong" in html


def test_a_report_shows_what_was_sent(client, editor, report):
    client.force_login(editor)
    html = client.get(reverse("suggestions_problemreport:edit", args=[report.pk])).content.decode()
    assert "What was submitted" in html
    assert read_only_values(html) == [
        "Old pantry",
        "The hours are wrong",
        "They open at 10 now, not 9.",
        "reader@example.org",
        "vi",
        received(report),
    ]


def test_a_suggestion_shows_what_was_sent(client, editor, suggestion):
    client.force_login(editor)
    url = reverse("suggestions_listingsuggestion:edit", args=[suggestion.pk])
    html = client.get(url).content.decode()
    assert read_only_values(html) == [
        "Rainier Valley Pantry",
        "Mutual-aid group",
        "Free groceries on Saturdays.",
        "Food",
        "Rainier Valley",
        "Tigrinya",
        "https://pantry.example.org/",
        "Ask at the community centre.",
        "neighbour@example.org",
        "es",
        received(suggestion),
    ]


def test_editors_change_status_and_notes_but_not_the_record(client, editor, suggestion):
    client.force_login(editor)
    url = reverse("suggestions_listingsuggestion:edit", args=[suggestion.pk])
    client.post(
        url,
        {
            "status": Status.DECLINED,
            "editor_notes": "Already listed as Rainier Pantry.",
            "name": "Something else",
            "summary": "Changed.",
        },
    )
    suggestion = ListingSuggestion.objects.get(pk=suggestion.pk)
    assert suggestion.status == Status.DECLINED
    assert suggestion.editor_notes == "Already listed as Rainier Pantry."
    assert (suggestion.name, suggestion.summary) == (
        "Rainier Valley Pantry",
        "Free groceries on Saturdays.",
    )
    assert [need.slug for need in suggestion.needs.all()] == ["food"]
