"""Searches that found nothing are counted for editors, who add a synonym or promote a page.

What a reader typed is kept only as words, a language and a count: nothing about who searched.
"""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from search.models import SynonymSet, UnansweredSearch
from search.unanswered import normalised

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.invalid", "pw")
    client.force_login(user)
    return client


def counted():
    return {(s.text, s.language): s.count for s in UnansweredSearch.objects.all()}


def test_a_search_that_finds_nothing_is_counted_per_words_and_language(client, content):
    client.get("/en/search/", {"q": "Knitting  needles"})
    client.get("/en/search/", {"q": "knitting needles"})
    client.get("/es/search/", {"q": "knitting needles"})
    client.get("/api/v1/search/", {"q": "knitting needles", "locale": "es"})

    assert counted() == {("knitting needles", "en"): 2, ("knitting needles", "es"): 2}


def test_searches_that_find_something_or_are_narrowed_by_a_filter_are_not_counted(client, content):
    assert "Neighbors Grocery Delivery" in client.get("/en/search/", {"q": "groceries"}).text
    client.get("/en/search/", {"q": "groceries", "area": "nowhere"})  # the filter's zero
    client.get("/en/search/", {"q": "*"})  # no words: nothing was searched
    client.get("/api/v1/search/autocomplete/", {"q": "zzzz"})  # typing, not searching

    assert counted() == {}


@pytest.mark.parametrize(
    "text",
    ["call me at 206 555 0100", "jane.doe@example.org", "(206) 555-0100", "x " * 20, ""],
)
def test_text_that_looks_like_contact_details_or_is_too_long_is_never_kept(text):
    assert normalised(text) == ""


def test_once_the_table_is_full_only_searches_already_kept_are_counted(client, content, settings):
    settings.SEARCH_UNANSWERED_MAX_ROWS = 1
    client.get("/en/search/", {"q": "knitting"})
    client.get("/en/search/", {"q": "random words from a bot"})
    client.get("/en/search/", {"q": "knitting"})

    assert counted() == {("knitting", "en"): 2}


def test_a_failing_count_never_fails_the_search(client, content, monkeypatch):
    from django.db import OperationalError

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(UnansweredSearch.objects, "filter", locked)
    response = client.get("/en/search/", {"q": "knitting"})

    assert response.status_code == 200
    assert "No results for “knitting”" in response.text


def test_editors_see_the_report_and_add_the_words_to_a_synonym_set(staff_client, client, content):
    money = SynonymSet.objects.create(name="Money", terms="money, cash")
    for _ in range(3):
        client.get("/en/search/", {"q": "rent help"})
    search = UnansweredSearch.objects.get()

    report = staff_client.get(reverse("search_unanswered:index")).text
    assert "rent help" in report and ">3<" in report.replace(" ", "").replace("\n", "")
    form_url = reverse("search_unanswered_synonyms", args=[search.pk])
    assert form_url in report

    refused = staff_client.post(form_url, {"synonym_set": "", "new_set_name": " "})
    assert "Choose a synonym set or name a new one." in refused.text
    assert SynonymSet.objects.get(pk=money.pk).terms == "money, cash"

    staff_client.post(form_url, {"synonym_set": money.pk})
    assert SynonymSet.objects.get(pk=money.pk).term_list() == ["money", "cash", "rent help"]


def test_editors_promote_a_page_for_the_words_and_readers_then_see_it(
    staff_client, client, content
):
    client.get("/en/search/", {"q": "knitting"})
    search = UnansweredSearch.objects.get()

    response = staff_client.get(reverse("search_unanswered_promote", args=[search.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailsearchpromotions:index"))
    edit = staff_client.get(response["Location"]).text
    assert 'value="knitting"' in edit


def test_only_editors_with_the_permission_see_the_report(client, content, django_user_model):
    user = django_user_model.objects.create_user("helper", "helper@example.invalid", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    assert client.get(reverse("search_unanswered:index")).status_code in (302, 403)

    user.user_permissions.add(Permission.objects.get(codename="view_unansweredsearch"))
    assert client.get(reverse("search_unanswered:index")).status_code == 200
