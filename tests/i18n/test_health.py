"""The translation health report editors use: status per page/snippet and language."""

import re

import pytest

from translations.models import ReviewFlag

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.invalid", "pw")
    client.force_login(user)
    return client


def status(html, title, code):
    row = html[html.index(f">{title}</a></th>") :]
    row = row[: row.index("</tr>")]
    return re.search(rf'data-locale="{code}" data-status="(\w+)"', row).group(1)


def test_report_shows_translated_missing_and_flagged(translated, editor_client):
    response = editor_client.get("/admin/reports/translation-health/")
    assert response.status_code == 200
    html = response.content.decode()
    assert status(html, "Volunteer form", "es") == "translated"
    assert status(html, "Neighbours group", "am") == "missing"
    assert status(html, "Neighbours group", "vi") == "missing"
    assert "Flagged: Machine-assisted: needs a fluent reviewer" in html
    assert "/admin/localize/submit/page/" in html  # the "translate" link of a missing cell


def test_editing_the_english_marks_translations_out_of_date(translated, editor_client):
    form = translated["form"]
    form.summary = "Sign up to deliver groceries on Saturdays."
    form.save_revision().publish()
    html = editor_client.get("/admin/reports/translation-health/").content.decode()
    assert status(html, "Volunteer form", "es") == "outdated"
    assert status(html, "Neighbours group", "es") == "translated"


def test_filters_narrow_the_report_and_ignore_nonsense(translated, editor_client):
    html = editor_client.get("/admin/reports/translation-health/?locale=am&status=missing")
    html = html.content.decode()
    assert "Neighbours group" in html and "Volunteer form" not in html
    odd = editor_client.get("/admin/reports/translation-health/?locale=xx&status=nope")
    assert odd.status_code == 200 and "Volunteer form" in odd.content.decode()


def test_review_flags_are_listed_in_the_admin_and_cannot_be_typed_in(translated, editor_client):
    response = editor_client.get("/admin/translations_review_flag/")
    assert response.status_code == 200
    assert ReviewFlag.objects.count() > 0
    assert "Machine-assisted" in response.content.decode()
    assert editor_client.get("/admin/translations_review_flag/new/").status_code in (302, 403)
